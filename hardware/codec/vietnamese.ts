/**
 * Vietnamese text → code-page runs. Pure: returns which page each run needs and its bytes;
 * the caller turns page changes into `ESC t n` for the printer at hand.
 */
import { encodeChar, type Charset } from './code-pages';

export interface TextRun {
  charset: Charset;
  bytes: number[];
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
const QUESTION = 0x3f;

/**
 * CP1258 has ô ơ ư ă â ê đ and a few toned letters precomposed, but otherwise only the five combining tone
 * marks. So: keep a letter whole when the page has it, else peel off the tone mark only and recompose the
 * rest ("ố" → "ô" + U+0301). A full NFD would leave combining circumflex/breve/horn, which CP1258 lacks.
 */
export function splitToneMarks(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    if (encodeChar(ch, 'cp1258') !== null) {
      out += ch;
      continue;
    }
    const nfd = ch.normalize('NFD');
    const tones = [...nfd].filter((c) => TONE_MARKS.test(c)).join('');
    const base = [...nfd].filter((c) => !TONE_MARKS.test(c)).join('').normalize('NFC');
    out += base + tones;
  }
  return out;
}

/** ASCII other than small letters prints the same on both TCVN-3 pages, so it never forces a switch. */
function isNeutral(ch: string): boolean {
  const cp = ch.codePointAt(0)!;
  return cp >= 0x20 && cp < 0x7f && !(cp >= 0x61 && cp <= 0x7a);
}

/** Splits text into TCVN-3 runs: small letters on the lower page, capitals with marks on the upper page. */
function tcvn3Runs(text: string, startPage: Charset): TextRun[] {
  const runs: TextRun[] = [];
  let current: TextRun | null = null;
  for (const ch of text.normalize('NFC')) {
    let charset: Charset;
    let byte: number | null;
    const preferred: Charset = (current as TextRun | null)?.charset ?? startPage;
    if (isNeutral(ch)) {
      charset = preferred;
      byte = ch.charCodeAt(0);
    } else if ((byte = encodeChar(ch, 'tcvn3')) !== null) {
      // Small ASCII letters go to the lower page too: on the capitals page some printers draw them as capitals.
      charset = 'tcvn3';
    } else if ((byte = encodeChar(ch, 'tcvn3-capitals')) !== null) {
      charset = 'tcvn3-capitals';
    } else {
      charset = preferred;
      byte = QUESTION;
    }
    if (!current || current.charset !== charset) {
      current = { charset, bytes: [] };
      runs.push(current);
    }
    current.bytes.push(byte);
  }
  return runs;
}

function cp1258Runs(text: string): TextRun[] {
  const bytes = [...splitToneMarks(text)].map((ch) => encodeChar(ch, 'cp1258') ?? QUESTION);
  return [{ charset: 'cp1258', bytes }];
}

export function encodeVietnamese(text: string, encoding: 'tcvn3' | 'cp1258', startPage: Charset = 'tcvn3'): TextRun[] {
  return encoding === 'tcvn3' ? tcvn3Runs(text, startPage) : cp1258Runs(text);
}

/** True when every character of the text has a byte in the encoding (no '?' would be printed). */
export function isEncodable(text: string, encoding: 'tcvn3' | 'cp1258'): boolean {
  const nfc = text.normalize('NFC');
  if (encoding === 'cp1258') return [...splitToneMarks(nfc)].every((ch) => encodeChar(ch, 'cp1258') !== null);
  return [...nfc].every((ch) => encodeChar(ch, 'tcvn3') !== null || encodeChar(ch, 'tcvn3-capitals') !== null);
}

/**
 * Typographic punctuation no printer page has (en/em dash, curly quotes, ellipsis) → ASCII,
 * so "Bộ phận Một cửa – UBND" prints a dash instead of "?" in every encoding.
 */
export function plainPunctuation(text: string): string {
  return text
    .replace(/[\u2012-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201A\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u2033]/g, '"')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2007\u202F]/g, ' ');
}
