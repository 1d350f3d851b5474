/**
 * The kiosk's speaker: plays what the kiosk says (kiosk-speech.ts) with the display's clip player from the
 * voice pack, at the center's volume, offline once the pack is decoded.
 *
 * Unlike a hall display, whose calls never cut each other off, a kiosk follows one citizen: what the kiosk
 * says now replaces what it was saying (a tap straight on a tile stops the greeting and reads the number),
 * except a line that continues the last one (the printer's trouble after the number), which waits its turn.
 *
 * Every line is logged in order (`log`, published as `window.__qmKioskVoiceLog`): 'request' with the clip ids
 * asked of the player, 'start', 'end' (with `audible`), 'error', 'stopped', and 'muted' for a line the center's
 * settings keep silent. End-to-end tests assert on this log, never on sound.
 */
import type { Announcement } from '../../display/voice/announcement';
import type { AnnouncementPlayer } from '../../display/voice/player';
import { resumeAudioOnFirstGesture } from '../../display/voice/players/autoplay-unlock';
import { ClipPlayer, type ClipAudioContext } from '../../display/voice/players/clip-player';
import { createSilentPlayer } from '../../display/voice/players/silent-player';
import { DEFAULT_PACK, loadVoicePack, type ResolvedVoicePack } from '../../display/voice/voice-pack';
import { kioskAnnouncement, type KioskLine, type KioskSpeechSettings } from './kiosk-speech';

export type KioskVoiceEvent = 'request' | 'start' | 'end' | 'error' | 'stopped' | 'muted';

export interface KioskVoiceLogEntry {
  event: KioskVoiceEvent;
  /** Which line: 'greeting', 'choose-field', 'issued', 'printer-fault'. */
  line: KioskLine['kind'];
  /** On 'request': the clips asked of the player, in order. */
  clips?: string[];
  /** What is said, as written. */
  text: string;
  at: number;
  /** On 'end': whether any of it could be heard (audio blocked until a touch, or no pack). */
  audible?: boolean;
  detail?: string;
}

declare global {
  interface Window {
    /** The kiosk's spoken lines, in order (bounded). */
    __qmKioskVoiceLog?: KioskVoiceLogEntry[];
  }
}

export interface KioskVoiceSettings extends KioskSpeechSettings {
  /** The center's switch (settings.kioskVoice). */
  enabled: boolean;
  /** 0–100 (settings.kioskVolume). */
  volume: number;
}

/** What the kiosk needs of its audio; tests pass a fake. */
export interface KioskAudio {
  player: AnnouncementPlayer;
  setVolume(volume: number): void;
  dispose(): void;
}

export interface KioskVoiceOptions {
  /** Folder with the voice packs, e.g. 'http://server/voice/' for an embedded kiosk; default: this origin's /voice/. */
  root?: string;
  pack?: string;
  /** Builds the audio once, when the first line is to be spoken with the voice on. */
  createAudio?: (options: KioskAudioOptions) => Promise<KioskAudio>;
  now?: () => number;
  maxLogEntries?: number;
}

/**
 * The pack through a gain node (the volume), preloaded so the kiosk speaks offline, resumed by the first touch
 * (Chromium keeps audio suspended until a gesture unless started with --autoplay-policy=no-user-gesture-required).
 */
export interface KioskAudioOptions {
  root?: string;
  pack: string;
  /** Voices decoded ahead ('vi-north', 'en'); others' clips are fetched when first said. */
  voices?: readonly string[];
}

export async function createKioskAudio(options: KioskAudioOptions): Promise<KioskAudio> {
  let pack: ResolvedVoicePack;
  let context: AudioContext;
  try {
    pack = await loadVoicePack(options.pack, options.root ? { root: options.root } : {});
    context = new AudioContext();
  } catch {
    return { player: createSilentPlayer(), setVolume: () => undefined, dispose: () => undefined };
  }
  const gain = context.createGain();
  gain.connect(context.destination);
  const routed: ClipAudioContext = {
    get state() {
      return context.state;
    },
    get currentTime() {
      return context.currentTime;
    },
    destination: gain,
    resume: () => context.resume(),
    decodeAudioData: (data) => context.decodeAudioData(data),
    createBufferSource: () => context.createBufferSource(),
  };
  const player = new ClipPlayer({ context: routed, pack, gapMs: 30 });
  const voices = options.voices;
  void player.preload(voices ? [...pack.keys()].filter((id) => voices.some((voice) => id.startsWith(`${voice}/`))) : undefined);
  const removeUnlock = resumeAudioOnFirstGesture(context);
  return {
    player,
    setVolume: (volume) => {
      gain.gain.value = Math.max(0, Math.min(100, volume)) / 100;
    },
    dispose: () => {
      removeUnlock();
      player.stop();
      void context.close();
    },
  };
}

export class KioskVoice {
  readonly log: KioskVoiceLogEntry[] = [];
  private audio: Promise<KioskAudio> | null = null;
  private readonly waiting: { line: KioskLine; announcement: Announcement; volume: number }[] = [];
  private current: { line: KioskLine; announcement: Announcement } | null = null;
  private draining = false;
  private disposed = false;

  constructor(private readonly options: KioskVoiceOptions = {}) {
    if (typeof window !== 'undefined') window.__qmKioskVoiceLog = this.log;
  }

  /**
   * Loads the pack and decodes the voices named ahead of the first line (call once the center's settings say
   * the voice is on).
   */
  prepare(voices?: readonly string[], pack?: string): Promise<KioskAudio> {
    if (!this.audio) {
      const create = this.options.createAudio ?? createKioskAudio;
      this.audio = create({ root: this.options.root, pack: pack ?? this.options.pack ?? DEFAULT_PACK, voices });
    }
    return this.audio;
  }

  /**
   * Says a line. By default it replaces whatever is being said or waiting; `continues` lets it wait for the
   * line before it (the printer's trouble after the number).
   */
  say(line: KioskLine, settings: KioskVoiceSettings, options: { continues?: boolean } = {}): void {
    if (this.disposed) return;
    const announcement = kioskAnnouncement(line, settings);
    if (!settings.enabled || settings.volume <= 0) {
      this.record({ event: 'muted', line: line.kind, text: announcement.text });
      return;
    }
    if (!options.continues) {
      for (const dropped of this.waiting.splice(0)) this.record({ event: 'stopped', line: dropped.line.kind, text: dropped.announcement.text, detail: 'replaced' });
      if (this.current) {
        this.record({ event: 'stopped', line: this.current.line.kind, text: this.current.announcement.text, detail: 'replaced' });
        void this.audio?.then((audio) => audio.player.stop?.());
      }
    }
    this.record({ event: 'request', line: line.kind, clips: announcement.clips, text: announcement.text });
    this.waiting.push({ line, announcement, volume: settings.volume });
    void this.drain();
  }

  dispose(): void {
    this.disposed = true;
    this.waiting.length = 0;
    void this.audio?.then((audio) => audio.dispose());
  }

  private async drain(): Promise<void> {
    if (this.draining) return;
    this.draining = true;
    try {
      while (this.waiting.length > 0 && !this.disposed) {
        const audio = await this.prepare();
        const next = this.waiting.shift();
        if (!next) break;
        this.current = next;
        audio.setVolume(next.volume);
        this.record({ event: 'start', line: next.line.kind, text: next.announcement.text });
        try {
          const result = await audio.player.play(next.announcement);
          this.record({ event: 'end', line: next.line.kind, text: next.announcement.text, audible: result.audible });
        } catch (error) {
          this.record({ event: 'error', line: next.line.kind, text: next.announcement.text, detail: error instanceof Error ? error.message : String(error) });
        }
        this.current = null;
      }
    } finally {
      this.draining = false;
    }
  }

  private record(entry: Omit<KioskVoiceLogEntry, 'at'>): void {
    this.log.push({ ...entry, at: (this.options.now ?? Date.now)() });
    const max = this.options.maxLogEntries ?? 500;
    if (this.log.length > max) this.log.splice(0, this.log.length - max);
  }
}
