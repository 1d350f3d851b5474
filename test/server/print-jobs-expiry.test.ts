/**
 * Jobs for a printer that stays offline expire after PRINT_JOB_EXPIRE_MIN, and staff are told which tickets
 * never got their slip. The printer is a serial device that does not exist (unplugged adapter); the clock
 * is a fake one moved by hand; the database a real SQLite file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import type { UnprintedTicket } from '../../protocol/realtime';
import type { TicketView } from '../../protocol/schemas';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { waitFor } from '../hardware/fake-printer';
import { pairedDevice } from '../helpers/devices';

const MIN = 60_000;
const clock = new FakeClock();
let t: TestApp;
/** Slips print only for an approved kiosk. */
let kiosk: string;

beforeAll(async () => {
  t = await createTestApp({ clock, env: { PRINTER_URL: 'serial:/dev/no-such-printer', PRINTER_STATUS_POLL_MS: '100', PRINT_JOB_EXPIRE_MIN: '5' } });
  await t.listen();
  kiosk = await pairedDevice(t.app, 'kiosk');
});

afterAll(async () => {
  await t.destroy();
});

const issue = async () => {
  const res = await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: kiosk }, payload: { serviceId: 'svc-hotich' } });
  expect(res.statusCode).toBe(201);
  return res.json<TicketView>();
};

describe('print jobs for an offline printer', () => {
  it('expire after PRINT_JOB_EXPIRE_MIN; the director sees which tickets never printed, live and on the printers list', async () => {
    const cookie = await loginCookie(t.app, 'director');
    const staff = connect(`${t.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie } });
    const pushed: UnprintedTicket[][] = [];
    staff.on('printer:unprinted', (list: UnprintedTicket[]) => pushed.push(list));
    try {
      await waitFor(() => pushed.length === 1, 5000, 'list on connect');
      expect(pushed[0]).toEqual([]);

      const early = await issue();
      clock.advance(3 * MIN);
      const late = await issue();
      expect(early.print).toMatchObject({ state: 'queued', printerStatus: 'offline' });

      // 5 minutes after the first ticket only its job expires; the second has waited 2 minutes.
      clock.advance(2 * MIN);
      await waitFor(() => pushed.length > 1, 5000, 'expiry pushed');
      expect(pushed.at(-1)!.map((u) => [u.number, u.state, u.expiredReason])).toEqual([[early.number, 'expired', 'printer-unavailable']]);
      expect(t.app.printing.lastPrint(late.id).state).toBe('queued');

      clock.advance(3 * MIN);
      await waitFor(() => pushed.at(-1)!.length === 2, 5000, 'second expiry pushed');
      expect(pushed.at(-1)!.map((u) => u.number)).toEqual([late.number, early.number]);

      const listing = (await t.app.inject({ url: '/api/printers', headers: { cookie } })).json<{ id: string; unprinted: UnprintedTicket[] }[]>();
      expect(listing[0]!.unprinted.map((u) => u.ticketId)).toEqual([late.id, early.id]);
      const view = (await t.app.inject({ url: `/api/tickets/${early.id}` })).json<TicketView>();
      expect(view.print).toMatchObject({ state: 'expired', expiredReason: 'printer-unavailable' });

      // A reprint queues a new job: the ticket leaves the list (and would expire again if the printer stays away).
      const res = await t.app.inject({ method: 'POST', url: `/api/tickets/${early.id}/reprint`, headers: { cookie } });
      expect(res.json()).toMatchObject({ state: 'queued' });
      await waitFor(() => pushed.at(-1)!.length === 1, 5000, 'reprinted ticket left the list');
      expect(pushed.at(-1)!.map((u) => u.ticketId)).toEqual([late.id]);
    } finally {
      staff.disconnect();
    }
  });
});
