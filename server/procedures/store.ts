/**
 * SQLite persistence of each center's procedure catalog. The whole record is
 * kept as JSON (the kiosk always needs all of it); code, name and field are
 * copied into columns only so an operator can query the file by hand.
 * All procedure SQL lives here; the server's migrations call ensureProcedureSchema.
 */
import type { Database } from 'better-sqlite3';
import type { Procedure } from '../../protocol/procedure';

export function ensureProcedureSchema(db: Database): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS procedures (
      center_id  TEXT NOT NULL,
      id         TEXT NOT NULL,
      code       TEXT NOT NULL,
      name       TEXT NOT NULL,
      field      TEXT NOT NULL,
      data       TEXT NOT NULL CHECK (json_valid(data)),
      updated_at INTEGER NOT NULL,
      PRIMARY KEY (center_id, id)
    )
  `);
}

/**
 * Swap a center's whole catalog in one transaction: readers see the old catalog
 * or the new one, never a mix, and a failure (e.g. a duplicate id) keeps the old.
 */
export function replaceCatalog(db: Database, centerId: string, records: readonly Procedure[], now: number = Date.now()): void {
  const remove = db.prepare('DELETE FROM procedures WHERE center_id = ?');
  const insert = db.prepare(
    'INSERT INTO procedures (center_id, id, code, name, field, data, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  db.transaction(() => {
    remove.run(centerId);
    for (const r of records) insert.run(centerId, r.id, r.code, r.name, r.field, JSON.stringify(r), now);
  })();
}

/** The center's catalog ordered by code, the order of the national database's listings. */
export function loadCatalog(db: Database, centerId: string): Procedure[] {
  const rows = db
    .prepare('SELECT data FROM procedures WHERE center_id = ? ORDER BY code, id')
    .all(centerId) as { data: string }[];
  return rows.map((row) => JSON.parse(row.data) as Procedure);
}
