/** Which ticket "call next" picks: priority by weight, anti-starvation, service order, FIFO. */
import { describe, expect, it } from 'vitest';
import { RulesHarness } from '../../helpers/queue-fixtures';

/** Call next at a counter `n` times, completing each ticket, and return the numbers called. */
function drain(r: RulesHarness, counterId: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = r.callNext(counterId);
    out.push(t.number);
    r.run({ type: 'complete', counterId, ticketId: t.id });
  }
  return out;
}

describe('routing', () => {
  it('is FIFO within a service', () => {
    const r = new RulesHarness();
    for (let i = 0; i < 4; i++) r.issue('svc-hotich');
    expect(drain(r, 'ctr-1', 4)).toEqual(['A001', 'A002', 'A003', 'A004']);
  });

  it('calls priority tickets first, the heaviest category first, FIFO among equals', () => {
    // A streak limit above the number of priority tickets keeps anti-starvation out of this test.
    const r = new RulesHarness({ settings: { maxPriorityStreak: 10 } });
    r.issue('svc-hotich'); // A001 normal
    r.issue('svc-hotich', 'pri-child'); // A002 weight 2
    r.issue('svc-hotich', 'pri-elderly'); // A003 weight 3
    r.issue('svc-hotich', 'pri-merit'); // A004 weight 4
    r.issue('svc-hotich', 'pri-pregnant'); // A005 weight 3
    expect(drain(r, 'ctr-1', 5)).toEqual(['A004', 'A003', 'A005', 'A002', 'A001']);
  });

  it('lets at most maxPriorityStreak priority tickets go in a row while normal ones wait', () => {
    const r = new RulesHarness({ settings: { maxPriorityStreak: 2 } });
    r.issue('svc-hotich'); // A001
    r.issue('svc-hotich'); // A002
    for (let i = 0; i < 5; i++) r.issue('svc-hotich', 'pri-elderly'); // A003…A007
    expect(drain(r, 'ctr-1', 7)).toEqual(['A003', 'A004', 'A001', 'A005', 'A006', 'A002', 'A007']);
  });

  it('keeps calling priority tickets when no normal ticket waits', () => {
    const r = new RulesHarness({ settings: { maxPriorityStreak: 1 } });
    for (let i = 0; i < 3; i++) r.issue('svc-hotich', 'pri-child');
    expect(drain(r, 'ctr-1', 3)).toEqual(['A001', 'A002', 'A003']);
    expect(r.counter('ctr-1').priorityStreak).toBe(3);
  });

  it('counts the streak per counter: another counter still takes priority first', () => {
    const r = new RulesHarness({ settings: { maxPriorityStreak: 1 } });
    r.issue('svc-hotich'); // A001
    r.issue('svc-hotich', 'pri-merit'); // A002
    r.issue('svc-hotich', 'pri-merit'); // A003
    expect(drain(r, 'ctr-1', 1)).toEqual(['A002']);
    expect(drain(r, 'ctr-2', 1)).toEqual(['A003']);
    expect(drain(r, 'ctr-1', 1)).toEqual(['A001']);
    expect(r.counter('ctr-1').priorityStreak).toBe(0);
  });

  it("with 'service-order' serves the counter's first service before its second", () => {
    const r = new RulesHarness({ settings: { routing: 'service-order' } });
    r.issue('svc-chungthuc'); // B001, earliest
    r.issue('svc-hotich'); // A001
    // ctr-1 lists Hộ tịch first, ctr-2 lists Chứng thực first.
    expect(drain(r, 'ctr-1', 1)).toEqual(['A001']);
    r.issue('svc-hotich'); // A002
    expect(drain(r, 'ctr-2', 1)).toEqual(['B001']);
  });

  it("with 'earliest' takes the longest-waiting ticket across the counter's services", () => {
    const r = new RulesHarness({ settings: { routing: 'earliest' } });
    r.issue('svc-chungthuc'); // B001
    r.issue('svc-hotich'); // A001
    r.issue('svc-chungthuc'); // B002
    expect(drain(r, 'ctr-1', 3)).toEqual(['B001', 'A001', 'B002']);
  });

  it('puts weight before service order', () => {
    const r = new RulesHarness({ settings: { routing: 'service-order' } });
    r.issue('svc-hotich'); // A001
    r.issue('svc-chungthuc', 'pri-child'); // B001
    expect(drain(r, 'ctr-1', 2)).toEqual(['B001', 'A001']);
  });

  it('after a requeue orders by the new place in line, not by number', () => {
    const r = new RulesHarness();
    const a = r.issue('svc-hotich');
    r.issue('svc-hotich');
    r.callNext('ctr-1');
    r.run({ type: 'requeue', counterId: 'ctr-1', ticketId: a.id });
    r.issue('svc-hotich');
    expect(drain(r, 'ctr-1', 3)).toEqual(['A002', 'A001', 'A003']);
  });
});
