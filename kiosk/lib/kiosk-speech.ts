/**
 * What the kiosk says, as announcements the display's clip players play: the greeting when a citizen starts,
 * the prompt to choose a field, the number just issued ("Số thứ tự của quý khách là A023. Mời quý khách ngồi
 * chờ gọi số.") and what to do when the slip cannot print. Pure: the words and clip ids come from the voice
 * grammar of the hall display (display/voice/), so the kiosk reads a number exactly as the call will.
 */
import type { Announcement, AnnouncementLang } from '../../display/voice/announcement';
import { EN_PHRASES, enClip, VI_PHRASES, viClip, type EnPhraseId, type ViPhraseId } from '../../display/voice/clip-catalog';
import { enTicketWords, enWordsToText, viTicketWords, viWordsToText, type ViVariant } from '../../display/voice/number-words';

export type KioskLine =
  /** A citizen starts (first touch after idle) on the home screen: greeting, then "choose a field". */
  | { kind: 'greeting'; withPrompt: boolean }
  /** A screen of services to choose from (after choosing a priority group). */
  | { kind: 'choose-field' }
  /** The number just issued; with the printer's trouble when the slip cannot print. */
  | { kind: 'issued'; number: string; printerFault: boolean }
  /** The slip failed after the number was read. */
  | { kind: 'printer-fault' };

export interface KioskSpeechSettings {
  lang: AnnouncementLang;
  variant: ViVariant;
  digitByDigit: boolean;
}

type KioskPhrase = Extract<ViPhraseId, `kiosk-${string}`> & Extract<EnPhraseId, `kiosk-${string}`>;

const PRINTER_FAULT: KioskPhrase[] = ['kiosk-printer-fault', 'kiosk-take-photo', 'kiosk-or-scan-qr'];

/** A written sentence from phrases: first letter capitalised, a full stop at the end. */
function sentence(text: string): string {
  const trimmed = text.trim();
  return trimmed.charAt(0).toUpperCase() + trimmed.slice(1) + '.';
}

export function kioskAnnouncement(line: KioskLine, settings: KioskSpeechSettings): Announcement {
  const { lang, variant } = settings;
  const phrase = (id: KioskPhrase): string => (lang === 'vi' ? VI_PHRASES[id] : EN_PHRASES[id]);
  const clip = (id: KioskPhrase): string => (lang === 'vi' ? viClip(variant, id) : enClip(id));
  // Each sentence: its words on screen, its words for a synthesizer, its clips.
  const sentences: { text: string; spoken: string; clips: string[] }[] = [];
  const say = (...ids: KioskPhrase[]) => {
    // "…sự cố, xin hãy chụp ảnh màn hình hoặc quét mã QR": no comma before "hoặc" / "or".
    const text = ids.map(phrase).reduce((all, p) => (all ? `${all}${/^(hoặc|or) /.test(p) ? ' ' : ', '}${p}` : p), '');
    sentences.push({ text, spoken: text, clips: ids.map(clip) });
  };
  switch (line.kind) {
    case 'greeting':
      say('kiosk-greeting');
      if (line.withPrompt) say('kiosk-choose-field');
      break;
    case 'choose-field':
      say('kiosk-choose-field');
      break;
    case 'issued': {
      const opening = phrase('kiosk-your-number');
      if (lang === 'vi') {
        const words = viTicketWords(line.number, variant, { digitByDigit: settings.digitByDigit });
        sentences.push({ text: `${opening} ${line.number}`, spoken: `${opening} ${viWordsToText(words, variant)}`, clips: [clip('kiosk-your-number'), ...words.map((w) => viClip(variant, w))] });
      } else {
        const words = enTicketWords(line.number, { digitByDigit: settings.digitByDigit });
        sentences.push({ text: `${opening} ${line.number}`, spoken: `${opening} ${enWordsToText(words)}`, clips: [clip('kiosk-your-number'), ...words.map(enClip)] });
      }
      if (line.printerFault) say(...PRINTER_FAULT);
      say('kiosk-please-wait');
      break;
    }
    case 'printer-fault':
      say(...PRINTER_FAULT);
      break;
  }
  return {
    lang,
    // "Số thứ tự của quý khách là A023. Mời quý khách ngồi chờ gọi số."
    text: sentences.map((s) => sentence(s.text)).join(' '),
    spokenText: sentences.map((s) => sentence(s.spoken)).join(' '),
    clips: sentences.flatMap((s) => s.clips),
  };
}
