/**
 * Plays nothing but takes as long as the announcement would, so captions and
 * the sequencer log keep realistic pacing (tests, displays without a speaker).
 */
import type { Announcement } from '../announcement';
import { delay, type AnnouncementPlayer, type PlayResult } from '../player';
import { clipsDurationMs, type ResolvedVoicePack } from '../voice-pack';

export interface SilentPlayerOptions {
  /** Durations come from the pack's manifest; without one each clip counts as one word. */
  pack?: ResolvedVoicePack;
  gapMs?: number;
}

export function createSilentPlayer(options: SilentPlayerOptions = {}): AnnouncementPlayer {
  return {
    async play(announcement: Announcement): Promise<PlayResult> {
      await delay(clipsDurationMs(announcement.clips, options.pack, options.gapMs ?? 0));
      return { audible: false };
    },
  };
}
