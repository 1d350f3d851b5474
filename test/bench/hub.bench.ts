/**
 * The province hub on real parts: Debian's PostgreSQL and redis-server (started by the test helpers), two hub
 * nodes as their own processes (`tsx hub/server.ts`, as `npm run hub` runs it) on that one database and one Redis.
 * Centers are simulated by test/hub/province-data.ts (arrivals, counters calling, service, no-shows, cancellations,
 * ratings), and each ticket's life is sent as a center's log sends it: one commit when issued, one when called, one
 * when served or closed (a commit per change, its event and the ticket's row as it then stood), in batches of at
 * most 500 commits (the link's batch), each center with its own credential, over HTTP.
 *
 * 1. 100 centers catching up at once (100 concurrent streams, centers spread over both nodes) → events/s, on nodes just
 *    started, then again with 100 other centers on the running hub
 * 2. one center back after a week offline (~15,000 events) → seconds
 * 3. a commit ingested on node A → `center:update` on a dashboard connected to node B, p50/p99
 * 4. a province's year (10 centers) pushed through the same ingest, the summary timed at 1, 6 and 12 months
 * 5. what one node and the database hold afterwards
 *
 * Knobs: HUB_BENCH_CENTERS (100), HUB_BENCH_DAYS (days of backlog per center in 1, 2), HUB_BENCH_YEAR_CENTERS (10),
 * HUB_BENCH_PARTS (which of 1–4 to run, e.g. "1,2"; all by default), HUB_BENCH_PROFILE (a directory for the nodes' CPU profiles).
 * HUB_BENCH_WAVES (waves of catch-up in 1, 2), HUB_BENCH_SOCKET=1: the nodes reach PostgreSQL over its Unix socket instead of TCP on 127.0.0.1 (same machine).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import { readFileSync, readdirSync } from 'node:fs';
import { io as connect, type Socket } from 'socket.io-client';
import { createDatabase, freePort, startPostgres, type PgCluster } from '../helpers/postgres';
import { startRedis, type RedisServer } from '../helpers/redis';
import { until } from '../helpers/wait';
import { openPostgres, type HubDb } from '../../hub/db/db';
import { fieldRollups } from '../../hub/reports/fields';
import { addDays } from '../../protocol/local-time';
import type { UplinkCommit, UplinkRating } from '../../protocol/hub';
import { configSnapshot, ict, simulateCenter, type CenterPlan } from '../hub/province-data';
import { percentile, round, type BenchResult } from './types';

const BATCH = 500;
const CENTERS = Number(process.env.HUB_BENCH_CENTERS ?? 100);
const BACKLOG_DAYS = Number(process.env.HUB_BENCH_DAYS ?? 2);
const YEAR_CENTERS = Number(process.env.HUB_BENCH_YEAR_CENTERS ?? 10);
const WAVES = Math.max(1, Number(process.env.HUB_BENCH_WAVES ?? 2));
const PARTS = new Set((process.env.HUB_BENCH_PARTS ?? '1,2,3,4').split(',').map((x) => Number(x.trim())));

/** CPU seconds used so far by a process (user + system), from /proc. */
function cpuSeconds(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

/** CPU seconds of every live PostgreSQL process (the server and its backends). */
function postgresCpuSeconds(): number {
  let total = 0;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      if (readFileSync(`/proc/${name}/comm`, 'utf8').trim() === 'postgres') total += cpuSeconds(Number(name));
    } catch {
      // gone meanwhile
    }
  }
  return total;
}

interface Node {
  url: string;
  child: ChildProcess;
  cookie: string;
}

async function spawnNode(dbUrl: string, redisUrl: string): Promise<Node> {
  const port = await freePort();
  // HUB_BENCH_PROFILE=<dir>: each node writes a V8 CPU profile there when it stops.
  const profile = process.env.HUB_BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HUB_BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--import', 'tsx', 'hub/server.ts'], {
    env: { ...process.env, HUB_PORT: String(port), HUB_HOST: '127.0.0.1', DATABASE_URL: dbUrl, REDIS_URL: redisUrl, LOG_LEVEL: 'warn', SEED: 'demo', DEMO_PASSWORD: 'demo-pass', HUB_ENROL_PER_MINUTE: '100000' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await until(() => out.includes('/province/') || child.exitCode !== null, 'hub node to start', 120_000);
  if (child.exitCode !== null) throw new Error(`hub node exited: ${out}`);
  const url = `http://127.0.0.1:${port}`;
  return { url, child, cookie: await login(url) };
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url }, body: JSON.stringify({ username: 'admin', password: 'demo-pass' }) });
  if (res.status !== 200) throw new Error(`login: ${res.status} ${await res.text()}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('qm_session='))!;
  return cookie.split(';')[0];
}

async function enrol(node: Node, code: string, name: string): Promise<{ id: string; credential: string }> {
  const res = await fetch(`${node.url}/api/hub/centers`, { method: 'POST', headers: { 'content-type': 'application/json', cookie: node.cookie, origin: node.url }, body: JSON.stringify({ code, name }) });
  if (res.status !== 201) throw new Error(`create center: ${res.status} ${await res.text()}`);
  const c = (await res.json()) as { id: string; enrolmentCode: string };
  const e = await fetch(`${node.url}/api/hub/enrol`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ enrolmentCode: c.enrolmentCode }) });
  if (e.status !== 201) throw new Error(`enrol: ${e.status} ${await e.text()}`);
  return { id: c.id, credential: ((await e.json()) as { credential: string }).credential };
}

/**
 * A ticket's life as the center's log holds it: issued (waiting), then called, then its final state, one commit per
 * change with the row as it stood then; re-numbered in time order.
 */
function lifecycle(finals: UplinkCommit[]): UplinkCommit[] {
  const out: { at: number; type: string; row: Record<string, unknown> }[] = [];
  for (const c of finals) {
    const row = c.tickets[0] as Record<string, unknown>;
    const issuedAt = row.issuedAt as number;
    const waiting = { ...row, status: 'waiting', firstCalledAt: null, calledAt: null, startedAt: null, completedAt: null, counterId: null, staffId: null };
    out.push({ at: issuedAt, type: 'ticket.issued', row: waiting });
    if (row.status === 'waiting') continue;
    if (row.firstCalledAt) {
      out.push({ at: row.firstCalledAt as number, type: 'ticket.called', row: { ...row, status: 'called', startedAt: null, completedAt: null } });
      if (row.startedAt && row.status !== 'serving') out.push({ at: row.startedAt as number, type: 'ticket.started', row: { ...row, status: 'serving', completedAt: null } });
    }
    if (row.status !== 'called') out.push({ at: c.at, type: `ticket.${row.status === 'serving' ? 'started' : row.status === 'done' ? 'completed' : row.status}`, row });
  }
  out.sort((a, b) => a.at - b.at);
  return out.map((x, i) => ({
    seq: i + 1,
    at: x.at,
    events: [{ type: x.type, at: x.at, ticketId: x.row.id as string, counterId: (x.row.counterId as string | null) ?? null, staffId: (x.row.staffId as string | null) ?? null, data: {} }],
    tickets: [x.row],
  }));
}

interface Stream {
  credential: string;
  node: Node;
  bodies: string[];
  commits: number;
  events: number;
}

function bodies(commits: UplinkCommit[], ratings: UplinkRating[], config: unknown): string[] {
  const out: string[] = [];
  for (let i = 0; i < commits.length || i === 0; i += BATCH) {
    const last = i + BATCH >= commits.length;
    const slice = commits.slice(i, i + BATCH);
    // Ratings go with the batch that holds their ticket's last commit (the link sends them in order too).
    const lastAt = slice.length ? slice[slice.length - 1].at : Infinity;
    const firstAt = i === 0 ? -Infinity : commits[i - 1].at;
    out.push(JSON.stringify({ commits: slice, ratings: ratings.filter((r) => r.at > firstAt && (last || r.at <= lastAt)), configChanges: i === 0 && config ? [config] : [], live: null }));
  }
  return out;
}

/**
 * One batch, POSTed with node:http on kept-alive sockets, its bytes encoded once. The simulated centers share the
 * hub's two cores here (real ones are other machines): the lighter they are, the more the figure is the hub's.
 */
const agent = new http.Agent({ keepAlive: true, maxSockets: 200 });
function send(node: Node, credential: string, text: string): Promise<void> {
  const body = Buffer.from(text);
  const url = new URL(`${node.url}/api/hub/ingest`);
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length, authorization: `Bearer ${credential}` } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`ingest: ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 500)}`))));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function pushStream(s: Stream): Promise<void> {
  const link = await fetch(`${s.node.url}/api/hub/link`, { headers: { authorization: `Bearer ${s.credential}` } });
  await link.arrayBuffer();
  for (const b of s.bodies) await send(s.node, s.credential, b);
}

function plan(i: number, prefix: string): CenterPlan {
  const counters = [2, 2, 3, 3, 4, 6][i % 6];
  return { code: `${prefix}-${String(i + 1).padStart(3, '0')}`, name: `Xã ${prefix} ${i + 1}`, counters, load: 0.8 + ((i * 7) % 5) * 0.08 };
}

function dashboard(url: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(`${url}/province`, { transports: ['websocket'], extraHeaders: { cookie, origin: url }, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const rssMb = (pid: number) => {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? round(Number(m[1]) / 1024, 0) : NaN;
};

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);

async function timeSummary(node: Node, from: string, to: string, runs = 5): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`${node.url}/api/hub/reports/summary?from=${from}&to=${to}`, { headers: { cookie: node.cookie } });
    if (res.status !== 200) throw new Error(`summary: ${res.status} ${await res.text()}`);
    await res.json();
    times.push(performance.now() - t0);
  }
  return times;
}

async function timeFields(db: HubDb, from: string, to: string, runs = 5): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fieldRollups(db, { from, to, centerId: null });
    times.push(performance.now() - t0);
  }
  return times;
}

export async function run(): Promise<BenchResult[]> {
  const results: BenchResult[] = [];
  let cluster: PgCluster | null = null;
  let redis: RedisServer | null = null;
  const nodes: Node[] = [];
  let db: HubDb | null = null;
  const log = (s: string) => process.stderr.write(`  ${new Date().toISOString().slice(11, 19)} ${s}\n`);
  try {
    [cluster, redis] = await Promise.all([startPostgres(), startRedis()]);
    const dbUrl = await createDatabase(cluster, 'hub_bench');
    const nodeUrl = process.env.HUB_BENCH_SOCKET ? `${dbUrl}?host=${encodeURIComponent(cluster.dir)}` : dbUrl;
    nodes.push(await spawnNode(nodeUrl, redis.url));
    nodes.push(await spawnNode(nodeUrl, redis.url));
    const [a, b] = nodes;
    db = openPostgres(dbUrl, { max: 2 });

    // 1. 100 centers catching up at once: a first wave on nodes just started, then a second wave of other centers on
    // the same, now running, hub (code compiled, pools open): what a province sees after a province-wide outage.
    if (PARTS.has(1)) {
      const lastDay = '2026-03-10';
      const from = addDays(lastDay, -(BACKLOG_DAYS - 1));
      for (let wave = 1; wave <= WAVES; wave++) {
        const label = wave === 1 ? 'first wave, nodes just started' : `wave ${wave}, running hub`;
        const streams: Stream[] = [];
        for (let i = 0; i < CENTERS; i++) {
          const p = plan(i, wave === 1 ? 'CU' : `CU${wave}`);
          const node = nodes[i % 2];
          const { credential } = await enrol(node, p.code, p.name);
          const sim = simulateCenter(p, from, lastDay, ict(lastDay, '23:00'));
          const commits = lifecycle(sim.commits);
          streams.push({ credential, node, bodies: bodies(commits, sim.ratings, configSnapshot(p, ict(from, '07:00'))), commits: commits.length, events: commits.reduce((n, c) => n + c.events.length, 0) });
        }
        const totalCommits = streams.reduce((n, s) => n + s.commits, 0);
        const totalEvents = streams.reduce((n, s) => n + s.events, 0);
        const batches = streams.reduce((n, s) => n + s.bodies.length, 0);
        log(`catch-up (${label}): ${CENTERS} centers, ${totalCommits} commits in ${batches} batches`);
        const cpu0 = { a: cpuSeconds(a.child.pid!), b: cpuSeconds(b.child.pid!), pg: postgresCpuSeconds(), self: process.cpuUsage() };
        const t0 = performance.now();
        await Promise.all(streams.map(pushStream));
        const secs = (performance.now() - t0) / 1000;
        const self = process.cpuUsage(cpu0.self);
        const cpu = { nodes: cpuSeconds(a.child.pid!) - cpu0.a + cpuSeconds(b.child.pid!) - cpu0.b, pg: postgresCpuSeconds() - cpu0.pg, generator: (self.user + self.system) / 1e6 };
        const per1000 = (x: number) => round((x / totalCommits) * 1000, 3);
        results.push({ name: `ingest catch-up (${label}): CPU seconds per 1,000 commits`, value: per1000(cpu.nodes + cpu.pg + cpu.generator), unit: 's', note: `hub nodes ${per1000(cpu.nodes)}, PostgreSQL ${per1000(cpu.pg)}, load generator ${per1000(cpu.generator)}; ${round(secs, 1)} s wall on 2 cores` });
        results.push({ name: `ingest, ${CENTERS} centers catching up (${label}): events/s`, value: Math.round(totalEvents / secs), unit: 'events/s', target: wave === WAVES ? '≥ 20000' : undefined, note: `${totalEvents} events = ${totalCommits} commits (1 event each, with its ticket row) in ${batches} batches ≤ ${BATCH}, ${BACKLOG_DAYS} days per center, ${CENTERS} concurrent streams over 2 nodes, ${round(secs, 1)} s` });
      }
    }

    // 2. One center back after a week offline.
    if (PARTS.has(2)) {
      const p: CenterPlan = { code: 'WEEK', name: 'Xã Một Tuần', counters: 14, load: 1.0 };
      const { credential } = await enrol(a, p.code, p.name);
      const weekFrom = '2026-03-02';
      const sim = simulateCenter(p, weekFrom, '2026-03-08', ict('2026-03-08', '23:00'));
      const commits = lifecycle(sim.commits).slice(0, 15_000);
      const lastAt = commits[commits.length - 1].at;
      const s: Stream = { credential, node: a, bodies: bodies(commits, sim.ratings.filter((r) => r.at <= lastAt), configSnapshot(p, ict(weekFrom, '07:00'))), commits: commits.length, events: commits.length };
      const t = performance.now();
      await pushStream(s);
      const w = (performance.now() - t) / 1000;
      results.push({ name: 'catch-up after a week offline', value: round(w, 2), unit: 's', target: '< 10', note: `${s.events} events, ${s.bodies.length} batches sent one after another to one node (${Math.round(s.events / w)} events/s)` });
    }

    // 3. A commit on node A → center:update on a dashboard on node B.
    if (PARTS.has(3)) {
      const { id, credential } = await enrol(a, 'LIVE', 'Xã Trực Tiếp');
      const socket = await dashboard(b.url, b.cookie);
      const day = '2026-03-11';
      const lat: number[] = [];
      try {
        for (let i = 1; i <= 300; i++) {
          const at = ict(day, '08:00') + i * 10_000;
          const c = lifecycle([{ seq: 1, at, events: [], tickets: [{ id: `live-${i}`, serviceId: 'svc-ht', issuedAt: at, businessDay: day, seqNo: i, number: `A${i}`, priorityId: null, priorityWeight: 0, status: 'waiting', queuedAt: at, firstCalledAt: null, calledAt: null, startedAt: null, completedAt: null, counterId: null, staffId: null, targetCounterId: null, recallCount: 0, transferCount: 0, kioskId: null, note: null }] }])[0];
          c.seq = i;
          const body = JSON.stringify({ commits: [c], ratings: [], configChanges: [], live: { at, waiting: i, longestWaitSeconds: 0, openCounters: 3, printerFaults: 0 } });
          const heard = new Promise<number>((resolve) => {
            const on = (x: { id: string; lastSeq: number }) => {
              if (x.id !== id || x.lastSeq !== i) return;
              socket.off('center:update', on);
              resolve(performance.now());
            };
            socket.on('center:update', on);
          });
          const start = performance.now();
          await send(a, credential, body);
          lat.push((await heard) - start);
          await new Promise((r) => setTimeout(r, 20));
        }
      } finally {
        socket.close();
      }
      const sorted = lat.sort((x, y) => x - y);
      results.push({ name: 'commit on node A → dashboard on node B, p50', value: round(percentile(sorted, 50), 1), unit: 'ms', note: `${sorted.length} commits one at a time, from the ingest request's start to center:update through Redis` });
      results.push({ name: 'commit on node A → dashboard on node B, p99', value: round(percentile(sorted, 99), 1), unit: 'ms', target: '< 200', note: `max ${round(sorted[sorted.length - 1], 1)} ms` });
    }

    // 4. A province's year, pushed a stretch at a time; the summary timed after each stretch.
    if (PARTS.has(4)) {
      const yearPlans = Array.from({ length: YEAR_CENTERS }, (_, i) => plan(i, 'YR'));
      const creds: string[] = [];
      for (const p of yearPlans) creds.push((await enrol(a, p.code, p.name)).credential);
      const sims = yearPlans.map((p) => simulateCenter(p, '2025-01-01', '2025-12-31', ict('2025-12-31', '23:00')));
      // Year data is pushed as one commit per ticket (its final row): the rollups hold the same as with the whole
      // log, and the push takes a third of the time.
      const stops: [string, string][] = [['2025-01-31', '1 month'], ['2025-06-30', '6 months'], ['2025-12-31', '12 months']];
      const sent = yearPlans.map(() => 0);
      for (const [until, label] of stops) {
        const endMs = ict(addDays(until, 1), '00:00');
        const before = sent.reduce((x, y) => x + y, 0);
        const t = performance.now();
        await Promise.all(
          yearPlans.map(async (p, i) => {
            const sim = sims[i];
            let n = sent[i];
            while (n < sim.commits.length && sim.commits[n].at < endMs) n++;
            const slice = sim.commits.slice(sent[i], n);
            const firstAt = sent[i] === 0 ? -Infinity : sim.commits[sent[i] - 1].at;
            const ratings = sim.ratings.filter((r) => r.at > firstAt && r.at < endMs);
            const bs: string[] = [];
            for (let k = 0; k < slice.length; k += BATCH) {
              const part = slice.slice(k, k + BATCH);
              bs.push(JSON.stringify({ commits: part, ratings: k + BATCH >= slice.length ? ratings : [], configChanges: sent[i] === 0 && k === 0 ? [configSnapshot(p, ict('2025-01-01', '07:00'))] : [], live: null }));
            }
            for (const body of bs) await send(nodes[i % 2], creds[i], body);
            sent[i] = n;
          }),
        );
        const pushS = (performance.now() - t) / 1000;
        const rows = await db.query<{ hourly: number; daily: number; tickets: number }>(
          "SELECT (SELECT count(*)::int FROM rollup_hourly WHERE center_id IN (SELECT id FROM centers WHERE code LIKE 'YR-%')) AS hourly, (SELECT count(*)::int FROM rollup_daily WHERE center_id IN (SELECT id FROM centers WHERE code LIKE 'YR-%')) AS daily, (SELECT count(*)::int FROM center_tickets WHERE center_id IN (SELECT id FROM centers WHERE code LIKE 'YR-%')) AS tickets",
        );
        const r = rows.rows[0];
        const summary = await timeSummary(b, '2025-01-01', until);
        const fields = await timeFields(db, '2025-01-01', until);
        const ticketCount = sent.reduce((x, y) => x + y, 0);
        log(`year ${label}: pushed in ${round(pushS, 1)} s`);
        results.push({ name: `province report, ${YEAR_CENTERS} centers, ${label}: summary (median of 5)`, value: Math.round(median(summary)), unit: 'ms', target: label === '12 months' ? '< 500' : undefined, note: `GET /api/hub/reports/summary (totals, byCenter, byDay, byService, byField, byCounter, byOfficer, byHour), runs ${summary.map((x) => Math.round(x)).join('/')} ms; ${ticketCount} tickets, ${r.hourly} hourly rows, ${r.daily} daily rows` });
        results.push({ name: `province report, ${YEAR_CENTERS} centers, ${label}: by field alone (median of 5)`, value: Math.round(median(fields)), unit: 'ms', note: `hub/reports/fields.ts, runs ${fields.map((x) => Math.round(x)).join('/')} ms; this stretch's ${ticketCount - before} tickets pushed in ${round(pushS, 1)} s (${Math.round((ticketCount - before) / Math.max(pushS, 0.001))} tickets/s, one commit each)` });
      }
    }

    // 5. What one node and the database hold.
    for (const [i, n] of nodes.entries()) results.push({ name: `node ${'AB'[i]} RSS after the load`, value: rssMb(n.child.pid!), unit: 'MB' });
    const size = await db.query<{ size: string }>('SELECT pg_database_size(current_database())::text AS size');
    results.push({ name: 'database size', value: round(Number(size.rows[0].size) / 2 ** 20, 0), unit: 'MB', note: `${(await db.query<{ n: number }>("SELECT count(*)::int AS n FROM centers")).rows[0].n} centers` });
    const tables = await db.query<{ relname: string; n: string; bytes: string }>(
      "SELECT relname, n_live_tup::text AS n, pg_total_relation_size(relid)::text AS bytes FROM pg_stat_user_tables WHERE schemaname = 'public' ORDER BY pg_total_relation_size(relid) DESC",
    );
    for (const t of tables.rows) {
      const exact = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM ${t.relname}`);
      if (Number(exact.rows[0].n) === 0) continue;
      results.push({ name: `rows: ${t.relname}`, value: Number(exact.rows[0].n), unit: 'rows', note: `${round(Number(t.bytes) / 2 ** 20, 1)} MB with indexes` });
    }
  } finally {
    await db?.close();
    for (const n of nodes) if (n.child.exitCode === null) n.child.kill('SIGTERM');
    await Promise.all(nodes.map((n) => (n.child.exitCode === null ? new Promise((r) => n.child.once('exit', r)) : null)));
    await redis?.stop();
    await cluster?.stop();
  }
  return results;
}
