/**
 * Rollups kept at ingest match a direct computation over the tickets' final rows with the center report's own
 * accumulators (server/reports/aggregate.ts: the definitions of server/reports/summary.ts), whatever the batching,
 * with batches replayed and overlapping, tickets moving between services and counters, no-shows, cancellations,
 * tickets still open, and ratings. Then the province summary endpoint, for the province and for one center.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GroupAcc, GroupMap, SatisfactionAcc } from '../../server/reports/aggregate';
import { zoneClock } from '../../server/reports/zone';
import type { UplinkCommit, UplinkRating } from '../../protocol/hub';
import type { ReportGroup } from '../../protocol/reports';
import { BUCKET_EDGES, bucketOf } from '../../hub/ingest/rollup';
import { HOURLY_SOURCES, MAX_COLUMNS, SCALAR_COLUMNS, SERVICE_COLUMNS, WAIT_COLUMNS } from '../../hub/ingest/daily';
import { startPostgres, type PgCluster } from '../helpers/postgres';
import { DAY_START, enrolCenter, ingest, login, startHub, ticketRow, type TestHub } from './fixture';

let cluster: PgCluster;
let hub: TestHub;

beforeAll(async () => {
  cluster = await startPostgres();
  hub = await startHub(cluster);
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await cluster?.stop();
});

/** A seeded stream (mulberry32): the same day every run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Day {
  commits: UplinkCommit[];
  ratings: UplinkRating[];
  finalRows: Map<string, Record<string, unknown>>;
}

const SERVICES = ['svc-hotich', 'svc-chungthuc', 'svc-datdai', 'svc-cutru'];
const COUNTERS = ['ctr-1', 'ctr-2', 'ctr-3'];
const STAFF = ['st-a', 'st-b', 'st-c'];

/** Two business days of one center's tickets, as commits in time order (each change of a ticket one commit). */
function simulate(seed: number, prefix: string, tickets: number): Day {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const changes: { at: number; row: Record<string, unknown> }[] = [];
  const finalRows = new Map<string, Record<string, unknown>>();
  const ratings: UplinkRating[] = [];
  for (let i = 0; i < tickets; i++) {
    const day = i % 2 === 0 ? '2026-03-10' : '2026-03-11';
    const dayStart = DAY_START + (day === '2026-03-11' ? 86_400_000 : 0);
    const issuedAt = dayStart + Math.floor(r() * 8 * 3600_000);
    let row = ticketRow({ id: `${prefix}-${i}`, serviceId: pick(SERVICES), issuedAt, businessDay: day, number: `A${i}` });
    const push = (at: number, patch: Record<string, unknown>) => {
      row = { ...row, ...patch };
      changes.push({ at, row });
    };
    push(issuedAt, {});
    const fate = r();
    if (fate < 0.08) {
      push(issuedAt + 60_000 + Math.floor(r() * 600_000), { status: 'cancelled' });
    } else if (fate < 0.12) {
      // Still waiting at the end of the log.
    } else {
      // Waits from seconds to over two hours, so every part of the histogram is used.
      const wait = Math.floor(r() < 0.1 ? r() * 9_000_000 : r() * 2_400_000);
      const calledAt = issuedAt + wait;
      const counterId = pick(COUNTERS);
      const staffId = pick(STAFF);
      push(calledAt, { status: 'called', firstCalledAt: calledAt, calledAt, counterId, staffId });
      const next = r();
      if (next < 0.1) {
        push(calledAt + 180_000, { status: 'no-show' });
      } else if (next < 0.2) {
        // Transferred: to another service and counter, called again there; the first call's time stays.
        const later = calledAt + 120_000 + Math.floor(r() * 900_000);
        push(calledAt + 60_000, { status: 'waiting', serviceId: pick(SERVICES), issuedServiceId: row.issuedServiceId ?? row.serviceId, counterId, transferCount: 1 });
        push(later, { status: 'called', calledAt: later, counterId: pick(COUNTERS), staffId: pick(STAFF) });
        push(later + 30_000, { status: 'serving', startedAt: later + 30_000 });
        push(later + 30_000 + Math.floor(r() * 1_800_000), { status: 'done', completedAt: (row.startedAt as number) + Math.floor(r() * 1_800_000) });
      } else if (next < 0.25) {
        push(calledAt + 20_000, { status: 'serving', startedAt: calledAt + 20_000 });
      } else {
        const started = calledAt + Math.floor(r() * 60_000);
        push(started, { status: 'serving', startedAt: started });
        push(started + 1000, { status: 'done', completedAt: started + Math.floor(r() * 2_700_000) });
      }
    }
    finalRows.set(row.id as string, row);
    if (row.status === 'done' && r() < 0.6) {
      ratings.push({ id: 0, ticketId: row.id as string, counterId: row.counterId as string, staffId: row.staffId as string, serviceId: row.serviceId as string, level: 1 + Math.floor(r() * 4), reasons: [], at: (row.completedAt as number) + 30_000 });
    }
  }
  changes.sort((a, b) => a.at - b.at);
  const commits = changes.map((c, i): UplinkCommit => ({ seq: i + 1, at: c.at, events: [{ type: 'ticket.changed', at: c.at, ticketId: c.row.id as string, counterId: null, staffId: null, data: {} }], tickets: [c.row] }));
  ratings.sort((a, b) => a.at - b.at).forEach((x, i) => (x.id = i + 1));
  return { commits, ratings, finalRows };
}

/** Sends a day in batches of random sizes, replaying and overlapping some, ratings along the way. */
async function push(credential: string, day: Day, seed: number): Promise<void> {
  const r = rng(seed);
  let next = 0;
  let ratingsSent = 0;
  while (next < day.commits.length) {
    const size = 1 + Math.floor(r() * 150);
    // A retried batch: from a little before what the hub has (the center did not get the last answer).
    const from = r() < 0.25 ? Math.max(0, next - Math.floor(r() * 40)) : next;
    const commits = day.commits.slice(from, from + size);
    const lastSeq = commits[commits.length - 1].seq;
    const ratings = day.ratings.filter((x) => (day.finalRows.get(x.ticketId)!.completedAt as number) <= commits[commits.length - 1].at).slice(Math.max(0, ratingsSent - 3));
    const res = await ingest(hub, credential, { commits, ratings });
    expect(res.statusCode).toBe(200);
    expect(res.json().lastSeq).toBe(Math.max(lastSeq, day.commits[next - 1]?.seq ?? 0));
    next = Math.max(next, from + commits.length);
    ratingsSent = Math.max(ratingsSent, ratings.length + Math.max(0, ratingsSent - 3));
  }
  const rest = await ingest(hub, credential, { ratings: day.ratings });
  expect(rest.statusCode).toBe(200);
  // Everything once more: nothing changes.
  expect((await ingest(hub, credential, { commits: day.commits, ratings: day.ratings })).statusCode).toBe(200);
}

/** The center report's figures over the final rows, computed directly with its own accumulators. */
function direct(days: Day[], counterKey: (center: number, id: string) => string) {
  const zone = zoneClock('Asia/Ho_Chi_Minh');
  const totals = new GroupAcc('all', 'Tất cả');
  const byService = new GroupMap((k) => new GroupAcc(k, k));
  const byCounter = new GroupMap((k) => new GroupAcc(k, k));
  const byStaff = new GroupMap((k) => new GroupAcc(k, k));
  const byHour = new GroupMap((k) => new GroupAcc(k, k));
  const byDay = new GroupMap((k) => new GroupAcc(k, k));
  const byCenter = new GroupMap((k) => new GroupAcc(k, k));
  const sat = new SatisfactionAcc('all', 'Tất cả');
  const satService = new GroupMap((k) => new SatisfactionAcc(k, k));
  days.forEach((day, ci) => {
    for (const t of day.finalRows.values()) {
      const groups = [totals, byService.get(t.serviceId as string), byHour.get(String(zone.hour(t.issuedAt as number))), byDay.get(t.businessDay as string), byCenter.get(String(ci))];
      if (t.counterId) groups.push(byCounter.get(counterKey(ci, t.counterId as string)));
      if (t.staffId) groups.push(byStaff.get(counterKey(ci, t.staffId as string)));
      for (const g of groups) {
        g.count(t.status as string);
        if (t.firstCalledAt !== null) g.addWait((t.firstCalledAt as number) - (t.issuedAt as number), null);
        if (t.status === 'done') g.service.push((t.completedAt as number) - (t.startedAt as number));
      }
    }
    for (const x of day.ratings) {
      sat.add(x.level);
      satService.get(x.serviceId!).add(x.level);
    }
  });
  return { totals, byService, byCounter, byStaff, byHour, byDay, byCenter, sat, satService };
}

/** Whole-second width of the histogram bucket holding `seconds`. */
const widthAt = (seconds: number) => {
  const b = bucketOf(seconds);
  return b + 1 < BUCKET_EDGES.length ? BUCKET_EDGES[b + 1] - BUCKET_EDGES[b] : Infinity;
};

function expectGroup(actual: ReportGroup | undefined, expected: GroupAcc, exactMax: boolean) {
  expect(actual, expected.key).toBeDefined();
  const e = expected.result();
  const a = actual!;
  expect({ issued: a.issued, served: a.served, noShow: a.noShow, cancelled: a.cancelled, open: a.open }, e.key).toEqual({ issued: e.issued, served: e.served, noShow: e.noShow, cancelled: e.cancelled, open: e.open });
  for (const kind of ['wait', 'service'] as const) {
    expect(a[kind].count, `${e.key} ${kind} count`).toBe(e[kind].count);
    expect(a[kind].mean, `${e.key} ${kind} mean`).toBe(e[kind].mean);
    if (e[kind].count === 0) continue;
    if (exactMax) expect(a[kind].max, `${e.key} ${kind} max`).toBe(e[kind].max);
    else expect(a[kind].max!, `${e.key} ${kind} max`).toBeGreaterThanOrEqual(e[kind].max!);
    for (const p of ['median', 'p90'] as const) {
      const want = e[kind][p]!;
      expect(Math.abs(a[kind][p]! - want), `${e.key} ${kind} ${p}: ${a[kind][p]} vs ${want}`).toBeLessThanOrEqual(Math.max(widthAt(Math.floor(want)), widthAt(Math.ceil(want))) + 1);
    }
  }
}

describe('rollups and the province summary', () => {
  const days = [simulate(11, 'c0', 700), simulate(22, 'c1', 500)];
  const ids: string[] = [];
  let director: string;

  beforeAll(async () => {
    for (const [i, day] of days.entries()) {
      const c = await enrolCenter(hub, `R${i}`);
      ids.push(c.id);
      await push(c.credential, day, 100 + i);
    }
    director = await login(hub.app, 'director', 'demo-pass');
  }, 120_000);

  it('stored every commit exactly once and each ticket as its last commit left it', async () => {
    for (const [i, day] of days.entries()) {
      const n = await hub.db.query<{ n: number; max: number }>('SELECT count(*) AS n, max(seq) AS max FROM center_commits WHERE center_id = $1', [ids[i]]);
      expect(n.rows[0]).toEqual({ n: day.commits.length, max: day.commits.length });
      const rows = await hub.db.query<{ ticket_id: string; row: Record<string, unknown> }>('SELECT ticket_id, row FROM center_tickets WHERE center_id = $1', [ids[i]]);
      expect(new Map(rows.rows.map((x) => [x.ticket_id, x.row]))).toEqual(day.finalRows);
      const ratings = await hub.db.query<{ n: number }>('SELECT count(*) AS n FROM center_ratings WHERE center_id = $1', [ids[i]]);
      expect(ratings.rows[0].n).toBe(day.ratings.length);
    }
  });

  it('the province summary equals the direct computation, group by group', async () => {
    const res = await hub.app.inject({ method: 'GET', url: '/api/hub/reports/summary?from=2026-03-10&to=2026-03-11', headers: { cookie: director } });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const want = direct(days, (ci, id) => `${ids[ci]}/${id}`);
    expectGroup(s.totals, want.totals, true);
    const find = (list: ReportGroup[], key: string) => list.find((g) => g.key === key);
    for (const g of want.byService.values()) expectGroup(find(s.byService, g.key), g, false);
    for (const g of want.byCounter.values()) expectGroup(find(s.byCounter, g.key), g, false);
    for (const g of want.byStaff.values()) expectGroup(find(s.byStaff, g.key), g, false);
    for (const g of want.byHour.values()) expectGroup(find(s.byHour, g.key), g, false);
    for (const g of want.byDay.values()) expectGroup(find(s.byDay, g.key), g, false);
    expect(s.byService).toHaveLength(want.byService.values().length);
    expect(s.byCounter).toHaveLength(want.byCounter.values().length);
    expect(s.byHour.map((g: ReportGroup) => Number(g.key))).toEqual([...s.byHour.map((g: ReportGroup) => Number(g.key))].sort((a, b) => a - b));

    expect(s.byCenter).toHaveLength(2);
    for (const [i] of days.entries()) {
      const c = s.byCenter.find((x: { centerId: string }) => x.centerId === ids[i]);
      expectGroup(c, want.byCenter.get(String(i)), true);
      expect(c).toMatchObject({ code: `R${i}`, meanWaitSeconds: want.byCenter.get(String(i)).result().wait.mean, noShow: want.byCenter.get(String(i)).noShow });
    }
    expect(s.satisfaction.totals).toEqual(want.sat.result());
    for (const g of want.satService.values()) expect(s.satisfaction.byService.find((x: { key: string }) => x.key === g.key)).toEqual(g.result());
  });

  it('one center, one day: only its figures, counters by their own ids', async () => {
    const res = await hub.app.inject({ method: 'GET', url: `/api/hub/reports/summary?from=2026-03-11&to=2026-03-11&centerId=${ids[1]}`, headers: { cookie: director } });
    expect(res.statusCode).toBe(200);
    const s = res.json();
    const only = { ...days[1], finalRows: new Map([...days[1].finalRows].filter(([, t]) => t.businessDay === '2026-03-11')), ratings: days[1].ratings.filter((x) => days[1].finalRows.get(x.ticketId)!.businessDay === '2026-03-11') };
    const want = direct([only], (_ci, id) => id);
    expectGroup(s.totals, want.totals, true);
    for (const g of want.byCounter.values()) expectGroup(s.byCounter.find((x: ReportGroup) => x.key === g.key), g, false);
    expect(s.byDay.map((g: ReportGroup) => g.key)).toEqual(['2026-03-11']);
    expect(s.byCenter.map((c: { centerId: string }) => c.centerId)).toEqual([ids[1]]);
    expect(s.satisfaction.totals).toEqual(want.sat.result());
  });

  it('the daily layer kept at ingest equals the hourly cross-tab summed by day and grouping; its histograms hold every sample', async () => {
    const scalars = [...SCALAR_COLUMNS].map((c) => `sum(${c})::bigint AS ${c}`).concat(MAX_COLUMNS.map((c) => `max(${c})::bigint AS ${c}`));
    const fromHourly = HOURLY_SOURCES
      .map(([dim, key, where]) => `SELECT center_id, business_day, '${dim}' AS dim, ${key} AS key, ${scalars.join(', ')} FROM rollup_hourly ${where} GROUP BY center_id, business_day, 4`)
      .join(' UNION ALL ');
    const order = 'ORDER BY center_id, business_day, dim, key';
    const kept = (await hub.db.query(`SELECT center_id, business_day, dim, key, ${[...SCALAR_COLUMNS, ...MAX_COLUMNS].map((c) => `${c}::bigint`).join(', ')} FROM rollup_daily ${order}`)).rows;
    expect(kept.length).toBeGreaterThan(50);
    expect((await hub.db.query(`SELECT * FROM (${fromHourly}) x ${order}`)).rows).toEqual(kept);
    const unequal = await hub.db.query(
      `SELECT dim, key FROM rollup_daily WHERE ${WAIT_COLUMNS.join(' + ')} <> wait_count OR ${SERVICE_COLUMNS.join(' + ')} <> service_count`,
    );
    expect(unequal.rows).toEqual([]);
    expect((await hub.db.query<{ n: string }>(`SELECT sum(${WAIT_COLUMNS.join(' + ')})::text AS n FROM rollup_daily WHERE dim = 'total'`)).rows[0].n).not.toBe('0');
  });

  it('a period with nothing in it answers zeros; bad dates and unknown centers get translated 4xx', async () => {
    const empty = (await hub.app.inject({ method: 'GET', url: '/api/hub/reports/summary?from=2025-01-01&to=2025-01-31', headers: { cookie: director } })).json();
    expect(empty.totals).toMatchObject({ issued: 0, wait: { count: 0, mean: null } });
    expect(empty.byCenter).toEqual([]);
    const bad = await hub.app.inject({ method: 'GET', url: '/api/hub/reports/summary?from=2026-02-30&to=2026-03-01', headers: { cookie: director } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('INVALID_DATE');
    const inverted = await hub.app.inject({ method: 'GET', url: '/api/hub/reports/summary?from=2026-03-11&to=2026-03-10', headers: { cookie: director } });
    expect(inverted.json().code).toBe('DATE_RANGE_INVERTED');
    const unknown = await hub.app.inject({ method: 'GET', url: '/api/hub/reports/summary?from=2026-03-10&centerId=ctr-nope', headers: { cookie: director } });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('CENTER_NOT_FOUND');
    const anonymous = await hub.app.inject({ method: 'GET', url: '/api/hub/reports/summary?from=2026-03-10' });
    expect(anonymous.statusCode).toBe(401);
  });
});
