/**
 * Plays an announcement by stitching voice-pack clips with the Web Audio API.
 * Each clip is fetched and decoded once, then scheduled sample-accurately back
 * to back, which sounds far more natural than chaining <audio> elements.
 */
import type { Announcement } from '../announcement';
import { delay, type AnnouncementPlayer, type PlayResult } from '../player';
import { clipsDurationMs, type ResolvedClip, type ResolvedVoicePack } from '../voice-pack';

/** The part of AudioContext used here, so tests can pass a fake. */
export interface ClipAudioContext {
  readonly state: string;
  readonly currentTime: number;
  readonly destination: AudioNode;
  resume(): Promise<void>;
  decodeAudioData(data: ArrayBuffer): Promise<AudioBuffer>;
  createBufferSource(): AudioBufferSourceNode;
}

export interface ClipPlayerOptions {
  context: ClipAudioContext;
  pack: ResolvedVoicePack;
  fetch?: typeof fetch;
  /** Pause between words; clips already carry a little padding. */
  gapMs?: number;
}

/** Scheduling slightly ahead avoids a click when the first clip starts late. */
const START_LEAD_S = 0.05;
/** If 'ended' never fires (context suspended mid-way) give up this long after the nominal end. */
const ENDED_GRACE_MS = 500;

export class ClipPlayer implements AnnouncementPlayer {
  private readonly buffers = new Map<string, Promise<AudioBuffer>>();
  private playing: AudioBufferSourceNode[] = [];

  constructor(private readonly options: ClipPlayerOptions) {}

  /** Decode clips ahead of time: a kiosk may be offline when the first call comes. */
  async preload(ids: Iterable<string> = this.options.pack.keys()): Promise<void> {
    await Promise.all([...ids].map((id) => this.clipBuffer(id)));
  }

  async play(announcement: Announcement): Promise<PlayResult> {
    const { context } = this.options;
    const gapMs = this.options.gapMs ?? 0;
    if (context.state !== 'running') {
      // Maybe a gesture has happened since; if not, pace the caption as if spoken.
      await context.resume().catch(() => undefined);
      if (context.state !== 'running') {
        await delay(clipsDurationMs(announcement.clips, this.options.pack, gapMs));
        return { audible: false };
      }
    }
    const buffers = (await Promise.all(announcement.clips.map((id) => this.clipBuffer(id)))).filter(
      (buffer): buffer is AudioBuffer => buffer !== undefined,
    );
    if (buffers.length === 0) return { audible: false };

    let at = context.currentTime + START_LEAD_S;
    const sources = buffers.map((buffer) => {
      const source = context.createBufferSource();
      source.buffer = buffer;
      source.connect(context.destination);
      source.start(at);
      at += buffer.duration + gapMs / 1000;
      return source;
    });
    this.playing = sources;
    const nominalMs = (at - context.currentTime) * 1000;
    await new Promise<void>((resolve) => {
      sources.at(-1)!.addEventListener('ended', () => resolve(), { once: true });
      setTimeout(resolve, nominalMs + ENDED_GRACE_MS);
    });
    this.playing = [];
    return { audible: true };
  }

  stop(): void {
    for (const source of this.playing) {
      try {
        source.stop();
      } catch {
        // Not started yet or already stopped: nothing to silence.
      }
    }
    this.playing = [];
  }

  /** Undefined for a clip missing from the pack or failing to load: the rest still plays. */
  private async clipBuffer(id: string): Promise<AudioBuffer | undefined> {
    const clip = this.options.pack.get(id);
    if (!clip) return undefined;
    try {
      return await this.decodeOnce(clip);
    } catch {
      return undefined;
    }
  }

  private decodeOnce(clip: ResolvedClip): Promise<AudioBuffer> {
    let buffer = this.buffers.get(clip.url);
    if (!buffer) {
      const fetchFn = this.options.fetch ?? fetch;
      buffer = fetchFn(clip.url)
        .then((response) => {
          if (!response.ok) throw new Error(`clip ${clip.id}: HTTP ${response.status}`);
          return response.arrayBuffer();
        })
        .then((data) => this.options.context.decodeAudioData(data));
      // Forget failures so a later announcement retries (the server may be back).
      buffer.catch(() => this.buffers.delete(clip.url));
      this.buffers.set(clip.url, buffer);
    }
    return buffer;
  }
}
