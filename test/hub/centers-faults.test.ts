/**
 * Faults with every part real: two hub nodes (processes of their own, `tsx hub/server.ts`) over one PostgreSQL and
 * one Redis, and two real center servers (each its own SQLite file, listening on HTTP) that joined the province with
 * HUB_URL and a one-time enrolment code. Each center reaches the hub through a small TCP proxy of its own
 * (test/helpers/tcp-proxy.ts) that the tests can blackhole, reset or point at the other node — a weak link, or the
 * province's load balancer.
 *
 * The tests run in order on the same province:
 *   1. the link cut while both centers keep issuing and calling over HTTP: every kiosk request still gets its 201
 *      (latencies are printed, not asserted), and after the cut the hub holds exactly each center's log;
 *   2. `kill -9` of the node the centers push to, in the middle of their catch-up: they go on through the other node
 *      (the proxy fails over like a load balancer) and the hub's count equals each center's seq;
 *   3. Redis down: dashboards on both nodes are told and told again when it is back; ingest from the centers goes on;
 *   4. a procedure catalog published by the province reaches the online center at once and the offline one when
 *      its link comes back, through the center's admin change path (audit row `province.procedure-catalog`);
 *   5. a revoked credential: the center's link says it is no longer linked, the other center is unaffected; forged
 *      credentials get 401; a new enrolment code lets the center resume exactly where the hub stood.
 *
 * "Minutes" of cut are simulated: a few seconds of real time, during which each center makes a few hundred commits
 * through its HTTP API (and, for the kill test, some thousands through its queue writer) — what matters to the hub is
 * the number of commits waiting, not the wall-clock time of the cut.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createDatabase, freePort, startPostgres, type PgCluster } from '../helpers/postgres';
import { startRedis, type RedisServer } from '../helpers/redis';
import { startTcpProxy, type TcpProxy } from '../helpers/tcp-proxy';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { until } from '../helpers/wait';
import { openPostgres, type HubDb } from '../../hub/db/db';
import { KIOSK, STAFF1, STAFF2 } from '../hub-link/fixtures';

interface HubNode {
  name: string;
  port: number;
  url: string;
  child: ChildProcess;
  out: () => string;
}

interface Center {
  code: string;
  hubId: string;
  t: TestApp;
  proxy: TcpProxy;
  staff1: string;
  staff2: string;
}

let cluster: PgCluster;
let redis: RedisServer;
let dbUrl: string;
let db: HubDb;
const nodes: Record<'a' | 'b', HubNode> = {} as Record<'a' | 'b', HubNode>;
const children: ChildProcess[] = [];
const centers: Center[] = [];
const proxies: TcpProxy[] = [];
const sockets: Socket[] = [];
let adminCookie = '';

async function spawnNode(name: string, port?: number): Promise<HubNode> {
  const p = port ?? (await freePort());
  const child = spawn(process.execPath, ['--import', 'tsx', 'hub/server.ts'], {
    env: {
      ...process.env,
      HUB_PORT: String(p),
      HUB_HOST: '127.0.0.1',
      DATABASE_URL: dbUrl,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
      SEED: 'demo',
      DEMO_PASSWORD: 'demo-pass',
      HUB_ENROL_PER_MINUTE: '10000',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let out = '';
  child.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  child.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await until(() => out.includes('/province/') || child.exitCode !== null, `hub node ${name} to start`, 60_000);
  if (child.exitCode !== null) throw new Error(`hub node ${name} exited: ${out}`);
  return { name, port: p, url: `http://127.0.0.1:${p}`, child, out: () => out };
}

async function hubFetch(node: HubNode, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const res = await fetch(`${node.url}${path}`, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), cookie: adminCookie, ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

async function hubLogin(node: HubNode): Promise<string> {
  const res = await fetch(`${node.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'demo-pass' }) });
  expect(res.status).toBe(200);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('qm_session='))!;
  return cookie.split(';')[0];
}

const seqOf = (c: Center) => c.t.app.queue.state(c.t.app.queue.defaultCenterId).seq;
const health = async (c: Center) => ((await (await fetch(`${c.t.url}/api/health`)).json()) as { hub: { status: string; pendingEvents: number } }).hub;

async function hubHolds(c: Center): Promise<{ lastSeq: number; n: number; distinct: number; min: number | null; max: number | null }> {
  const r = await db.query<{ last_seq: number; n: number; distinct: number; min: number | null; max: number | null }>(
    `SELECT (SELECT last_seq FROM centers WHERE id = $1) AS last_seq, count(*) AS n, count(DISTINCT seq) AS distinct, min(seq) AS min, max(seq) AS max
       FROM center_commits WHERE center_id = $1`,
    [c.hubId],
  );
  const x = r.rows[0];
  return { lastSeq: Number(x.last_seq), n: Number(x.n), distinct: Number(x.distinct), min: x.min === null ? null : Number(x.min), max: x.max === null ? null : Number(x.max) };
}

/** The hub holds every commit of the center exactly once, and each ticket as the center has it now. */
async function expectExact(c: Center): Promise<void> {
  const seq = seqOf(c);
  expect(await hubHolds(c)).toEqual({ lastSeq: seq, n: seq, distinct: seq, min: 1, max: seq });
  const hubTickets = (await db.query<{ row: Record<string, unknown> }>('SELECT row FROM center_tickets WHERE center_id = $1 ORDER BY ticket_id', [c.hubId])).rows.map(({ row }) => ({
    id: row.id,
    number: row.number,
    status: row.status,
    serviceId: row.serviceId,
    counterId: row.counterId,
    staffId: row.staffId,
    issuedAt: row.issuedAt,
    firstCalledAt: row.firstCalledAt,
    startedAt: row.startedAt,
    completedAt: row.completedAt,
  }));
  const centerTickets = (
    c.t.app.db.prepare('SELECT * FROM tickets ORDER BY id').all() as Record<string, unknown>[]
  ).map((t) => ({
    id: t.id,
    number: t.number,
    status: t.status,
    serviceId: t.service_id,
    counterId: t.counter_id,
    staffId: t.staff_id,
    issuedAt: t.issued_at,
    firstCalledAt: t.first_called_at,
    startedAt: t.started_at,
    completedAt: t.completed_at,
  }));
  expect(centerTickets.length).toBeGreaterThan(0);
  expect(hubTickets).toEqual(centerTickets);
}

const caughtUp = (c: Center) => until(() => c.t.app.hubLink.health().status === 'linked' && c.t.app.hubLink.status().ackedSeq === seqOf(c), `${c.code} to be caught up`, 90_000);

/** Kiosk and counter work over HTTP: two tickets issued (201 each), two call-nexts. Returns the kiosk latencies. */
async function kioskAndCounters(c: Center, rounds: number): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < rounds; i++) {
    for (const serviceId of ['svc-hotich', 'svc-chungthuc']) {
      const t0 = performance.now();
      const res = await fetch(`${c.t.url}/api/tickets`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ serviceId }) });
      latencies.push(performance.now() - t0);
      expect(res.status).toBe(201);
      await res.arrayBuffer();
    }
    for (const [counter, cookie] of [
      ['1', c.staff1],
      ['2', c.staff2],
    ] as const) {
      const res = await fetch(`${c.t.url}/api/counters/${counter}/call-next`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: '{}' });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
  }
  return latencies;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))].toFixed(1) : '-';
};

function dashboard(node: HubNode): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(`${node.url}/province`, { transports: ['websocket'], extraHeaders: { cookie: adminCookie }, reconnection: false });
    sockets.push(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** The next `event` that matches; fails naming it after `timeoutMs` (a missing event, not a slow one). */
const nextEvent = <T>(socket: Socket, event: string, match: (x: T) => boolean = () => true, timeoutMs = 60_000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.off(event, on);
      reject(new Error(`no ${event} came`));
    }, timeoutMs);
    const on = (x: T) => {
      if (!match(x)) return;
      socket.off(event, on);
      clearTimeout(timer);
      resolve(x);
    };
    socket.on(event, on);
  });

const redisOnNode = async (node: HubNode) => ((await hubFetch(node, 'GET', '/api/health')).body as { redis: string }).redis;
async function redisOkOnBoth(): Promise<void> {
  await expect.poll(async () => [await redisOnNode(nodes.a), await redisOnNode(nodes.b)], { timeout: 60_000, interval: 100 }).toEqual(['ok', 'ok']);
}

beforeAll(async () => {
  [cluster, redis] = await Promise.all([startPostgres(), startRedis()]);
  dbUrl = await createDatabase(cluster, 'centers_faults');
  db = openPostgres(dbUrl);
  // One after the other: the first one migrates and seeds (the other would wait on the advisory lock anyway).
  nodes.a = await spawnNode('a');
  nodes.b = await spawnNode('b');
  adminCookie = await hubLogin(nodes.a);

  for (const code of ['XA01', 'XA02']) {
    const created = await hubFetch(nodes.a, 'POST', '/api/hub/centers', { code, name: `Xã ${code}` });
    expect(created.status).toBe(201);
    const proxy = await startTcpProxy(nodes.a.port);
    proxies.push(proxy);
    const t = await createTestApp({ env: { HUB_URL: proxy.url, HUB_ENROLMENT_CODE: created.body.enrolmentCode } });
    await t.listen();
    centers.push({ code, hubId: created.body.id, t, proxy, staff1: await loginCookie(t.app, 'staff1'), staff2: await loginCookie(t.app, 'staff2') });
  }
  for (const c of centers) {
    await until(() => c.t.app.hubLink.health().status === 'linked', `${c.code} to enrol`, 60_000);
    await kioskAndCounters(c, 3);
    await caughtUp(c);
    await expectExact(c);
  }
}, 180_000);

afterAll(async () => {
  for (const s of sockets) s.close();
  for (const c of centers) await c.t.destroy().catch(() => {});
  for (const p of proxies) await p.close().catch(() => {});
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await db?.close().catch(() => {});
  await redis?.stop().catch(() => {});
  await cluster?.stop().catch(() => {});
}, 60_000);

describe('real centers linked to two real hub nodes', () => {
  it('the link cut while both centers issue and call: every kiosk request gets its 201, then the hub catches up exactly', async () => {
    const [x, y] = centers;
    const before = await Promise.all(centers.map(hubHolds));

    // Both links go silent (requests hang, as on a dead radio link). X's stays silent for the whole cut and its
    // held request is delivered late when the link comes back; Y's is then reset outright (the far end gone).
    for (const c of centers) c.proxy.blackhole();
    const silent = await Promise.all(centers.map((c) => kioskAndCounters(c, 40)));
    y.proxy.refuse();
    const reset = await Promise.all(centers.map((c) => kioskAndCounters(c, 40)));

    // A reset link is seen at once; a silent one only when its request times out (30 s), so X's state is not awaited.
    await until(() => y.t.app.hubLink.health().status === 'offline', 'Y to see the link down', 60_000);
    // The hub got nothing during the cut; each center knows exactly what the hub lacks.
    expect(await Promise.all(centers.map(hubHolds))).toEqual(before);
    for (const [i, c] of centers.entries()) {
      const h = await health(c);
      expect(h.pendingEvents).toBe(seqOf(c) - before[i].lastSeq);
      expect(h.pendingEvents).toBeGreaterThanOrEqual(80 * 4);
    }
    expect((await health(y)).status).toBe('offline');
    const all = [...silent.flat(), ...reset.flat()];
    console.log(`kiosk POST /api/tickets during the cut: n=${all.length} p50=${pct(all, 50)} ms p99=${pct(all, 99)} ms max=${pct(all, 100)} ms`);

    for (const c of centers) c.proxy.open();
    // Work goes on while they catch up.
    await Promise.all([kioskAndCounters(x, 5), kioskAndCounters(y, 5)]);
    for (const c of centers) await caughtUp(c);
    for (const c of centers) await expectExact(c);
  }, 180_000);

  it('kill -9 of the node the centers push to, in the middle of their catch-up: they go on through the other node, count = seq', async () => {
    // A backlog of some thousands of commits per center, made while the link is silent (through the queue writer:
    // fast). Silent rather than reset: the push in flight just hangs, so the link is not backing off when it returns.
    for (const c of centers) c.proxy.blackhole();
    for (const c of centers) {
      const q = c.t.app.queue;
      const id = q.defaultCenterId;
      // Ticket numbers run out at 999 a service: most of the backlog is a counter paused and resumed (a commit each).
      for (let i = 0; i < 1000; i++) {
        if (i % 10 === 0) {
          await q.submit(id, { type: 'issue', serviceId: 'svc-cutru' }, KIOSK);
          const called = await q.submit(id, { type: 'call-next', counterId: 'ctr-5' }, STAFF2);
          await q.submit(id, { type: 'complete', counterId: 'ctr-5', ticketId: called.ticket!.id }, STAFF2);
        }
        await q.submit(id, { type: 'pause', counterId: 'ctr-4', reason: 'Nghỉ giải lao' }, STAFF1);
        await q.submit(id, { type: 'resume', counterId: 'ctr-4' }, STAFF1);
      }
    }
    const before = await Promise.all(centers.map(hubHolds));
    for (const c of centers) c.proxy.open();

    // Node A is killed as soon as it has applied part of the backlog of either center.
    let progressed = false;
    const deadline = Date.now() + 90_000;
    while (!progressed && Date.now() < deadline) {
      const now = await Promise.all(centers.map(hubHolds));
      progressed = now.some((h, i) => h.lastSeq > before[i].lastSeq);
      if (!progressed) await new Promise((r) => setTimeout(r, 2));
    }
    expect(progressed).toBe(true);
    nodes.a.child.kill('SIGKILL');
    await until(() => nodes.a.child.signalCode !== null, 'node A to die');
    const atKill = await Promise.all(centers.map(hubHolds));
    // It died in the middle: at least one center was not caught up yet.
    expect(atKill.some((h, i) => h.lastSeq < seqOf(centers[i]))).toBe(true);
    // What the hub holds is a prefix of each log, nothing twice.
    for (const h of atKill) expect({ n: h.n, distinct: h.distinct, max: h.max }).toEqual({ n: h.lastSeq, distinct: h.lastSeq, max: h.lastSeq });
    console.log(`kill -9 at: ${atKill.map((h, i) => `${centers[i].code} ${h.lastSeq}/${seqOf(centers[i])}`).join(', ')}`);

    // The load balancer fails over to node B; the centers keep working meanwhile.
    for (const c of centers) c.proxy.retarget(nodes.b.port);
    await Promise.all(centers.map((c) => kioskAndCounters(c, 5)));
    for (const c of centers) await caughtUp(c);
    for (const c of centers) await expectExact(c);

    // Node A comes back on its port, for the tests that follow.
    nodes.a = await spawnNode('a', nodes.a.port);
  }, 240_000);

  it('Redis down: dashboards on both nodes are told and recover; ingest from the centers goes on', async () => {
    const [x] = centers;
    // Node A was restarted by the test before: its Redis clients may still be connecting.
    await redisOkOnBoth();
    const onA = await dashboard(nodes.a);
    const onB = await dashboard(nodes.b);
    // Centers now push to node B; a dashboard on A hears them through Redis.
    const downA = nextEvent<{ redis: string }>(onA, 'hub:status', (s) => s.redis === 'down');
    const downB = nextEvent<{ redis: string }>(onB, 'hub:status', (s) => s.redis === 'down');
    await redis.stop();
    expect(await downA).toEqual({ redis: 'down' });
    expect(await downB).toEqual({ redis: 'down' });
    for (const n of [nodes.a, nodes.b]) expect((await hubFetch(n, 'GET', '/api/health')).body).toMatchObject({ redis: 'down' });

    await Promise.all(centers.map((c) => kioskAndCounters(c, 10)));
    for (const c of centers) await caughtUp(c);
    for (const c of centers) await expectExact(c);

    const upA = nextEvent<{ redis: string }>(onA, 'hub:status', (s) => s.redis === 'ok');
    const upB = nextEvent<{ redis: string }>(onB, 'hub:status', (s) => s.redis === 'ok');
    await redis.start();
    expect(await upA).toEqual({ redis: 'ok' });
    expect(await upB).toEqual({ redis: 'ok' });
    // A dashboard on A hears again what B ingests from a center (retried until the subscriber is back).
    await expect
      .poll(
        async () => {
          const update = nextEvent<{ id: string; lastSeq: number }>(onA, 'center:update', (u) => u.id === x.hubId);
          await kioskAndCounters(x, 1);
          const got = await Promise.race([update, new Promise<null>((r) => setTimeout(() => r(null), 1500))]);
          return got !== null && got.lastSeq <= seqOf(x);
        },
        { timeout: 30_000, interval: 100 },
      )
      .toBe(true);
    await caughtUp(x);
    await expectExact(x);
  }, 120_000);

  it('a catalog published by the province reaches the online center at once and the offline one when it comes back', async () => {
    const [online, offline] = centers;
    offline.proxy.refuse();
    await kioskAndCounters(offline, 1);
    await until(() => offline.t.app.hubLink.health().status === 'offline', 'the second center to be cut off', 60_000);

    const adminX = await loginCookie(online.t.app, 'admin');
    const exported = await online.t.app.inject({ method: 'GET', url: '/api/admin/procedures/export?format=json', headers: { cookie: adminX } });
    expect(exported.statusCode).toBe(200);
    const records = (JSON.parse(exported.body) as Record<string, unknown>[]).slice(0, 3);
    records[0] = { ...records[0], name: 'Đăng ký khai sinh (bản của tỉnh, 2026)' };
    const published = await hubFetch(nodes.a, 'POST', '/api/hub/downlink', { kind: 'procedure-catalog', data: records });
    expect(published.status).toBe(201);
    const version = published.body.version as number;

    const catalog = (c: Center) => c.t.app.db.prepare('SELECT id, name FROM procedures WHERE center_id = ? ORDER BY id').all(c.t.app.queue.defaultCenterId) as { id: string; name: string }[];
    const provinceAudit = (c: Center) => c.t.app.db.prepare("SELECT action, target FROM audit_log WHERE action LIKE 'province.%' ORDER BY id").all() as { action: string; target: string }[];
    const expected = records.map((r) => ({ id: r.id as string, name: r.name as string })).sort((a, b) => (a.id < b.id ? -1 : 1));

    // The online center hears of it at its next exchange (a ticket) and applies it through its admin change path.
    await kioskAndCounters(online, 1);
    await until(() => online.t.app.hubLink.status().downlinkApplied >= version, 'the catalog to reach the online center', 90_000);
    expect(catalog(online)).toEqual(expected);
    expect(provinceAudit(online)).toEqual([{ action: 'province.procedure-catalog', target: `v${version}` }]);

    // The offline one has not got it, and keeps working on its own catalog.
    const ownBefore = catalog(offline);
    expect(ownBefore.length).toBeGreaterThan(records.length);
    expect(offline.t.app.hubLink.status().downlinkApplied).toBeLessThan(version);
    expect(provinceAudit(offline)).toEqual([]);

    // Its link comes back (to node A now): it catches up and applies the catalog.
    offline.proxy.retarget(nodes.a.port);
    offline.proxy.open();
    await until(() => offline.t.app.hubLink.status().downlinkApplied >= version, 'the catalog to reach the returning center', 120_000);
    expect(catalog(offline)).toEqual(expected);
    expect(provinceAudit(offline)).toEqual([{ action: 'province.procedure-catalog', target: `v${version}` }]);
    const admin = await loginCookie(offline.t.app, 'admin');
    const audit = await offline.t.app.inject({ method: 'GET', url: '/api/admin/audit?action=province', headers: { cookie: admin } });
    expect(audit.statusCode).toBe(200);
    expect(audit.body).toContain('province.procedure-catalog');
    await caughtUp(offline);
    await expectExact(offline);
  }, 180_000);

  it('a revoked credential: that center is no longer linked, the other goes on; forged credentials get 401; a new code resumes it exactly', async () => {
    const [revoked, other] = centers;
    const credential = revoked.t.app.db.prepare('SELECT credential FROM hub_link').pluck().get() as string;
    const r = await hubFetch(nodes.b, 'POST', `/api/hub/centers/${revoked.hubId}/revoke`, {});
    expect(r.status).toBeLessThan(300);

    await kioskAndCounters(revoked, 2);
    await until(() => revoked.t.app.hubLink.health().status !== 'linked', 'the revoked center to see it', 60_000);
    const h = await health(revoked);
    expect(h.status).toBe('offline');
    expect(h.pendingEvents).toBeGreaterThan(0);
    expect(revoked.t.app.hubLink.status().lastError).toContain('401');

    // The other center is unaffected.
    await kioskAndCounters(other, 3);
    await caughtUp(other);
    expect((await health(other)).status).toBe('linked');
    await expectExact(other);

    // The revoked credential, and forged ones (another center's id with a made-up token, garbage), get 401 on both nodes.
    const otherCredential = other.t.app.db.prepare('SELECT credential FROM hub_link').pluck().get() as string;
    const forged = [credential, `${other.hubId}.${'A'.repeat(43)}`, `${otherCredential.slice(0, -1)}${otherCredential.endsWith('A') ? 'B' : 'A'}`, 'nonsense'];
    for (const node of [nodes.a, nodes.b]) {
      for (const bearer of forged) {
        const link = await fetch(`${node.url}/api/hub/link`, { headers: { authorization: `Bearer ${bearer}` } });
        expect(link.status).toBe(401);
        expect(((await link.json()) as { code: string }).code).toBe('HUB_CREDENTIAL_INVALID');
        const push = await fetch(`${node.url}/api/hub/ingest`, {
          method: 'POST',
          headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
          body: JSON.stringify({ commits: [], ratings: [], configChanges: [], live: null }),
        });
        expect(push.status).toBe(401);
      }
    }
    expect((await hubHolds(other)).lastSeq).toBe(seqOf(other));

    // A new one-time code, entered in the center's console: it resumes where the hub stood, nothing lost or doubled.
    const code = await hubFetch(nodes.a, 'POST', `/api/hub/centers/${revoked.hubId}/enrolment-code`, {});
    expect(code.status).toBe(201);
    const admin = await loginCookie(revoked.t.app, 'admin');
    const enrol = await revoked.t.app.inject({ method: 'POST', url: '/api/admin/hub/enrol', headers: { cookie: admin }, payload: { enrolmentCode: code.body.enrolmentCode } });
    expect(enrol.statusCode).toBe(200);
    await kioskAndCounters(revoked, 1);
    await caughtUp(revoked);
    await expectExact(revoked);
  }, 180_000);
});
