/**
 * Printing figures: bytes per ticket in each encoding, the wire time that means at common baud rates, and
 * the software latency from print() to the first byte at a fake printer over a socat pty (ptys ignore baud,
 * so that last one measures our code, not the wire).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { createPrinterService, encodePrintJob, findProfile, type TextEncoding } from '../../hardware';
import { SerialFakePrinter, waitFor } from '../hardware/fake-printer';
import { ticket } from '../hardware/fixtures';
import { startPtyPair } from '../hardware/socat';

type Row = { name: string; value: number | string; unit: string; target?: string; baseline?: number | string; note?: string };

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

function quantile(sorted: number[], q: number): number {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

async function latency(jobs: number): Promise<number[]> {
  const dir = mkdtempSync(join(tmpdir(), 'printer-bench-'));
  const pty = await startPtyPair(dir);
  const printer = new SerialFakePrinter(pty.device);
  const service = createPrinterService({ id: 'bench', url: `serial:${pty.host}?baud=115200`, model: 'epson', statusPollMs: 1000 }, { logger: pino({ level: 'silent' }) });
  try {
    await printer.open();
    await waitFor(() => service.status().status === 'ok', 5000, 'printer ok');
    const samples: number[] = [];
    for (let i = 0; i < jobs; i++) {
      const before = printer.jobStarts.length;
      const t0 = performance.now();
      service.print(ticket({ number: `A${String(i).padStart(3, '0')}` }));
      await waitFor(() => printer.jobStarts.length > before, 5000, 'first byte');
      samples.push(printer.jobStarts[before]! - t0);
      // Let the rest of the job arrive so the next sample starts from an idle line.
      await waitFor(() => service.jobs()[0]?.state === 'printed', 5000, 'printed');
    }
    return samples;
  } finally {
    await service.close();
    await printer.close();
    await pty.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const profile = findProfile('epson');
  for (const encoding of ['tcvn3', 'cp1258', 'raster'] as TextEncoding[]) {
    const bytes = encodePrintJob(ticket({ priorityName: 'Người cao tuổi' }), { profile, encoding, paperWidth: 80 }).length;
    rows.push({ name: `ticket bytes, ${encoding}, 80 mm`, value: bytes, unit: 'B', note: 'Epson profile, native QR and big number' });
    for (const baud of [9600, 19200, 115200]) {
      const seconds = (bytes * 10) / baud;
      rows.push({ name: `ticket wire time, ${encoding}, ${baud} baud`, value: round(seconds, 3), unit: 's', target: '< 1 s', note: '8N1 = 10 bits a byte' });
    }
  }
  const samples = (await latency(30)).sort((a, b) => a - b);
  rows.push({ name: 'print() → first byte at printer, median', value: round(quantile(samples, 0.5)), unit: 'ms', target: '< 100 ms', note: `socat pty, ${samples.length} jobs` });
  rows.push({ name: 'print() → first byte at printer, p95', value: round(quantile(samples, 0.95)), unit: 'ms', target: '< 250 ms', note: `socat pty, ${samples.length} jobs` });
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  run().then((rows) => process.stdout.write(`${JSON.stringify(rows, null, 2)}\n`));
}
