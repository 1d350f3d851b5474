/**
 * A write that never finishes, on a real serial line (socat pty pair).
 *
 * Why this is faithful to a printer holding CTS low: with RTS/CTS flow control a UART stops sending while CTS
 * is low; the bytes pile up in the kernel's tty output queue, write() answers EAGAIN once it is full, and the
 * wait for "writable" never ends. A pty cannot play CTS, but freezing socat (SIGSTOP) at the moment the fake
 * printer reads the job's first byte produces that same state on our end of the line: nobody takes bytes off
 * the far side, the pty queue fills, write() answers EAGAIN and serialport waits for "writable" forever. The
 * job is far larger than every buffer on the way (socat's, both pty queues, the fake printer's stream), so
 * it cannot slip through before the freeze. Thawing socat plays the printer raising CTS again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrinterService, decodeEscPos, type PrintJobRecord, type PrinterService, type PrinterStatusValue } from '../../hardware';
import { SerialFakePrinter, waitFor } from './fake-printer';
import { checklist, ticket } from './fixtures';
import { startPtyPair, type PtyPair } from './socat';

let dir: string;
let pty: PtyPair;
let printer: SerialFakePrinter;
let service: PrinterService | null = null;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'printer-stall-'));
  pty = await startPtyPair(dir);
  printer = new SerialFakePrinter(pty.device);
  await printer.open();
});

afterAll(async () => {
  await service?.close();
  await printer.close();
  await pty.stop();
  rmSync(dir, { recursive: true, force: true });
});

const logs: { msg: string; reason?: string }[] = [];
const logged = (msg: string) => logs.filter((l) => l.msg === msg).length;
const logger = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line) as { msg: string }) });

/** A checklist long enough that its raster bytes outweigh every buffer between the two ends many times over. */
const hugeChecklist = () =>
  checklist({ documents: Array.from({ length: 200 }, (_, i) => ({ name: `Giấy tờ số ${i + 1}: bản sao có chứng thực của văn bản gốc`, copies: 1 })) });

describe('a serial write that hangs', () => {
  it('fails the job, reports the printer stalled, resets the link and prints again once the printer takes data', async () => {
    service = createPrinterService(
      { id: 'main', url: `serial:${pty.host}?baud=19200&rtscts=1`, model: 'epson', encoding: 'raster', statusPollMs: 150, statusTimeoutMs: 400, writeTimeoutMs: 1000 },
      { logger },
    );
    const s = service;
    await waitFor(() => s.status().status === 'ok', 5000, 'ok');
    const statuses: PrinterStatusValue[] = [];
    s.onStatus((st) => statuses.push(st));
    const jobs: PrintJobRecord[] = [];
    s.onJob((j) => jobs.push(j));

    printer.onJobStart = () => {
      printer.onJobStart = null;
      pty.freeze();
    };
    const big = s.print(hugeChecklist());
    expect(big.bytes).toBeGreaterThan(200_000);

    await waitFor(() => s.jobs().find((j) => j.id === big.id)?.state === 'failed', 10_000, 'stalled job failed');
    const failed = s.jobs().find((j) => j.id === big.id)!;
    expect(failed.error).toMatch(/timed out/);
    expect(failed.attempts).toBe(1);
    expect(statuses[0]).toMatchObject({ status: 'error', reason: 'write-stalled' });
    // The link is closed and opened again; while the printer still takes nothing, the new link's unanswered
    // status questions keep the clear reason instead of turning it into a bare "offline".
    await waitFor(() => logged('printer connected') >= 2, 5000, 'link reopened');
    expect(logs.some((l) => l.msg === 'reopening printer link' && l.reason === 'write timed out')).toBe(true);
    expect(s.status()).toMatchObject({ status: 'error', reason: 'write-stalled' });
    expect(statuses.every((st) => st.status === 'error' && st.reason === 'write-stalled')).toBe(true);

    pty.thaw();
    await waitFor(() => s.status().status === 'ok', 10_000, 'ok after the printer takes data again');
    expect(s.status().reason).toBeUndefined();
    // The failed job is not sent again by itself: the printer got only the part that was on the wire.
    expect(jobs.filter((j) => j.id === big.id && j.state === 'printing')).toHaveLength(1);
    expect(printer.jobs().filter((b) => b.length >= big.bytes)).toHaveLength(0);

    printer.received = [];
    const next = s.print(ticket({ number: 'D004' }));
    await waitFor(() => s.jobs().find((j) => j.id === next.id)?.state === 'printed', 5000, 'next job printed');
    const doc = decodeEscPos(printer.jobs().at(-1)!, { profile: 'epson' });
    expect(doc.lines.some((l) => l.text === 'D004')).toBe(true);
  });
});
