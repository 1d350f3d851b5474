/**
 * How the letters of a ticket prefix are read aloud, per voice region, and which prefixes would still
 * sound alike. One rule for the voice (display/voice/number-words.ts), the server's admin warning and the
 * console.
 *
 * The alphabet names (`VI_LETTER_NAMES`) are what letters are called. Read as such, some merge in a
 * region's speech: in the North d, gi and r are all /z/, so D "dê" and G "giê" are the same sound; in the
 * South v, d and gi are all /j/, so D "dê", G "giê" and V "vê" are. The voice therefore reads those letters
 * by their school (phonics) names where the alphabet name would merge: G "gờ" in both regions, D "dờ" in
 * the South (`VI_LETTER_READINGS`).
 */

export type VoiceRegion = 'north' | 'south';

/** ASCII keys: Vietnamese letters with marks use Telex spelling (Đ → dd, Ă → aw, Â → aa …). */
export const VI_LETTER_NAMES = {
  a: 'a', aw: 'á', aa: 'ớ', b: 'bê', c: 'xê', d: 'dê', dd: 'đê', e: 'e', ee: 'ê',
  f: 'ép', g: 'giê', h: 'hát', i: 'i', j: 'gi', k: 'ca', l: 'e-lờ', m: 'em-mờ',
  n: 'en-nờ', o: 'o', oo: 'ô', ow: 'ơ', p: 'pê', q: 'quy', r: 'e-rờ', s: 'ét-xì',
  t: 'tê', u: 'u', uw: 'ư', v: 'vê', w: 'vê kép', x: 'ích-xì', y: 'i-dài', z: 'dét',
} as const;

export type LetterKey = keyof typeof VI_LETTER_NAMES;

/** Where a region's voice departs from the alphabet name, so that no two letters sound alike there. */
const READING_CHANGES: Record<VoiceRegion, Partial<Record<LetterKey, string>>> = {
  // dê = giê = /ze/: G takes its phonics name.
  north: { g: 'gờ' },
  // dê = giê = vê = /je/: G and D take their phonics names (V keeps vê).
  south: { g: 'gờ', d: 'dờ' },
};

export const VI_LETTER_READINGS: Record<VoiceRegion, Record<LetterKey, string>> = {
  north: { ...VI_LETTER_NAMES, ...READING_CHANGES.north },
  south: { ...VI_LETTER_NAMES, ...READING_CHANGES.south },
};

/** What the voice of `region` says for a letter. */
export function viLetterReading(key: LetterKey, region: VoiceRegion): string {
  return VI_LETTER_READINGS[region][key];
}

/** The letter as printed, keyed like VI_LETTER_NAMES. */
const LETTER_BY_CHAR: Record<string, LetterKey> = {
  Đ: 'dd', Ă: 'aw', Â: 'aa', Ê: 'ee', Ô: 'oo', Ơ: 'ow', Ư: 'uw',
};
for (const key of Object.keys(VI_LETTER_NAMES) as LetterKey[]) {
  if (key.length === 1) LETTER_BY_CHAR[key.toUpperCase()] = key;
}

/** The key of a printed letter (any case, NFC or NFD), or undefined for anything that is not one. */
export function letterKey(char: string): LetterKey | undefined {
  return LETTER_BY_CHAR[char.normalize('NFC').toUpperCase()];
}

/** One syllable as the region's ear hears it: merged initials, finals and tones written alike. */
function foldSyllable(syllable: string, region: VoiceRegion): string {
  // Tones apart from the letters: the ngã tone (combining tilde) is said as hỏi in the South.
  let s = syllable.normalize('NFD');
  if (region === 'south') s = s.replace(/\u0303/g, '\u0309');
  // The tone as a digit after the letters (sắc 1, huyền 2, hỏi 3, ngã 4, nặng 5), none for ngang.
  const tone = { '\u0301': '1', '\u0300': '2', '\u0309': '3', '\u0303': '4', '\u0323': '5' }[s.replace(/[^\u0300\u0301\u0303\u0309\u0323]/g, '')] ?? '';
  let base = s.replace(/[\u0300\u0301\u0303\u0309\u0323]/g, '').normalize('NFC');
  // Spelling only: k/q/c are one sound, gh/g and ngh/ng one.
  base = base.replace(/^ngh/, 'ng').replace(/^gh/, 'g').replace(/^k/, 'c').replace(/^q/, 'c');
  // gi before a vowel is a consonant; "gi" alone is gi + i.
  base = base.replace(/^gi(?=[aăâeêoôơuưy])/, 'ʒ').replace(/^gi/, 'ʒi');
  if (region === 'north') {
    base = base.replace(/^[dr]/, 'ʒ').replace(/^x/, 's').replace(/^tr/, 'ch');
  } else {
    base = base.replace(/^[dv]/, 'ʒ').replace(/^x/, 's').replace(/^tr/, 'ch');
    // Finals: -n/-ng/-nh and -t/-c/-ch fall together.
    base = base.replace(/(ng|nh)$/, 'n').replace(/(ch|c)$/, 't');
  }
  return base + tone;
}

/** A reading as the region hears it, syllable by syllable ("e-rờ" → "e ʒờ" in the North). */
export function soundOf(text: string, region: VoiceRegion): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((syllable) => foldSyllable(syllable, region))
    .join(' ');
}

/** How the voice reads a prefix, letter by letter ("" for none, null when it holds something unspeakable). */
export function prefixReading(prefix: string, region: VoiceRegion): string | null {
  const words: string[] = [];
  for (const char of prefix.normalize('NFC')) {
    const key = letterKey(char);
    if (!key) return null;
    words.push(viLetterReading(key, region));
  }
  return words.join(' ');
}

/**
 * Whether two different prefixes would be heard as the same one in this region, read as the voice reads
 * them. Equal prefixes are not "alike": they are the same prefix (number ranges keep them apart).
 */
export function prefixesSoundAlike(a: string, b: string, region: VoiceRegion, readings = VI_LETTER_READINGS): boolean {
  if (a.toUpperCase() === b.toUpperCase() || a === '' || b === '') return false;
  const read = (p: string) => {
    const words = [...p.normalize('NFC')].map((char) => {
      const key = letterKey(char);
      return key ? readings[region][key] : null;
    });
    return words.includes(null) ? null : words.join(' ');
  };
  const ra = read(a);
  const rb = read(b);
  return ra !== null && rb !== null && soundOf(ra, region) === soundOf(rb, region);
}

export interface PrefixHolder {
  id: string;
  prefix: string;
  active: boolean;
}

/** Every letter by its alphabet name: how citizens and staff say a number themselves. */
export const ALPHABET_READINGS: Record<VoiceRegion, Record<LetterKey, string>> = { north: VI_LETTER_NAMES, south: VI_LETTER_NAMES };

export interface PrefixClash<T> {
  service: T;
  /** The announcements themselves say the two alike (else only the letters' alphabet names are alike). */
  voice: boolean;
}

/**
 * The active services (other than the candidate) whose prefix would sound like the candidate's in this
 * region: as the voice reads them, or as people name the letters (D "dê" and G "giê" in the North), which
 * the voice avoids but a citizen reading the slip aloud does not.
 */
export function prefixClashes<T extends PrefixHolder>(candidate: Pick<T, 'id' | 'prefix'>, services: Iterable<T>, region: VoiceRegion): PrefixClash<T>[] {
  const found: PrefixClash<T>[] = [];
  for (const s of services) {
    if (s.id === candidate.id || !s.active) continue;
    const voice = prefixesSoundAlike(candidate.prefix, s.prefix, region);
    if (voice || prefixesSoundAlike(candidate.prefix, s.prefix, region, ALPHABET_READINGS)) found.push({ service: s, voice });
  }
  return found;
}

/** Every pair of letters that would sound alike in a region with these readings (for docs and tests). */
export function alikeLetterPairs(region: VoiceRegion, readings = VI_LETTER_READINGS): [string, string][] {
  const letters = Object.keys(LETTER_BY_CHAR);
  const pairs: [string, string][] = [];
  for (let i = 0; i < letters.length; i++) {
    for (let j = i + 1; j < letters.length; j++) {
      if (prefixesSoundAlike(letters[i]!, letters[j]!, region, readings)) pairs.push([letters[i]!, letters[j]!]);
    }
  }
  return pairs;
}
