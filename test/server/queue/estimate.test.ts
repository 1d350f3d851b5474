/** The wait estimate: shared counters, routing, priority, tickets in service, and never "no wait" while busy. */
import { describe, expect, it } from 'vitest';
import { drainTime, estimateWait, serviceMinutes } from '../../../server/queue/estimate';
import { ticketPosition } from '../../../server/queue/read-model';
import { waitWording } from '../../../protocol/wait-estimate';
import { MINUTE, MONDAY_9AM, RulesHarness } from '../../helpers/queue-fixtures';

/** The demo center, with only the counters a test names open (the others inactive). */
function center(routing: 'service-order' | 'earliest' | 'target-wait', open: string[]) {
  const counters = Object.fromEntries(['ctr-1', 'ctr-2', 'ctr-3', 'ctr-4', 'ctr-5'].map((id) => [id, { active: open.includes(id) }]));
  return new RulesHarness({ settings: { routing }, counters });
}

const newTicket = (serviceId: string, now: number, priorityWeight = 0) => ({ serviceId, priorityWeight, queuedAt: now });

describe('drain time', () => {
  it('is when counters free at different times have done the work together', () => {
    expect(drainTime([0, 0], 20)).toBe(10);
    // The counter busy for 30 minutes takes no part in 10 minutes of work.
    expect(drainTime([0, 30], 10)).toBe(10);
    expect(drainTime([10, 20], 0)).toBe(10);
    expect(drainTime([10, 20], 30)).toBe(30);
  });
});

describe('wait estimate', () => {
  it('is none when a counter is free and nobody is ahead', () => {
    const r = center('service-order', ['ctr-1', 'ctr-2']);
    const e = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now);
    expect(e).toMatchObject({ minutes: 0, allBusy: false });
    expect(waitWording(Math.round(e.minutes), e)).toEqual({ kind: 'none' });
  });

  it('is never zero while every counter of the service is busy, even with nobody waiting', () => {
    const r = center('service-order', ['ctr-1', 'ctr-2']);
    for (const c of ['ctr-1', 'ctr-2']) {
      r.issue('svc-hotich');
      r.callNext(c);
    }
    // Long past their mean: still not free at once.
    r.tick(60 * MINUTE);
    const e = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now);
    expect(e.allBusy).toBe(true);
    expect(e.minutes).toBeGreaterThan(0);
    const t = r.issue('svc-hotich');
    const position = ticketPosition(r.state, r.ticket(t.id)!, true);
    expect(position.waitingAhead).toBe(0);
    expect(position.etaMinutes).toBeGreaterThanOrEqual(1);
    expect(waitWording(position.etaMinutes, position.etaRange).kind).not.toBe('none');
  });

  it('counts the remaining time of the tickets in service, which shrinks as they are served', () => {
    const r = center('service-order', ['ctr-3']);
    r.issue('svc-datdai');
    r.callNext('ctr-3');
    const mean = serviceMinutes(r.state, 'svc-datdai');
    const atCall = estimateWait(r.state, newTicket('svc-datdai', r.now), r.now).minutes;
    expect(atCall).toBeCloseTo(mean, 0);
    r.tick(10 * MINUTE);
    expect(estimateWait(r.state, newTicket('svc-datdai', r.now), r.now).minutes).toBeCloseTo(mean - 10 - 1 / 60, 1);
  });

  it('adds the lines a shared counter serves first (service order), and not the ones it serves after', () => {
    const r = center('service-order', ['ctr-1', 'ctr-2']);
    const before = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now).minutes;
    for (let i = 0; i < 6; i++) r.issue('svc-chungthuc');
    // ctr-2 serves Chứng thực first, ctr-1 after Hộ tịch: half the Chứng thực line is ahead of a Hộ tịch ticket.
    const hotich = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now).minutes;
    const ct = serviceMinutes(r.state, 'svc-chungthuc');
    expect(hotich - before).toBeGreaterThan(0);
    expect(hotich).toBeLessThan((6 * ct) / 2);
    // A Chứng thực ticket has the whole line ahead, on both counters.
    const chungthuc = estimateWait(r.state, newTicket('svc-chungthuc', r.now), r.now).minutes;
    expect(chungthuc).toBeGreaterThan(hotich);
  });

  it('follows the routing mode: with earliest-first, every earlier ticket of a shared counter is ahead', () => {
    const byOrder = center('service-order', ['ctr-1']);
    const earliest = center('earliest', ['ctr-1']);
    for (const r of [byOrder, earliest]) for (let i = 0; i < 4; i++) r.issue('svc-chungthuc');
    // ctr-1 serves Hộ tịch first: by service order the Chứng thực line is not ahead of it.
    expect(estimateWait(byOrder.state, newTicket('svc-hotich', byOrder.now), byOrder.now).minutes).toBe(0);
    expect(estimateWait(earliest.state, newTicket('svc-hotich', earliest.now), earliest.now).minutes).toBeCloseTo(4 * serviceMinutes(earliest.state, 'svc-chungthuc'), 5);
  });

  it("with 'target-wait', counts the other lines' tickets due before it (queued + target), as overdue heads go first", () => {
    const r = center('target-wait', ['ctr-1']);
    // Hộ tịch (target 20 min) waited 10 minutes: due before a new Chứng thực ticket (target 15).
    r.issue('svc-hotich');
    r.tick(10 * MINUTE);
    const due = estimateWait(r.state, newTicket('svc-chungthuc', r.now), r.now).minutes;
    expect(due).toBeCloseTo(serviceMinutes(r.state, 'svc-hotich'), 5);
    // One just taken is due after it: not ahead.
    const fresh = center('target-wait', ['ctr-1']);
    fresh.issue('svc-hotich');
    expect(estimateWait(fresh.state, newTicket('svc-chungthuc', fresh.now), fresh.now).minutes).toBe(0);
  });

  it('puts priority tickets of shared services ahead of a normal ticket, and no normal ticket ahead of a priority one', () => {
    const r = center('service-order', ['ctr-1']);
    r.issue('svc-chungthuc', 'pri-elderly');
    r.issue('svc-chungthuc', 'pri-elderly');
    const normal = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now).minutes;
    expect(normal).toBeCloseTo(2 * serviceMinutes(r.state, 'svc-chungthuc'), 5);
    for (let i = 0; i < 5; i++) r.issue('svc-hotich');
    // Weight 4 (người có công) comes before weight 3; at the same weight, ctr-1 serves Hộ tịch first.
    expect(estimateWait(r.state, newTicket('svc-hotich', r.now, 4), r.now).minutes).toBe(0);
    expect(estimateWait(r.state, newTicket('svc-hotich', r.now, 3), r.now).minutes).toBe(0);
    // A child carrier (weight 2) has the two elderly citizens ahead, and none of the five normal tickets.
    expect(estimateWait(r.state, newTicket('svc-hotich', r.now, 2), r.now).minutes).toBeCloseTo(normal, 5);
  });

  it('counts only the tickets of its own line ahead of an older ticket, by priority then FIFO', () => {
    const r = center('service-order', ['ctr-3']);
    const first = r.issue('svc-datdai');
    const second = r.issue('svc-datdai');
    r.issue('svc-datdai');
    r.issue('svc-datdai', 'pri-child');
    const mean = serviceMinutes(r.state, 'svc-datdai');
    expect(estimateWait(r.state, r.ticket(first.id)!, r.now).minutes).toBeCloseTo(mean, 5);
    expect(estimateWait(r.state, r.ticket(second.id)!, r.now).minutes).toBeCloseTo(2 * mean, 5);
  });

  it('divides the work among working counters; a paused one is back after a short break, never "no wait"', () => {
    const r = center('service-order', ['ctr-1', 'ctr-2']);
    for (let i = 0; i < 6; i++) r.issue('svc-hotich');
    const two = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now).minutes;
    r.run({ type: 'pause', counterId: 'ctr-2', reason: 'họp' });
    const one = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now).minutes;
    expect(one).toBeGreaterThan(two);
    r.run({ type: 'pause', counterId: 'ctr-1', reason: 'họp' });
    const none = estimateWait(r.state, newTicket('svc-hotich', r.now), r.now);
    expect(none.allBusy).toBe(true);
    expect(none.minutes).toBeGreaterThan(one);
  });

  it('lasts the midday break when the wait runs into it, and waits for opening time before it', () => {
    // 11:10 in Hồ Chí Minh City: 30 minutes of work ahead on one counter end after the 11:30–13:30 break.
    const late = new RulesHarness({ settings: { routing: 'service-order' }, counters: { 'ctr-1': { active: false }, 'ctr-2': { active: false }, 'ctr-4': { active: false }, 'ctr-5': { active: false } } }, MONDAY_9AM + 130 * MINUTE);
    for (let i = 0; i < 2; i++) late.issue('svc-datdai');
    const work = 2 * serviceMinutes(late.state, 'svc-datdai');
    expect(estimateWait(late.state, newTicket('svc-datdai', late.now), late.now).minutes).toBeCloseTo(work + 120, 0);
    // 07:00, counters paused until 07:30: half an hour even with nobody ahead.
    const early = center('service-order', ['ctr-3']);
    early.now = MONDAY_9AM - 120 * MINUTE;
    early.run({ type: 'pause', counterId: 'ctr-3', reason: 'ngoài giờ làm việc' });
    const e = estimateWait(early.state, newTicket('svc-datdai', early.now), early.now);
    expect(e.minutes).toBeCloseTo(30, 5);
    expect(e.allBusy).toBe(true);
  });

  it('learns service times from today, starting from the configured default', () => {
    const r = center('service-order', ['ctr-3']);
    expect(serviceMinutes(r.state, 'svc-datdai')).toBeCloseTo(15.5, 5);
    for (let i = 0; i < 12; i++) {
      const t = r.issue('svc-datdai');
      r.callNext('ctr-3');
      r.run({ type: 'start', counterId: 'ctr-3', ticketId: t.id });
      r.tick(30 * MINUTE);
      r.run({ type: 'complete', counterId: 'ctr-3', ticketId: t.id });
    }
    expect(serviceMinutes(r.state, 'svc-datdai')).toBeGreaterThan(25);
  });

  it('gives a range around the point that widens with the work ahead', () => {
    const r = center('service-order', ['ctr-3']);
    r.issue('svc-datdai');
    const short = estimateWait(r.state, newTicket('svc-datdai', r.now), r.now);
    for (let i = 0; i < 8; i++) r.issue('svc-datdai');
    const long = estimateWait(r.state, newTicket('svc-datdai', r.now), r.now);
    for (const e of [short, long]) {
      expect(e.low).toBeLessThanOrEqual(e.minutes);
      expect(e.high).toBeGreaterThanOrEqual(e.minutes);
    }
    expect(long.high - long.low).toBeGreaterThan(short.high - short.low);
    expect(waitWording(Math.round(long.minutes), long)).toMatchObject({ kind: 'range' });
  });
});
