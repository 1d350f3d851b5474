/**
 * A check-in outside its window names the booking's service beside the message, so the kiosk can offer a normal
 * ticket of that very service; other refusals add nothing.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { appointmentApp, book, ID_A, MINUTE, setSettings } from './helpers';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

const TEN_AM = Date.UTC(2026, 10, 23, 3, 0, 0);

describe('check-in refusals for the kiosk', () => {
  it('early and late refusals carry the service of the booking; an unknown code does not', async () => {
    const r = await appointmentApp();
    t = r.t;
    const { code } = (await book(r.app, { serviceId: 'svc-chungthuc', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();

    r.clock.ms = TEN_AM - 30 * MINUTE;
    const early = await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect([early.statusCode, early.json().code, early.json().details]).toEqual([409, 'CHECK_IN_TOO_EARLY', { serviceId: 'svc-chungthuc' }]);
    expect(early.json().message).toContain('từ 09:45 đến 10:15');

    r.clock.ms = TEN_AM + 30 * MINUTE;
    const late = await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in`, headers: { 'accept-language': 'en' } });
    expect([late.statusCode, late.json().code, late.json().details]).toEqual([409, 'CHECK_IN_TOO_LATE', { serviceId: 'svc-chungthuc' }]);
    expect(late.json().message).toContain('from 09:45 to 10:15');

    const unknown = await r.app.inject({ method: 'POST', url: '/api/appointments/ZZZZZZ/check-in' });
    expect(unknown.json().code).toBe('APPOINTMENT_NOT_FOUND');
    expect(unknown.json().details).toBeUndefined();
    expect(r.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get()).toBe(0);
  });
});

describe('GET /api/appointments/info', () => {
  it("tells the booking page the center's day, the horizon, the check-in window and the purge, as the admin set them", async () => {
    const r = await appointmentApp();
    t = r.t;
    const before = (await r.app.inject({ method: 'GET', url: '/api/appointments/info' })).json();
    expect(before).toEqual({ enabled: true, today: '2026-11-23', horizonDays: 6, checkInEarlyMinutes: 15, checkInLateMinutes: 15, purgeAfterDays: 30, windowFrom: '08:00', windowTo: '16:00', holidays: [] });
    await setSettings(r.app, { checkInEarlyMinutes: 20, purgeAfterDays: 10 });
    // 23:30 in Hồ Chí Minh City is still the 23rd; 00:30 is the 24th, whatever the machine's zone.
    r.clock.ms = Date.UTC(2026, 10, 23, 17, 30);
    const after = (await r.app.inject({ method: 'GET', url: '/api/appointments/info' })).json();
    expect(after).toMatchObject({ today: '2026-11-24', checkInEarlyMinutes: 20, purgeAfterDays: 10 });
  });
});
