import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findMatchRanges, foldVietnamese, queryTokens, tokenize } from '../../../protocol/text';

describe('foldVietnamese', () => {
  it.each([
    ['Đăng ký khai sinh', 'dang ky khai sinh'],
    ['ĐẤT ĐAI', 'dat dai'],
    ['Chứng thực', 'chung thuc'],
    ['Bảo trợ xã hội', 'bao tro xa hoi'],
    ['Người có công', 'nguoi co cong'],
    ['  Thay đổi,   cải chính\tbổ sung\n', 'thay doi, cai chinh bo sung'],
    ['Ưu tiên ỨNG Ỳ Ỹ Ỵ', 'uu tien ung y y y'],
  ])('%j → %j', (input, folded) => {
    expect(foldVietnamese(input)).toBe(folded);
  });

  it('gives the same result for NFC and NFD input', () => {
    const nfc = 'Đăng ký kết hôn, xác nhận tình trạng hôn nhân'.normalize('NFC');
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    expect(foldVietnamese(nfd)).toBe(foldVietnamese(nfc));
  });

  it('is idempotent and leaves no marks, no đ and no capitals, for any text', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'aăâđĐeêoôơuưyẠẮẰẲẴẶẤếỆồỢữỲ ,.\t-'.split('')) }), (s) => {
        const folded = foldVietnamese(s);
        expect(foldVietnamese(folded)).toBe(folded);
        expect(folded).not.toMatch(/[\p{M}đĐA-Z]|\s{2}|^\s|\s$/u);
        expect(foldVietnamese(s.normalize('NFD'))).toBe(folded);
      }),
    );
  });
});

describe('tokenize', () => {
  it('splits on punctuation but keeps a procedure code whole', () => {
    expect(tokenize(foldVietnamese('Đăng ký nhận cha, mẹ, con – mã 1.001022.'))).toEqual([
      'dang', 'ky', 'nhan', 'cha', 'me', 'con', 'ma', '1.001022',
    ]);
  });

  it('drops repeated query words', () => {
    expect(queryTokens('khai sinh KHAI sinh')).toEqual(['khai', 'sinh']);
  });
});

describe('findMatchRanges', () => {
  const marked = (text: string, query: string) =>
    findMatchRanges(text, query).map((r) => text.slice(r.start, r.end));

  it('finds folded word prefixes in the original text', () => {
    expect(marked('Đăng ký khai sinh', 'dang khai si')).toEqual(['Đăng', 'khai', 'si']);
  });

  it('maps offsets back through NFD text, marks included', () => {
    const nfd = 'Giấy chứng sinh'.normalize('NFD');
    expect(marked(nfd, 'giay')).toEqual(['Giấy'.normalize('NFD')]);
  });

  it('only matches at the start of a word', () => {
    expect(findMatchRanges('Chứng thực', 'thuc c')).toEqual([{ start: 0, end: 1 }, { start: 6, end: 10 }]);
    expect(findMatchRanges('Hộ tịch', 'ich')).toEqual([]);
  });
});
