/**
 * Faults with real processes: a hub node killed with SIGKILL in the middle of ingest loses nothing acknowledged
 * and duplicates nothing (the hub's commit count equals its lastSeq, and the center resumes from there on another
 * node); PostgreSQL restarted under a running node, which answers again once it is back.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, freePort, startPostgres, type PgCluster } from '../helpers/postgres';
import { until } from '../helpers/wait';
import type { UplinkCommit } from '../../protocol/hub';
import { openPostgres } from '../../hub/db/db';
import { DAY_START, commit, enrolCenter, ingest, startHubOn, ticketRow, type TestHub } from './fixture';

let cluster: PgCluster;
let dbUrl: string;
let hub: TestHub;
const children: ChildProcess[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  dbUrl = await createDatabase(cluster, 'faults');
  // Node B, in this process; node A is a process of its own (spawnNode), on the same database.
  hub = await startHubOn(openPostgres(dbUrl));
}, 120_000);

afterAll(async () => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  await hub?.close();
  await cluster?.stop();
});

/** A hub node as its own process (`tsx hub/server.ts`), on the shared database. */
async function spawnNode(): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/server.ts'], {
    env: { ...process.env, HUB_PORT: String(port), HUB_HOST: '127.0.0.1', DATABASE_URL: dbUrl, LOG_LEVEL: 'warn', SEED: 'demo', DEMO_PASSWORD: 'demo-pass' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await until(() => out.includes('/province/') || child.exitCode !== null, 'hub node to start', 60_000);
  if (child.exitCode !== null) throw new Error(`hub node exited: ${out}`);
  return { url: `http://127.0.0.1:${port}`, child };
}

function day(n: number): UplinkCommit[] {
  // Each ticket issued, then called: 2 commits per ticket.
  const commits: UplinkCommit[] = [];
  for (let i = 0; i < n / 2; i++) {
    const base = { id: `f-${i}`, serviceId: `svc-${i % 4}`, issuedAt: DAY_START + i * 1000 };
    commits.push(commit(commits.length + 1, base.issuedAt, [ticketRow(base)]));
    commits.push(commit(commits.length + 1, base.issuedAt + 600_000, [ticketRow({ ...base, status: 'called', firstCalledAt: base.issuedAt + 600_000, counterId: 'c1', staffId: 's1' })]));
  }
  return commits;
}

describe('faults', () => {
  it('SIGKILL of a node mid-ingest loses and duplicates nothing; the center resumes on another node', async () => {
    const a = await spawnNode();
    const db = hub.db;
    const c = await enrolCenter(hub, 'KILL');

    const commits = day(20_000);
    const send = (base: string, from: number, size: number) =>
      fetch(`${base}/api/hub/ingest`, {
        method: 'POST',
        headers: { authorization: `Bearer ${c.credential}`, 'content-type': 'application/json' },
        body: JSON.stringify({ commits: commits.slice(from, from + size), ratings: [], configChanges: [], live: null }),
      });

    // Batches to A until it is killed in the middle of one.
    let acknowledged = 0;
    let from = 0;
    let killed = false;
    while (!killed) {
      const inFlight = send(a.url, from, 2000);
      if (from >= 4000) {
        // Killed while the third batch or later is being read, applied or answered.
        await new Promise((r) => setTimeout(r, 30 + (from / 2000) * 20));
        a.child.kill('SIGKILL');
        killed = true;
      }
      const res = await inFlight.catch(() => null);
      if (res?.status === 200) {
        acknowledged = ((await res.json()) as { lastSeq: number }).lastSeq;
        from = acknowledged;
      }
    }
    await until(() => a.child.exitCode !== null || a.child.signalCode !== null, 'node A to die');

    // What the hub holds is exactly a prefix of the log, at least what was acknowledged.
    const link = await hub.app.inject({ method: 'GET', url: '/api/hub/link', headers: { authorization: `Bearer ${c.credential}` } });
    const lastSeq = link.json().lastSeq as number;
    expect(lastSeq).toBeGreaterThanOrEqual(acknowledged);
    const stored = async () => (await db.query<{ n: number; max: number | null }>('SELECT count(*) AS n, max(seq) AS max FROM center_commits WHERE center_id = $1', [c.id])).rows[0];
    expect(await stored()).toEqual({ n: lastSeq, max: lastSeq });

    // The center resumes on B from the hub's lastSeq, retrying its last batch from there.
    let next = lastSeq;
    while (next < commits.length) {
      const res = await ingest(hub, c.credential, { commits: commits.slice(next, next + 3000) });
      expect(res.statusCode).toBe(200);
      next = res.json().lastSeq;
    }
    expect(await stored()).toEqual({ n: commits.length, max: commits.length });
    const roll = (await db.query<Record<string, number>>('SELECT sum(issued) AS issued, sum(called) AS called, sum(open) AS open FROM rollup_hourly WHERE center_id = $1', [c.id])).rows[0];
    expect(roll).toEqual({ issued: 10_000, called: 10_000, open: 10_000 });
  }, 180_000);

  it('PostgreSQL restarted under a running node: 503 while it is down, answered again when it is back', async () => {
    const c = await enrolCenter(hub, 'PGR');
    const batch = (seq: number) => ({ commits: [commit(seq, DAY_START + seq, [ticketRow({ id: `p${seq}`, serviceId: 's', issuedAt: DAY_START + seq })])] });
    expect((await ingest(hub, c.credential, batch(1))).statusCode).toBe(200);
    cluster.halt('fast');
    try {
      const res = await ingest(hub, c.credential, batch(2));
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ code: 'HUB_DATABASE_UNAVAILABLE', message: expect.stringContaining('cơ sở dữ liệu') });
    } finally {
      cluster.resume();
    }
    let res = await ingest(hub, c.credential, batch(2));
    for (let i = 0; i < 20 && res.statusCode !== 200; i++) {
      await new Promise((r) => setTimeout(r, 250));
      res = await ingest(hub, c.credential, batch(2));
    }
    expect(res.statusCode).toBe(200);
    expect(res.json().lastSeq).toBe(2);
  }, 60_000);
});
