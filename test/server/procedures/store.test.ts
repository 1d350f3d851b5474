import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ensureProcedureSchema, loadCatalog, replaceCatalog } from '../../../server/procedures/store';
import { makeProcedure } from './fixtures';

const khaiSinh = makeProcedure({ id: 'proc-khai-sinh', code: '1.001193', name: 'Đăng ký khai sinh', keywords: ['giấy khai sinh'] });
const ketHon = makeProcedure({ id: 'proc-ket-hon', code: '1.000894', name: 'Đăng ký kết hôn' });
const banSao = makeProcedure({
  id: 'proc-ban-sao',
  code: '2.000815',
  name: 'Chứng thực bản sao từ bản chính',
  field: 'Chứng thực',
  documents: [{ name: 'Bản chính giấy tờ', copies: 'Xuất trình bản chính', note: 'Không bị tẩy xóa' }],
});

describe('procedure store (SQLite file)', () => {
  let dir: string;
  let file: string;
  let db: Database.Database;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'procedures-'));
    file = join(dir, 'center.db');
    db = new Database(file);
    ensureProcedureSchema(db);
  });

  afterEach(() => {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates the schema idempotently', () => {
    expect(() => ensureProcedureSchema(db)).not.toThrow();
    const columns = db.prepare("SELECT name FROM pragma_table_info('procedures')").all() as { name: string }[];
    expect(columns.map((c) => c.name)).toEqual(['center_id', 'id', 'code', 'name', 'field', 'data', 'updated_at']);
  });

  it('round-trips a catalog, ordered by code, and survives reopening the file', () => {
    replaceCatalog(db, 'xa-a', [banSao, khaiSinh, ketHon], 1_700_000_000_000);
    expect(loadCatalog(db, 'xa-a')).toEqual([ketHon, khaiSinh, banSao]);

    db.close();
    db = new Database(file);
    expect(loadCatalog(db, 'xa-a')).toEqual([ketHon, khaiSinh, banSao]);
    const row = db.prepare('SELECT code, name, field, updated_at FROM procedures WHERE id = ?').get('proc-ban-sao');
    expect(row).toEqual({ code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực', updated_at: 1_700_000_000_000 });
  });

  it('replaces the whole catalog of one center and leaves other centers alone', () => {
    replaceCatalog(db, 'xa-a', [khaiSinh, ketHon]);
    replaceCatalog(db, 'xa-b', [banSao]);
    replaceCatalog(db, 'xa-a', [ketHon]);
    expect(loadCatalog(db, 'xa-a')).toEqual([ketHon]);
    expect(loadCatalog(db, 'xa-b')).toEqual([banSao]);
    expect(loadCatalog(db, 'xa-khong-co')).toEqual([]);
  });

  it('keeps the old catalog when the new one cannot be written', () => {
    replaceCatalog(db, 'xa-a', [khaiSinh]);
    expect(() => replaceCatalog(db, 'xa-a', [ketHon, { ...banSao, id: ketHon.id }])).toThrow(/UNIQUE/);
    expect(loadCatalog(db, 'xa-a')).toEqual([khaiSinh]);
  });
});
