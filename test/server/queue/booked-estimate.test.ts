/**
 * The wait estimate with checked-in bookings in the line: a booking whose slot comes after a walk-in would be
 * called is not work ahead of that walk-in (call next leaves it waiting until its slot); one whose slot comes
 * first is. A booking's own estimate is never shorter than the time to its slot.
 */
import { describe, expect, it } from 'vitest';
import { estimateWait } from '../../../server/queue/estimate';
import { KIOSK, MINUTE, RulesHarness } from '../../helpers/queue-fixtures';

/** Hộ tịch with one open counter, busy, and three walk-ins waiting. */
function busyLine() {
  const counters = Object.fromEntries(['ctr-1', 'ctr-2', 'ctr-3', 'ctr-4', 'ctr-5'].map((id) => [id, { active: id === 'ctr-1' }]));
  const r = new RulesHarness({ counters });
  for (let i = 0; i < 4; i++) r.issue('svc-hotich');
  r.callNext('ctr-1');
  r.tick(MINUTE);
  return r;
}

const walkIn = (r: RulesHarness) => estimateWait(r.state, { serviceId: 'svc-hotich', priorityWeight: 0, queuedAt: r.now }, r.now);

function checkIn(r: RulesHarness, slotAt: number) {
  const t = r.run({ type: 'issue', serviceId: 'svc-hotich', booking: { slotAt, lineUp: 'slot' } }, KIOSK).ticket!;
  r.tick(1000);
  return t;
}

describe('the estimate with bookings waiting for their slot', () => {
  it('leaves out a booking whose slot comes after the walk-in is called', () => {
    const without = busyLine();
    const withBooking = busyLine();
    checkIn(withBooking, withBooking.now + 3 * 60 * MINUTE);
    without.tick(1000);
    const a = walkIn(without);
    const b = walkIn(withBooking);
    expect(a.minutes).toBeGreaterThan(0);
    expect(b.minutes).toBeCloseTo(a.minutes, 5);
  });

  it('counts a booking whose slot comes first', () => {
    const without = busyLine();
    const withBooking = busyLine();
    checkIn(withBooking, withBooking.now + MINUTE);
    without.tick(1000);
    expect(walkIn(withBooking).minutes).toBeGreaterThan(walkIn(without).minutes);
  });

  it('gives a booking checked in early at least the time to its slot', () => {
    const counters = Object.fromEntries(['ctr-1', 'ctr-2', 'ctr-3', 'ctr-4', 'ctr-5'].map((id) => [id, { active: id === 'ctr-1' }]));
    const r = new RulesHarness({ counters });
    const booked = checkIn(r, r.now + 15 * MINUTE);
    const e = estimateWait(r.state, r.state.active.get(booked.id)!, r.now);
    expect(e.minutes).toBeGreaterThanOrEqual(14.9);
    expect(e.low).toBeGreaterThanOrEqual(14);
    expect(e.high).toBeGreaterThanOrEqual(15);
  });
});
