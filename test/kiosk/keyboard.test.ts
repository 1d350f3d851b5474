import { describe, expect, it } from 'vitest';
import { applyKey, withTone } from '../../kiosk/lib/keyboard';
import { foldVietnamese } from '../../protocol/text';

const type = (keys: string[]) =>
  keys.reduce(
    (text, key) =>
      applyKey(
        text,
        key === ' ' ? { type: 'space' } : key === '⌫' ? { type: 'backspace' } : key.startsWith('tone:') ? { type: 'tone', tone: key.slice(5) as 'acute' } : { type: 'char', char: key },
      ),
    '',
  );

describe('on-screen keyboard', () => {
  it('types plain letters and spaces, never two spaces or a leading one', () => {
    expect(type([' ', 'd', 'a', ' ', ' ', 'k'])).toBe('da k');
  });

  it.each([
    ['dang', 'grave', 'dàng'],
    ['dăng', 'acute', 'dắng'],
    ['ky', 'acute', 'ký'],
    ['hoa', 'grave', 'hòa'],
    ['toan', 'acute', 'toán'],
    ['nguyen', 'tilde', 'nguyen'.replace('e', 'ẽ')],
    ['người'.normalize('NFD').replace(/\u0300/, '').normalize('NFC'), 'grave', 'người'],
    ['quy', 'acute', 'quý'],
    ['gia', 'hook', 'giả'],
    ['khai sinh', 'dot', 'khai sịnh'],
    ['mua', 'acute', 'múa'],
  ] as const)('%s + %s → %s (NFC)', (text, tone, expected) => {
    const out = withTone(text, tone);
    expect(out).toBe(expected.normalize('NFC'));
    expect(out).toBe(out.normalize('NFC'));
  });

  it('a second tone replaces the first instead of stacking', () => {
    expect(withTone(withTone('ma', 'acute'), 'grave')).toBe('mà');
  });

  it('a tone with no vowel to carry it changes nothing', () => {
    expect(withTone('', 'acute')).toBe('');
    expect(withTone('ng ', 'acute')).toBe('ng ');
  });

  it('deletes one visible letter, including its marks', () => {
    expect(type(['đ', 'ă', 'tone:acute', '⌫'])).toBe('đ');
    expect(applyKey('ab', { type: 'clear' })).toBe('');
  });

  it('what the keyboard writes folds to what plain letters write', () => {
    expect(foldVietnamese(type(['đ', 'ă', 'n', 'g', 'tone:acute', ' ', 'k', 'y', 'tone:acute']))).toBe('dang ky');
  });
});
