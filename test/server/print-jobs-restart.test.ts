/**
 * Print jobs survive a restart: a real SQLite file, a real serial line (socat pty pair) and a fake printer
 * that is out of paper while the first server runs. The clock is a fake one, moved by hand.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { decodeEscPos } from '../../hardware';
import type { UnprintedTicket } from '../../protocol/realtime';
import type { TicketView } from '../../protocol/schemas';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { SerialFakePrinter, waitFor } from '../hardware/fake-printer';
import { startPtyPair, type PtyPair } from '../hardware/socat';
import { pairedDevice } from '../helpers/devices';

const MIN = 60_000;
let dir: string;
let dataDir: string;
let pty: PtyPair;
let printer: SerialFakePrinter;
const clock = new FakeClock();
const apps: TestApp[] = [];
/** The kiosk, paired once: its token outlives the restart. */
let kiosk: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qm-print-restart-'));
  dataDir = join(dir, 'data');
  pty = await startPtyPair(dir);
  printer = new SerialFakePrinter(pty.device);
  await printer.open();
});

afterAll(async () => {
  for (const a of apps) await a.close();
  await printer.close();
  await pty.stop();
  rmSync(dir, { recursive: true, force: true });
});

async function start(): Promise<TestApp> {
  const t = await createTestApp({
    clock,
    dataDir,
    env: { PRINTER_URL: `serial:${pty.host}?baud=19200`, PRINTER_STATUS_POLL_MS: '150', PRINT_JOB_MAX_AGE_MIN: '10', PRINT_JOB_EXPIRE_MIN: '60' },
  });
  apps.push(t);
  return t;
}

const issue = async (t: TestApp, key: string) => {
  const res = await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { 'idempotency-key': key, cookie: kiosk }, payload: { serviceId: 'svc-hotich' } });
  expect(res.statusCode).toBe(201);
  return res.json<TicketView>();
};
const printerStatus = (t: TestApp) => t.app.printing.statuses()[0]!.status;
const numbersPrinted = () => printer.jobs().flatMap((job) => decodeEscPos(job, { profile: 'epson' }).lines.map((l) => l.text).filter((text) => /^[A-Z]\d{3}$/.test(text)));

interface PrinterListing {
  id: string;
  jobs: { id: string; ticketId?: string; state: string; resumed?: boolean; expiredReason?: string }[];
  unprinted: UnprintedTicket[];
}

describe('print jobs across a restart', () => {
  it('prints after the restart the jobs still young enough, drops the old ones and says which', async () => {
    const first = await start();
    kiosk = await pairedDevice(first.app, 'kiosk');
    printer.state.paperOut = true;
    await waitFor(() => printerStatus(first) === 'paper-out', 5000, 'paper-out');

    const old = await issue(first, 'tap-old');
    clock.advance(8 * MIN);
    const young = await issue(first, 'tap-young');
    expect([old.print?.state, young.print?.state]).toEqual(['queued', 'queued']);
    await first.close();

    // Back 4 minutes later: the young job is 4 minutes old, the old one 12 (over PRINT_JOB_MAX_AGE_MIN).
    clock.advance(4 * MIN);
    printer.state.paperOut = false;
    printer.received = [];
    const second = await start();
    await waitFor(() => second.app.printing.lastPrint(young.id).state === 'printed', 8000, 'young job printed');
    expect(numbersPrinted()).toEqual([young.number]);

    // The kiosk's retried tap (same Idempotency-Key) learns what became of its slip; so does the ticket.
    const youngAgain = await issue(second, 'tap-young');
    expect(youngAgain.print).toMatchObject({ state: 'printed', resumed: true, printerId: 'main' });
    const oldAgain = await issue(second, 'tap-old');
    expect(oldAgain.id).toBe(old.id);
    expect(oldAgain.print).toMatchObject({ state: 'expired', expiredReason: 'too-old-at-restart' });
    const oldView = (await second.app.inject({ url: `/api/tickets/${old.id}` })).json<TicketView>();
    expect(oldView.print).toMatchObject({ state: 'expired', expiredReason: 'too-old-at-restart' });
    // The replay printed nothing more.
    expect(numbersPrinted()).toEqual([young.number]);

    // The director: the printers list and the staff socket.
    const cookie = await loginCookie(second.app, 'director');
    const listing = (await second.app.inject({ url: '/api/printers', headers: { cookie } })).json<PrinterListing[]>();
    const main = listing.find((p) => p.id === 'main')!;
    expect(main.jobs.find((j) => j.ticketId === young.id)).toMatchObject({ state: 'printed', resumed: true });
    expect(main.jobs.find((j) => j.ticketId === old.id)).toMatchObject({ state: 'expired', expiredReason: 'too-old-at-restart' });
    expect(main.unprinted.map((u) => [u.number, u.state, u.expiredReason, u.ticketStatus])).toEqual([[old.number, 'expired', 'too-old-at-restart', 'waiting']]);

    await second.listen();
    const staff = connect(`${second.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie } });
    try {
      const pushed: UnprintedTicket[][] = [];
      staff.on('printer:unprinted', (list: UnprintedTicket[]) => pushed.push(list));
      await waitFor(() => pushed.length > 0, 5000, 'unprinted list on connect');
      expect(pushed[0]!.map((u) => u.ticketId)).toEqual([old.id]);

      // Staff reprint it: it prints, and the ticket leaves the list.
      const res = await second.app.inject({ method: 'POST', url: `/api/tickets/${old.id}/reprint`, headers: { cookie } });
      expect(res.statusCode).toBe(200);
      // The ticket leaves the list as soon as its new job is accepted; the slip follows.
      await waitFor(() => pushed.at(-1)!.length === 0, 5000, 'list emptied by the reprint');
      await waitFor(() => numbersPrinted().length === 2, 5000, 'reprinted slip');
      expect(numbersPrinted()).toEqual([young.number, old.number]);
    } finally {
      staff.disconnect();
    }
  });
});
