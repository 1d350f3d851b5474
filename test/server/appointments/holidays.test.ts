/**
 * The province's holidays close a center's bookings: a holiday the hub published (the downlink's newest
 * `holidays` item) offers no slot, a booking for it is refused with the holiday's name, and a newer list replaces
 * the older one at once. Other days are untouched.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { recordDownlinkItem } from '../../../server/hub-link/store';
import type { TestApp } from '../../helpers/app';
import { ID_A, appointmentApp, book } from './helpers';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.close();
  t = null;
});

const slots = async (app: TestApp['app'], date: string) =>
  (await app.inject({ method: 'GET', url: `/api/appointments/slots?serviceId=svc-hotich&date=${date}` })).json() as { time: string; free: number }[];

describe('holidays from the province', () => {
  it('offers no slot on a holiday and refuses a booking for it, by name', async () => {
    const r = await appointmentApp();
    t = r.t;
    const centerId = r.app.queue.defaultCenterId;
    expect((await slots(r.app, '2026-11-25')).length).toBeGreaterThan(0);

    recordDownlinkItem(r.app.db, centerId, { version: 3, kind: 'holidays', publishedAt: 1, data: [{ date: '2026-11-25', name: 'Ngày hội thử' }, '2026-11-27'] }, 2, {});
    expect(await slots(r.app, '2026-11-25')).toEqual([]);
    expect(await slots(r.app, '2026-11-27')).toEqual([]);
    expect((await slots(r.app, '2026-11-24')).length).toBeGreaterThan(0);
    // The booking page is told which of its days are holidays, with their names.
    const info = (await r.app.inject({ method: 'GET', url: '/api/appointments/info' })).json();
    expect(info.holidays).toEqual([{ date: '2026-11-25', name: 'Ngày hội thử' }, { date: '2026-11-27', name: '' }]);

    const refused = await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-25', time: '08:00', idNumber: ID_A });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toEqual({ code: 'CENTER_HOLIDAY', message: expect.stringContaining('25/11/2026 là ngày nghỉ lễ (Ngày hội thử)') });
    const english = await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-27', time: '08:00', idNumber: ID_A }, { 'accept-language': 'en' });
    expect(english.json().message).toContain('27/11/2026 is a public holiday');
    expect(r.app.db.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 0 });

    // A newer list replaces it: the 25th is a working day again.
    recordDownlinkItem(r.app.db, centerId, { version: 4, kind: 'holidays', publishedAt: 3, data: { holidays: ['2026-12-02'] } }, 4, {});
    expect((await slots(r.app, '2026-11-25')).length).toBeGreaterThan(0);
    expect((await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-25', time: '08:00', idNumber: ID_A })).statusCode).toBe(201);
  });
});
