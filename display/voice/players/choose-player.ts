/**
 * Picks who voices each language: speech synthesis only where the center asked
 * for it and the browser has a voice for that language, the clip player otherwise.
 */
import type { Announcement, AnnouncementLang } from '../announcement';
import type { AnnouncementPlayer, PlayResult } from '../player';
import { findVoice, SpeechPlayer } from './speech-player';

export interface ChoosePlayerOptions {
  clipPlayer: AnnouncementPlayer;
  preferSpeechSynthesis: boolean;
  /** `window.speechSynthesis`, absent in some kiosk builds. */
  speech?: SpeechSynthesis;
}

export function chooseAnnouncementPlayer(options: ChoosePlayerOptions): AnnouncementPlayer {
  const { clipPlayer, speech } = options;
  if (!options.preferSpeechSynthesis || !speech) return clipPlayer;
  const byLang = new Map<AnnouncementLang, AnnouncementPlayer>();
  const playerFor = (lang: AnnouncementLang): AnnouncementPlayer => {
    // Voices load asynchronously in Chromium, so look again until one is found.
    if (!byLang.has(lang)) {
      const voice = findVoice(speech.getVoices(), lang);
      if (!voice) return clipPlayer;
      byLang.set(lang, new SpeechPlayer(speech, voice));
    }
    return byLang.get(lang)!;
  };
  let current: AnnouncementPlayer | undefined;
  return {
    play(announcement: Announcement): Promise<PlayResult> {
      current = playerFor(announcement.lang);
      return current.play(announcement);
    },
    stop(): void {
      current?.stop?.();
    },
  };
}
