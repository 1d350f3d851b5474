/**
 * Vietnamese and English spoken forms of numbers, letters and ticket numbers.
 *
 * Everything here returns word ids, not strings: the same id names a clip in the
 * voice pack and a written word (VI_WORD_TEXT / EN_WORD_TEXT), so what is shown
 * and what is played can never drift apart.
 */
// Letter names and their per-region readings are shared with the server's sound-alike rule.
import { letterKey, VI_LETTER_NAMES, VI_LETTER_READINGS, viLetterReading, type LetterKey, type VoiceRegion } from '../../protocol/letter-names';

/** North reads 105 "một trăm linh năm", 1000 "một nghìn"; South "lẻ" and "ngàn". */
export type ViVariant = VoiceRegion;

export type ViWordId =
  | `digit-${Digit}`
  | 'ten' // mười (10–19)
  | 'tens' // mươi (after 2–9 tens)
  | 'mot' // mốt: 1 after mươi (21)
  | 'tu' // tư: 4 after mươi (24)
  | 'lam' // lăm: 5 after any ten (15, 25)
  | 'linh'
  | 'le'
  | 'tram'
  | 'nghin'
  | 'ngan'
  | 'trieu'
  | `letter-${LetterKey}`;

export type EnWordId =
  | `digit-${Digit}`
  | `teen-${Digit}` // 10–19
  | `tens-${Exclude<Digit, 0 | 1>}` // twenty … ninety
  | 'hundred'
  | 'thousand'
  | 'million'
  | `letter-${LetterKey}`;

type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export type { LetterKey };
export { VI_LETTER_NAMES, VI_LETTER_READINGS };

const VI_DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'] as const;
const EN_DIGITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'] as const;
const EN_TEENS = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'] as const;
const EN_TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'] as const;

const DIGITS: Digit[] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

export const VI_WORD_TEXT: Record<ViWordId, string> = {
  ...(Object.fromEntries(DIGITS.map((d) => [`digit-${d}`, VI_DIGITS[d]])) as Record<`digit-${Digit}`, string>),
  ten: 'mười',
  tens: 'mươi',
  mot: 'mốt',
  tu: 'tư',
  lam: 'lăm',
  linh: 'linh',
  le: 'lẻ',
  tram: 'trăm',
  nghin: 'nghìn',
  ngan: 'ngàn',
  trieu: 'triệu',
  ...(Object.fromEntries(
    Object.entries(VI_LETTER_NAMES).map(([key, name]) => [`letter-${key}`, name]),
  ) as Record<`letter-${LetterKey}`, string>),
};

export const EN_WORD_TEXT: Record<EnWordId, string> = {
  ...(Object.fromEntries(DIGITS.map((d) => [`digit-${d}`, EN_DIGITS[d]])) as Record<`digit-${Digit}`, string>),
  ...(Object.fromEntries(DIGITS.map((d) => [`teen-${d}`, EN_TEENS[d]])) as Record<`teen-${Digit}`, string>),
  ...(Object.fromEntries(DIGITS.slice(2).map((d) => [`tens-${d}`, EN_TENS[d]])) as Record<
    `tens-${Exclude<Digit, 0 | 1>}`,
    string
  >),
  hundred: 'hundred',
  thousand: 'thousand',
  million: 'million',
  ...(Object.fromEntries(
    (Object.keys(VI_LETTER_NAMES) as LetterKey[]).map((key) => [`letter-${key}`, englishLetter(key)]),
  ) as Record<`letter-${LetterKey}`, string>),
};

/** English has no Đ, Ă…: they are read as their base letter. */
function englishLetter(key: LetterKey): string {
  return key.charAt(0).toUpperCase();
}

export const MAX_SPOKEN_NUMBER = 999_999_999;

function assertSpeakable(n: number): void {
  if (!Number.isSafeInteger(n) || n < 0 || n > MAX_SPOKEN_NUMBER) {
    throw new RangeError(`cannot speak ${n}: expected an integer 0..${MAX_SPOKEN_NUMBER}`);
  }
}

/**
 * One group of three digits. `full` groups (any group after the leading one) keep
 * "không trăm" so 1023 reads "một nghìn không trăm hai mươi ba", never "một nghìn hai mươi ba".
 */
function viGroup(n: number, full: boolean, variant: ViVariant): ViWordId[] {
  const hundreds = Math.floor(n / 100);
  const tens = Math.floor(n / 10) % 10;
  const units = (n % 10) as Digit;
  const words: ViWordId[] = [];
  if (full || hundreds > 0) words.push(`digit-${hundreds as Digit}`, 'tram');
  const hasHundredsPart = words.length > 0;

  if (tens === 0) {
    if (units === 0) return words;
    // 105: "linh năm" — the ones after an empty tens place keep their plain form.
    if (hasHundredsPart) words.push(variant === 'north' ? 'linh' : 'le');
    words.push(`digit-${units}`);
    return words;
  }
  if (tens === 1) {
    words.push('ten');
    // 15 "mười lăm"; 11 stays "mười một" (mốt only follows mươi).
    if (units === 5) words.push('lam');
    else if (units !== 0) words.push(`digit-${units}`);
    return words;
  }
  words.push(`digit-${tens as Digit}`, 'tens');
  if (units === 1) words.push('mot');
  else if (units === 4) words.push('tu');
  else if (units === 5) words.push('lam');
  else if (units !== 0) words.push(`digit-${units}`);
  return words;
}

/** 0..999,999,999 as Vietnamese words, e.g. 1023 → một nghìn không trăm hai mươi ba. */
export function viNumberWords(n: number, variant: ViVariant = 'north'): ViWordId[] {
  assertSpeakable(n);
  if (n === 0) return ['digit-0'];
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  const rest = n % 1000;
  const words: ViWordId[] = [];
  if (millions > 0) words.push(...viGroup(millions, false, variant), 'trieu');
  // A zero group is skipped entirely: 1,000,005 "một triệu không trăm linh năm".
  if (thousands > 0) words.push(...viGroup(thousands, millions > 0, variant), variant === 'north' ? 'nghin' : 'ngan');
  if (rest > 0) words.push(...viGroup(rest, n >= 1000, variant));
  return words;
}

/** 0..999,999,999 in English words (no "and"), e.g. 1023 → one thousand twenty three. */
export function enNumberWords(n: number): EnWordId[] {
  assertSpeakable(n);
  if (n === 0) return ['digit-0'];
  const words: EnWordId[] = [];
  const group = (g: number): EnWordId[] => {
    const out: EnWordId[] = [];
    const hundreds = Math.floor(g / 100);
    const below = g % 100;
    if (hundreds > 0) out.push(`digit-${hundreds as Digit}`, 'hundred');
    if (below >= 20) {
      out.push(`tens-${Math.floor(below / 10) as Exclude<Digit, 0 | 1>}`);
      if (below % 10 > 0) out.push(`digit-${(below % 10) as Digit}`);
    } else if (below >= 10) out.push(`teen-${(below - 10) as Digit}`);
    else if (below > 0) out.push(`digit-${below as Digit}`);
    return out;
  };
  const millions = Math.floor(n / 1_000_000);
  const thousands = Math.floor(n / 1000) % 1000;
  if (millions > 0) words.push(...group(millions), 'million');
  if (thousands > 0) words.push(...group(thousands), 'thousand');
  words.push(...group(n % 1000));
  return words;
}

/** "1023" → một không hai ba: every digit, leading zeros included. */
export function digitWords(digits: string): `digit-${Digit}`[] {
  if (!/^\d+$/.test(digits)) throw new RangeError(`not a digit string: "${digits}"`);
  return [...digits].map((d) => `digit-${Number(d) as Digit}` as const);
}

export type TicketPart = { kind: 'letter'; key: LetterKey } | { kind: 'digits'; digits: string };

/**
 * Splits a printed ticket number ('A001', 'AB12', 'Đ-05') into letters and digit runs.
 * Separators (space, '-', '.', '/') are not spoken; anything else is an error so a
 * misconfigured prefix is caught in tests rather than announced as silence.
 */
export function parseTicketNumber(ticket: string): TicketPart[] {
  const parts: TicketPart[] = [];
  const chars = [...ticket.normalize('NFC').toUpperCase()];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (/\d/.test(ch)) {
      let run = ch;
      while (i + 1 < chars.length && /\d/.test(chars[i + 1]!)) run += chars[++i];
      parts.push({ kind: 'digits', digits: run });
    } else if (letterKey(ch)) {
      parts.push({ kind: 'letter', key: letterKey(ch)! });
    } else if (!/[\s\-./]/.test(ch)) {
      throw new RangeError(`cannot speak "${ch}" in ticket number "${ticket}"`);
    }
  }
  if (parts.length === 0) throw new RangeError(`empty ticket number "${ticket}"`);
  return parts;
}

export interface TicketSpeechOptions {
  /** Read "A023" as "a không hai ba" instead of "a hai mươi ba". */
  digitByDigit?: boolean;
}

/**
 * Whole-number mode drops leading zeros ('A001' → "a một"): the zeros only pad
 * the printed ticket, and people listen for the number they see without them.
 * Digit mode reads every digit, zeros included.
 */
export function viTicketWords(ticket: string, variant: ViVariant = 'north', options: TicketSpeechOptions = {}): ViWordId[] {
  return parseTicketNumber(ticket).flatMap((part): ViWordId[] => {
    if (part.kind === 'letter') return [`letter-${part.key}`];
    return options.digitByDigit ? digitWords(part.digits) : viNumberWords(Number(part.digits), variant);
  });
}

export function enTicketWords(ticket: string, options: TicketSpeechOptions = {}): EnWordId[] {
  return parseTicketNumber(ticket).flatMap((part): EnWordId[] => {
    if (part.kind === 'letter') return [`letter-${part.key}`];
    return options.digitByDigit ? digitWords(part.digits) : enNumberWords(Number(part.digits));
  });
}

/**
 * What the voice of a region says for a word: letters by that region's reading (G "gờ", not "giê", which
 * sounds like D "dê" in the North), everything else as VI_WORD_TEXT writes it.
 */
export function viWordText(word: ViWordId, variant: ViVariant = 'north'): string {
  return word.startsWith('letter-') ? viLetterReading(word.slice('letter-'.length) as LetterKey, variant) : VI_WORD_TEXT[word];
}

export function viWordsToText(words: readonly ViWordId[], variant: ViVariant = 'north'): string {
  return words.map((w) => viWordText(w, variant)).join(' ');
}

/** Tens and units are hyphenated in written English: "twenty-three". */
export function enWordsToText(words: readonly EnWordId[]): string {
  let text = '';
  words.forEach((w, i) => {
    const previous = words[i - 1];
    const joinHyphen = previous?.startsWith('tens-') && w.startsWith('digit-');
    text += (i === 0 ? '' : joinHyphen ? '-' : ' ') + EN_WORD_TEXT[w];
  });
  return text;
}

/** Convenience: a number as Vietnamese text, e.g. vietnameseNumber(105, 'south') → "một trăm lẻ năm". */
export function vietnameseNumber(n: number, variant: ViVariant = 'north'): string {
  return viWordsToText(viNumberWords(n, variant), variant);
}

export function englishNumber(n: number): string {
  return enWordsToText(enNumberWords(n));
}
