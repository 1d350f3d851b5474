import { describe, expect, it } from 'vitest';
import {
  digitWords,
  englishNumber,
  enTicketWords,
  enWordsToText,
  parseTicketNumber,
  VI_WORD_TEXT,
  vietnameseNumber,
  viTicketWords,
  viWordsToText,
} from '../../../display/voice/number-words';

const NORTH: [number, string][] = [
  [0, 'không'],
  [1, 'một'],
  [4, 'bốn'],
  [5, 'năm'],
  [9, 'chín'],
  [10, 'mười'],
  [11, 'mười một'],
  [14, 'mười bốn'],
  [15, 'mười lăm'],
  [19, 'mười chín'],
  [20, 'hai mươi'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [25, 'hai mươi lăm'],
  [27, 'hai mươi bảy'],
  [31, 'ba mươi mốt'],
  [44, 'bốn mươi tư'],
  [55, 'năm mươi lăm'],
  [99, 'chín mươi chín'],
  [100, 'một trăm'],
  [101, 'một trăm linh một'],
  [104, 'một trăm linh bốn'],
  [105, 'một trăm linh năm'],
  [110, 'một trăm mười'],
  [111, 'một trăm mười một'],
  [115, 'một trăm mười lăm'],
  [121, 'một trăm hai mươi mốt'],
  [200, 'hai trăm'],
  [999, 'chín trăm chín mươi chín'],
  [1000, 'một nghìn'],
  [1001, 'một nghìn không trăm linh một'],
  [1005, 'một nghìn không trăm linh năm'],
  [1010, 'một nghìn không trăm mười'],
  [1023, 'một nghìn không trăm hai mươi ba'],
  [1100, 'một nghìn một trăm'],
  [1234, 'một nghìn hai trăm ba mươi tư'],
  [2010, 'hai nghìn không trăm mười'],
  [10_000, 'mười nghìn'],
  [15_015, 'mười lăm nghìn không trăm mười lăm'],
  [21_000, 'hai mươi mốt nghìn'],
  [100_000, 'một trăm nghìn'],
  [105_000, 'một trăm linh năm nghìn'],
  [999_999, 'chín trăm chín mươi chín nghìn chín trăm chín mươi chín'],
  [1_000_000, 'một triệu'],
  [1_000_005, 'một triệu không trăm linh năm'],
  [1_005_000, 'một triệu không trăm linh năm nghìn'],
];

const SOUTH: [number, string][] = [
  [5, 'năm'],
  [15, 'mười lăm'],
  [21, 'hai mươi mốt'],
  [24, 'hai mươi tư'],
  [101, 'một trăm lẻ một'],
  [105, 'một trăm lẻ năm'],
  [110, 'một trăm mười'],
  [1000, 'một ngàn'],
  [1005, 'một ngàn không trăm lẻ năm'],
  [1023, 'một ngàn không trăm hai mươi ba'],
  [2010, 'hai ngàn không trăm mười'],
  [305_007, 'ba trăm lẻ năm ngàn không trăm lẻ bảy'],
];

describe('vietnameseNumber', () => {
  it.each(NORTH)('north %i → %s', (n, words) => {
    expect(vietnameseNumber(n, 'north')).toBe(words);
  });

  it.each(SOUTH)('south %i → %s', (n, words) => {
    expect(vietnameseNumber(n, 'south')).toBe(words);
  });

  it('defaults to the northern variant', () => {
    expect(vietnameseNumber(105)).toBe('một trăm linh năm');
  });

  it.each([-1, 1.5, Number.NaN, 1_000_000_000])('refuses %s', (n) => {
    expect(() => vietnameseNumber(n)).toThrow(RangeError);
  });

  it('writes every word in NFC', () => {
    for (const text of Object.values(VI_WORD_TEXT)) expect(text).toBe(text.normalize('NFC'));
  });
});

describe('digitWords', () => {
  it.each([
    ['1023', 'một không hai ba'],
    ['001', 'không không một'],
    ['45', 'bốn năm'],
  ])('%s → %s', (digits, words) => {
    expect(viWordsToText(digitWords(digits))).toBe(words);
  });

  it('rejects non-digits', () => {
    expect(() => digitWords('1a')).toThrow(RangeError);
  });
});

describe('ticket numbers', () => {
  it.each([
    ['A001', 'north', false, 'a một'],
    ['A023', 'north', false, 'a hai mươi ba'],
    ['A000', 'north', false, 'a không'],
    ['1023', 'north', false, 'một nghìn không trăm hai mươi ba'],
    ['1023', 'south', false, 'một ngàn không trăm hai mươi ba'],
    ['B105', 'south', false, 'bê một trăm lẻ năm'],
    ['AB12', 'north', false, 'a bê mười hai'],
    ['Đ015', 'north', false, 'đê mười lăm'],
    ['đ015', 'north', false, 'đê mười lăm'],
    ['L-5', 'north', false, 'e-lờ năm'],
    ['A001', 'north', true, 'a không không một'],
    ['1023', 'south', true, 'một không hai ba'],
    ['SX21', 'north', true, 'ét-xì ích-xì hai một'],
  ] as const)('%s (%s, digit mode %s) → %s', (ticket, variant, digitByDigit, words) => {
    expect(viWordsToText(viTicketWords(ticket, variant, { digitByDigit }))).toBe(words);
  });

  it.each([
    ['A', 'a'], ['B', 'bê'], ['C', 'xê'], ['D', 'dê'], ['Đ', 'đê'], ['E', 'e'], ['F', 'ép'], ['G', 'gờ'],
    ['H', 'hát'], ['I', 'i'], ['J', 'gi'], ['K', 'ca'], ['L', 'e-lờ'], ['M', 'em-mờ'], ['N', 'en-nờ'],
    ['O', 'o'], ['P', 'pê'], ['Q', 'quy'], ['R', 'e-rờ'], ['S', 'ét-xì'], ['T', 'tê'], ['U', 'u'],
    ['V', 'vê'], ['W', 'vê kép'], ['X', 'ích-xì'], ['Y', 'i-dài'], ['Z', 'dét'],
  ])('letter %s is read "%s" in the North', (letter, name) => {
    expect(viWordsToText(viTicketWords(letter), 'north')).toBe(name);
  });

  it('reads G "gờ" and D "dờ" in the South, where dê, giê and vê are one sound; V keeps "vê"', () => {
    expect(viWordsToText(viTicketWords('D12', 'south'), 'south')).toBe('dờ mười hai');
    expect(viWordsToText(viTicketWords('G12', 'south'), 'south')).toBe('gờ mười hai');
    expect(viWordsToText(viTicketWords('V12', 'south'), 'south')).toBe('vê mười hai');
    expect(viWordsToText(viTicketWords('D12', 'north'), 'north')).toBe('dê mười hai');
  });

  it('reads a letter typed in decomposed (NFD) form', () => {
    expect(viWordsToText(viTicketWords('Ư1'.normalize('NFD')))).toBe('ư một');
  });

  it.each(['', '--', 'A#1', 'Ç12'])('rejects unspeakable ticket "%s"', (ticket) => {
    expect(() => parseTicketNumber(ticket)).toThrow(RangeError);
  });
});

describe('English', () => {
  it.each([
    [0, 'zero'],
    [7, 'seven'],
    [10, 'ten'],
    [13, 'thirteen'],
    [23, 'twenty-three'],
    [40, 'forty'],
    [105, 'one hundred five'],
    [1023, 'one thousand twenty-three'],
    [2010, 'two thousand ten'],
    [999_999, 'nine hundred ninety-nine thousand nine hundred ninety-nine'],
  ])('%i → %s', (n, words) => {
    expect(englishNumber(n)).toBe(words);
  });

  it.each([
    ['A023', false, 'A twenty-three'],
    ['A023', true, 'A zero two three'],
    ['Đ5', false, 'D five'],
  ] as const)('ticket %s (digit mode %s) → %s', (ticket, digitByDigit, words) => {
    expect(enWordsToText(enTicketWords(ticket, { digitByDigit }))).toBe(words);
  });
});
