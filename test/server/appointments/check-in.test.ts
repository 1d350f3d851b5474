/**
 * Check-in on a fake clock (Monday 23/11/2026 from 09:00): the window around the slot, a retried check-in, the
 * ticket carrying its slot and called at or after it, walk-ins meanwhile, a no-show giving its place back, and
 * a booking never checked in expiring.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { TestApp } from '../../helpers/app';
import { loginCookie } from '../../helpers/app';
import { appointmentApp, book, ID_A, ID_B, MINUTE, setSettings } from './helpers';

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

const TEN_AM = Date.UTC(2026, 10, 23, 3, 0, 0);

describe('check-in', () => {
  it('is open from 15 minutes before the slot to 15 after it; outside, a clear refusal with the window and a normal ticket offered', async () => {
    const r = await appointmentApp();
    t = r.t;
    const { code } = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();

    r.clock.ms = TEN_AM - 16 * MINUTE;
    const early = await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect([early.statusCode, early.json().code]).toEqual([409, 'CHECK_IN_TOO_EARLY']);
    expect(early.json().message).toBe('Chưa đến giờ xác nhận lịch hẹn: bạn có thể xác nhận từ 09:45 đến 10:15. Nếu không muốn chờ, bạn có thể lấy số thường tại ki-ốt.');
    const earlyEn = await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in`, headers: { 'accept-language': 'en' } });
    expect(earlyEn.json().message).toContain('from 09:45 to 10:15');
    expect(earlyEn.json().message).toContain('take a normal number at the kiosk');

    r.clock.ms = TEN_AM - 15 * MINUTE;
    const res = await r.app.inject({ method: 'POST', url: `/api/appointments/${code.toLowerCase()}/check-in` });
    expect(res.statusCode).toBe(201);
    const ticket = res.json();
    expect(ticket).toMatchObject({ serviceId: 'svc-hotich', status: 'waiting', number: 'A001', slotAt: TEN_AM });
    expect(ticket.phoneUrl).toMatch(/\/t\//);

    // A retried check-in answers the same ticket and issues no other.
    const again = await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(ticket.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(r.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get()).toBe(1);
    expect(r.app.db.prepare('SELECT status, ticket_id FROM appointments WHERE code = ?').get(code)).toEqual({ status: 'checked-in', ticket_id: ticket.id });

    // Late: the other booking, 10:00 too, 16 minutes after its slot.
    const other = (await book(r.app, { serviceId: 'svc-chungthuc', date: '2026-11-23', time: '10:00', idNumber: ID_B })).json();
    r.clock.ms = TEN_AM + 16 * MINUTE;
    const late = await r.app.inject({ method: 'POST', url: `/api/appointments/${other.code}/check-in` });
    expect([late.statusCode, late.json().code]).toEqual([409, 'CHECK_IN_TOO_LATE']);
    expect(late.json().message).toBe('Đã quá giờ xác nhận lịch hẹn (từ 09:45 đến 10:15). Bạn vẫn có thể lấy số thường tại ki-ốt.');
    // The sweep expires it: it no longer holds its place, and check-in then says why.
    r.app.appointments.sweep();
    const expired = await r.app.inject({ method: 'POST', url: `/api/appointments/${other.code}/check-in` });
    expect([expired.statusCode, expired.json().code]).toEqual([409, 'APPOINTMENT_NOT_ACTIVE']);
    expect(expired.json().message).toBe(`Lịch hẹn ${other.code} không còn hiệu lực (đã quá giờ xác nhận).`);
  });

  it('follows the settings: a wider window', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { checkInEarlyMinutes: 60 });
    const { code } = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    r.clock.ms = TEN_AM - 60 * MINUTE;
    expect((await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` })).statusCode).toBe(201);
  });

  it('an unknown code is 404 and a cancelled booking cannot check in', async () => {
    const r = await appointmentApp();
    t = r.t;
    expect((await r.app.inject({ method: 'POST', url: '/api/appointments/ABCDEF/check-in' })).json().code).toBe('APPOINTMENT_NOT_FOUND');
    expect((await r.app.inject({ method: 'POST', url: '/api/appointments/0OIL1U/check-in' })).json().code).toBe('APPOINTMENT_NOT_FOUND');
    const { code } = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    await r.app.inject({ method: 'DELETE', url: `/api/appointments/${code}` });
    r.clock.ms = TEN_AM;
    const res = await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect([res.statusCode, res.json().code]).toEqual([409, 'APPOINTMENT_NOT_ACTIVE']);
  });

  it('is refused at a phone past its pace, like taking numbers', async () => {
    const r = await appointmentApp({ VISITOR_TICKETS_PER_HOUR: '1', VISITOR_TICKETS_PER_DAY: '6' });
    t = r.t;
    const a = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    const b = (await book(r.app, { serviceId: 'svc-chungthuc', date: '2026-11-23', time: '10:00', idNumber: ID_B })).json();
    r.clock.ms = TEN_AM;
    expect((await r.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/check-in` })).statusCode).toBe(201);
    const second = await r.app.inject({ method: 'POST', url: `/api/appointments/${b.code}/check-in` });
    expect([second.statusCode, second.json().code]).toEqual([429, 'ISSUE_LIMIT_REACHED']);
  });
});

describe('check-in by scanning the CCCD', () => {
  const card = (id: string) => `${id}||Nguyễn Văn Bình|15031980|Nam|Số 12 phố Hàng Bạc, Hà Nội|10072021`;

  it("finds the person's booking of the day whose window is open; else says the nearest one's window", async () => {
    const r = await appointmentApp();
    t = r.t;
    const morning = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    await book(r.app, { serviceId: 'svc-chungthuc', date: '2026-11-23', time: '14:00', idNumber: ID_A });
    const scan = (text: string) => r.app.inject({ method: 'POST', url: '/api/appointments/check-in', payload: { cccd: text } });

    r.clock.ms = TEN_AM - 30 * MINUTE;
    const early = await scan(card(ID_A));
    expect([early.statusCode, early.json().code]).toEqual([409, 'CHECK_IN_TOO_EARLY']);
    expect(early.json().message).toContain('từ 09:45 đến 10:15');

    r.clock.ms = TEN_AM + 5 * MINUTE;
    const res = await scan(`${card(ID_A)}\r\n`);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ serviceId: 'svc-hotich', slotAt: TEN_AM });
    expect(r.app.db.prepare('SELECT status FROM appointments WHERE code = ?').pluck().get(morning.code)).toBe('checked-in');
    // Someone without a booking today, and a card that does not read.
    expect((await scan(card(ID_B))).json().code).toBe('APPOINTMENT_NOT_FOUND');
    expect((await scan('garbage')).json().code).toBe('CCCD_INVALID');
  });
});

describe('calling a checked-in booking', () => {
  it('is never called before its slot; walk-ins go meanwhile; from the slot on it is called before later walk-ins', async () => {
    const r = await appointmentApp();
    t = r.t;
    const cookie = await loginCookie(r.app, 'staff1');
    const callNext = (counter: string) => r.app.inject({ method: 'POST', url: `/api/counters/${counter}/call-next`, headers: { cookie } });
    const complete = (counter: string, ticketId: string) => r.app.inject({ method: 'POST', url: `/api/counters/${counter}/complete`, payload: { ticketId }, headers: { cookie } });
    const issue = async () => (await r.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } })).json();

    const { code } = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    r.clock.ms = TEN_AM - 10 * MINUTE;
    const booked = (await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` })).json();
    expect(booked.waitingAhead).toBe(0);
    // Nobody waits, but it is not called before its slot, ten minutes away: the wait shown says so.
    expect(booked.etaMinutes).toBe(10);
    expect(booked.etaRange.low).toBeGreaterThanOrEqual(10);
    const walkIn1 = await issue(); // 09:50

    // 09:50: only the walk-in can be called.
    const first = await callNext('1');
    expect(first.json().ticket.id).toBe(walkIn1.id);
    await complete('1', walkIn1.id);
    r.clock.ms = TEN_AM - MINUTE;
    const empty = await callNext('1');
    expect([empty.statusCode, empty.json().code]).toEqual([404, 'QUEUE_EMPTY']);

    // 10:00: its slot. A walk-in who came at 10:00 waits behind it.
    r.clock.ms = TEN_AM;
    const walkIn2 = await issue();
    const second = await callNext('1');
    expect(second.json().ticket.id).toBe(booked.id);
    expect(second.json().ticket.calledAt).toBeGreaterThanOrEqual(TEN_AM);
    await complete('1', booked.id);
    expect((await callNext('1')).json().ticket.id).toBe(walkIn2.id);
  });

  it('a no-show gives the place back, and the officer sees the booking (the name only if the center shows it)', async () => {
    const r = await appointmentApp();
    t = r.t;
    await setSettings(r.app, { services: { 'svc-hotich': { capacity: 1 } } });
    const cookie = await loginCookie(r.app, 'staff1');
    const { code } = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A, name: 'Trần Thị Lan' })).json();
    r.clock.ms = TEN_AM;
    const ticket = (await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` })).json();

    const seen = await r.app.inject({ url: `/api/appointments/by-ticket/${ticket.id}`, headers: { cookie } });
    expect(seen.json()).toMatchObject({ code, time: '10:00', status: 'checked-in' });
    expect(seen.json()).not.toHaveProperty('name');
    expect((await r.app.inject({ url: `/api/appointments/by-ticket/${ticket.id}` })).statusCode).toBe(401);
    await setSettings(r.app, { officerSeesName: true });
    expect((await r.app.inject({ url: `/api/appointments/by-ticket/${ticket.id}`, headers: { cookie } })).json().name).toBe('Trần Thị Lan');

    const held = () => r.app.appointments.store.takenByTime('demo', 'svc-hotich', '2026-11-23').get('10:00') ?? 0;
    expect(held()).toBe(1);
    const act = (path: string) => r.app.inject({ method: 'POST', url: `/api/counters/1/${path}`, payload: path === 'call-next' ? undefined : { ticketId: ticket.id }, headers: { cookie } });
    expect((await act('call-next')).json().ticket.id).toBe(ticket.id);
    await act('recall');
    await act('recall');
    expect((await act('no-show')).statusCode).toBe(200);
    expect(r.app.db.prepare('SELECT status FROM appointments WHERE code = ?').pluck().get(code)).toBe('no-show');
    expect(held()).toBe(0);
  });
});
