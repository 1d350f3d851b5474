import { describe, expect, it } from 'vitest';
import { buildFilter, callMatches, waitingRows } from '../../display/display-filter';
import { parseDisplayParams } from '../../display/display-params';
import { call, counterView, snapshot } from './fixtures';

const snap = snapshot({
  counters: [counterView(1), counterView(2), counterView(3, { area: 'Tầng 2' }), counterView(4, { area: 'Tầng 2' }), counterView(5)],
});
const filterFor = (search: string) => buildFilter(parseDisplayParams(search, { voice: true, history: 6 }), snap.services, snap.counters);

describe('display filters', () => {
  it('no parameters: every call and every active service', () => {
    const f = filterFor('');
    expect(callMatches(f, call('C001', 3, 1, 0))).toBe(true);
    expect(waitingRows(f, snap.services, snap.counters, snap.stats)).toHaveLength(8);
  });

  it('?services= by id or code keeps those services only', () => {
    const f = filterFor('?services=svc-hotich,ct');
    expect(callMatches(f, call('A001', 1, 1, 0))).toBe(true);
    expect(callMatches(f, call('B001', 2, 1, 0))).toBe(true);
    expect(callMatches(f, call('C001', 3, 1, 0))).toBe(false);
    expect(waitingRows(f, snap.services, snap.counters, snap.stats).map((r) => r.service.id)).toEqual(['svc-hotich', 'svc-chungthuc']);
  });

  it('?area= keeps calls to counters of that area (case-insensitive) and the services they serve', () => {
    const f = filterFor(`?area=${encodeURIComponent('tầng 2')}`);
    expect(callMatches(f, call('C001', 3, 1, 0))).toBe(true);
    expect(callMatches(f, call('A001', 1, 1, 0))).toBe(false);
    expect(waitingRows(f, snap.services, snap.counters, snap.stats).map((r) => r.service.id)).toEqual([
      'svc-datdai',
      'svc-xaydung',
      'svc-kinhdoanh',
      'svc-baotro',
      'svc-bhyt',
    ]);
  });

  it('filters combine: area AND services', () => {
    const f = filterFor(`?area=${encodeURIComponent('Tầng 2')}&services=svc-bhyt`);
    expect(callMatches(f, call('K001', 4, 1, 0))).toBe(true);
    expect(callMatches(f, call('K002', 5, 1, 0))).toBe(false);
    expect(callMatches(f, call('C001', 3, 1, 0))).toBe(false);
  });

  it('an unknown area shows nothing rather than everything', () => {
    const f = filterFor('?area=Tầng 9');
    expect(callMatches(f, call('A001', 1, 1, 0))).toBe(false);
    expect(waitingRows(f, snap.services, snap.counters, snap.stats)).toEqual([]);
  });

  it('?counters= picks counters by number', () => {
    const f = filterFor('?counters=2,5');
    expect(callMatches(f, call('B001', 2, 1, 0))).toBe(true);
    expect(callMatches(f, call('A001', 1, 1, 0))).toBe(false);
  });
});
