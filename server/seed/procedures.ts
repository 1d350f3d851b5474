import type { Db } from '../store/db';

/** Placeholder until the procedure catalog lands: replaced by the catalog import. */
export function seedProcedures(_db: Db, _centerId: string): void {}
