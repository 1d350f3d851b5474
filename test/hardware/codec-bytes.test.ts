/** Exact bytes of Vietnamese text per code page, checked against independent references. */
import ReceiptPrinterEncoder from '@point-of-sale/receipt-printer-encoder';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { encodeVietnamese, isEncodable, splitToneMarks } from '../../hardware/codec/vietnamese';
import { renderBlocks } from '../../hardware/codec/render';
import { decodeEscPos, findProfile } from '../../hardware';

const hex = (b: ArrayLike<number>) => Buffer.from(Array.from(b)).toString('hex');
const vowels = 'aăâeêioôơuưy';
const tones = ['', '\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];
const allLetters = [...vowels].flatMap((v) => tones.map((t) => (v + t).normalize('NFC'))).concat(['đ']);
const allCapitals = allLetters.map((c) => c.toUpperCase());

/** The byte the reference encoder sends for one character, after its ESC t n. */
function referenceByte(ch: string, page: 'tcvn3' | 'tcvn3capitals'): string {
  const ref = new ReceiptPrinterEncoder({ codepageMapping: 'epson', newline: '\n' }).codepage(page).text(ch).encode();
  const at = hex(ref).indexOf('1b74');
  return hex(ref).slice(at + 6, at + 8);
}

function textBytes(text: string, encoding: 'tcvn3' | 'cp1258'): string {
  const profile = findProfile('epson');
  const bytes = renderBlocks([{ kind: 'text', text, align: 'left' }], { profile, encoding, paperWidth: 80 });
  // Drop ESC @, FS . and the initial page selection: what remains is the line itself.
  return hex(bytes).replace(/^1b401c2e1b74(1e|34)/, '').replace(/^1b6100/, '').replace(/^1d2100/, '').replace(/^1b4500/, '');
}

describe('TCVN-3 on Epson pages 30/31', () => {
  it('"ĐĂNG KÝ" goes to the capitals page, Đ included', () => {
    expect(textBytes('ĐĂNG KÝ', 'tcvn3')).toBe('1b741f' + 'a7a14e47204bfd' + '0a');
  });

  it('"Mời công dân có số thứ tự" stays on page 30', () => {
    const runs = encodeVietnamese('Mời công dân có số thứ tự', 'tcvn3');
    expect(runs.map((r) => r.charset)).toEqual(['tcvn3']);
    expect(hex(runs[0]!.bytes)).toBe('4dea6920' + '63ab6e6720' + '64a96e20' + '63e320' + '73e820' + '7468f820' + '74f9');
  });

  it('every small letter matches the receipt-printer-encoder TCVN-3 table, every capital its capitals table', () => {
    for (const ch of allLetters.filter((c) => c.charCodeAt(0) > 0x7f)) {
      expect(hex(encodeVietnamese(ch, 'tcvn3')[0]!.bytes), ch).toBe(referenceByte(ch, 'tcvn3'));
    }
    for (const ch of allCapitals.filter((c) => c.charCodeAt(0) > 0x7f && c !== 'Đ')) {
      const runs = encodeVietnamese(ch, 'tcvn3');
      expect(runs.map((r) => r.charset), ch).toEqual(['tcvn3-capitals']);
      expect(hex(runs[0]!.bytes), ch).toBe(referenceByte(ch, 'tcvn3capitals'));
    }
    // That table spells Đ as the look-alike eth (U+00D0); ours puts the real Đ at the same byte.
    expect(hex(encodeVietnamese('Đ', 'tcvn3')[0]!.bytes)).toBe(referenceByte('\u00d0', 'tcvn3capitals'));
  });

  it('can encode every Vietnamese letter with no "?"', () => {
    expect(isEncodable(allLetters.join('') + allCapitals.join(''), 'tcvn3')).toBe(true);
    expect(isEncodable(allLetters.join('') + allCapitals.join(''), 'cp1258')).toBe(true);
  });
});

describe('CP1258', () => {
  it('splits off tone marks only, keeping ô ơ ư ă â ê đ precomposed', () => {
    expect(splitToneMarks('Số thứ tự')).toBe('Sô\u0301 thư\u0301 tư\u0323');
    expect([...splitToneMarks('ố')]).toEqual(['ô', '\u0301']);
    expect([...splitToneMarks('Đặng')]).toEqual(['Đ', 'ă', '\u0323', 'n', 'g']);
    // Letters CP1258 has whole stay whole.
    expect([...splitToneMarks('á')]).toEqual(['á']);
  });

  it('"Số thứ tự" has the same bytes as iconv-lite windows1258 of the split text, with no "?"', () => {
    const bytes = encodeVietnamese('Số thứ tự', 'cp1258')[0]!.bytes;
    expect(hex(bytes)).toBe(hex(iconv.encode(splitToneMarks('Số thứ tự'), 'windows1258')));
    expect(bytes).not.toContain(0x3f);
    expect(hex(bytes)).toBe('53f4ec207468fdec2074fdf2');
  });

  it('selects the printer’s CP1258 page: 52 on Epson, 27 on POS-5890, 94 on Netum', () => {
    for (const [model, page] of [['epson', 52], ['pos-5890', 27], ['netum', 94]] as const) {
      const profile = findProfile(model);
      const doc = decodeEscPos(renderBlocks([{ kind: 'text', text: 'Chứng thực bản sao', align: 'left' }], { profile, encoding: 'cp1258', paperWidth: 80 }), { profile });
      expect(doc.pages).toEqual([page]);
      expect(doc.lines[0]!.text).toBe('Chứng thực bản sao');
    }
  });
});

describe('round trip of single lines', () => {
  const samples = ['Mời công dân có số thứ tự', 'Đăng ký khai sinh', 'Chứng thực bản sao', 'ĐĂNG KÝ', 'Ủy ban nhân dân phường Hòa Bình', 'ỨNG DỤNG Ở ĐÂY, ỔN ĐỊNH', 'Nguyễn Thị Hường'];
  for (const encoding of ['tcvn3', 'cp1258', 'raster'] as const) {
    it(`${encoding}: decodes to the same NFC text`, () => {
      const profile = findProfile('epson');
      for (const text of samples) {
        for (const scale of [...text].length <= 24 ? ([1, 2] as const) : ([1] as const)) {
          const bytes = renderBlocks([{ kind: 'text', text, align: 'center', scale, bold: scale === 2 }], { profile, encoding, paperWidth: 80 });
          const doc = decodeEscPos(bytes, { profile });
          expect(doc.lines.map((l) => l.text), `${text} ×${scale}`).toEqual([text]);
          expect(doc.lines[0]!.height).toBe(scale);
        }
      }
    });
  }

  it('decomposed input (NFD) prints the same as NFC', () => {
    const profile = findProfile('epson');
    const a = renderBlocks([{ kind: 'text', text: 'Hòa Bình'.normalize('NFD'), align: 'left' }], { profile, encoding: 'tcvn3', paperWidth: 80 });
    const b = renderBlocks([{ kind: 'text', text: 'Hòa Bình', align: 'left' }], { profile, encoding: 'tcvn3', paperWidth: 80 });
    expect(hex(a)).toBe(hex(b));
  });
});
