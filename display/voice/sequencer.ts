/**
 * The announcement queue of one display. Calls are spoken one at a time, in
 * arrival order, never cutting each other off, with a pause between them.
 *
 * The log is the contract with end-to-end tests: they assert order and
 * non-overlap of 'start'/'end' entries, never what the speaker did.
 */
import type { Announcement } from './announcement';
import { delay, type AnnouncementPlayer } from './player';

export interface QueuedCall {
  /**
   * Identifies the call event. The same event delivered twice (a replay after a
   * reconnect) carries the same key and is spoken once; a recall is a new event
   * with a new key and is spoken again.
   */
  key: string;
  /** Spoken back to back, e.g. Vietnamese then English. */
  parts: Announcement[];
}

export type SequencerEvent = 'enqueued' | 'duplicate' | 'dropped' | 'start' | 'end' | 'error';

export interface SequencerLogEntry {
  event: SequencerEvent;
  key: string;
  /** Epoch ms from the injected clock. */
  at: number;
  /** Caption of the first part: what the screen shows while it is spoken. */
  text: string;
  /** On 'end': whether any of it could be heard. */
  audible?: boolean;
  /** On 'error' and 'dropped': why. */
  detail?: string;
}

export interface SequencerOptions {
  player: AnnouncementPlayer;
  /** Silence between the end of one call and the start of the next. */
  minGapMs?: number;
  /** Waiting calls kept; beyond this the oldest waiting call is dropped. */
  maxQueue?: number;
  /** A play that takes longer than this is stopped so the queue moves on. */
  playTimeoutMs?: number;
  /** How many recent keys are remembered for de-duplication. */
  rememberKeys?: number;
  /** Entries kept in `log`; a kiosk runs for weeks without reload. */
  maxLogEntries?: number;
  now?: () => number;
  onLog?: (entry: SequencerLogEntry) => void;
}

const DEFAULTS = {
  minGapMs: 800,
  maxQueue: 20,
  playTimeoutMs: 20_000,
  rememberKeys: 1000,
  maxLogEntries: 2000,
};

class PlayTimeout extends Error {}

export class AnnouncementSequencer {
  readonly log: SequencerLogEntry[] = [];
  private readonly options: Required<Omit<SequencerOptions, 'onLog'>> & Pick<SequencerOptions, 'onLog'>;
  private readonly waiting: QueuedCall[] = [];
  private readonly seenKeys = new Set<string>();
  private draining = false;
  private disposed = false;
  private lastEndAt: number | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(options: SequencerOptions) {
    this.options = { ...DEFAULTS, now: () => Date.now(), ...options };
  }

  /** Calls waiting, not counting the one being spoken. */
  get pending(): number {
    return this.waiting.length;
  }

  get busy(): boolean {
    return this.draining;
  }

  /** Returns false when the call was a duplicate (or the sequencer is disposed). */
  enqueue(call: QueuedCall): boolean {
    if (this.disposed) return false;
    if (this.seenKeys.has(call.key)) {
      this.record('duplicate', call);
      return false;
    }
    this.remember(call.key);
    this.waiting.push(call);
    this.record('enqueued', call);
    while (this.waiting.length > this.options.maxQueue) {
      // The oldest waiting call is the most stale: its citizen has likely seen it on screen.
      const dropped = this.waiting.shift()!;
      this.record('dropped', dropped, { detail: `queue over ${this.options.maxQueue}` });
    }
    void this.drain();
    return true;
  }

  /** Resolves when nothing is playing or waiting. */
  idle(): Promise<void> {
    if (!this.draining && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  /** Stops speaking and forgets waiting calls (page unload, settings change). */
  dispose(): void {
    this.disposed = true;
    this.waiting.length = 0;
    this.options.player.stop?.();
  }

  private remember(key: string): void {
    this.seenKeys.add(key);
    if (this.seenKeys.size > this.options.rememberKeys) {
      // Sets iterate in insertion order, so the first key is the oldest.
      this.seenKeys.delete(this.seenKeys.values().next().value!);
    }
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0 && !this.disposed) {
        const { minGapMs, now } = this.options;
        if (this.lastEndAt !== undefined) await delay(this.lastEndAt + minGapMs - now());
        // Taken only after the gap, so a call dropped meanwhile is not spoken.
        const call = this.waiting.shift();
        if (!call || this.disposed) break;
        await this.announce(call);
        this.lastEndAt = now();
      }
    } finally {
      this.draining = false;
      const waiters = this.idleWaiters;
      this.idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
  }

  private async announce(call: QueuedCall): Promise<void> {
    this.record('start', call);
    let audible = call.parts.length > 0;
    for (const part of call.parts) {
      if (this.disposed) break;
      try {
        const result = await this.playWithTimeout(part);
        audible &&= result.audible;
      } catch (error) {
        audible = false;
        if (error instanceof PlayTimeout) this.options.player.stop?.();
        this.record('error', call, { detail: error instanceof Error ? error.message : String(error) });
      }
    }
    this.record('end', call, { audible });
  }

  private playWithTimeout(part: Announcement) {
    const { player, playTimeoutMs } = this.options;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new PlayTimeout(`play took over ${playTimeoutMs} ms`)), playTimeoutMs);
    });
    // A player that throws synchronously must not escape as an unhandled error.
    const playing = Promise.resolve().then(() => player.play(part));
    return Promise.race([playing, timeout]).finally(() => clearTimeout(timer));
  }

  private record(event: SequencerEvent, call: QueuedCall, extra: Partial<SequencerLogEntry> = {}): void {
    const entry: SequencerLogEntry = {
      event,
      key: call.key,
      at: this.options.now(),
      text: call.parts[0]?.text ?? '',
      ...extra,
    };
    this.log.push(entry);
    if (this.log.length > this.options.maxLogEntries) this.log.splice(0, this.log.length - this.options.maxLogEntries);
    this.options.onLog?.(entry);
  }
}
