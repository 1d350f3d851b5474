/** The what-if screen's plan: hours typed by a director, new counters, the counter's service order, the request. */
import { describe, expect, it } from 'vitest';
import { addCounter, DEFAULT_HOURS, parseHours, planFrom, requestOf, toggleService } from '../../console/lib/what-if';

const counters = [
  { number: 2, name: 'Quầy 2', serviceIds: ['svc-b', 'svc-a'], active: true },
  { number: 1, name: 'Quầy 1', serviceIds: ['svc-a'], active: true },
  { number: 9, name: 'Quầy 9', serviceIds: ['svc-a'], active: false },
];

describe('what-if plan', () => {
  it('starts from the active counters in number order, working as they did', () => {
    expect(planFrom(counters)).toEqual([
      { number: 1, name: 'Quầy 1', serviceIds: ['svc-a'], mode: 'as-logged', hoursText: DEFAULT_HOURS },
      { number: 2, name: 'Quầy 2', serviceIds: ['svc-b', 'svc-a'], mode: 'as-logged', hoursText: DEFAULT_HOURS },
    ]);
  });

  it('adds a counter after the highest number, serving nothing yet', () => {
    const plan = addCounter(planFrom(counters));
    expect(plan.at(-1)).toMatchObject({ number: 3, name: null, serviceIds: [] });
    expect(addCounter([])[0].number).toBe(1);
  });

  it('keeps the counter’s service order: a ticked service goes last', () => {
    const c = planFrom(counters)[1];
    expect(toggleService(c, 'svc-c', true).serviceIds).toEqual(['svc-b', 'svc-a', 'svc-c']);
    expect(toggleService(c, 'svc-b', false).serviceIds).toEqual(['svc-a']);
    expect(toggleService(c, 'svc-a', true).serviceIds).toEqual(['svc-b', 'svc-a']);
  });

  it.each([
    ['07:30-11:30, 13:30-17:00', [{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }]],
    ['7:30 – 11:30; 13:00-24:00', [{ from: '07:30', to: '11:30' }, { from: '13:00', to: '24:00' }]],
    ['', null],
    ['07:30', null],
    ['11:30-07:30', null],
    ['07:30-25:00', null],
    ['sáng', null],
  ])('reads hours %j', (text, windows) => {
    expect(parseHours(text)).toEqual(windows);
  });

  it('makes the request: as it worked → true, closed → false, hours → windows; unreadable hours name the counter', () => {
    const [one, two] = planFrom(counters);
    const plan = [{ ...one, mode: 'closed' as const }, { ...two, mode: 'hours' as const, hoursText: '08:00-12:00' }, { ...addCounter([two])[1], serviceIds: ['svc-a'] }];
    expect(requestOf('2026-11-16', '2026-11-22', plan)).toEqual({
      from: '2026-11-16',
      to: '2026-11-22',
      counters: [
        { number: 1, serviceIds: ['svc-a'], open: false },
        { number: 2, serviceIds: ['svc-b', 'svc-a'], open: [{ from: '08:00', to: '12:00' }] },
        { number: 3, serviceIds: ['svc-a'], open: true },
      ],
      basis: 'logged',
    });
    expect(requestOf('2026-11-16', '2026-11-22', [two], 'typical')).toMatchObject({ basis: 'typical' });
    expect(requestOf('2026-11-16', '2026-11-22', [{ ...two, mode: 'hours', hoursText: 'cả ngày' }])).toEqual({ badHours: 2 });
  });
});
