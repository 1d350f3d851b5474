/**
 * The purge of personal data: phone, name and the person hash of an appointment are emptied on its date + N
 * days (N = purgeAfterDays, 30 by default), at start and then daily; what reports need (service, slot, status,
 * times) stays.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { appointmentApp, book, ID_A, ID_B, setSettings } from './helpers';

const DAY = 24 * 3600_000;

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

type Row = { code: string; phone: string | null; name: string | null; person_key: string; purged_at: number | null; status: string; time: string };

describe('purge of personal data', () => {
  it('empties phone, name and person hash on the date + 30 days, one day at a time, and keeps the rest', async () => {
    const r = await appointmentApp();
    t = r.t;
    const a = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A, phone: '0912345678', name: 'Nguyễn Văn Bình' })).json();
    const b = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-24', time: '10:00', idNumber: ID_B, phone: '0987654321', name: 'Lê Thị Hoa' })).json();
    const row = (code: string) => r.app.db.prepare('SELECT * FROM appointments WHERE code = ?').get(code) as Row;

    r.clock.ms += 29 * DAY; // 22/12: 29 days after the first date
    expect(r.app.appointments.purge()).toBe(0);
    expect(row(a.code).phone).toBe('0912345678');

    r.clock.ms += DAY; // 23/12: 30 days after 23/11
    expect(r.app.appointments.purge()).toBe(1);
    expect(row(a.code)).toMatchObject({ phone: null, name: null, person_key: '', time: '10:00', status: 'booked' });
    expect(row(a.code).purged_at).toBe(r.clock.ms);
    expect(row(b.code)).toMatchObject({ phone: '0987654321', name: 'Lê Thị Hoa' });

    r.clock.ms += DAY;
    expect(r.app.appointments.purge()).toBe(1);
    expect(row(b.code)).toMatchObject({ phone: null, name: null, person_key: '' });
    expect(r.app.appointments.purge()).toBe(0);
  });

  it('runs at start, with the center’s own period', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { purgeAfterDays: 2 });
    const a = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A, phone: '0912345678', name: 'Nguyễn Văn Bình' })).json();
    await r.t.close();
    // Restarted two days later: purged before anything else happens.
    const later = new FakeClock(r.clock.ms + 2 * DAY);
    t = await createTestApp({ clock: later, dataDir: r.t.dataDir });
    const row = t.app.db.prepare('SELECT phone, name, person_key FROM appointments WHERE code = ?').get(a.code);
    expect(row).toEqual({ phone: null, name: null, person_key: '' });
  });
});
