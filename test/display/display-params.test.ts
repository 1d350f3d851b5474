import { describe, expect, it } from 'vitest';
import { counterNumberFromLocation, parseDisplayParams } from '../../display/display-params';

const defaults = { voice: true, history: 6 };

describe('parseDisplayParams', () => {
  it('defaults: everything, Vietnamese only, voice as the page decides', () => {
    expect(parseDisplayParams('', defaults)).toEqual({ services: [], area: '', counters: [], lang: 'vi', history: 6, voice: true, pack: 'default', speech: false });
    expect(parseDisplayParams('', { voice: false, history: 1 }).voice).toBe(false);
  });

  it('reads service lists, an area with diacritics (NFC) and counters', () => {
    const p = parseDisplayParams('?services=svc-hotich,%20svc-chungthuc,&area=T%E1%BA%A7ng%201&counters=1,3,x', defaults);
    expect(p.services).toEqual(['svc-hotich', 'svc-chungthuc']);
    expect(p.area).toBe('Tầng 1');
    expect(p.counters).toEqual([1, 3]);
    // An area typed in decomposed form (NFD) still matches the NFC name.
    expect(parseDisplayParams(`?area=${encodeURIComponent('Tầng 1'.normalize('NFD'))}`, defaults).area).toBe('Tầng 1');
  });

  it('lang=en and lang=both add English under Vietnamese', () => {
    expect(parseDisplayParams('?lang=en', defaults).lang).toBe('both');
    expect(parseDisplayParams('?lang=both', defaults).lang).toBe('both');
    expect(parseDisplayParams('?lang=fr', defaults).lang).toBe('vi');
  });

  it('clamps history, reads voice flags, rejects unsafe pack names', () => {
    expect(parseDisplayParams('?history=100', defaults).history).toBe(20);
    expect(parseDisplayParams('?history=0', defaults).history).toBe(1);
    expect(parseDisplayParams('?voice=off', defaults).voice).toBe(false);
    expect(parseDisplayParams('?voice=1', { voice: false, history: 1 }).voice).toBe(true);
    expect(parseDisplayParams('?speech=on', defaults).speech).toBe(true);
    expect(parseDisplayParams('?pack=hcc-ba-dinh', defaults).pack).toBe('hcc-ba-dinh');
    expect(parseDisplayParams('?pack=../../etc', defaults).pack).toBe('default');
  });
});

describe('counterNumberFromLocation', () => {
  it('takes the number from the path, or ?counter= on the dev server', () => {
    expect(counterNumberFromLocation('/display/counter/3', '')).toBe(3);
    expect(counterNumberFromLocation('/display/counter/12/', '')).toBe(12);
    expect(counterNumberFromLocation('/display/counter.html', '?counter=4')).toBe(4);
    expect(counterNumberFromLocation('/display/counter/abc', '')).toBeNull();
    expect(counterNumberFromLocation('/display/counter/0', '')).toBeNull();
  });
});
