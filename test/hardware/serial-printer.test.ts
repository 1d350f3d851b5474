/** The printer service over a real serial line: a socat pty pair with a fake printer on the far end. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createPrinterService, decodeEscPos, type PrinterService, type PrinterStatus } from '../../hardware';
import { SerialFakePrinter, waitFor } from './fake-printer';
import { checklist, silentLogger, ticket } from './fixtures';
import { startPtyPair, type PtyPair } from './socat';

let dir: string;
let pty: PtyPair;
let printer: SerialFakePrinter;
let service: PrinterService | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'printer-serial-'));
  pty = await startPtyPair(dir);
  printer = new SerialFakePrinter(pty.device);
  await printer.open();
});

afterEach(async () => {
  await service?.close();
  service = null;
  printer.state = { offline: false, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false, silent: false };
  printer.received = [];
});

afterAll(async () => {
  await printer.close();
  await pty.stop();
  rmSync(dir, { recursive: true, force: true });
});

function start(): PrinterService {
  service = createPrinterService(
    { id: 'kiosk-1', url: `serial:${pty.host}?baud=19200`, model: 'epson', statusPollMs: 150, statusTimeoutMs: 400 },
    { logger: silentLogger },
  );
  return service;
}

const statusIs = (s: PrinterService, want: PrinterStatus) => () => s.status().status === want;

describe('serial printer over a pty pair', () => {
  it('prints a ticket whose bytes decode to the Vietnamese text', async () => {
    const s = start();
    await waitFor(statusIs(s, 'ok'), 5000, 'ok');
    const rec = s.print(ticket(), { ticketId: 't-1' });
    expect(rec.state).toBe('queued');
    expect(rec.ticketId).toBe('t-1');
    await waitFor(() => printer.jobs().length === 1 && s.jobs()[0]!.state === 'printed', 5000, 'job printed');
    const doc = decodeEscPos(printer.jobs()[0]!, { profile: 'epson' });
    expect(doc.lines.map((l) => l.text)).toContain('Ủy ban nhân dân phường Hòa Bình');
    expect(doc.lines.map((l) => l.text)).toContain('Đăng ký khai sinh');
    expect(doc.qr).toEqual(['https://hcc.example.vn/t/01HX7Q2ABC']);
    expect(doc.cuts).toBe(1);
  });

  it('reports paper near end, paper out, cover open and cutter error, each as an event', async () => {
    const s = start();
    await waitFor(statusIs(s, 'ok'), 5000, 'ok');
    const seen: PrinterStatus[] = [];
    s.onStatus((st) => seen.push(st.status));
    const play = async (patch: Partial<typeof printer.state>, want: PrinterStatus) => {
      printer.state = { ...printer.state, paperNearEnd: false, paperOut: false, coverOpen: false, cutterError: false, ...patch };
      await waitFor(statusIs(s, want), 5000, want);
    };
    await play({ paperNearEnd: true }, 'paper-near-end');
    await play({ paperOut: true }, 'paper-out');
    await play({ coverOpen: true }, 'cover-open');
    await play({ cutterError: true }, 'error');
    await play({}, 'ok');
    expect(seen).toEqual(['paper-near-end', 'paper-out', 'cover-open', 'error', 'ok']);
  });

  it('holds a job while the paper is out and prints it when paper is back', async () => {
    const s = start();
    await waitFor(statusIs(s, 'ok'), 5000, 'ok');
    printer.state.paperOut = true;
    await waitFor(statusIs(s, 'paper-out'), 5000, 'paper-out');
    const rec = s.print(checklist());
    await new Promise((r) => setTimeout(r, 400));
    expect(printer.jobs()).toHaveLength(0);
    expect(s.jobs().find((j) => j.id === rec.id)!.state).toBe('queued');
    printer.state.paperOut = false;
    await waitFor(() => printer.jobs().length === 1, 5000, 'job after paper refill');
    await waitFor(() => s.jobs().find((j) => j.id === rec.id)!.state === 'printed', 5000, 'printed');
    const lines = decodeEscPos(printer.jobs()[0]!).lines.map((l) => l.text);
    expect(lines).toContain('Lĩnh vực: Chứng thực');
    expect(lines).toContain('PHIẾU HƯỚNG DẪN HỒ SƠ');
  });

  it('goes offline when the printer stops answering and back to ok when it answers again', async () => {
    const s = start();
    await waitFor(statusIs(s, 'ok'), 5000, 'ok');
    printer.state.silent = true;
    await waitFor(statusIs(s, 'offline'), 5000, 'offline');
    printer.state.silent = false;
    await waitFor(statusIs(s, 'ok'), 5000, 'ok again');
  });

  it('accepts Automatic Status Back frames pushed by the printer', async () => {
    const s = start();
    await waitFor(statusIs(s, 'ok'), 5000, 'ok');
    // Cover open in byte 1; the printer keeps answering DLE EOT with "cover open" too, as a real one would.
    printer.state.coverOpen = true;
    printer.send([0x38, 0x00, 0x00, 0x00]);
    await waitFor(statusIs(s, 'cover-open'), 5000, 'cover-open via ASB');
  });

  it('survives unplug and replug: a job printed while unplugged arrives after replug', async () => {
    const s = start();
    await waitFor(statusIs(s, 'ok'), 5000, 'ok');
    s.print(ticket({ number: 'B001' }));
    await waitFor(() => printer.jobs().length === 1, 5000, 'first job');

    await printer.close();
    printer.received = [];
    await pty.unplug();
    await waitFor(statusIs(s, 'offline'), 5000, 'offline after unplug');
    const rec = s.print(ticket({ number: 'B002' }));
    expect(rec.state).toBe('queued');

    await pty.replug();
    await printer.open();
    await waitFor(statusIs(s, 'ok'), 8000, 'ok after replug');
    await waitFor(() => printer.jobs().length === 1, 5000, 'queued job after replug');
    const doc = decodeEscPos(printer.jobs()[0]!);
    expect(doc.lines.some((l) => l.text === 'B002' && l.height > 1)).toBe(true);
    await waitFor(() => s.jobs().find((j) => j.id === rec.id)!.state === 'printed', 5000, 'record printed');
  });

  it('reprints a job by id as a new job', async () => {
    const s = start();
    await waitFor(statusIs(s, 'ok'), 5000, 'ok');
    const first = s.print(ticket({ number: 'C007' }));
    await waitFor(() => printer.jobs().length === 1, 5000, 'first');
    const again = s.reprint(first.id);
    expect(again).not.toBeNull();
    expect(again!.id).not.toBe(first.id);
    await waitFor(() => printer.jobs().length === 2, 5000, 'reprint');
    expect(Buffer.from(printer.jobs()[1]!).equals(Buffer.from(printer.jobs()[0]!))).toBe(true);
    expect(s.reprint('no-such-job')).toBeNull();
  });
});
