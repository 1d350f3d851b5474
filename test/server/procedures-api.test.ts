import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { replaceCatalog, loadCatalog } from '../../server/procedures/store';
import type { PrintInfo } from '../../protocol/schemas';
import type { ChecklistToPrint } from '../../server/plugins/printing';
import { pairedDevice } from '../helpers/devices';

let t: TestApp;
let kiosk: string;
const printed: { checklist: ChecklistToPrint; deviceName: string }[] = [];

beforeAll(async () => {
  t = await createTestApp();
  kiosk = await pairedDevice(t.app, 'kiosk', { name: 'Ki-ốt sảnh A' });
  // Record what the route hands to the printing seam (the stub prints nothing).
  t.app.printing.printChecklist = (checklist, device): PrintInfo => {
    printed.push({ checklist, deviceName: device.name });
    return { state: 'queued', printerId: 'default', printerStatus: 'ok', jobId: 'job-1' };
  };
});
afterAll(() => t.destroy());

const get = (url: string, headers: Record<string, string> = {}) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/procedures', () => {
  it.each(['dang ky khai sinh', 'DANG KY KHAI SINH', 'Đăng ký khai sinh', 'đăng ký khai sinh'.normalize('NFD'), 'dang ky khai si'])(
    '%j finds "Đăng ký khai sinh" first',
    async (q) => {
      const res = await get(`/api/procedures?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      const hits = res.json() as { name: string; code: string; score: number }[];
      expect(hits[0]).toMatchObject({ name: 'Đăng ký khai sinh', code: '1.001193' });
      expect(Number(res.headers['x-total-count'])).toBeGreaterThanOrEqual(hits.length);
      // Ranked: scores never increase down the list.
      for (let i = 1; i < hits.length; i++) expect(hits[i].score).toBeLessThanOrEqual(hits[i - 1].score);
    },
  );

  it('treats đ as d anywhere in the query', async () => {
    const hits = (await get('/api/procedures?q=dat dai')).json() as { field: string }[];
    expect(hits.length).toBeGreaterThan(0);
    expect(hits[0].field).toBe('Đất đai');
  });

  it('returns summaries, not whole records', async () => {
    const [hit] = (await get('/api/procedures?q=khai%20sinh&limit=1')).json() as Record<string, unknown>[];
    expect(Object.keys(hit).sort()).toEqual(['code', 'field', 'id', 'level', 'match', 'name', 'online', 'score', 'serviceId']);
    expect(hit.match).toEqual({ part: 'name', text: 'Đăng ký khai sinh' });
  });

  it('filters by field, folded, and counts the filtered total', async () => {
    const res = await get(`/api/procedures?field=${encodeURIComponent('ho tich')}&limit=200`);
    const hits = res.json() as { field: string }[];
    expect(hits.length).toBeGreaterThan(3);
    expect(new Set(hits.map((h) => h.field))).toEqual(new Set(['Hộ tịch']));
    expect(Number(res.headers['x-total-count'])).toBe(hits.length);
    const narrowed = (await get(`/api/procedures?q=khai%20sinh&field=${encodeURIComponent('Chứng thực')}`)).json() as unknown[];
    expect(narrowed).toEqual([]);
  });

  it('pages with limit and offset over the same ranking', async () => {
    const all = (await get('/api/procedures?limit=200')).json() as { id: string }[];
    const page = (await get('/api/procedures?limit=5&offset=5')).json() as { id: string }[];
    expect(page.map((p) => p.id)).toEqual(all.slice(5, 10).map((p) => p.id));
  });

  it.each([
    ['limit=0'],
    ['limit=1000'],
    ['limit=abc'],
    ['offset=-1'],
    [`q=${'a'.repeat(201)}`],
    ['field='],
  ])('refuses %s with 400 VALIDATION_ERROR', async (query) => {
    const res = await get(`/api/procedures?${query}`);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_ERROR');
  });
});

describe('GET /api/procedures/fields and /:id', () => {
  it('lists every field with its count', async () => {
    const fields = (await get('/api/procedures/fields')).json() as { field: string; count: number }[];
    const total = Number((await get('/api/procedures?limit=1')).headers['x-total-count']);
    expect(fields.map((f) => f.field)).toContain('Hộ tịch');
    expect(fields.reduce((n, f) => n + f.count, 0)).toBe(total);
  });

  it('answers the full record', async () => {
    const res = await get('/api/procedures/proc-dang-ky-khai-sinh');
    expect(res.statusCode).toBe(200);
    const p = res.json();
    expect(p).toMatchObject({ code: '1.001193', field: 'Hộ tịch', serviceId: 'svc-hotich' });
    expect(p.documents.length).toBeGreaterThan(0);
    expect(p.documents[0]).toEqual({ name: expect.any(String), copies: expect.any(String) });
    expect(p.steps.length).toBeGreaterThan(0);
  });

  it('answers 404 PROCEDURE_NOT_FOUND in the asked language', async () => {
    const vi = await get('/api/procedures/proc-khong-co');
    expect(vi.statusCode).toBe(404);
    expect(vi.json()).toMatchObject({ code: 'PROCEDURE_NOT_FOUND', message: 'Không tìm thấy thủ tục.' });
    const en = await get('/api/procedures/proc-khong-co', { 'accept-language': 'en' });
    expect(en.json().message).not.toBe(vi.json().message);
  });

  it('refuses a malformed id with 400', async () => {
    const res = await get(`/api/procedures/${encodeURIComponent('a b<c>')}`);
    expect(res.statusCode).toBe(400);
  });
});

describe('POST /api/procedures/:id/print', () => {
  it('hands the checklist to the printing seam and answers its PrintInfo', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/procedures/proc-dang-ky-khai-sinh/print', headers: { cookie: kiosk }, payload: { kioskId: 'K1', lang: 'vi' } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ state: 'queued', printerId: 'default', printerStatus: 'ok', jobId: 'job-1' });
    const last = printed.at(-1)!;
    // The asking device, whatever kioskId an old kiosk still sends.
    expect(last.deviceName).toBe('Ki-ốt sảnh A');
    expect(last.checklist).toMatchObject({ code: '1.001193', name: 'Đăng ký khai sinh', lang: 'vi' });
    expect(last.checklist.documents.length).toBeGreaterThan(0);
  });

  it.each([
    [{ kioskId: 'bad id!' }, 400],
    [{ lang: 'fr' }, 400],
  ])('refuses %j with %i', async (payload, status) => {
    const before = printed.length;
    const res = await t.app.inject({ method: 'POST', url: '/api/procedures/proc-dang-ky-khai-sinh/print', headers: { cookie: kiosk }, payload });
    expect(res.statusCode).toBe(status);
    expect(printed.length).toBe(before);
  });

  it('answers 404 for an unknown procedure', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/procedures/proc-khong-co/print', headers: { cookie: kiosk }, payload: {} });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('PROCEDURE_NOT_FOUND');
  });
});

describe('app.procedures.reload', () => {
  it('serves a replaced catalog after reload, not before', async () => {
    const centerId = t.app.queue.defaultCenterId;
    const original = loadCatalog(t.app.db, centerId);
    const renamed = original.map((p) => (p.id === 'proc-dang-ky-khai-sinh' ? { ...p, name: 'Đăng ký khai sinh (mẫu mới)' } : p));
    replaceCatalog(t.app.db, centerId, renamed);
    expect((await get('/api/procedures/proc-dang-ky-khai-sinh')).json().name).toBe('Đăng ký khai sinh');
    t.app.procedures.reload();
    expect((await get('/api/procedures/proc-dang-ky-khai-sinh')).json().name).toBe('Đăng ký khai sinh (mẫu mới)');
    replaceCatalog(t.app.db, centerId, original);
    t.app.procedures.reload();
  });
});
