/**
 * Connects the display pages to the voice module: builds the voice once (pack
 * download, audio decoding), holds calls that arrive meanwhile, and publishes
 * the sequencer's log as `window.__qmVoiceLog` for end-to-end tests (they check
 * order and non-overlap there, not sound).
 */
import type { CallRecord } from '../protocol/realtime';
import type { VoiceSettings } from './voice/call-announcements';
import { createDisplayVoice, type DisplayVoice } from './voice/display-voice';
import type { SequencerLogEntry } from './voice/sequencer';

declare global {
  interface Window {
    /** The announcement log of this page (bounded by the sequencer). */
    __qmVoiceLog?: SequencerLogEntry[];
  }
}

export interface DisplayAnnouncerOptions {
  pack: string;
  preferSpeechSynthesis: boolean;
  /** Tests pass a factory; pages use the real voice. */
  createVoice?: typeof createDisplayVoice;
}

export class DisplayAnnouncer {
  private voice: DisplayVoice | undefined;
  private readonly early: { call: CallRecord; settings: VoiceSettings }[] = [];
  private disposed = false;

  constructor(private readonly options: DisplayAnnouncerOptions) {}

  async start(): Promise<void> {
    const create = this.options.createVoice ?? createDisplayVoice;
    const voice = await create({ pack: this.options.pack, preferSpeechSynthesis: this.options.preferSpeechSynthesis });
    if (this.disposed) {
      voice.dispose();
      return;
    }
    this.voice = voice;
    if (typeof window !== 'undefined') window.__qmVoiceLog = voice.sequencer.log;
    // In arrival order, like everything the sequencer gets.
    for (const { call, settings } of this.early.splice(0)) voice.announce(call, settings);
  }

  announce(call: CallRecord, settings: VoiceSettings): void {
    if (this.disposed) return;
    if (this.voice) this.voice.announce(call, settings);
    // Bounded like the sequencer's own queue: a backlog nobody heard is not worth reading out.
    else if (this.early.push({ call, settings }) > 20) this.early.shift();
  }

  dispose(): void {
    this.disposed = true;
    this.early.length = 0;
    this.voice?.dispose();
  }
}
