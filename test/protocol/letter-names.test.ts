/** Letter readings per voice region and the rule that says which ticket prefixes would sound alike. */
import { describe, expect, it } from 'vitest';
import {
  alikeLetterPairs,
  prefixesSoundAlike,
  prefixReading,
  prefixClashes,
  soundOf,
  VI_LETTER_NAMES,
  VI_LETTER_READINGS,
  type VoiceRegion,
} from '../../protocol/letter-names';

/** Every letter by its alphabet name, as the voice read them before. */
const ALPHABET_NAMES = { north: { ...VI_LETTER_NAMES }, south: { ...VI_LETTER_NAMES } } as Record<VoiceRegion, Record<keyof typeof VI_LETTER_NAMES, string>>;

describe('how a region hears a reading', () => {
  it('hears d, gi and r alike in the North, and s like x', () => {
    expect(soundOf('dê', 'north')).toBe(soundOf('giê', 'north'));
    expect(soundOf('rê', 'north')).toBe(soundOf('dê', 'north'));
    expect(soundOf('sê', 'north')).toBe(soundOf('xê', 'north'));
    expect(soundOf('dê', 'north')).not.toBe(soundOf('vê', 'north'));
    expect(soundOf('dê', 'north')).not.toBe(soundOf('đê', 'north'));
  });

  it('hears v, d and gi alike in the South, -n/-ng and -t/-c alike, and ngã as hỏi', () => {
    expect(soundOf('vê', 'south')).toBe(soundOf('dê', 'south'));
    expect(soundOf('giê', 'south')).toBe(soundOf('dê', 'south'));
    expect(soundOf('lan', 'south')).toBe(soundOf('lang', 'south'));
    expect(soundOf('hát', 'south')).toBe(soundOf('hác', 'south'));
    expect(soundOf('mã', 'south')).toBe(soundOf('mả', 'south'));
    expect(soundOf('mã', 'north')).not.toBe(soundOf('mả', 'north'));
    expect(soundOf('rê', 'south')).not.toBe(soundOf('dê', 'south'));
  });

  it('keeps tones apart (a, á) and ignores hyphens and case', () => {
    expect(soundOf('a', 'north')).not.toBe(soundOf('á', 'north'));
    expect(soundOf('E-LỜ', 'north')).toBe(soundOf('e lờ', 'north'));
  });
});

describe('letters read by their alphabet names would collide', () => {
  it('D and G in the North', () => {
    expect(alikeLetterPairs('north', ALPHABET_NAMES)).toEqual([['D', 'G']]);
  });

  it('D, G and V in the South', () => {
    expect(alikeLetterPairs('south', ALPHABET_NAMES)).toEqual([
      ['D', 'G'],
      ['D', 'V'],
      ['G', 'V'],
    ]);
  });
});

describe('the voice’s readings keep every letter distinct', () => {
  it.each(['north', 'south'] as const)('no two letters sound alike in the %s', (region) => {
    expect(alikeLetterPairs(region)).toEqual([]);
  });

  it('reads G "gờ" in both regions and D "dờ" in the South; every other letter by its name', () => {
    expect(VI_LETTER_READINGS.north.g).toBe('gờ');
    expect(VI_LETTER_READINGS.north.d).toBe('dê');
    expect(VI_LETTER_READINGS.south.g).toBe('gờ');
    expect(VI_LETTER_READINGS.south.d).toBe('dờ');
    for (const region of ['north', 'south'] as const) {
      const changed = Object.entries(VI_LETTER_READINGS[region]).filter(([key, text]) => VI_LETTER_NAMES[key as keyof typeof VI_LETTER_NAMES] !== text);
      expect(changed.map(([key]) => key).sort()).toEqual(region === 'north' ? ['g'] : ['d', 'g']);
    }
  });

  it('reads NFC text', () => {
    for (const region of ['north', 'south'] as const) for (const text of Object.values(VI_LETTER_READINGS[region])) expect(text).toBe(text.normalize('NFC'));
  });
});

describe('prefixes that would sound alike', () => {
  it('D and G: alike with alphabet names, distinct with the voice’s readings', () => {
    expect(prefixesSoundAlike('D', 'G', 'north', ALPHABET_NAMES)).toBe(true);
    expect(prefixesSoundAlike('D', 'G', 'north')).toBe(false);
    expect(prefixesSoundAlike('D', 'G', 'south')).toBe(false);
    expect(prefixesSoundAlike('D', 'V', 'south', ALPHABET_NAMES)).toBe(true);
    expect(prefixesSoundAlike('D', 'V', 'south')).toBe(false);
  });

  it('compares two-letter prefixes letter by letter', () => {
    expect(prefixesSoundAlike('AD', 'AG', 'north', ALPHABET_NAMES)).toBe(true);
    expect(prefixesSoundAlike('AD', 'AG', 'north')).toBe(false);
    expect(prefixesSoundAlike('AD', 'A', 'north', ALPHABET_NAMES)).toBe(false);
  });

  it('never calls a prefix alike to itself or to no prefix', () => {
    expect(prefixesSoundAlike('D', 'D', 'north', ALPHABET_NAMES)).toBe(false);
    expect(prefixesSoundAlike('d', 'D', 'north', ALPHABET_NAMES)).toBe(false);
    expect(prefixesSoundAlike('', 'D', 'north', ALPHABET_NAMES)).toBe(false);
  });

  it('says how the voice reads a prefix', () => {
    expect(prefixReading('AG', 'north')).toBe('a gờ');
    expect(prefixReading('D', 'south')).toBe('dờ');
    expect(prefixReading('', 'north')).toBe('');
    expect(prefixReading('A1', 'north')).toBeNull();
  });

  it('lists the other active services whose prefix is alike, by the voice or by the letters’ names', () => {
    const services = [
      { id: 'a', name: 'Xây dựng', prefix: 'D', active: true },
      { id: 'b', name: 'Bảo trợ', prefix: 'G', active: true },
      { id: 'c', name: 'Cũ', prefix: 'G', active: false },
      { id: 'd', name: 'Vận tải', prefix: 'V', active: true },
    ];
    // North: D "dê" and G "giê" are both /ze/ by name; the voice says "dê" and "gờ". V stays apart.
    expect(prefixClashes({ id: 'a', prefix: 'D' }, services, 'north')).toEqual([{ service: services[1], voice: false }]);
    // South: D, G and V by name are all /je/; the voice says "dờ", "gờ", "vê".
    expect(prefixClashes({ id: 'a', prefix: 'D' }, services, 'south')).toEqual([
      { service: services[1], voice: false },
      { service: services[3], voice: false },
    ]);
    expect(prefixClashes({ id: 'x', prefix: 'B' }, services, 'north')).toEqual([]);
  });
});
