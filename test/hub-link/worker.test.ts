/**
 * The link's loop against the test receiver (a minimal hub, test-receiver.ts), with timers fired by hand: what it
 * sends, where it resumes, how it backs off, and that nothing is lost or sent twice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { HubLinkWorker } from '../../server/hub-link/worker';
import { backoffDelay } from '../../server/hub-link/backoff';
import { applyDownlink } from '../../server/hub-link/downlink';
import { centerLive } from '../../server/hub-link/live';
import { createTestApp, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { workADay } from './fixtures';
import { ManualTimers, startTestReceiver, type TestReceiver } from './test-receiver';

const open: { app?: TestApp; hub?: TestReceiver; worker?: HubLinkWorker }[] = [];
afterEach(async () => {
  for (const o of open.splice(0)) {
    await o.worker?.stop();
    await o.hub?.stop();
    await o.app?.destroy();
  }
});

const silent = { warn: () => {}, info: () => {}, error: () => {}, debug: () => {}, child: () => silent } as unknown as FastifyInstance['log'];

async function setup(options: { heartbeatMs?: number } = {}) {
  const clock = new FakeClock();
  const app = await createTestApp({ clock });
  const hub = await startTestReceiver();
  const timers = new ManualTimers();
  const centerId = app.app.queue.defaultCenterId;
  const make = () =>
    new HubLinkWorker({
      db: app.app.db,
      reader: app.app.db,
      centerId,
      clock,
      logger: silent,
      live: () => centerLive(app.app.queue.state(centerId), app.app.printing.statuses(), clock.now()),
      applyDownlink: (applied, items) => void applyDownlink(app.app, centerId, applied, items),
      timers,
      random: () => 0,
      heartbeatMs: options.heartbeatMs ?? 15_000,
      downlinkPollMs: 60_000,
    });
  const worker = make();
  open.push({ app, hub, worker });
  return { clock, app, hub, timers, worker, centerId, make };
}

/** Fire the armed timer and wait for the exchange it starts. */
async function step(timers: ManualTimers, worker: HubLinkWorker) {
  timers.fire();
  await worker.settled();
}

/** Run the loop until it only waits (idle heartbeat or backoff): fire every immediate or debounce timer. */
async function drain(timers: ManualTimers, worker: HubLinkWorker, max = 50) {
  for (let i = 0; i < max && timers.armed() !== null && timers.armed()! <= 20; i++) await step(timers, worker);
}

describe('backoff policy', () => {
  it('doubles from 1 s to a 60 s cap, with half of each step random', () => {
    const low = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffDelay(n, 0));
    const high = [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => backoffDelay(n, 0.999999));
    expect(low).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    expect(high).toEqual([1000, 2000, 4000, 8000, 16000, 32000, 60000, 60000, 60000]);
    expect(backoffDelay(1000, 0.5)).toBe(45000);
  });
});

describe('hub link worker', () => {
  it('enrols, then pushes every commit once in order until the hub has the center seq', async () => {
    const { app, hub, timers, worker, centerId } = await setup();
    expect(worker.health().status).toBe('unlinked');
    await worker.enrol(hub.url, hub.enrolmentCode);
    workADay(app.app, null, 2);
    worker.start();
    await drain(timers, worker);
    const seq = app.app.queue.state(centerId).seq;
    expect(hub.state().lastSeq).toBe(seq);
    expect([...hub.commits.keys()]).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    expect(hub.replayedCommits).toBe(0);
    expect(worker.health()).toMatchObject({ status: 'linked', pendingEvents: 0 });
    // Idle: the next thing armed is the heartbeat.
    expect(timers.armed()).toBe(15_000);
    // The credential and the hub's center id are on disk; the audit row says who enrolled, never the credential.
    const row = app.app.db.prepare('SELECT hub_center_id, credential FROM hub_link').get() as { hub_center_id: string; credential: string };
    expect(row).toEqual({ hub_center_id: 'hub-center-1', credential: hub.credential });
    const audit = app.app.db.prepare("SELECT data FROM audit_log WHERE action = 'hub.enrol'").pluck().all() as string[];
    expect(audit.length).toBeLessThanOrEqual(1);
    for (const a of audit) expect(a).not.toContain(hub.credential);
  });

  it('a commit wakes it (debounced); when idle it sends a heartbeat with the live figures only', async () => {
    const { app, hub, timers, worker, centerId } = await setup();
    await worker.enrol(hub.url, hub.enrolmentCode);
    worker.start();
    await drain(timers, worker);
    const before = hub.batches.length;
    app.app.queue.execute(centerId, { type: 'issue', serviceId: 'svc-hotich' }, { staffId: null, role: 'public' });
    worker.wake();
    worker.wake();
    // One short timer for a burst of commits, not the heartbeat.
    expect(timers.pending.size).toBe(1);
    expect(timers.armed()).toBeLessThan(15_000);
    await step(timers, worker);
    expect(hub.batches.length).toBe(before + 1);
    // Every commit since the last push (the day's roll-over and the ticket) in one batch.
    expect(hub.batches[hub.batches.length - 1].commits.map((c) => c.seq).pop()).toBe(app.app.queue.state(centerId).seq);
    expect(hub.state().lastSeq).toBe(app.app.queue.state(centerId).seq);
    expect(hub.batches[hub.batches.length - 1].live).toMatchObject({ waiting: 1 });

    // Nothing new: the idle timer sends a heartbeat.
    expect(timers.armed()).toBe(15_000);
    const { clock } = { clock: (worker as unknown as { o: { clock: FakeClock } }).o.clock };
    clock.advance(15_000);
    await step(timers, worker);
    const hb = hub.batches[hub.batches.length - 1];
    expect(hub.batches.length).toBe(before + 2);
    expect(hb.commits).toEqual([]);
    expect(hb.ratings).toEqual([]);
    expect(hb.live).not.toBeNull();
  });

  it('backs off while the hub fails, keeps the center working, then catches up exactly', async () => {
    const { app, hub, timers, worker, centerId } = await setup();
    await worker.enrol(hub.url, hub.enrolmentCode);
    worker.start();
    workADay(app.app, null, 1);
    await drain(timers, worker);
    const syncedSeq = hub.state().lastSeq;

    hub.mode = 'fail';
    workADay(app.app, null, 2);
    worker.wake();
    const delays: number[] = [];
    for (let i = 0; i < 9; i++) {
      await step(timers, worker);
      delays.push(timers.armed()!);
    }
    expect(delays).toEqual([500, 1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    // Commits while backing off do not cut the backoff short.
    worker.wake();
    expect(timers.pending.size).toBe(1);
    expect(timers.armed()).toBe(30000);
    const seq = app.app.queue.state(centerId).seq;
    expect(worker.health()).toMatchObject({ status: 'offline', pendingEvents: seq - syncedSeq });

    hub.mode = 'ok';
    await step(timers, worker);
    await drain(timers, worker);
    expect(hub.state().lastSeq).toBe(seq);
    expect(hub.commits.size).toBe(seq);
    expect(hub.replayedCommits).toBe(0);
    expect(worker.health()).toMatchObject({ status: 'linked', pendingEvents: 0 });
  });

  it('when the hub stands elsewhere (409) it re-reads the hub state and resends from there', async () => {
    const { app, hub, timers, worker, centerId } = await setup();
    await worker.enrol(hub.url, hub.enrolmentCode);
    worker.start();
    workADay(app.app, null, 1);
    await drain(timers, worker);
    // The hub was restored from a backup: it lost everything after seq 3.
    hub.rewindTo(3);
    workADay(app.app, null, 1);
    worker.wake();
    await drain(timers, worker);
    const seq = app.app.queue.state(centerId).seq;
    expect(hub.conflicts).toBe(1);
    expect([...hub.commits.keys()]).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    expect(worker.health().pendingEvents).toBe(0);
  });

  it('a restarted worker resumes from the hub state: nothing is sent twice', async () => {
    const { app, hub, timers, worker, centerId, make } = await setup();
    await worker.enrol(hub.url, hub.enrolmentCode);
    worker.start();
    workADay(app.app, null, 1);
    await drain(timers, worker);
    await worker.stop();
    workADay(app.app, null, 1);
    const again = make();
    open.push({ worker: again });
    expect(again.health().status).toBe('offline');
    again.start();
    await drain(timers, again);
    const seq = app.app.queue.state(centerId).seq;
    expect(hub.commits.size).toBe(seq);
    expect(hub.replayedCommits).toBe(0);
    expect(again.health()).toMatchObject({ status: 'linked', pendingEvents: 0 });
  });

  it('a refused credential is a failure like any other: offline, backing off, nothing lost', async () => {
    const { app, hub, timers, worker } = await setup();
    await worker.enrol(hub.url, hub.enrolmentCode);
    hub.mode = 'unauthorized';
    workADay(app.app, null, 1);
    worker.start();
    await step(timers, worker);
    expect(worker.health().status).toBe('offline');
    expect(worker.status().lastError).toBe('HTTP 401');
    expect(timers.armed()).toBe(500);
    expect(hub.commits.size).toBe(0);
  });

  it('applies the downlink through the admin change path, once, and remembers the version', async () => {
    const { app, hub, timers, worker, centerId, make } = await setup();
    await worker.enrol(hub.url, hub.enrolmentCode);
    const catalog = app.app.db.prepare('SELECT COUNT(*) FROM procedures WHERE center_id = ?').pluck().get(centerId) as number;
    hub.publish('notice-line', { noticeLine: 'Thông báo của tỉnh: nghỉ lễ 2/9', noticeLineEn: 'Closed on 2 Sep' });
    hub.publish('holidays', [{ date: '2026-09-02', name: 'Quốc khánh' }]);
    hub.publish('service-templates', [
      { code: 'HT', name: 'Hộ tịch (mẫu tỉnh)', numberStart: 1, numberEnd: 999 },
      { code: 'TP', name: 'Tư pháp', prefix: 'M', numberStart: 1, numberEnd: 999 },
    ]);
    hub.publish('procedure-catalog', [{ id: 'x' }]);
    worker.start();
    await drain(timers, worker);

    expect(app.app.queue.state(centerId).center.settings.noticeLine).toBe('Thông báo của tỉnh: nghỉ lễ 2/9');
    const tp = [...app.app.queue.state(centerId).services.values()].find((s) => s.code === 'TP');
    expect(tp).toMatchObject({ name: 'Tư pháp', active: false });
    expect([...app.app.queue.state(centerId).services.values()].find((s) => s.code === 'HT')?.name).toBe('Hộ tịch');
    // A catalog with bad rows is refused whole, the center's catalog untouched, and the link moves on.
    expect(app.app.db.prepare('SELECT COUNT(*) FROM procedures WHERE center_id = ?').pluck().get(centerId)).toBe(catalog);
    const audit = app.app.db.prepare("SELECT action, staff_id, data FROM audit_log WHERE action LIKE 'province.%' ORDER BY id").all() as { action: string; staff_id: string | null; data: string }[];
    expect(audit.map((a) => a.action)).toEqual(['province.notice-line', 'province.holidays', 'province.service-templates', 'province.procedure-catalog']);
    expect(audit.every((a) => a.staff_id === null)).toBe(true);
    expect(JSON.parse(audit[2].data).after).toMatchObject({ createdInactive: 1, skipped: [{ code: 'HT', reason: 'code-exists' }] });
    expect(JSON.parse(audit[3].data).after).toMatchObject({ refused: true });
    expect(worker.status().downlinkApplied).toBe(4);

    // A valid catalog replaces the center's.
    const one = app.app.db.prepare('SELECT * FROM procedures WHERE center_id = ? LIMIT 1').get(centerId) as Record<string, unknown> | undefined;
    expect(one).toBeDefined();
    const exported = await app.app.inject({ method: 'GET', url: '/api/admin/procedures/export?format=json', headers: { cookie: await (await import('../helpers/app')).loginCookie(app.app, 'admin') } });
    const records = (JSON.parse(exported.body) as unknown[]).slice(0, 2);
    hub.publish('procedure-catalog', records);
    worker.wake();
    await drain(timers, worker);
    expect(app.app.db.prepare('SELECT COUNT(*) FROM procedures WHERE center_id = ?').pluck().get(centerId)).toBe(2);

    // Restart: nothing applied twice.
    await worker.stop();
    const again = make();
    open.push({ worker: again });
    again.start();
    await drain(timers, again);
    const count = app.app.db.prepare("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'province.%'").pluck().get();
    expect(count).toBe(5);
    expect(again.status().downlinkApplied).toBe(5);
  });

  it('says so when the hub holds more than the center (the center restored from an older backup)', async () => {
    const { app, hub, timers, worker, centerId } = await setup();
    await worker.enrol(hub.url, hub.enrolmentCode);
    workADay(app.app, null, 1);
    const seq = app.app.queue.state(centerId).seq;
    for (let s = 1; s <= seq + 5; s++) hub.commits.set(s, { seq: s, at: 0, events: [], tickets: [] });
    worker.start();
    await drain(timers, worker);
    expect(worker.status().hubAhead).toBe(true);
    expect(hub.replayedCommits).toBe(0);
  });
});
