/**
 * The hub's one database interface, satisfied by a PostgreSQL pool (`pg`, production: DATABASE_URL) and by PGlite
 * (real PostgreSQL compiled to WASM, the embedded default under HUB_DATA_DIR). Everything the hub writes goes
 * through `query` or `transaction`; SQL is plain PostgreSQL that both run unchanged.
 *
 * Types come back the same from both: bigint (epoch ms, seq, sums) as a JS number, numeric as a number, jsonb
 * parsed. Bulk writes pass one JSON text parameter and unpack it in SQL (`jsonb_to_recordset`), which both
 * drivers send alike, instead of driver-specific array encodings.
 */
import { mkdirSync } from 'node:fs';
import pg from 'pg';

export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement. */
  rowCount: number;
}

export interface Queryable {
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<R>>;
  /** Several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface HubDb extends Queryable {
  readonly kind: 'postgres' | 'pglite';
  /** Runs `fn` in one transaction: COMMIT when it resolves, ROLLBACK when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const INT8 = 20;
const NUMERIC = 1700;

/** int8 fits a JS number for everything the hub stores (epoch ms, seq, counts). */
const toNumber = (value: string) => Number(value);

export function openPostgres(connectionString: string, options: { max?: number } = {}): HubDb {
  const pool = new pg.Pool({
    connectionString,
    max: options.max ?? 10,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
        if (oid === INT8 || oid === NUMERIC) return toNumber;
        return pg.types.getTypeParser(oid, format as 'text');
      }) as typeof pg.types.getTypeParser,
    },
  });
  // An idle client losing its server (PostgreSQL restarted) must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params?: unknown[]): Promise<QueryResult<R>> => {
    const r = await client.query(sql, params as unknown[] | undefined);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query: (sql, params) => run(pool, sql, params),
    exec: async (sql) => void (await pool.query(sql)),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({ query: (sql, params) => run(client, sql, params), exec: async (sql) => void (await client.query(sql)) });
        await client.query('COMMIT');
        return result;
      } catch (err) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/** PGlite in `dataDir` (created if missing), or in memory when `dataDir` is null (tests). */
export async function openPglite(dataDir: string | null): Promise<HubDb> {
  const { PGlite } = await import('@electric-sql/pglite');
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir ?? undefined, { parsers: { [INT8]: toNumber, [NUMERIC]: toNumber } });
  type Lite = { query: (sql: string, params?: unknown[]) => Promise<{ rows: unknown[]; affectedRows?: number }>; exec: (sql: string) => Promise<unknown> };
  const wrap = (target: Lite): Queryable => ({ query: (sql, params) => run(target, sql, params), exec: async (sql) => void (await target.exec(sql)) });
  const run = async <R>(target: Lite, sql: string, params?: unknown[]): Promise<QueryResult<R>> => {
    const r = await target.query(sql, params);
    return { rows: r.rows as R[], rowCount: r.affectedRows ?? 0 };
  };
  // PGlite is one connection: its own transaction() queues other callers behind an open transaction.
  return {
    kind: 'pglite',
    ...wrap(db as unknown as Lite),
    transaction: (fn) => db.transaction((tx) => fn(wrap(tx as unknown as Lite))),
    close: () => db.close(),
  };
}
