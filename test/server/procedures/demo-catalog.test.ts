import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { Value } from 'typebox/value';
import { ProcedureSchema, type Procedure } from '../../../protocol/procedure';
import { parseCatalogJson } from '../../../server/procedures/import';
import { buildSearchIndex } from '../../../server/procedures/search';

const DEMO_SERVICE_IDS = ['svc-hotich', 'svc-chungthuc', 'svc-datdai', 'svc-xaydung', 'svc-kinhdoanh', 'svc-baotro', 'svc-cutru', 'svc-bhyt'];
const text = readFileSync(new URL('../../../server/seed/procedures/demo-catalog.json', import.meta.url), 'utf8');
const raw = JSON.parse(text) as unknown[];

function importedCatalog(): Procedure[] {
  const result = parseCatalogJson(text);
  if ('errors' in result) throw new Error(JSON.stringify(result.errors, null, 2));
  return result.ok;
}

describe('demo procedure catalog', () => {
  it('validates against the schema and imports unchanged', () => {
    for (const record of raw) expect(Value.Errors(ProcedureSchema, record)).toEqual([]);
    expect(importedCatalog()).toEqual(raw);
  });

  it('has a realistic size', () => {
    expect(raw.length).toBeGreaterThanOrEqual(30);
    expect(raw.length).toBeLessThanOrEqual(40);
  });

  it('is written in NFC', () => {
    expect(text.normalize('NFC')).toBe(text);
  });

  it('has unique ids and codes', () => {
    const catalog = importedCatalog();
    expect(new Set(catalog.map((p) => p.id)).size).toBe(catalog.length);
    expect(new Set(catalog.map((p) => p.code)).size).toBe(catalog.length);
  });

  it('maps every procedure to a demo queue service and uses every service', () => {
    const catalog = importedCatalog();
    for (const p of catalog) expect(DEMO_SERVICE_IDS).toContain(p.serviceId);
    expect(new Set(catalog.map((p) => p.serviceId))).toEqual(new Set(DEMO_SERVICE_IDS));
  });

  it('links online procedures to the national portal page of their code', () => {
    for (const p of importedCatalog()) {
      if (p.online === 'none') expect(p.onlineUrl).toBeNull();
      else expect(p.onlineUrl).toBe(`https://dichvucong.gov.vn/p/home/dvc-tthc-thu-tuc-hanh-chinh-chi-tiet.html?ma_thu_tuc=${p.code}`);
    }
  });

  it('answers the common kiosk searches sensibly', () => {
    const index = buildSearchIndex(importedCatalog());
    const first = (query: string) => index.search(query).hits[0]?.id;
    expect(first('dang ky khai sinh')).toBe('proc-dang-ky-khai-sinh');
    expect(first('ket hon')).toBe('proc-dang-ky-ket-hon');
    expect(first('so do')).toBe('proc-dang-ky-cap-giay-chung-nhan-lan-dau');
    expect(first('cong chung')).toBe('proc-chung-thuc-ban-sao-tu-ban-chinh');
    expect(first('nhap ho khau')).toBe('proc-dang-ky-thuong-tru');
    expect(first('1.001193')).toBe('proc-dang-ky-khai-sinh');
  });
});
