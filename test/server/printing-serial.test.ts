/**
 * The whole path on a real serial line: kiosk request → commit → ESC/POS job on a
 * socat pty → a fake printer that decodes it and plays paper-out.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { decodeEscPos } from '../../hardware';
import { createTestApp, type TestApp } from '../helpers/app';
import { startPtyPair, type PtyPair } from '../hardware/socat';
import { SerialFakePrinter, waitFor } from '../hardware/fake-printer';
import type { PrinterStatusView } from '../../protocol/realtime';
import { pairedDevice } from '../helpers/devices';

let dir: string;
let pty: PtyPair;
let printer: SerialFakePrinter;
let t: TestApp;
/** Slips print only for an approved kiosk. */
let kioskCookie: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'qm-serial-'));
  pty = await startPtyPair(dir);
  printer = new SerialFakePrinter(pty.device);
  await printer.open();
  t = await createTestApp({ env: { PRINTER_URL: `serial:${pty.host}?baud=19200`, PRINTER_MODEL: 'epson', PRINTER_STATUS_POLL_MS: '200' } });
  await t.listen();
  kioskCookie = await pairedDevice(t.app, 'kiosk');
});

afterAll(async () => {
  await t.destroy();
  await printer.close();
  await pty.stop();
  rmSync(dir, { recursive: true, force: true });
});

const health = async () => (await (await fetch(`${t.url}/api/health`)).json()) as { printers: PrinterStatusView[] };
const issue = async () => (await fetch(`${t.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: kioskCookie }, body: JSON.stringify({ serviceId: 'svc-hotich' }) })).json();

describe('ticket printing over a serial line', () => {
  it('puts a job on the line whose Vietnamese decodes exactly', async () => {
    // Until the first status answer the printer counts as offline.
    await expect.poll(async () => (await health()).printers[0].status, { timeout: 5000 }).toBe('ok');
    const ticket = await issue();
    expect(ticket.print).toMatchObject({ printerId: 'main', printerStatus: 'ok' });
    await waitFor(() => decodeEscPos(Uint8Array.from(printer.received)).cuts >= 1, 5000, 'a cut job');
    const doc = decodeEscPos(Uint8Array.from(printer.received));
    const text = doc.lines.map((l) => l.text);
    // The en dash has no place in any printer page: it prints as '-'.
    expect(text).toContain('Bộ phận Một cửa - UBND phường Hòa Bình');
    expect(text.some((l) => l.includes('Hộ tịch'))).toBe(true);
    expect(doc.lines.find((l) => l.text.includes('A001'))?.width).toBeGreaterThan(1);
    expect(doc.qr).toEqual([`http://kiosk.test/t/${ticket.id}`]);
  });

  it('reports paper-out in health and to kiosks, keeps the ticket, and prints it once paper is back', async () => {
    const kiosk = connect(`${t.url}/public`, { transports: ['websocket'] });
    const pushed: PrinterStatusView[][] = [];
    kiosk.on('printer:status', (p: PrinterStatusView[]) => pushed.push(p));
    try {
      printer.received = [];
      printer.state.paperOut = true;
      await expect.poll(async () => (await health()).printers[0].status, { timeout: 5000 }).toBe('paper-out');
      await expect.poll(() => pushed.at(-1)?.[0].status, { timeout: 5000 }).toBe('paper-out');

      const ticket = await issue();
      expect(ticket.status).toBe('waiting');
      expect(ticket.print.printerStatus).toBe('paper-out');
      expect(printer.received).toHaveLength(0);

      printer.state.paperOut = false;
      await expect.poll(async () => (await health()).printers[0].status, { timeout: 5000 }).toBe('ok');
      await waitFor(() => decodeEscPos(Uint8Array.from(printer.received)).qr.length > 0, 5000, 'the held job');
      expect(decodeEscPos(Uint8Array.from(printer.received)).qr).toEqual([`http://kiosk.test/t/${ticket.id}`]);
    } finally {
      kiosk.disconnect();
    }
  });
});
