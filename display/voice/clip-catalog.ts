/**
 * The list of clips a voice pack holds, with what each one says.
 * Clip ids are '<voice>/<word>' (e.g. 'vi-north/digit-5', 'en/letter-a') plus 'chime';
 * the generator and a center recording its own pack both work from this list.
 */
import { EN_WORD_TEXT, VI_WORD_TEXT, viWordText, type EnWordId, type ViVariant, type ViWordId } from './number-words';

export const CHIME_CLIP = 'chime';

export type VoiceId = 'vi-north' | 'vi-south' | 'en';

export const VI_PHRASES = {
  'phrase-invite': 'mời công dân có số thứ tự',
  'phrase-recall': 'xin mời lần nữa',
  'phrase-citizen-number': 'công dân có số thứ tự',
  'phrase-to-counter': 'đến quầy số',
  // The kiosk's spoken guidance (kiosk/lib/kiosk-speech.ts): each clip one breath, under four seconds.
  'kiosk-greeting': 'xin kính chào quý khách',
  'kiosk-choose-field': 'mời quý khách chọn lĩnh vực',
  'kiosk-your-number': 'số thứ tự của quý khách là',
  'kiosk-please-wait': 'mời quý khách ngồi chờ gọi số',
  'kiosk-printer-fault': 'máy in đang gặp sự cố',
  'kiosk-take-photo': 'xin hãy chụp ảnh màn hình',
  'kiosk-or-scan-qr': 'hoặc quét mã QR',
} as const;

export const EN_PHRASES = {
  'phrase-ticket-number': 'ticket number',
  'phrase-once-again': 'once again',
  'phrase-go-to-counter': 'please go to counter',
  'kiosk-greeting': 'welcome',
  'kiosk-choose-field': 'please choose a service',
  'kiosk-your-number': 'your number is',
  'kiosk-please-wait': 'please take a seat until your number is called',
  'kiosk-printer-fault': 'the printer has a problem',
  'kiosk-take-photo': 'please take a photo of the screen',
  'kiosk-or-scan-qr': 'or scan the QR code',
} as const;

export type ViPhraseId = keyof typeof VI_PHRASES;
export type EnPhraseId = keyof typeof EN_PHRASES;

/** Words each variant never says, so its pack does not carry them. */
const NOT_IN_VARIANT: Record<ViVariant, ViWordId[]> = {
  north: ['le', 'ngan'],
  south: ['linh', 'nghin'],
};

export function viVoice(variant: ViVariant): VoiceId {
  return variant === 'north' ? 'vi-north' : 'vi-south';
}

export function viClip(variant: ViVariant, word: ViWordId | ViPhraseId): string {
  return `${viVoice(variant)}/${word}`;
}

export function enClip(word: EnWordId | EnPhraseId): string {
  return `en/${word}`;
}

export interface CatalogClip {
  id: string;
  voice: VoiceId | 'chime';
  /** What the clip says, in NFC; the chime has a description instead. */
  text: string;
}

/** Every clip an announcement can ask for, in a stable order. */
export function clipCatalog(): CatalogClip[] {
  const clips: CatalogClip[] = [{ id: CHIME_CLIP, voice: 'chime', text: '(two-tone chime)' }];
  for (const variant of ['north', 'south'] as const) {
    const voice = viVoice(variant);
    const skip = NOT_IN_VARIANT[variant];
    for (const [word, text] of Object.entries(VI_PHRASES)) clips.push({ id: viClip(variant, word as ViPhraseId), voice, text });
    // Letters as this region reads them (G "gờ"), so no two letters sound alike there (protocol/letter-names.ts).
    for (const word of Object.keys(VI_WORD_TEXT) as ViWordId[]) {
      if (!skip.includes(word)) clips.push({ id: viClip(variant, word), voice, text: viWordText(word, variant) });
    }
  }
  for (const [word, text] of Object.entries(EN_PHRASES)) clips.push({ id: enClip(word as EnPhraseId), voice: 'en', text });
  for (const [word, text] of Object.entries(EN_WORD_TEXT)) clips.push({ id: enClip(word as EnWordId), voice: 'en', text });
  return clips;
}
