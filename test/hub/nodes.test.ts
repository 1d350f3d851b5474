/**
 * Two hub nodes over one PostgreSQL and one Redis (real ones, started here): a dashboard on node B hears what node
 * A ingests; the same batch given to both nodes at once is applied once; with Redis stopped, ingest goes on and
 * the dashboards are told, and they hear other nodes again when it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { startPostgres, type PgCluster } from '../helpers/postgres';
import { startRedis, type RedisServer } from '../helpers/redis';
import { buildHub } from '../../hub/app';
import { loadHubConfig } from '../../hub/config';
import { openPostgres } from '../../hub/db/db';
import { createDatabase } from '../helpers/postgres';
import { DAY_START, SetClock, commit, enrolCenter, ingest, login, ticketRow, type TestHub } from './fixture';
import type { FastifyInstance } from 'fastify';
import { until } from '../helpers/wait';

let cluster: PgCluster;
let redis: RedisServer;
let nodeA: TestHub;
let nodeB: TestHub;
const urls: Record<string, string> = {};

async function node(name: string, dbUrl: string): Promise<TestHub> {
  const db = openPostgres(dbUrl);
  const clock = new SetClock(DAY_START);
  const config = loadHubConfig({ HUB_PORT: '0', HUB_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED: 'demo', DEMO_PASSWORD: 'demo-pass', HUB_ENROL_PER_MINUTE: '10000', REDIS_URL: redis.url });
  const app = await buildHub({ config, db, clock, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  urls[name] = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { app, db, clock, adminCookie: await login(app, 'admin', 'demo-pass'), close: () => app.close() };
}

function dashboard(base: string, cookie: string): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(`${base}/province`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false });
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

const nextEvent = <T>(socket: Socket, event: string, match: (x: T) => boolean = () => true) =>
  new Promise<T>((resolve) => {
    const on = (x: T) => {
      if (!match(x)) return;
      socket.off(event, on);
      resolve(x);
    };
    socket.on(event, on);
  });

const waitRedis = (app: FastifyInstance, want: 'ok' | 'down') => until(() => app.redisStatus() === want, `redis ${want}`, 30_000);

beforeAll(async () => {
  [cluster, redis] = await Promise.all([startPostgres(), startRedis()]);
  const dbUrl = await createDatabase(cluster, 'nodes');
  nodeA = await node('a', dbUrl);
  nodeB = await node('b', dbUrl);
  await waitRedis(nodeA.app, 'ok');
  await waitRedis(nodeB.app, 'ok');
}, 120_000);

afterAll(async () => {
  await nodeA?.close();
  await nodeB?.close();
  await redis?.stop();
  await cluster?.stop();
});

describe('two hub nodes', () => {
  it('refuses the dashboard feed without a province session', async () => {
    await expect(dashboard(urls.b, 'qm_session=forged')).rejects.toThrow('UNAUTHENTICATED');
  });

  it('a dashboard on node B hears a batch ingested on node A', async () => {
    const c = await enrolCenter(nodeA, 'LIVE');
    const socket = await dashboard(urls.b, nodeB.adminCookie);
    try {
      const update = nextEvent<Record<string, unknown>>(socket, 'center:update', (x) => x.id === c.id);
      const res = await ingest(nodeA, c.credential, {
        commits: [commit(1, DAY_START, [ticketRow({ id: 'l1', serviceId: 's', issuedAt: DAY_START })])],
        live: { at: DAY_START, waiting: 7, longestWaitSeconds: 420, openCounters: 3, printerFaults: 0 },
      });
      expect(res.statusCode).toBe(200);
      expect(await update).toMatchObject({ id: c.id, code: 'LIVE', online: true, lastSeq: 1, waiting: 7, longestWaitSeconds: 420, openCounters: 3 });
    } finally {
      socket.close();
    }
  });

  it('the same batches given to both nodes at once are applied once', async () => {
    const c = await enrolCenter(nodeA, 'TWICE');
    const commits = Array.from({ length: 300 }, (_, i) => commit(i + 1, DAY_START + i * 1000, [ticketRow({ id: `tw-${i % 100}`, serviceId: 's', issuedAt: DAY_START + (i % 100) * 1000, status: i < 100 ? 'waiting' : 'called', firstCalledAt: i < 100 ? null : DAY_START + i * 1000 })]));
    const sends = [0, 100, 200].flatMap((from) => [nodeA, nodeB].map((n) => ingest(n, c.credential, { commits: commits.slice(0, from + 100) })));
    const results = await Promise.all(sends);
    for (const r of results) expect([200, 409]).toContain(r.statusCode);
    const last = await ingest(nodeB, c.credential, { commits });
    expect(last.json().lastSeq).toBe(300);
    const n = await nodeA.db.query<{ n: number; issued: number; called: number }>(
      'SELECT (SELECT count(*) FROM center_commits WHERE center_id = $1) AS n, (SELECT sum(issued) FROM rollup_hourly WHERE center_id = $1) AS issued, (SELECT sum(called) FROM rollup_hourly WHERE center_id = $1) AS called',
      [c.id],
    );
    expect(n.rows[0]).toEqual({ n: 300, issued: 100, called: 100 });
  });

  it('Redis down: ingest goes on and dashboards are told; back up: dashboards hear the other node again', async () => {
    const c = await enrolCenter(nodeA, 'REDIS');
    const socket = await dashboard(urls.b, nodeB.adminCookie);
    try {
      const down = nextEvent<{ redis: string }>(socket, 'hub:status', (x) => x.redis === 'down');
      await redis.stop();
      expect(await down).toEqual({ redis: 'down' });
      await waitRedis(nodeA.app, 'down');
      const res = await ingest(nodeA, c.credential, { commits: [commit(1, DAY_START, [ticketRow({ id: 'r1', serviceId: 's', issuedAt: DAY_START })])] });
      expect(res.statusCode).toBe(200);
      expect(res.json().lastSeq).toBe(1);

      const up = nextEvent<{ redis: string }>(socket, 'hub:status', (x) => x.redis === 'ok');
      await redis.start();
      expect(await up).toEqual({ redis: 'ok' });
      await waitRedis(nodeA.app, 'ok');
      // The subscriber re-subscribes on reconnect: an update on A reaches B again (retried until it does).
      await expect
        .poll(
          async () => {
            const update = nextEvent<Record<string, unknown>>(socket, 'center:update', (x) => x.id === c.id);
            await ingest(nodeA, c.credential, { live: { at: DAY_START, waiting: 5, longestWaitSeconds: 0, openCounters: 1, printerFaults: 0 } });
            return Promise.race([update.then((x) => x.waiting), new Promise((r) => setTimeout(() => r('none'), 1000))]);
          },
          { timeout: 30_000, interval: 100 },
        )
        .toBe(5);
    } finally {
      socket.close();
    }
  }, 90_000);
});
