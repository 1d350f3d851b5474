/**
 * The list of clips a voice pack holds, with what each one says.
 * Clip ids are '<voice>/<word>' (e.g. 'vi-north/digit-5', 'en/letter-a') plus 'chime';
 * the generator and a center recording its own pack both work from this list.
 */
import { EN_WORD_TEXT, VI_WORD_TEXT, type EnWordId, type ViVariant, type ViWordId } from './number-words';

export const CHIME_CLIP = 'chime';

export type VoiceId = 'vi-north' | 'vi-south' | 'en';

export const VI_PHRASES = {
  'phrase-invite': 'mời công dân có số thứ tự',
  'phrase-recall': 'xin mời lần nữa',
  'phrase-citizen-number': 'công dân có số thứ tự',
  'phrase-to-counter': 'đến quầy số',
} as const;

export const EN_PHRASES = {
  'phrase-ticket-number': 'ticket number',
  'phrase-once-again': 'once again',
  'phrase-go-to-counter': 'please go to counter',
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
    for (const [word, text] of Object.entries(VI_WORD_TEXT)) {
      if (!skip.includes(word as ViWordId)) clips.push({ id: viClip(variant, word as ViWordId), voice, text });
    }
  }
  for (const [word, text] of Object.entries(EN_PHRASES)) clips.push({ id: enClip(word as EnPhraseId), voice: 'en', text });
  for (const [word, text] of Object.entries(EN_WORD_TEXT)) clips.push({ id: enClip(word as EnWordId), voice: 'en', text });
  return clips;
}
