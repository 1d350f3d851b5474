import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';

let t: TestApp;
let admin: string;

beforeEach(async () => {
  t = await createTestApp();
  admin = await loginCookie(t.app, 'admin');
});
afterEach(() => t.destroy());

const procedure = {
  id: 'proc-dang-ky-khai-sinh',
  code: '1.001193',
  name: 'Đăng ký khai sinh',
  field: 'Hộ tịch',
  level: 'commune',
  agency: 'UBND cấp xã',
  steps: ['Nộp hồ sơ', 'Nhận kết quả'],
  submissionMethods: ['Trực tiếp'],
  documents: [{ name: 'Giấy chứng sinh', copies: '01 bản chính' }],
  timeLimit: 'Ngay trong ngày',
  fees: 'Miễn lệ phí',
  legalBasis: ['Luật Hộ tịch 2014'],
  result: 'Giấy khai sinh',
  conditions: 'Không.',
  online: 'full',
  onlineUrl: null,
  serviceId: 'svc-hotich',
};

const importCatalog = (format: 'csv' | 'json', content: string) =>
  t.app.inject({ method: 'POST', url: '/api/admin/procedures/import', headers: { cookie: admin }, payload: { format, content } });
const exportCatalog = (format: 'csv' | 'json') => t.app.inject({ method: 'GET', url: `/api/admin/procedures/export?format=${format}`, headers: { cookie: admin } });

describe('procedure catalog import/export', () => {
  it('imports JSON, exports it back as JSON and CSV, and the CSV imports again', async () => {
    const res = await importCatalog('json', JSON.stringify([procedure]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ imported: 1 });
    expect((await exportCatalog('json')).json()).toEqual([expect.objectContaining({ code: '1.001193', name: 'Đăng ký khai sinh' })]);
    const csv = await exportCatalog('csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFF')).toBe(true);
    expect((await importCatalog('csv', csv.body)).json()).toEqual({ imported: 1 });
    const actions = t.app.db.prepare("SELECT action, data FROM audit_log WHERE action = 'procedures.import'").all() as { data: string }[];
    expect(actions).toHaveLength(2);
    expect(JSON.parse(actions[1].data)).toEqual({ before: { count: 1 }, after: { count: 1, format: 'csv' } });
  });

  it('rejects a catalog with a bad row whole, with row details, keeping the old one', async () => {
    await importCatalog('json', JSON.stringify([procedure]));
    const res = await importCatalog('json', JSON.stringify([procedure, { ...procedure, id: 'proc-x', code: 'bad' }]));
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('IMPORT_INVALID');
    expect(res.json().details[0]).toMatchObject({ row: 2 });
    expect((await exportCatalog('json')).json()).toHaveLength(1);
  });
});

describe('catalog files from an open network', () => {
  it('exports cells that start like a formula defused, and imports its own file back unchanged', async () => {
    const formulas = {
      ...procedure,
      name: '=HYPERLINK("http://evil.example","Bấm vào đây")',
      field: '+Hộ tịch',
      agency: '-UBND',
      fees: '@SUM(1)',
      timeLimit: "'=already quoted",
      steps: ['=1+1', 'Nhận kết quả'],
    };
    expect((await importCatalog('json', JSON.stringify([formulas]))).statusCode).toBe(200);
    const csv = (await exportCatalog('csv')).body;
    const cells = csv.split(/,|\r\n/).map((c) => c.replace(/^"/, ''));
    for (const dangerous of cells.filter((c) => /^[=+\-@\t\r]/.test(c))) expect.fail(`a cell starts with a formula: ${dangerous}`);
    expect(csv).toContain(`'=HYPERLINK(`);
    expect(csv).toContain(`''=already quoted`);

    expect((await importCatalog('csv', csv)).json()).toEqual({ imported: 1 });
    expect((await exportCatalog('json')).json()[0]).toMatchObject({
      name: formulas.name,
      field: formulas.field,
      agency: formulas.agency,
      fees: formulas.fees,
      timeLimit: formulas.timeLimit,
      steps: formulas.steps,
    });
  });

  it('refuses a deeply nested JSON catalog with a translated 400 and keeps the old catalog', async () => {
    await importCatalog('json', JSON.stringify([procedure]));
    const deep = 100_000;
    for (const content of [`${'['.repeat(deep)}${']'.repeat(deep)}`, `[{"steps":${'{"a":'.repeat(deep)}1${'}'.repeat(deep)}}]`]) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/admin/procedures/import',
        headers: { cookie: admin, 'accept-language': 'en' },
        payload: { format: 'json', content },
      });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json()).toMatchObject({ code: 'IMPORT_INVALID', details: [{ row: 0, message: expect.stringContaining('lồng quá sâu') }] });
      expect(res.json().message).toContain('nothing was imported');
    }
    expect((await exportCatalog('json')).json()).toEqual([expect.objectContaining({ code: procedure.code })]);
  });
});
