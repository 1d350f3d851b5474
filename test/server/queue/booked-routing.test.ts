/** Checked-in bookings in "call next": never before their slot, then in line by it (both line-up modes). */
import { describe, expect, it } from 'vitest';
import { bookedQueuedAt } from '../../../server/queue/decide';
import { KIOSK, MINUTE, MONDAY_9AM, RulesHarness } from '../../helpers/queue-fixtures';

function checkIn(r: RulesHarness, serviceId: string, slotAt: number, lineUp: 'deadline' | 'slot' = 'deadline') {
  const t = r.run({ type: 'issue', serviceId, booking: { slotAt, lineUp } }, KIOSK).ticket!;
  r.tick(1000);
  return t;
}

describe('booked tickets in call next', () => {
  it('is not called before its slot, even alone in the queue', () => {
    const r = new RulesHarness();
    const booked = checkIn(r, 'svc-hotich', MONDAY_9AM + 15 * MINUTE);
    expect(booked.slotAt).toBe(MONDAY_9AM + 15 * MINUTE);
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' })).toBe('QUEUE_EMPTY');
    r.now = MONDAY_9AM + 15 * MINUTE;
    expect(r.callNext('ctr-1').id).toBe(booked.id);
  });

  it('lets walk-ins go while its slot has not come, then takes its place by the slot', () => {
    const r = new RulesHarness();
    const booked = checkIn(r, 'svc-hotich', MONDAY_9AM + 10 * MINUTE); // queuedAt = slot − 20 min target
    const w1 = r.issue('svc-hotich');
    const w2 = r.issue('svc-hotich');
    expect(r.callNext('ctr-1').id).toBe(w1.id);
    r.run({ type: 'complete', counterId: 'ctr-1', ticketId: w1.id });
    r.now = MONDAY_9AM + 10 * MINUTE;
    // From its slot on, it is ahead of every walk-in who came after slot − target (w2 came at 09:00).
    expect(r.callNext('ctr-1').id).toBe(booked.id);
    expect(r.callNext('ctr-2').id).toBe(w2.id);
  });

  it("'deadline': due at its slot, so under target-wait it goes before another service's line that is within target", () => {
    const r = new RulesHarness({ settings: { routing: 'target-wait' } });
    r.issue('svc-hotich'); // A001, ctr-1's first service
    const slot = MONDAY_9AM + 30 * MINUTE;
    const booked = checkIn(r, 'svc-chungthuc', slot, 'deadline'); // ctr-1's second service, target 15
    expect(booked.queuedAt).toBe(bookedQueuedAt({ slotAt: slot, lineUp: 'deadline' }, 15));
    r.now = slot + 5 * MINUTE; // A001 is 15 min past its 20-min target (0.75); the booking 5 min past its deadline, the slot (5/15)
    expect(r.callNext('ctr-1').number).toBe('A001');
    r.issue('svc-hotich'); // A002, just came
    expect(r.callNext('ctr-1').id, 'the booking is overdue, A002 is not').toBe(booked.id);
  });

  it("'slot': lines up as if the citizen came at the slot time, behind walk-ins who came before it", () => {
    const r = new RulesHarness();
    const slot = MONDAY_9AM + 10 * MINUTE;
    const booked = checkIn(r, 'svc-hotich', slot, 'slot');
    expect(booked.queuedAt).toBe(slot);
    r.now = MONDAY_9AM + 5 * MINUTE;
    const early = r.issue('svc-hotich'); // came before the slot
    r.now = slot + MINUTE;
    const late = r.issue('svc-hotich'); // came after the slot
    expect(r.callNext('ctr-1').id).toBe(early.id);
    expect(r.callNext('ctr-2').id).toBe(booked.id);
    r.run({ type: 'complete', counterId: 'ctr-1', ticketId: early.id });
    expect(r.callNext('ctr-1').id).toBe(late.id);
  });

  it('is not refused by the walk-in daily quota (its place was counted when it was booked)', () => {
    const r = new RulesHarness({ services: { 'svc-hotich': { dailyQuota: 1 } } });
    r.issue('svc-hotich');
    expect(r.refuse({ type: 'issue', serviceId: 'svc-hotich' }, KIOSK)).toBe('DAILY_QUOTA_REACHED');
    expect(checkIn(r, 'svc-hotich', MONDAY_9AM + 30 * MINUTE).number).toBe('A002');
  });

  it('priority still comes first among tickets that are due', () => {
    const r = new RulesHarness();
    const booked = checkIn(r, 'svc-hotich', MONDAY_9AM - 5 * MINUTE); // slot already begun
    const elderly = r.issue('svc-hotich', 'pri-elderly');
    expect(r.callNext('ctr-1').id).toBe(elderly.id);
    expect(r.callNext('ctr-2').id).toBe(booked.id);
  });
});
