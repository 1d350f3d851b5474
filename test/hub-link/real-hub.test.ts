/**
 * A real center server linked to a real hub node (hub/, on embedded PGlite kept in a directory so the hub can be
 * stopped and started again): the hub reaches the center's seq; a hub that is away while the center keeps issuing
 * and calling catches up exactly once it is back; a replayed batch changes nothing; the province's notice reaches
 * the center.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../../hub/app';
import { loadHubConfig } from '../../hub/config';
import { openPglite } from '../../hub/db/db';
import { HUB_PATHS } from '../../protocol/hub';
import { readBatch } from '../../server/hub-link/uplink-reader';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { addRating } from '../../server/reports/ratings-store';
import { until } from '../helpers/wait';
import { KIOSK, STAFF1, STAFF2 } from './fixtures';

const dirs: string[] = [];
const closers: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of closers.reverse()) await c().catch(() => {});
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

async function startHub(dataDir: string, port: number): Promise<{ app: FastifyInstance; url: string }> {
  const config = loadHubConfig({ HUB_PORT: String(port), HUB_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED: 'demo', DEMO_PASSWORD: 'demo-pass', HUB_ENROL_PER_MINUTE: '10000' });
  const app = await buildHub({ config, db: await openPglite(dataDir), logger: false });
  await app.listen({ port, host: '127.0.0.1' });
  const addr = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : port}` };
}

async function adminCookie(hub: FastifyInstance): Promise<string> {
  const res = await hub.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'demo-pass' } });
  expect(res.statusCode).toBe(200);
  return `qm_session=${res.cookies.find((c) => c.name === 'qm_session')!.value}`;
}

async function hubCount(hub: FastifyInstance, sql: string, id: string): Promise<number> {
  const r = await hub.hubDb.query<{ n: number }>(sql, [id]);
  return Number(r.rows[0].n);
}

/** Issue, call, serve and complete: some commits of each kind, through the real queue writer. */
async function work(center: TestApp, rounds: number): Promise<void> {
  const q = center.app.queue;
  const c = q.defaultCenterId;
  for (let i = 0; i < rounds; i++) {
    await q.submit(c, { type: 'issue', serviceId: 'svc-hotich' }, KIOSK);
    await q.submit(c, { type: 'issue', serviceId: 'svc-chungthuc' }, KIOSK);
    const called = await q.submit(c, { type: 'call-next', counterId: 'ctr-1' }, STAFF1);
    await q.submit(c, { type: 'start', counterId: 'ctr-1', ticketId: called.ticket!.id }, STAFF1);
    await q.submit(c, { type: 'complete', counterId: 'ctr-1', ticketId: called.ticket!.id }, STAFF1);
    await q.submit(c, { type: 'call-next', counterId: 'ctr-2' }, STAFF2);
  }
}

describe('a center linked to a real hub', () => {
  it('the hub reaches the center seq, catches up exactly after being away, and a replayed batch changes nothing', async () => {
    const hubDir = mkdtempSync(join(tmpdir(), 'qm-hub-link-'));
    dirs.push(hubDir);
    let hub = await startHub(hubDir, 0);
    const port = Number(new URL(hub.url).port);
    closers.push(() => hub.app.close());
    const cookie = await adminCookie(hub.app);
    const created = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie }, payload: { code: 'XA01', name: 'Xã Một' } });
    expect(created.statusCode).toBe(201);
    const { id: hubCenterId, enrolmentCode } = created.json() as { id: string; enrolmentCode: string };

    const center = await createTestApp({ env: { HUB_URL: hub.url, HUB_ENROLMENT_CODE: enrolmentCode } });
    closers.push(() => center.destroy());
    const c = center.app.queue.defaultCenterId;
    await work(center, 5);
    const seq1 = center.app.queue.state(c).seq;
    await until(() => center.app.hubLink.health().status === 'linked' && center.app.hubLink.health().pendingEvents === 0, 'the hub to hold every commit', 60_000);
    expect(await hubCount(hub.app, 'SELECT last_seq AS n FROM centers WHERE id = $1', hubCenterId)).toBe(seq1);
    expect(await hubCount(hub.app, 'SELECT count(*) AS n FROM center_commits WHERE center_id = $1', hubCenterId)).toBe(seq1);

    // A rating and an admin change go up too (a sign-in does not).
    const done = center.app.db.prepare("SELECT id, counter_id FROM tickets WHERE status = 'done' LIMIT 1").get() as { id: string; counter_id: string };
    addRating(center.app.db, { ticketId: done.id, counterId: done.counter_id, level: 3, reasons: [], now: center.app.clock.now() });
    const centerAdmin = await loginCookie(center.app, 'admin');
    const notice = await center.app.inject({ method: 'PUT', url: '/api/admin/notice', headers: { cookie: centerAdmin }, payload: { noticeLine: 'Trung tâm nghỉ chiều thứ Bảy', noticeLineEn: '' } });
    expect(notice.statusCode).toBe(200);
    await work(center, 1);
    await until(() => center.app.hubLink.health().pendingEvents === 0, 'the rating and the change', 60_000);
    await until(() => center.app.hubLink.status().ackedSeq === center.app.queue.state(c).seq, 'acknowledged', 60_000);
    const hubRatings = async () => hubCount(hub.app, 'SELECT count(*) AS n FROM center_ratings WHERE center_id = $1', hubCenterId);
    // The batch that took the last commits was read after the rating and the change: the hub holds them.
    expect(await hubRatings()).toBe(1);
    const actions = (await hub.app.hubDb.query<{ action: string }>('SELECT action FROM center_config_changes WHERE center_id = $1 ORDER BY id', [hubCenterId])).rows.map((r) => r.action);
    expect(actions).toEqual(['center.notice']);
    const seq1b = center.app.queue.state(c).seq;

    // The hub goes away; the center keeps issuing and calling, and knows what the hub lacks.
    await hub.app.close();
    void seq1;
    await work(center, 8);
    const seq2 = center.app.queue.state(c).seq;
    await until(() => center.app.hubLink.health().status === 'offline', 'the link to see the hub gone', 60_000);
    expect(center.app.hubLink.health().pendingEvents).toBe(seq2 - seq1b);

    // Back on the same address with the same data: it catches up exactly, every commit once.
    hub = await startHub(hubDir, port);
    await until(() => center.app.hubLink.health().status === 'linked' && center.app.hubLink.health().pendingEvents === 0, 'the catch-up', 90_000);
    expect(await hubCount(hub.app, 'SELECT last_seq AS n FROM centers WHERE id = $1', hubCenterId)).toBe(seq2);
    expect(await hubCount(hub.app, 'SELECT count(*) AS n FROM center_commits WHERE center_id = $1', hubCenterId)).toBe(seq2);
    const seqs = (await hub.app.hubDb.query<{ seq: number }>('SELECT seq FROM center_commits WHERE center_id = $1 ORDER BY seq', [hubCenterId])).rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(Array.from({ length: seq2 }, (_, i) => i + 1));
    // The hub's ticket rows are the center's.
    const hubTickets = await hubCount(hub.app, 'SELECT count(*) AS n FROM center_tickets WHERE center_id = $1', hubCenterId);
    expect(hubTickets).toBe(center.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get());

    // A replayed batch (the first commits, sent again with the center's credential) changes nothing.
    const credential = center.app.db.prepare('SELECT credential FROM hub_link').pluck().get() as string;
    const before = {
      commits: await hubCount(hub.app, 'SELECT count(*) AS n FROM center_commits WHERE center_id = $1', hubCenterId),
      rollup: JSON.stringify((await hub.app.hubDb.query('SELECT * FROM rollup_hourly WHERE center_id = $1 ORDER BY 1, 2, 3, 4, 5, 6', [hubCenterId])).rows),
    };
    const replay = readBatch(center.app.db, c, { lastSeq: 0, lastRatingId: 0, lastConfigId: 0 }, { commits: 10, ratings: 10, configChanges: 10, maxBytes: 1 << 20 });
    const res = await fetch(`${hub.url}${HUB_PATHS.ingest}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${credential}` },
      body: JSON.stringify({ commits: replay.commits, ratings: replay.ratings, configChanges: replay.configChanges, live: null }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { lastSeq: number }).lastSeq).toBe(seq2);
    expect(await hubCount(hub.app, 'SELECT count(*) AS n FROM center_commits WHERE center_id = $1', hubCenterId)).toBe(before.commits);
    expect(JSON.stringify((await hub.app.hubDb.query('SELECT * FROM rollup_hourly WHERE center_id = $1 ORDER BY 1, 2, 3, 4, 5, 6', [hubCenterId])).rows)).toBe(before.rollup);

    // What the province publishes reaches the center through its admin change path.
    const cookie2 = await adminCookie(hub.app);
    const pub = await hub.app.inject({ method: 'POST', url: '/api/hub/downlink', headers: { cookie: cookie2 }, payload: { kind: 'notice-line', data: { noticeLine: 'Tỉnh thông báo: nghỉ lễ Quốc khánh 2/9' } } });
    expect(pub.statusCode).toBe(201);
    await work(center, 1);
    await until(() => center.app.queue.state(c).center.settings.noticeLine === 'Tỉnh thông báo: nghỉ lễ Quốc khánh 2/9', 'the notice from the province', 60_000);
    const audit = center.app.db.prepare("SELECT action FROM audit_log WHERE action LIKE 'province.%'").pluck().all();
    expect(audit).toEqual(['province.notice-line']);
  }, 240_000);
});
