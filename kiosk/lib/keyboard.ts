/**
 * What an on-screen key does to the search text. Pure, so it is tested without a browser.
 *
 * No Telex: letters with hats and horns are keys of their own (ă â đ ê ô ơ ư),
 * and a tone key puts its mark on the current word's vowel. Search ignores
 * diacritics anyway, so the marks only help people who like to see their word
 * written correctly; plain letters always work.
 */

export const TONES = {
  acute: '\u0301',
  grave: '\u0300',
  hook: '\u0309',
  tilde: '\u0303',
  dot: '\u0323',
} as const;
export type Tone = keyof typeof TONES;

const TONE_MARKS = new RegExp(`[${Object.values(TONES).join('')}]`, 'g');
const VOWELS = 'aăâeêioôơuưy';
/** Vowels with a hat or horn carry the tone before plain ones ("muốn", "người"). */
const MODIFIED = 'ăâêôơư';

export type KeyAction = { type: 'char'; char: string } | { type: 'tone'; tone: Tone } | { type: 'space' } | { type: 'backspace' } | { type: 'clear' };

export function applyKey(text: string, action: KeyAction): string {
  switch (action.type) {
    case 'char':
      return (text + action.char).normalize('NFC');
    case 'space':
      return text.endsWith(' ') || text === '' ? text : text + ' ';
    case 'backspace':
      // One visible letter, even when NFC could not compose it into one code point.
      return [...text.normalize('NFC')].slice(0, -1).join('').replace(/\p{M}+$/u, '');
    case 'clear':
      return '';
    case 'tone':
      return withTone(text, action.tone);
  }
}

/** Put `tone` on the last word's tone-bearing vowel, replacing any tone it had. */
export function withTone(text: string, tone: Tone): string {
  const match = /(\S+)$/.exec(text);
  if (!match) return text;
  const word = match[1].normalize('NFD').replace(TONE_MARKS, '').normalize('NFC');
  const letters = [...word];
  const lower = letters.map((c) => c.toLowerCase());
  const at = toneVowelIndex(lower);
  if (at < 0) return text;
  letters[at] = (letters[at] + TONES[tone]).normalize('NFC');
  return text.slice(0, match.index) + letters.join('');
}

function toneVowelIndex(letters: string[]): number {
  const modified = letters.findLastIndex((c) => MODIFIED.includes(c));
  if (modified >= 0) return modified;
  const vowelIdx = letters.map((c, i) => (VOWELS.includes(c) ? i : -1)).filter((i) => i >= 0);
  if (vowelIdx.length === 0) return -1;
  const last = vowelIdx[vowelIdx.length - 1];
  // "qu" and "gi" start words with a vowel letter that belongs to the consonant.
  const group = vowelIdx.filter((i) => !(i === 1 && ((letters[0] === 'q' && letters[1] === 'u') || (letters[0] === 'g' && letters[1] === 'i' && vowelIdx.length > 1))));
  const cluster = group.length ? group : vowelIdx;
  const endsWithVowel = last === letters.length - 1;
  // "hoa", "mua", "tuy": two vowels closing the word → the first; "toan", "khuyen": the last.
  if (endsWithVowel && cluster.length >= 2) return cluster[cluster.length - 2];
  return cluster[cluster.length - 1];
}
