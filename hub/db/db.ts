/**
 * The hub's one database interface, satisfied by a PostgreSQL pool (`pg`, production: DATABASE_URL) and by PGlite
 * (real PostgreSQL compiled to WASM, the embedded default under HUB_DATA_DIR). Everything the hub writes goes
 * through `query` or `transaction`; SQL is plain PostgreSQL that both run unchanged.
 *
 * A Buffer parameter is UTF-8 JSON text: pg sends it as it is (binary format, which json reads as its text), PGlite
 * as a string. Types come back the same from both: bigint (epoch ms, seq, sums) as a JS number, numeric as a number, jsonb
 * parsed. Bulk writes pass one JSON text parameter and unpack it in SQL (`jsonb_to_recordset`), which both
 * drivers send alike, instead of driver-specific array encodings.
 */
import { mkdirSync } from 'node:fs';
import pg from 'pg';
import { DomainError } from '../../protocol/errors';

export interface QueryResult<R> {
  rows: R[];
  /** Rows inserted, updated or deleted by the statement. */
  rowCount: number;
}

export interface Queryable {
  /**
   * `prepared`: a name under which PostgreSQL keeps the statement parsed and planned on each connection, for the
   * wide statements ingest runs with every batch (planning them anew cost more than running them). PGlite ignores it.
   */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[], prepared?: string): Promise<QueryResult<R>>;
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

/**
 * Whether an error means the database is out of reach (down, restarting, the connection cut) rather than a
 * statement failing: such a request is answered 503 HUB_DATABASE_UNAVAILABLE, and the link retries it.
 */
export function isUnavailable(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  const code = typeof e?.code === 'string' ? e.code : '';
  if (['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN'].includes(code)) return true;
  if (code.startsWith('08') || code === '57P01' || code === '57P02' || code === '57P03') return true;
  return typeof e?.message === 'string' && /^Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/.test(e.message);
}

const unavailable = (err: unknown): never => {
  throw isUnavailable(err) ? new DomainError('HUB_DATABASE_UNAVAILABLE') : err;
};

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
  const run = async <R>(client: pg.Pool | pg.PoolClient, sql: string, params?: unknown[], prepared?: string): Promise<QueryResult<R>> => {
    const r = await (prepared ? client.query({ name: prepared, text: sql, values: params }) : client.query(sql, params as unknown[] | undefined)).catch(unavailable);
    return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
  };
  return {
    kind: 'postgres',
    query: (sql, params, prepared) => run(pool, sql, params, prepared),
    exec: async (sql) => void (await pool.query(sql).catch(unavailable)),
    async transaction(fn) {
      const client = await pool.connect().catch(unavailable);
      let broken = false;
      try {
        await client.query('BEGIN').catch(unavailable);
        const result = await fn({ query: (sql, params, prepared) => run(client, sql, params, prepared), exec: async (sql) => void (await client.query(sql).catch(unavailable)) });
        await client.query('COMMIT').catch(unavailable);
        return result;
      } catch (err) {
        broken = err instanceof DomainError && err.code === 'HUB_DATABASE_UNAVAILABLE';
        if (!broken) await client.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        // A connection that failed is dropped, not handed to the next request.
        client.release(broken ? true : undefined);
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
    // A Buffer is JSON bytes (a log chunk as it came): PGlite would send it as bytea, so it gets the text.
    const r = await target.query(sql, params?.map((p) => (Buffer.isBuffer(p) ? p.toString('utf8') : p)));
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
