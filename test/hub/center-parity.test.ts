/**
 * A real center (the demo seed on its own SQLite file, the real queue writer) works a busy day with a fake clock;
 * its log, read by the center's own uplink reader (server/hub-link/uplink-reader.ts), goes into a hub on a real
 * PostgreSQL. The hub's summary of that center, from its rollups, must give the center's own report
 * (server/reports/summary.ts buildSummary): the same counts, the same means and maxima, medians and p90 within a
 * histogram bucket.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ReportGroup } from '../../protocol/reports';
import { buildSummary } from '../../server/reports/summary';
import { parseRange } from '../../server/reports/dates';
import { businessDay } from '../../server/queue/calendar';
import { readBatch } from '../../server/hub-link/uplink-reader';
import { createTestApp, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { bucketWidthAt, workBusyDay } from '../helpers/busy-day';
import { startPostgres, type PgCluster } from '../helpers/postgres';
import { enrolCenter, ingest, startHub, type TestHub } from './fixture';

let cluster: PgCluster;
let hub: TestHub;
let center: TestApp;
const clock = new FakeClock();

beforeAll(async () => {
  cluster = await startPostgres();
  hub = await startHub(cluster);
  center = await createTestApp({ clock });
}, 120_000);

afterAll(async () => {
  await center?.destroy();
  await hub?.close();
  await cluster?.stop();
});

function same(hubGroup: ReportGroup | undefined, centerGroup: ReportGroup, what: string) {
  expect(hubGroup, what).toBeDefined();
  const h = hubGroup!;
  expect({ issued: h.issued, served: h.served, noShow: h.noShow, cancelled: h.cancelled, open: h.open }, what).toEqual({
    issued: centerGroup.issued,
    served: centerGroup.served,
    noShow: centerGroup.noShow,
    cancelled: centerGroup.cancelled,
    open: centerGroup.open,
  });
  for (const kind of ['wait', 'service'] as const) {
    const a = h[kind];
    const e = centerGroup[kind];
    expect({ count: a.count, mean: a.mean }, `${what} ${kind}`).toEqual({ count: e.count, mean: e.mean });
    if (e.count === 0) continue;
    expect(a.max!, `${what} ${kind} max`).toBeGreaterThanOrEqual(e.max!);
    for (const p of ['median', 'p90'] as const) expect(Math.abs(a[p]! - e[p]!), `${what} ${kind} ${p}: ${a[p]} vs ${e[p]}`).toBeLessThanOrEqual(bucketWidthAt(e[p]!) + 1);
  }
}

it("the hub's summary of a center, from rollups, gives the center's own report", async () => {
  workBusyDay(center.app, clock, { seed: 42, steps: 900, maxGapMs: 40_000 });
  const c = center.app.queue.defaultCenterId;
  const seq = center.app.queue.state(c).seq;
  expect(seq).toBeGreaterThan(300);

  // The center's log up to the hub, by the center's own reader, in its own batch sizes, resumed from the hub's state.
  const enrolled = await enrolCenter(hub, 'PARITY');
  let cursor = { lastSeq: 0, lastRatingId: 0, lastConfigId: 0 };
  for (let rounds = 0; cursor.lastSeq < seq && rounds < 1000; rounds++) {
    const b = readBatch(center.app.db, c, cursor, { commits: 97, ratings: 100, configChanges: 100, maxBytes: 1 << 20 });
    const res = await ingest(hub, enrolled.credential, { commits: b.commits, ratings: b.ratings, configChanges: b.configChanges });
    expect(res.statusCode).toBe(200);
    const state = res.json();
    cursor = { lastSeq: state.lastSeq, lastRatingId: state.lastRatingId, lastConfigId: state.lastConfigId };
  }
  expect(cursor.lastSeq).toBe(seq);

  const timeZone = center.app.queue.state(c).center.timeZone;
  const day = businessDay(clock.now(), timeZone);
  const range = parseRange(day, day, day, timeZone);
  const own = buildSummary(center.app.db, { centerId: c, timeZone, range, filters: {}, now: clock.now() });
  expect(own.totals.issued).toBeGreaterThan(100);
  expect(own.totals.noShow).toBeGreaterThan(0);
  expect(own.totals.served).toBeGreaterThan(0);

  const res = await hub.app.inject({ method: 'GET', url: `/api/hub/reports/summary?from=${day}&to=${day}&centerId=${enrolled.id}`, headers: { cookie: hub.adminCookie } });
  expect(res.statusCode).toBe(200);
  const province = res.json();
  same(province.totals, own.totals, 'totals');
  expect(province.totals.wait.max).toBe(own.totals.wait.max);
  expect(province.totals.service.max).toBe(own.totals.service.max);
  const find = (list: ReportGroup[], key: string) => list.find((g) => g.key === key);
  for (const g of own.byService) same(find(province.byService, g.key), g, `service ${g.key}`);
  for (const g of own.byCounter) same(find(province.byCounter, g.key), g, `counter ${g.key}`);
  for (const g of own.byStaff) same(find(province.byStaff, g.key), g, `staff ${g.key}`);
  for (const g of own.byHour) same(find(province.byHour, g.key), g, `hour ${g.key}`);
  for (const g of own.byDay) same(find(province.byDay, g.key), g, `day ${g.key}`);
  expect(province.byService.map((g: ReportGroup) => g.key).sort()).toEqual(own.byService.map((g) => g.key).sort());
  expect(province.byCounter.map((g: ReportGroup) => g.key).sort()).toEqual(own.byCounter.map((g) => g.key).sort());
  expect(province.byHour.map((g: ReportGroup) => g.key)).toEqual(own.byHour.map((g) => g.key));
  expect(province.byCenter).toMatchObject([{ centerId: enrolled.id, issued: own.totals.issued, served: own.totals.served, noShow: own.totals.noShow, meanWaitSeconds: own.totals.wait.mean }]);
}, 120_000);
