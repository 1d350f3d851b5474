/** Booking, slots, refusals, cancelling and the per-person limits, through the API on a fixed day. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET } from '../../../protocol/appointments';
import type { TestApp } from '../../helpers/app';
import { appointmentApp, book, ID_A, ID_B, setSettings } from './helpers';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

describe('booking', () => {
  it('lists the slots still ahead today with their places, and books one with a short unambiguous code', async () => {
    const r = await appointmentApp();
    t = r.t;
    // 09:00 on Monday: the 08:00–16:00 window in 30-minute slots, those already begun left out.
    const slots = await r.app.inject({ url: '/api/appointments/slots?serviceId=svc-hotich&date=2026-11-23' });
    expect(slots.statusCode).toBe(200);
    const list = slots.json() as { time: string; free: number }[];
    expect(list[0].time).toBe('09:30');
    expect(list.at(-1)!.time).toBe('15:30');
    // Two counters serve Hộ tịch (10 min each): 2 × 3 a slot, half for bookings.
    expect(list.every((s) => s.free === 3)).toBe(true);

    const res = await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A, phone: '0912345678', name: 'Nguyễn Văn Bình' });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body).sort()).toEqual(['code', 'date', 'serviceId', 'time']);
    expect(body).toMatchObject({ serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00' });
    expect(body.code).toMatch(new RegExp(`^[${BOOKING_CODE_ALPHABET}]{6}$`));
    expect(body.code).not.toMatch(/[01OILU]/);

    const after = (await r.app.inject({ url: '/api/appointments/slots?serviceId=svc-hotich&date=2026-11-23' })).json() as { time: string; free: number }[];
    expect(after.find((s) => s.time === '10:00')!.free).toBe(2);
  });

  it('keeps only a keyed hash of the ID number: the number is nowhere in the database file', async () => {
    const r = await appointmentApp();
    t = r.t;
    expect((await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-24', time: '08:00', idNumber: ID_A })).statusCode).toBe(201);
    const row = r.app.db.prepare('SELECT person_key FROM appointments').get() as { person_key: string };
    expect(row.person_key).toMatch(/^[0-9a-f]{64}$/);
    r.app.db.pragma('wal_checkpoint(TRUNCATE)');
    const bytes = readFileSync(join(r.t.dataDir, 'hang-cho.sqlite')).toString('latin1');
    expect(bytes.includes(ID_A)).toBe(false);
  });

  it('refuses, translated, what cannot be booked', async () => {
    const r = await appointmentApp();
    t = r.t;
    const base = { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ ...base, idNumber: '12345678901' }, 400, 'ID_NUMBER_INVALID'],
      [{ ...base, idNumber: '00119001234A' }, 400, 'ID_NUMBER_INVALID'],
      [{ ...base, time: '08:30' }, 409, 'SLOT_IN_PAST'],
      [{ ...base, time: '10:10' }, 400, 'SLOT_NOT_OFFERED'],
      [{ ...base, date: '2026-11-22' }, 409, 'BOOKING_OUTSIDE_HORIZON'],
      [{ ...base, date: '2026-11-30' }, 409, 'BOOKING_OUTSIDE_HORIZON'],
      [{ ...base, serviceId: 'svc-nope' }, 404, 'SERVICE_NOT_FOUND'],
      [{ ...base, date: '2026-02-30' }, 400, 'INVALID_DATE'],
    ];
    for (const [body, status, code] of cases) {
      const res = await book(r.app, body);
      expect([res.statusCode, res.json().code], JSON.stringify(body)).toEqual([status, code]);
    }
    // The horizon runs to today + 6 (Sunday 29/11); a service without its own hours keeps public office hours,
    // so the weekend and the midday break offer no slot, and Friday 27/11 does.
    expect((await book(r.app, { ...base, date: '2026-11-27' })).statusCode).toBe(201);
    expect((await book(r.app, { ...base, date: '2026-11-29' })).json().code).toBe('SERVICE_CLOSED_ON_DAY');
    expect((await book(r.app, { ...base, date: '2026-11-26', time: '12:00' })).json().code).toBe('SLOT_NOT_OFFERED');
    // In English on request, with the window in the message.
    const en = await book(r.app, { ...base, date: '2026-11-30' }, { 'accept-language': 'en' });
    expect(en.json().message).toBe('Appointments can be booked from today to 29/11/2026.');
    const vi = await book(r.app, { ...base, date: '2026-11-30' });
    expect(vi.json().message).toBe('Chỉ đặt lịch được từ hôm nay đến ngày 29/11/2026.');
  });

  it('refuses a day the service is closed (SERVICE_CLOSED_ON_DAY) and gives it no slots', async () => {
    const r = await appointmentApp();
    t = r.t;
    r.app.db.prepare('UPDATE services SET opening_hours = ? WHERE id = ?').run(JSON.stringify([{ days: [1, 2, 3, 4, 5], from: '07:30', to: '11:30' }]), 'svc-datdai');
    r.app.queue.reloadConfig(r.app.queue.defaultCenterId);
    const sunday = await book(r.app, { serviceId: 'svc-datdai', date: '2026-11-29', time: '09:00', idNumber: ID_A });
    expect([sunday.statusCode, sunday.json().code]).toEqual([409, 'SERVICE_CLOSED_ON_DAY']);
    expect((await r.app.inject({ url: '/api/appointments/slots?serviceId=svc-datdai&date=2026-11-29' })).json()).toEqual([]);
    // Monday: only slots wholly inside its morning hours.
    const tuesday = (await r.app.inject({ url: '/api/appointments/slots?serviceId=svc-datdai&date=2026-11-24' })).json() as { time: string }[];
    expect(tuesday.map((s) => s.time)).toEqual(['08:00', '08:30', '09:00', '09:30', '10:00', '10:30', '11:00']);
    const afternoon = await book(r.app, { serviceId: 'svc-datdai', date: '2026-11-24', time: '14:00', idNumber: ID_A });
    expect(afternoon.json().code).toBe('SLOT_NOT_OFFERED');
  });

  it('fills a slot at its capacity (SLOT_FULL), and a cancellation gives the place back', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { services: { 'svc-hotich': { capacity: 2 } } });
    const slot = { serviceId: 'svc-hotich', date: '2026-11-24', time: '09:00' };
    const first = await book(r.app, { ...slot, idNumber: ID_A });
    expect((await book(r.app, { ...slot, idNumber: ID_B })).statusCode).toBe(201);
    const full = await book(r.app, { ...slot, idNumber: '001190099999' });
    expect([full.statusCode, full.json().code]).toEqual([409, 'SLOT_FULL']);
    expect(full.json().message).toBe('Khung giờ 09:00 ngày 24/11/2026 đã hết chỗ. Vui lòng chọn khung giờ khác.');

    const cancel = await r.app.inject({ method: 'DELETE', url: `/api/appointments/${first.json().code.toLowerCase()}` });
    expect(cancel.statusCode).toBe(200);
    expect((await book(r.app, { ...slot, idNumber: '001190099999' })).statusCode).toBe(201);
    // Cancelling twice is refused; an unknown code is not found.
    const again = await r.app.inject({ method: 'DELETE', url: `/api/appointments/${first.json().code}` });
    expect([again.statusCode, again.json().code]).toEqual([409, 'APPOINTMENT_NOT_ACTIVE']);
    expect((await r.app.inject({ method: 'DELETE', url: '/api/appointments/ZZZZZZ' })).json().code).toBe('APPOINTMENT_NOT_FOUND');
  });
});

describe('a retried booking', () => {
  it('with the same Idempotency-Key gets the same code and makes no second booking', async () => {
    const r = await appointmentApp();
    t = r.t;
    const body = { serviceId: 'svc-hotich', date: '2026-11-24', time: '09:00', idNumber: ID_A };
    const first = await book(r.app, body, { 'idempotency-key': 'tap-1' });
    const again = await book(r.app, body, { 'idempotency-key': 'tap-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(first.json());
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(r.app.db.prepare('SELECT COUNT(*) FROM appointments').pluck().get()).toBe(1);
    // Without the key, a second request is a second booking attempt: refused by the per-field limit.
    expect((await book(r.app, body)).json().code).toBe('PERSON_LIMIT_REACHED');
  });
});

describe('per-person limits, by the hash of the ID number', () => {
  it('allows 2 a day and 1 per field, across services; another day starts afresh; a cancellation gives one back', async () => {
    const r = await appointmentApp();
    t = r.t;
    const day = '2026-11-24';
    // Hộ tịch and Chứng thực are two fields.
    const a = await book(r.app, { serviceId: 'svc-hotich', date: day, time: '08:00', idNumber: ID_A });
    expect(a.statusCode).toBe(201);
    // Same field (Hộ tịch), another slot: refused.
    const sameField = await book(r.app, { serviceId: 'svc-hotich', date: day, time: '10:00', idNumber: ID_A });
    expect([sameField.statusCode, sameField.json().code]).toEqual([409, 'PERSON_LIMIT_REACHED']);
    expect((await book(r.app, { serviceId: 'svc-chungthuc', date: day, time: '08:00', idNumber: ID_A })).statusCode).toBe(201);
    // A third field the same day: over 2 a day.
    const third = await book(r.app, { serviceId: 'svc-cutru', date: day, time: '09:00', idNumber: ID_A });
    expect(third.json().code).toBe('PERSON_LIMIT_REACHED');
    expect(third.json().message).toContain('tối đa 2 lịch hẹn một ngày và 1 lịch cho mỗi lĩnh vực');
    // The same number written with spaces is the same person.
    expect((await book(r.app, { serviceId: 'svc-cutru', date: day, time: '09:00', idNumber: '0011 9001 2345' })).json().code).toBe('PERSON_LIMIT_REACHED');
    // Another person is not limited by it; the first person on another day is not either.
    expect((await book(r.app, { serviceId: 'svc-cutru', date: day, time: '09:00', idNumber: ID_B })).statusCode).toBe(201);
    expect((await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-25', time: '08:00', idNumber: ID_A })).statusCode).toBe(201);
    // Cancelling one of the day's bookings lets the person book another.
    expect((await r.app.inject({ method: 'DELETE', url: `/api/appointments/${a.json().code}` })).statusCode).toBe(200);
    // (09:30: Cư trú has one counter, so one booking a slot, and ID_B holds 09:00.)
    expect((await book(r.app, { serviceId: 'svc-cutru', date: day, time: '09:30', idNumber: ID_A })).statusCode).toBe(201);
  });

  it('follows the center’s settings', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { perPersonPerDay: 1 });
    expect((await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-24', time: '08:00', idNumber: ID_A })).statusCode).toBe(201);
    expect((await book(r.app, { serviceId: 'svc-chungthuc', date: '2026-11-24', time: '08:00', idNumber: ID_A })).json().code).toBe('PERSON_LIMIT_REACHED');
    const bad = await r.app.inject({ method: 'PUT', url: '/api/admin/appointment-settings', payload: { windowFrom: '16:00', windowTo: '08:00' }, headers: { cookie: await (await import('../../helpers/app')).loginCookie(r.app, 'admin') } });
    expect([bad.statusCode, bad.json().code]).toEqual([400, 'INVALID_APPOINTMENT_SETTINGS']);
  });

  it('takes a null capacity as "from the counters", not as no places', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { services: { 'svc-hotich': { capacity: 1 } } });
    const one = (await r.app.inject({ method: 'GET', url: '/api/appointments/slots?serviceId=svc-hotich&date=2026-11-24' })).json() as { free: number }[];
    expect(one[0].free).toBe(1);
    await setSettings(r.app, { services: { 'svc-hotich': { capacity: null } } });
    const cookie = await (await import('../../helpers/app')).loginCookie(r.app, 'admin');
    const saved = (await r.app.inject({ method: 'GET', url: '/api/admin/appointment-settings', headers: { cookie } })).json();
    expect(saved.services['svc-hotich'].capacity ?? null).toBeNull();
    const auto = (await r.app.inject({ method: 'GET', url: '/api/appointments/slots?serviceId=svc-hotich&date=2026-11-24' })).json() as { free: number }[];
    expect(auto[0].free).toBeGreaterThan(0);
  });
});
