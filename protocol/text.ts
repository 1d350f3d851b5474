/**
 * Vietnamese text folding for search, shared by the server index and the kiosk
 * (which highlights matches itself, so this file must stay free of Node APIs).
 *
 * People type on kiosks and phones without diacritics ("dang ky khai sinh"),
 * with Telex leftovers in different Unicode forms (NFC from most keyboards,
 * NFD from macOS and some copy-pastes): both must find "Đăng ký khai sinh".
 */

const COMBINING_MARKS = /\p{M}/gu;
const WHITESPACE_RUN = /\s+/g;
/** Letters, digits and dots inside a word, so a code such as "1.001193" stays one token. */
const WORD = /[\p{L}\p{N}.]+/gu;
const NON_WORD = /[^\p{L}\p{N}.]+/u;

/**
 * Lower-case, strip every diacritic, map đ/Đ to d and collapse whitespace.
 * "Đăng ký  KHAI SINH" → "dang ky khai sinh".
 */
export function foldVietnamese(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .toLowerCase()
      // đ has no decomposition in Unicode, so NFD leaves it alone.
      .replace(/đ/g, 'd')
      .replace(WHITESPACE_RUN, ' ')
      .trim()
  );
}

/** Words of an already folded string; dots only count inside a word ("1.001193", not "sinh."). */
export function tokenize(folded: string): string[] {
  const tokens: string[] = [];
  for (const piece of folded.split(NON_WORD)) {
    const token = piece.includes('.') ? trimDots(piece) : piece;
    if (token) tokens.push(token);
  }
  return tokens;
}

/** Fold then tokenize, dropping repeated words: the usual way to turn a typed query into tokens. */
export function queryTokens(query: string): string[] {
  return [...new Set(tokenize(foldVietnamese(query)))];
}

export interface TextRange {
  /** UTF-16 offsets into the original (unfolded) text, end exclusive. */
  start: number;
  end: number;
}

/**
 * Where the query's words occur in `text` as word prefixes, in offsets of the
 * original text, so a page can wrap them in <mark> without re-implementing folding.
 * Overlapping or touching ranges are merged.
 */
export function findMatchRanges(text: string, query: string): TextRange[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0 || text.length === 0) return [];
  const { folded, starts, ends } = foldWithOffsets(text);

  const ranges: TextRange[] = [];
  for (const word of folded.matchAll(WORD)) {
    const leadingDots = word[0].length - word[0].replace(/^\.+/, '').length;
    const at = word.index + leadingDots;
    for (const token of tokens) {
      if (folded.startsWith(token, at)) {
        ranges.push({ start: starts[at], end: ends[at + token.length - 1] });
      }
    }
  }
  return mergeRanges(ranges);
}

function trimDots(word: string): string {
  return word.replace(/^\.+|\.+$/g, '');
}

/**
 * Fold one code point at a time, remembering which original offsets each folded
 * character came from. No whitespace collapsing here: offsets must stay exact.
 */
function foldWithOffsets(text: string): { folded: string; starts: number[]; ends: number[] } {
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  let offset = 0;
  for (const char of text) {
    const piece = char.normalize('NFD').replace(COMBINING_MARKS, '').toLowerCase().replace(/đ/g, 'd');
    const end = offset + char.length;
    if (piece === '' && ends.length > 0) {
      // A combining mark of NFD input belongs to the letter before it.
      ends[ends.length - 1] = end;
    }
    for (let i = 0; i < piece.length; i++) {
      starts.push(offset);
      ends.push(end);
    }
    folded += piece;
    offset = end;
  }
  return { folded, starts, ends };
}

function mergeRanges(ranges: TextRange[]): TextRange[] {
  const sorted = [...ranges].sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }
  return merged;
}
