/** Versioned migrations on a real PostgreSQL and on the embedded PGlite: applied once, in order, all or nothing. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite, openPostgres, type HubDb } from '../../hub/db/db';
import { MIGRATIONS, migrate, type Migration } from '../../hub/db/migrations';
import { createDatabase, startPostgres, type PgCluster } from '../helpers/postgres';

let cluster: PgCluster;

beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);

afterAll(async () => {
  await cluster?.stop();
});

const tables = async (db: HubDb) =>
  (await db.query<{ t: string }>("SELECT table_name AS t FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1")).rows.map((r) => r.t);

async function checkMigrations(db: HubDb) {
  expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
  expect(await migrate(db)).toEqual([]);
  const applied = await db.query<{ version: number; name: string }>('SELECT version, name FROM hub_migrations ORDER BY version');
  expect(applied.rows).toEqual(MIGRATIONS.map((m) => ({ version: m.version, name: m.name })));
  expect(await tables(db)).toEqual(
    expect.arrayContaining(['hub_accounts', 'hub_sessions', 'centers', 'center_commits', 'center_tickets', 'center_ratings', 'center_config_changes', 'rollup_hourly', 'downlink_items', 'hub_migrations']),
  );

  // A failing migration leaves nothing of itself; the ones before it stay, and a fixed one applies next time.
  const broken: Migration = { version: 999, name: 'broken', sql: 'CREATE TABLE half_done (x int); SELECT * FROM no_such_table;' };
  await expect(migrate(db, [...MIGRATIONS, broken])).rejects.toThrow();
  expect(await tables(db)).not.toContain('half_done');
  expect((await db.query('SELECT 1 FROM hub_migrations WHERE version = 999')).rows).toEqual([]);
  expect(await migrate(db, [...MIGRATIONS, { ...broken, sql: 'CREATE TABLE half_done (x int);' }])).toEqual([999]);
  expect(await tables(db)).toContain('half_done');

  // The types both drivers return alike: bigint and numeric as numbers, jsonb parsed.
  const r = await db.query<Record<string, unknown>>("SELECT 1796157474596::bigint AS ms, sum(x) AS s, avg(x) AS a, '{\"a\":[1]}'::jsonb AS j FROM (VALUES (1), (2)) v(x)");
  expect(r.rows[0]).toEqual({ ms: 1796157474596, s: 3, a: 1.5, j: { a: [1] } });
  const tx = await db.transaction(async (t) => (await t.query<{ n: number }>('SELECT 41 + 1 AS n')).rows[0].n);
  expect(tx).toBe(42);
  await expect(db.transaction(async (t) => {
    await t.query('INSERT INTO half_done VALUES (1)');
    throw new Error('rolled back');
  })).rejects.toThrow('rolled back');
  expect((await db.query('SELECT count(*) AS n FROM half_done')).rows[0]).toEqual({ n: 0 });
}

/** A log written one row per commit (before migration 5) reads the same through the view once it is in chunks. */
async function checkLogMoved(db: HubDb) {
  await migrate(db, MIGRATIONS.filter((m) => m.version < 5));
  await db.query("INSERT INTO centers (id, code, name, created_at, last_seq) VALUES ('c1', 'XA', 'Xã A', 1, 3)");
  const commits = [1, 2, 3].map((seq) => ({ seq, at: 1_000 * seq, events: [{ type: 'ticket.issued', ticketId: `t${seq}` }], tickets: [{ id: `t${seq}`, number: `A00${seq}`, note: 'Giấy tờ đủ' }] }));
  for (const c of commits) {
    await db.query('INSERT INTO center_commits (center_id, seq, at, events, tickets, received_at) VALUES ($1, $2, $3, $4, $5, 7)', ['c1', c.seq, c.at, JSON.stringify(c.events), JSON.stringify(c.tickets)]);
  }
  expect(await migrate(db)).toEqual(MIGRATIONS.filter((m) => m.version >= 5).map((m) => m.version));
  const rows = await db.query('SELECT center_id, seq, at, events, tickets, received_at FROM center_commits ORDER BY seq');
  expect(rows.rows).toEqual(commits.map((c) => ({ center_id: 'c1', ...c, received_at: 7 })));
  expect((await db.query('SELECT count(*) AS n FROM center_log')).rows[0]).toEqual({ n: 3 });
}

/** The daily rollups a hub had before migration 6 are folded into the monthly layer by it. */
async function checkMonthsFilled(db: HubDb) {
  await migrate(db, MIGRATIONS.filter((m) => m.version < 6));
  await db.query("INSERT INTO centers (id, code, name, created_at) VALUES ('m1', 'XM', 'Xã M', 1)");
  for (const [day, issued, waitMax, w3] of [['2026-01-30', 4, 300, 1], ['2026-01-31', 6, 120, 2], ['2026-02-01', 5, 900, 3]] as const) {
    await db.query("INSERT INTO rollup_daily (center_id, business_day, dim, key, issued, wait_max, w3) VALUES ('m1', $1, 'total', '', $2, $3, $4)", [day, issued, waitMax, w3]);
  }
  await migrate(db);
  const rows = await db.query('SELECT month, issued, wait_max, w3 FROM rollup_monthly ORDER BY month');
  expect(rows.rows).toEqual([{ month: '2026-01', issued: 10, wait_max: 300, w3: 3 }, { month: '2026-02', issued: 5, wait_max: 900, w3: 3 }]);
}

describe('migrations', () => {
  it('fills the monthly rollups from the daily ones, on PostgreSQL and PGlite', async () => {
    const pgDb = openPostgres(await createDatabase(cluster, 'migrations_months'));
    const lite = await openPglite(null);
    try {
      await checkMonthsFilled(pgDb);
      await checkMonthsFilled(lite);
    } finally {
      await pgDb.close();
      await lite.close();
    }
  }, 120_000);

  it('moves a log kept one row per commit into chunks, on PostgreSQL and PGlite', async () => {
    const pgDb = openPostgres(await createDatabase(cluster, 'migrations_log'));
    const lite = await openPglite(null);
    try {
      await checkLogMoved(pgDb);
      // lz4 where the server was built with it (Debian's is).
      const c = await pgDb.query<{ c: string }>("SELECT attcompression::text AS c FROM pg_attribute WHERE attrelid = 'center_log'::regclass AND attname = 'body'");
      expect(c.rows[0].c).toBe('l');
      await checkLogMoved(lite);
    } finally {
      await pgDb.close();
      await lite.close();
    }
  }, 120_000);

  it('on PostgreSQL', async () => {
    const db = openPostgres(await createDatabase(cluster, 'migrations_pg'));
    try {
      await checkMigrations(db);
    } finally {
      await db.close();
    }
  });

  it('on PostgreSQL, two nodes starting at once: each migration applied exactly once', async () => {
    const url = await createDatabase(cluster, 'migrations_race');
    const a = openPostgres(url);
    const b = openPostgres(url);
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra, ...rb].sort((x, y) => x - y)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('on the embedded PGlite', async () => {
    const db = await openPglite(null);
    try {
      await checkMigrations(db);
    } finally {
      await db.close();
    }
  }, 120_000);
});
