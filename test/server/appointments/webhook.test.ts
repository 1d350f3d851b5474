/**
 * The outbound webhook, received by a real HTTP server in the test: booking confirmed, the reminder, "n ahead
 * of you", called, missed (never checked in, and called but not there), a failed delivery retried with the same
 * id, and nothing sent for a booking without a phone.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Notification } from '../../../server/appointments/notify';
import type { TestApp } from '../../helpers/app';
import { loginCookie } from '../../helpers/app';
import { appointmentApp, book, ID_A, ID_B, ID_C, MINUTE } from './helpers';

const TEN_AM = Date.UTC(2026, 10, 23, 3, 0, 0);

let receiver: Server;
let received: Notification[];
let headers: string[];
/** The id of every delivery attempt, refused or not. */
let attempts: string[];
/** Answers 500 to this many requests first (a gateway down for a moment). */
let failFirst: number;
let url: string;

beforeEach(async () => {
  received = [];
  headers = [];
  attempts = [];
  failFirst = 0;
  receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      attempts.push((JSON.parse(body) as Notification).id);
      if (failFirst > 0) {
        failFirst--;
        res.writeHead(500).end();
        return;
      }
      received.push(JSON.parse(body) as Notification);
      headers.push(String(req.headers['x-hang-cho-event']));
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
  await new Promise((resolve) => receiver.close(resolve));
});

/** Waits for what the receiver got (deliveries are asynchronous); generous, so a loaded machine only waits longer. */
const until = (check: () => void) => vi.waitFor(check, { timeout: 20_000, interval: 10 });
const events = () => received.map((n) => `${n.event}:${n.code}`);

describe('notifications webhook', () => {
  it('tells the gateway each step of a booking with a phone, and nothing of one without', async () => {
    const r = await appointmentApp({ NOTIFY_WEBHOOK_URL: url, NOTIFY_RETRY_MS: '5' });
    t = r.t;
    const a = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A, phone: '0912 345 678', name: 'Nguyễn Văn Bình' })).json();
    const silent = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_B })).json();
    const missed = (await book(r.app, { serviceId: 'svc-chungthuc', date: '2026-11-23', time: '10:00', idNumber: ID_C, phone: '0987654321' })).json();
    await until(() => expect(received).toHaveLength(2));
    expect(received[0]).toMatchObject({ event: 'booking.confirmed', code: a.code, serviceId: 'svc-hotich', serviceName: 'Hộ tịch', date: '2026-11-23', time: '10:00', phone: '0912 345 678', centerId: 'demo' });
    expect(received[0].id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(received[0]).not.toHaveProperty('name');
    expect(headers[0]).toBe('booking.confirmed');

    // An hour before the slot: the reminders.
    r.clock.ms = TEN_AM - 60 * MINUTE;
    r.app.appointments.sweep();
    r.app.appointments.sweep(); // once only
    await until(() => expect(received).toHaveLength(4));
    expect(events().slice(2).sort()).toEqual([`booking.reminder:${a.code}`, `booking.reminder:${missed.code}`].sort());

    // Four walk-ins at 09:30, before the booking's place in line (slot − the 20-minute target = 09:40).
    r.clock.ms = TEN_AM - 30 * MINUTE;
    for (let i = 0; i < 4; i++) await r.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    r.clock.ms = TEN_AM - 15 * MINUTE;
    const ticket = (await r.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/check-in` })).json();
    expect(ticket.waitingAhead).toBe(4);
    const cookie = await loginCookie(r.app, 'staff1');
    const callAndComplete = async () => {
      const called = (await r.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie } })).json().ticket;
      await r.app.inject({ method: 'POST', url: '/api/counters/1/complete', payload: { ticketId: called.id }, headers: { cookie } });
      return called;
    };
    await callAndComplete(); // 3 ahead now
    await until(() => expect(received).toHaveLength(5));
    expect(received[4]).toMatchObject({ event: 'ticket.ahead', code: a.code, ahead: 3, ticketNumber: ticket.number });
    for (let i = 0; i < 3; i++) await callAndComplete(); // 2, 1, 0 ahead: told once only

    r.clock.ms = TEN_AM;
    const called = await callAndComplete();
    expect(called.id).toBe(ticket.id);
    await until(() => expect(received).toHaveLength(6));
    expect(received[5]).toMatchObject({ event: 'ticket.called', code: a.code, ticketNumber: ticket.number, counterNumber: 1 });

    // The Chứng thực booking never checks in: missed when its check-in closes.
    r.clock.ms = TEN_AM + 16 * MINUTE;
    r.app.appointments.sweep();
    await until(() => expect(received).toHaveLength(7));
    expect(received[6]).toMatchObject({ event: 'booking.missed', code: missed.code, reason: 'not-checked-in', phone: '0987654321' });
    expect(received.some((n) => n.code === silent.code)).toBe(false);
  });

  it('a booking called but not there is missed (no-show)', async () => {
    const r = await appointmentApp({ NOTIFY_WEBHOOK_URL: url, NOTIFY_RETRY_MS: '5' });
    t = r.t;
    const a = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A, phone: '0912345678' })).json();
    r.clock.ms = TEN_AM;
    const ticket = (await r.app.inject({ method: 'POST', url: `/api/appointments/${a.code}/check-in` })).json();
    const cookie = await loginCookie(r.app, 'staff1');
    const act = (path: string) => r.app.inject({ method: 'POST', url: `/api/counters/1/${path}`, payload: path === 'call-next' ? undefined : { ticketId: ticket.id }, headers: { cookie } });
    await act('call-next');
    await act('recall');
    await act('recall');
    expect((await act('no-show')).statusCode).toBe(200);
    await until(() => expect(events()).toContain(`booking.missed:${a.code}`));
    expect(received.find((n) => n.event === 'booking.missed')).toMatchObject({ reason: 'no-show' });
    expect(events()).toEqual([`booking.confirmed:${a.code}`, `ticket.ahead:${a.code}`, `ticket.called:${a.code}`, `booking.missed:${a.code}`]);
  });

  it('retries a delivery the gateway refused, with the same id', async () => {
    failFirst = 2;
    const r = await appointmentApp({ NOTIFY_WEBHOOK_URL: url, NOTIFY_RETRY_MS: '5' });
    t = r.t;
    const res = await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-24', time: '10:00', idNumber: ID_A, phone: '0912345678' });
    // The booking was answered without waiting for the gateway.
    expect(res.statusCode).toBe(201);
    await until(() => expect(received).toHaveLength(1));
    expect(failFirst).toBe(0);
    expect(received[0]).toMatchObject({ event: 'booking.confirmed', code: res.json().code });
    // Each refused attempt carried the id the accepted one has.
    expect(attempts).toEqual([received[0].id, received[0].id, received[0].id]);
  });
});
