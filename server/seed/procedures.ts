/**
 * The demo center's procedure catalog (40 commune-level procedures). Runs inside
 * the demo seed's transaction, so a bad catalog leaves the database empty rather
 * than half seeded.
 */
import type { Db } from '../store/db';
import { ensureProcedureSchema, replaceCatalog } from '../procedures/store';
import { parseCatalogJson } from '../procedures/import';

// Imported (not read from disk) so the catalog travels inside the server bundle.
import demoCatalog from './procedures/demo-catalog.json';

export function seedProcedures(db: Db, centerId: string, now: number = Date.now()): void {
  ensureProcedureSchema(db);
  // Through the import path, so the seed obeys the same rules (NFC, schema) as an admin's import.
  const result = parseCatalogJson(JSON.stringify(demoCatalog));
  if ('errors' in result) throw new Error(`demo procedure catalog is invalid: ${JSON.stringify(result.errors.slice(0, 3))}`);
  replaceCatalog(db, centerId, result.ok, now);
}
