/** The director's appointment figures for a day run through the API on a fake clock. */
import { afterEach, describe, expect, it } from 'vitest';
import { loginCookie, type TestApp } from '../../helpers/app';
import { appointmentApp, book, ID_A, ID_B, ID_C, MINUTE } from './helpers';

const TEN_AM = Date.UTC(2026, 10, 23, 3, 0, 0);

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

describe('GET /api/reports/appointments', () => {
  it('counts bookings, check-ins, punctuality and no-shows, and sets booked waits beside walk-in waits', async () => {
    const r = await appointmentApp();
    t = r.t;
    const staff = await loginCookie(r.app, 'staff1');
    const director = await loginCookie(r.app, 'director');
    const onTime = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    const late = (await book(r.app, { serviceId: 'svc-chungthuc', date: '2026-11-23', time: '10:00', idNumber: ID_B })).json();
    // This one never checks in: expired by the sweep.
    await (await book(r.app, { serviceId: 'svc-cutru', date: '2026-11-23', time: '10:00', idNumber: ID_C })).json();
    const cancelled = (await book(r.app, { serviceId: 'svc-cutru', date: '2026-11-24', time: '10:00', idNumber: ID_A })).json();
    await r.app.inject({ method: 'DELETE', url: `/api/appointments/${cancelled.code}` });

    // A walk-in at 09:50, called at 10:00: waited 10 minutes.
    r.clock.ms = TEN_AM - 10 * MINUTE;
    await r.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-baotro' } });
    r.clock.ms = TEN_AM - 5 * MINUTE;
    await r.app.inject({ method: 'POST', url: `/api/appointments/${onTime.code}/check-in` });
    r.clock.ms = TEN_AM;
    await r.app.inject({ method: 'POST', url: '/api/counters/4/call-next', headers: { cookie: staff } });
    // The on-time booking called 2 minutes after its slot; the late one checks in at 10:04, called at 10:06.
    r.clock.ms = TEN_AM + 2 * MINUTE;
    await r.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff } });
    r.clock.ms = TEN_AM + 4 * MINUTE;
    await r.app.inject({ method: 'POST', url: `/api/appointments/${late.code}/check-in` });
    r.clock.ms = TEN_AM + 6 * MINUTE;
    await r.app.inject({ method: 'POST', url: '/api/counters/2/call-next', headers: { cookie: staff } });
    r.clock.ms = TEN_AM + 20 * MINUTE;
    r.app.appointments.sweep();

    expect((await r.app.inject({ url: '/api/reports/appointments?from=2026-11-23', headers: { cookie: staff } })).statusCode).toBe(403);
    const res = await r.app.inject({ url: '/api/reports/appointments?from=2026-11-23&to=2026-11-24', headers: { cookie: director } });
    expect(res.statusCode).toBe(200);
    const report = res.json();
    expect(report.bookings.total).toBe(4);
    expect(report.bookings.byStatus).toEqual({ booked: 0, 'checked-in': 2, cancelled: 1, 'no-show': 0, expired: 1 });
    expect(report.checkIns).toEqual({ total: 2, beforeSlot: 1, afterSlot: 1, meanMinutesLate: 4 });
    expect(report.noShows).toEqual({ calledNotThere: 0, neverCheckedIn: 1, cancelled: 1, rate: 0.333 });
    expect(report.waits.walkIn).toEqual({ count: 1, meanMinutes: 10, p90Minutes: 10 });
    // Booked waits count from when the ticket could be called: the later of the slot and the check-in.
    expect(report.waits.booked).toEqual({ count: 2, meanMinutes: 2, p90Minutes: 2 });
    expect(report.waits.bookedCalledAfterSlot).toEqual({ count: 2, meanMinutes: 4, p90Minutes: 6 });
    expect(report.bookings.byService.find((s: { serviceId: string }) => s.serviceId === 'svc-cutru')).toEqual({ serviceId: 'svc-cutru', total: 2, checkedIn: 0, noShows: 1 });
  });
});
