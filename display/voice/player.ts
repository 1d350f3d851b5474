/**
 * What the sequencer needs from anything that can voice an announcement.
 * Implementations: clip player (Web Audio), speech synthesis, silent (tests,
 * or a screen with no speaker).
 */
import type { Announcement } from './announcement';

export interface PlayResult {
  /** False when nothing could be heard (autoplay blocked, no voice): the caption still showed. */
  audible: boolean;
}

export interface AnnouncementPlayer {
  /** Resolves once the announcement has finished; rejects on failure. */
  play(announcement: Announcement): Promise<PlayResult>;
  /** Cuts off whatever is playing; called when a play overruns its time limit. */
  stop?(): void;
}

/** Resolves after `ms` using the global timer, so fake timers control it in tests. */
export function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
