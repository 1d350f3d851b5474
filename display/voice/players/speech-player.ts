/**
 * Speaks announcements with the browser's speech synthesis. Used only when the
 * center asks for it and the browser really has a voice for the language:
 * most kiosk Chromium builds have no Vietnamese voice, and a non-Vietnamese
 * voice reading Vietnamese is unintelligible.
 */
import type { Announcement, AnnouncementLang } from '../announcement';
import type { AnnouncementPlayer, PlayResult } from '../player';

export function findVoice(voices: readonly SpeechSynthesisVoice[], lang: AnnouncementLang): SpeechSynthesisVoice | undefined {
  const matching = voices.filter((voice) => voice.lang.toLowerCase().replace('_', '-').split('-')[0] === lang);
  // Prefer an on-device voice: network voices fail exactly when the center is offline.
  return matching.find((voice) => voice.localService) ?? matching[0];
}

export class SpeechPlayer implements AnnouncementPlayer {
  constructor(
    private readonly synth: SpeechSynthesis,
    private readonly voice: SpeechSynthesisVoice,
    /** Slightly slow speech carries better across a noisy hall. */
    private readonly rate = 0.9,
  ) {}

  play(announcement: Announcement): Promise<PlayResult> {
    return new Promise((resolve, reject) => {
      const utterance = new SpeechSynthesisUtterance(announcement.spokenText);
      utterance.voice = this.voice;
      utterance.lang = this.voice.lang;
      utterance.rate = this.rate;
      utterance.onend = () => resolve({ audible: true });
      utterance.onerror = (event) => reject(new Error(`speech synthesis: ${event.error}`));
      this.synth.speak(utterance);
    });
  }

  stop(): void {
    this.synth.cancel();
  }
}
