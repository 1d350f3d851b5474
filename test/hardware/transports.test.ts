/** TCP against a local fake printer, file appends, the simulator's memory and picture, and URL parsing. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrinterService, decodeEscPos, parsePrinterUrl, printerConfigFromEnv } from '../../hardware';
import { TcpFakePrinter, waitFor } from './fake-printer';
import { checklist, silentLogger, ticket } from './fixtures';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'printer-transports-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('printer URL', () => {
  it('parses serial with baud and flow control, tcp, file and sim', () => {
    expect(parsePrinterUrl('serial:/dev/ttyUSB0?baud=19200')).toEqual({ kind: 'serial', path: '/dev/ttyUSB0', baudRate: 19200, rtscts: false, xon: false });
    expect(parsePrinterUrl('serial:///dev/ttyS1?baud=9600&rtscts=1')).toMatchObject({ path: '/dev/ttyS1', baudRate: 9600, rtscts: true });
    expect(parsePrinterUrl('serial:/dev/ttyUSB0?xon=true')).toMatchObject({ baudRate: 19200, xon: true });
    expect(parsePrinterUrl('tcp://192.0.2.10:9100')).toEqual({ kind: 'tcp', host: '192.0.2.10', port: 9100 });
    expect(parsePrinterUrl('tcp://printer.local')).toEqual({ kind: 'tcp', host: 'printer.local', port: 9100 });
    expect(parsePrinterUrl('file:/var/spool/out.bin')).toEqual({ kind: 'file', path: '/var/spool/out.bin' });
    expect(parsePrinterUrl('file:out.bin')).toEqual({ kind: 'file', path: 'out.bin' });
    expect(parsePrinterUrl(undefined)).toEqual({ kind: 'sim' });
    expect(parsePrinterUrl('sim')).toEqual({ kind: 'sim' });
  });
  it('rejects what it cannot use', () => {
    expect(() => parsePrinterUrl('lpt1')).toThrow(/PRINTER_URL/);
    expect(() => parsePrinterUrl('serial:?baud=9600')).toThrow(/device path/);
    expect(() => parsePrinterUrl('serial:/dev/x?baud=fast')).toThrow(/baud/);
  });
  it('reads the environment', () => {
    expect(printerConfigFromEnv({})).toEqual({ id: 'main', url: 'sim' });
    expect(printerConfigFromEnv({ PRINTER_URL: 'tcp://10.0.0.5:9100', PRINTER_MODEL: 'Epson', PRINTER_ENCODING: 'raster', PRINTER_PAPER_WIDTH: '58' })).toEqual({
      id: 'main',
      url: 'tcp://10.0.0.5:9100',
      model: 'epson',
      encoding: 'raster',
      paperWidth: 58,
    });
    expect(() => printerConfigFromEnv({ PRINTER_ENCODING: 'utf8' })).toThrow(/PRINTER_ENCODING/);
  });
});

describe('tcp transport', () => {
  it('prints, reads status, and reconnects after the connection drops without losing a job', async () => {
    const printer = new TcpFakePrinter();
    const port = await printer.listen();
    const s = createPrinterService({ id: 'net', url: `tcp://127.0.0.1:${port}`, model: 'epson', statusPollMs: 150, statusTimeoutMs: 400 }, { logger: silentLogger });
    try {
      await waitFor(() => s.status().status === 'ok', 5000, 'ok');
      s.print(ticket());
      await waitFor(() => printer.jobs().length === 1, 5000, 'job');
      expect(decodeEscPos(printer.jobs()[0]!).lines.map((l) => l.text)).toContain('Đăng ký khai sinh');

      printer.state.paperNearEnd = true;
      await waitFor(() => s.status().status === 'paper-near-end', 5000, 'near end');

      // Printer away: the connection drops and new connections are refused until it is back.
      await printer.close();
      await waitFor(() => s.status().status === 'offline', 5000, 'offline');
      const rec = s.print(ticket({ number: 'Z999' }));
      printer.received = [];
      printer.state.paperNearEnd = false;
      await printer.listen(port);
      await waitFor(() => printer.jobs().length === 1, 8000, 'job after reconnect');
      expect(decodeEscPos(printer.jobs()[0]!).lines.some((l) => l.text === 'Z999')).toBe(true);
      await waitFor(() => s.jobs().find((j) => j.id === rec.id)?.state === 'printed', 5000, 'printed');
      expect(s.status().status).toBe('ok');
    } finally {
      await s.close();
      await printer.close();
    }
  });
});

describe('file transport', () => {
  it('appends every job to the file', async () => {
    const path = join(dir, 'out.bin');
    const s = createPrinterService({ id: 'file', url: `file:${path}`, model: 'epson' }, { logger: silentLogger });
    try {
      const a = s.print(ticket({ number: 'F001' }));
      const b = s.print(ticket({ number: 'F002' }));
      await waitFor(() => s.jobs().every((j) => j.state === 'printed'), 5000, 'both printed');
      const data = readFileSync(path);
      expect(data.length).toBe(a.bytes + b.bytes);
      const big = decodeEscPos(data).lines.filter((l) => l.height > 1 && l.text.startsWith('F'));
      expect(big.map((l) => l.text)).toEqual(['F001', 'F002']);
      expect(s.status().status).toBe('ok');
    } finally {
      await s.close();
    }
  });
});

describe('simulator', () => {
  for (const [paperWidth, px] of [[58, 384], [80, 576]] as const) {
    it(`keeps jobs and renders a ${px}-px PNG for ${paperWidth} mm paper`, async () => {
      const s = createPrinterService({ id: 'sim', url: 'sim', paperWidth }, { logger: silentLogger });
      try {
        const rec = s.print(ticket(), { ticketId: 'tk-1' });
        const list = s.print(checklist());
        await waitFor(() => s.jobs().every((j) => j.state === 'printed'), 5000, 'printed');
        expect(s.jobs().map((j) => j.id)).toEqual([list.id, rec.id]);
        expect(s.simulatorText!(rec.id)).toContain('SỐ THỨ TỰ CỦA BẠN');
        const png = PNG.sync.read(s.simulatorImage!(rec.id)!);
        expect(png.width).toBe(px);
        expect(png.height).toBeGreaterThan(400);
        // Some ink, mostly paper.
        let black = 0;
        for (let i = 0; i < png.data.length; i += 4) if (png.data[i] === 0) black++;
        expect(black).toBeGreaterThan(1000);
        expect(black).toBeLessThan((png.width * png.height) / 2);
        expect(s.simulatorImage!('missing')).toBeNull();
      } finally {
        await s.close();
      }
    });
  }

  it('never throws into the caller, even for a job it cannot lay out', async () => {
    const s = createPrinterService({ id: 'sim', url: 'sim' }, { logger: silentLogger });
    try {
      const bad = s.print({ kind: 'checklist' } as never);
      expect(bad.state).toBe('failed');
      expect(bad.error).toBeTruthy();
    } finally {
      await s.close();
    }
  });

  it('a bad URL leaves the service up with status error and jobs waiting', async () => {
    const s = createPrinterService({ id: 'x', url: 'lpt1' }, { logger: silentLogger });
    expect(s.status().status).toBe('error');
    expect(s.print(ticket()).state).toBe('queued');
    await s.close();
  });
});
