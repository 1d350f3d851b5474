import { afterEach, describe, expect, it, vi } from 'vitest';
import { api, ApiError, apiText } from '../../console/lib/api';
import { isPrinterStatus, jobTone, previewPath, printerName, statusTone, unknownTicketIds, withLiveStatus, type PrintJob, type PrinterInfo } from '../../console/lib/printers';
import { parseHash } from '../../console/lib/router';
import { actionForKey, SHORTCUTS } from '../../console/lib/shortcuts';

const job = (id: string, extra: Partial<PrintJob> = {}): PrintJob => ({ id, kind: 'ticket', state: 'printed', attempts: 1, bytes: 500, createdAt: 0, ...extra });

describe('printer status in words and colour', () => {
  it('keeps paper-near-end apart from the faults that stop printing', () => {
    expect(statusTone('ok')).toBe('ok');
    expect(statusTone('paper-near-end')).toBe('warn');
    for (const s of ['paper-out', 'cover-open', 'offline', 'error'] as const) expect(statusTone(s)).toBe('bad');
    expect(jobTone('printed')).toBe('ok');
    expect(jobTone('failed')).toBe('bad');
    expect(jobTone('expired')).toBe('bad');
    expect(jobTone('retrying')).toBe('warn');
  });
  it('recognises only the statuses the server defines', () => {
    expect(isPrinterStatus('cover-open')).toBe(true);
    expect(isPrinterStatus('none')).toBe(false);
  });
  it('names the main and kiosk printers', () => {
    expect(printerName('main')).toBe('Máy in chính');
    expect(printerName('kiosk-K1')).toBe('Máy in kiosk K1');
    expect(printerName('other')).toBe('other');
  });
});

describe('live status over the polled list', () => {
  const listed: PrinterInfo[] = [{ id: 'main', status: 'ok', jobs: [job('j1', { ticketId: 't1' }), job('j2', { ticketId: 't2' })] }];

  it('takes the socket status, keeps the jobs, and adds a printer the list does not have yet', () => {
    const merged = withLiveStatus(listed, [
      { id: 'main', status: 'paper-out', detail: 'paper end sensor' },
      { id: 'kiosk-K2', status: 'offline' },
    ]);
    expect(merged).toEqual([
      { id: 'main', status: 'paper-out', detail: 'paper end sensor', jobs: listed[0].jobs },
      { id: 'kiosk-K2', status: 'offline', jobs: [] },
    ]);
    // A cleared fault drops its old detail.
    expect(withLiveStatus([{ ...listed[0], status: 'error', detail: 'cutter' }], [{ id: 'main', status: 'ok' }])[0]).toMatchObject({ status: 'ok', detail: undefined });
  });

  it('looks up each unknown ticket number once', () => {
    const printers: PrinterInfo[] = [...listed, { id: 'kiosk-K1', status: 'ok', jobs: [job('j3', { ticketId: 't2' }), job('j4', { kind: 'checklist' })] }];
    expect(unknownTicketIds(printers, new Map([['t1', 'A001']]))).toEqual(['t2']);
  });

  it('escapes ids in preview paths', () => {
    expect(previewPath('kiosk-K 1', 'a/b', 'png')).toBe('/api/printers/kiosk-K%201/jobs/a%2Fb/preview.png');
  });
});

describe('printers screen and reprint shortcut', () => {
  it('is for directors and admins only', () => {
    expect(parseHash('#/printers', 'director')).toEqual({ screen: 'printers' });
    expect(parseHash('#/printers', 'admin')).toEqual({ screen: 'printers' });
    expect(parseHash('#/printers', 'staff')).toEqual({ screen: 'counter' });
  });
  it('reprints with I, a key no other action uses', () => {
    const press = (key: string) => actionForKey({ key, ctrlKey: false, altKey: false, metaKey: false, repeat: false, targetTag: 'BODY' });
    expect(press('i')).toBe('reprint');
    expect(press('I')).toBe('reprint');
    const keys = [...SHORTCUTS.map((s) => s.key), 'Escape'];
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('api text answers', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands back a printout as is, even when it would parse as JSON', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response('123', { status: 200, headers: { 'content-type': 'text/plain' } })));
    expect(await apiText('/x.txt')).toBe('123');
    expect(await api('/x.json')).toBe(123);
  });
  it('turns a refusal into ApiError with the server code and message', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => new Response(JSON.stringify({ code: 'NOT_FOUND', message: 'Không tìm thấy.' }), { status: 404 })));
    const err = await apiText('/x.txt').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 404, code: 'NOT_FOUND', message: 'Không tìm thấy.' });
  });
});
