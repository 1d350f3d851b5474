/**
 * Wires the voice of a hall display: voice pack, audio context, player choice,
 * autoplay unlock and the announcement queue. The display page calls `announce`
 * for every `ticket:called` event, replays included; de-duplication is done here.
 */
import type { CallRecord } from '../../protocol/realtime';
import type { AnnouncementPlayer } from './player';
import { announcementsForCall, type VoiceSettings } from './call-announcements';
import { resumeAudioOnFirstGesture } from './players/autoplay-unlock';
import { chooseAnnouncementPlayer } from './players/choose-player';
import { ClipPlayer } from './players/clip-player';
import { createSilentPlayer } from './players/silent-player';
import { AnnouncementSequencer, type SequencerLogEntry, type SequencerOptions } from './sequencer';
import { DEFAULT_PACK, loadVoicePack } from './voice-pack';

export interface DisplayVoiceOptions {
  /** Folder name under /voice/; clips it lacks come from the default pack. */
  pack?: string;
  preferSpeechSynthesis?: boolean;
  onLog?: (entry: SequencerLogEntry) => void;
  sequencer?: Omit<SequencerOptions, 'player' | 'onLog'>;
}

export interface DisplayVoice {
  announce(call: CallRecord, settings: VoiceSettings): boolean;
  readonly sequencer: AnnouncementSequencer;
  /** Removes the gesture listeners and stops speaking (disconnectedCallback). */
  dispose(): void;
}

export async function createDisplayVoice(options: DisplayVoiceOptions = {}): Promise<DisplayVoice> {
  let player: AnnouncementPlayer;
  let removeUnlock = (): void => undefined;
  let context: AudioContext | undefined;
  try {
    const pack = await loadVoicePack(options.pack ?? DEFAULT_PACK);
    context = new AudioContext();
    const clipPlayer = new ClipPlayer({ context, pack, gapMs: 30 });
    // Decode everything now: the network may be gone when the first call comes.
    void clipPlayer.preload();
    removeUnlock = resumeAudioOnFirstGesture(context);
    player = chooseAnnouncementPlayer({
      clipPlayer,
      preferSpeechSynthesis: options.preferSpeechSynthesis ?? false,
      speech: globalThis.speechSynthesis,
    });
  } catch {
    // No pack or no Web Audio: keep the queue and its log so captions still pace correctly.
    player = createSilentPlayer();
  }
  const sequencer = new AnnouncementSequencer({ ...options.sequencer, player, onLog: options.onLog });
  return {
    sequencer,
    announce: (call, settings) => sequencer.enqueue(announcementsForCall(call, settings)),
    dispose() {
      removeUnlock();
      sequencer.dispose();
      void context?.close();
    },
  };
}
