/**
 * A USB 2D scanner in keyboard mode types what it read, very fast, and ends with Enter. This buffer watches the
 * kiosk's keystrokes and hands over such a burst whole: a booking code (the booking's QR) or the text of a CCCD's
 * QR, from whichever screen is showing. A person never types that fast, and the kiosk has no keyboard of its own,
 * so keys slower than a scanner's simply start the burst again.
 *
 * The scanned text is given to `onScan` and dropped: nothing of a CCCD is kept here.
 */
import { isBookingCode, normalizeBookingCode } from '../../protocol/appointments';
import { parseCccd } from '../../protocol/cccd';

export type Scan = { kind: 'code'; code: string } | { kind: 'cccd'; text: string } | { kind: 'unknown' };

/** What a burst is: a CCCD's QR, a booking code (alone or at the end of a booking page's URL), or neither. */
export function classifyScan(raw: string): Scan {
  const text = raw.replace(/[\r\n]+$/g, '').trim();
  if (text.includes('|')) return parseCccd(text).ok ? { kind: 'cccd', text } : { kind: 'unknown' };
  const fromUrl = /[?&]code=([^&#\s]+)/i.exec(text)?.[1];
  const code = normalizeBookingCode(fromUrl ? decodeURIComponent(fromUrl) : text);
  return isBookingCode(code) ? { kind: 'code', code } : { kind: 'unknown' };
}

export interface ScanBufferOptions {
  /** Longest pause between two keys of one burst (scanners send a key every few ms). */
  maxGapMs?: number;
  /** Shortest burst taken as a scan (a booking code has 6 characters). */
  minLength?: number;
  now?: () => number;
}

export class ScanBuffer {
  private text = '';
  private last = 0;
  private readonly maxGapMs: number;
  private readonly minLength: number;

  constructor(
    private readonly onScan: (scan: Scan) => void,
    options: ScanBufferOptions = {},
  ) {
    this.maxGapMs = options.maxGapMs ?? 80;
    this.minLength = options.minLength ?? 6;
    this.now = options.now ?? (() => performance.now());
  }

  private readonly now: () => number;

  /**
   * One keystroke. Returns true when it ended a scan (the caller then stops the Enter from reaching a button
   * or a field).
   */
  key(key: string): boolean {
    const now = this.now();
    if (now - this.last > this.maxGapMs) this.text = '';
    this.last = now;
    if (key === 'Enter') {
      const text = this.text;
      this.text = '';
      if (text.length < this.minLength) return false;
      this.onScan(classifyScan(text));
      return true;
    }
    if (key.length === 1) this.text += key;
    else if (key !== 'Shift' && key !== 'Alt' && key !== 'AltGraph') this.text = '';
    // A scanner's burst is never longer than a CCCD's text; anything beyond is not one.
    if (this.text.length > 600) this.text = '';
    return false;
  }

  /** Listens on `target` (capture phase, so no screen's own handler hides a burst from it); returns the undo. */
  attach(target: EventTarget): () => void {
    const listener = (event: Event) => {
      const e = event as KeyboardEvent;
      if (e.isComposing) return;
      if (this.key(e.key)) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    target.addEventListener('keydown', listener, { capture: true });
    return () => target.removeEventListener('keydown', listener, { capture: true });
  }
}
