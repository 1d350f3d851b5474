/**
 * Byte tables for the Vietnamese code pages, kept here (not borrowed at run time from a library) so the
 * encoder and our decoder agree by construction and tests can cross-check them against an independent oracle.
 */
import iconv from 'iconv-lite';

export type Charset = 'ascii' | 'tcvn3' | 'tcvn3-capitals' | 'cp1258';

// Bytes 0xA0..0xFF; '_' marks an unused position. Epson's page 30 (TCVN-3 lower) carries the small letters,
// page 31 (TCVN-3 upper) the capitals at matching positions. 0xA7 on the capitals page is Đ (U+0110);
// some tables write it as the look-alike Ð (U+00D0, Icelandic eth), which makes "ĐĂNG KÝ" come out as "?ĂNG KÝ".
const TCVN3_LOWER =
  '________ăâêôơưđ_' + '_____àảãáạ_ằẳẵắ_' + '______ặầẩẫấậè_ẻẽ' + 'éẹềểễếệìỉ___ĩíịò' + '_ỏõóọồổỗốộờởỡớợù' + '_ủũúụừửữứựỳỷỹýỵ_';
const TCVN3_CAPITALS =
  '_ĂÂ____Đ__ÊÔƠƯ__' + '_____ÀẢÃÁẠ_ẰẲẴẮ_' + '______ẶẦẨẪẤẬÈ_ẺẼ' + 'ÉẸỀỂỄẾỆÌỈ___ĨÍỊÒ' + '_ỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙ' + '_ỦŨÚỤỪỬỮỨỰỲỶỸÝỴ_';

function tableMaps(table: string): { encode: Map<string, number>; decode: Map<number, string> } {
  const encode = new Map<string, number>();
  const decode = new Map<number, string>();
  [...table].forEach((ch, i) => {
    if (ch === '_') return;
    encode.set(ch, 0xa0 + i);
    decode.set(0xa0 + i, ch);
  });
  return { encode, decode };
}

const tcvnLower = tableMaps(TCVN3_LOWER);
const tcvnCapitals = tableMaps(TCVN3_CAPITALS);

/** The byte for one NFC character in a page, or null when the page lacks it. */
export function encodeChar(ch: string, charset: Charset): number | null {
  const cp = ch.codePointAt(0)!;
  if (cp >= 0x20 && cp < 0x7f) return cp;
  switch (charset) {
    case 'tcvn3':
      return tcvnLower.encode.get(ch) ?? null;
    case 'tcvn3-capitals':
      return tcvnCapitals.encode.get(ch) ?? null;
    case 'cp1258': {
      if (ch.length !== 1) return null;
      const b = iconv.encode(ch, 'windows1258');
      return b.length === 1 && iconv.decode(b, 'windows1258') === ch ? b[0]! : null;
    }
    default:
      return null;
  }
}

/** Bytes of one text run printed in one page, back to a string (NFC). Unknown bytes become U+FFFD. */
export function decodeBytes(bytes: Uint8Array, charset: Charset): string {
  if (charset === 'cp1258') return iconv.decode(Buffer.from(bytes), 'windows1258').normalize('NFC');
  let out = '';
  for (const b of bytes) {
    if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else if (charset === 'tcvn3') out += tcvnLower.decode.get(b) ?? '\uFFFD';
    else if (charset === 'tcvn3-capitals') out += tcvnCapitals.decode.get(b) ?? '\uFFFD';
    else out += '\uFFFD';
  }
  return out;
}
