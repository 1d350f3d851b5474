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
import { percentile, round, type BenchResult } from './types';

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

export async function run(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
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
  rows.push({ name: 'print() → first byte at printer, median', value: round(percentile(samples, 50)), unit: 'ms', target: '< 100 ms', note: `socat pty, ${samples.length} jobs` });
  rows.push({ name: 'print() → first byte at printer, p95', value: round(percentile(samples, 95)), unit: 'ms', target: '< 250 ms', note: `socat pty, ${samples.length} jobs` });
  return rows;
}
