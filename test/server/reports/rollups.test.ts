/**
 * The summary from per-day rollups gives the ticket-by-ticket summary's figures: counts, means, maxima and SLA
 * shares exactly, medians and p90 within one histogram bucket. Days are worked through the real queue writer
 * (arrivals, calls, service, no-shows, transfers, requeues, cancellations, ratings, tickets left open at day end and
 * cancelled by the roll-over), rolled up by the maintainer, and compared with and without rollups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportGroup, SatisfactionGroup } from '../../../protocol/reports';
import type { Actor } from '../../../server/queue/commands';
import { createTestApp, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { BUCKET_EDGES, bucketOf } from '../../../hub/ingest/rollup';
import { addDays } from '../../../server/queue/calendar';
import { parseRange } from '../../../server/reports/dates';
import { addRating } from '../../../server/reports/ratings-store';
import { buildDay, buildPendingDays, freshDays } from '../../../server/reports/rollups';
import { loadLabels } from '../../../server/reports/labels';
import { buildSummary, type FullSummary, type SummaryInput } from '../../../server/reports/summary';
import { insertRating, local } from './fixtures';

const TZ = 'Asia/Ho_Chi_Minh';
const FIRST = '2026-11-23';
const DAYS = 6;
const KIOSK: Actor = { staffId: null, role: 'public' };
const STAFF: Actor[] = [
  { staffId: 'stf-staff1', role: 'staff' },
  { staffId: 'stf-staff2', role: 'staff' },
  { staffId: 'stf-staff3', role: 'staff' },
];
const REASONS = [['staff-helpful'], ['long-wait', 'unclear-guidance'], [], ['fast-service']];

let t: TestApp;
const clock = new FakeClock(local(FIRST, '07:45:00'));
const days: string[] = [];

/** A seeded day through the queue writer; what counters still hold at the end stays open until the roll-over. */
function workTheDay(seed: number, steps: number) {
  let s = seed;
  const r = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const q = t.app.queue;
  const c = q.defaultCenterId;
  const services = ['svc-hotich', 'svc-chungthuc', 'svc-datdai', 'svc-cutru'];
  const counters = ['ctr-1', 'ctr-2', 'ctr-3'];
  const held = new Map<string, { id: string; started: boolean }>();
  const tryDo = (fn: () => unknown) => {
    try {
      fn();
    } catch {
      // A refusal (empty queue, busy counter) changes nothing: the day goes on.
    }
  };
  for (let step = 0; step < steps; step++) {
    clock.advance(Math.floor(r() * 60_000));
    const x = r();
    if (x < 0.3) {
      tryDo(() => q.execute(c, { type: 'issue', serviceId: services[Math.floor(r() * services.length)] }, KIOSK));
      continue;
    }
    const i = Math.floor(r() * counters.length);
    const counterId = counters[i];
    const actor = STAFF[i];
    const h = held.get(counterId);
    if (!h) {
      if (r() < 0.5) {
        tryDo(() => {
          const tk = q.execute(c, { type: 'call-next', counterId }, actor).ticket;
          if (tk) held.set(counterId, { id: tk.id, started: false });
        });
      }
      continue;
    }
    const y = r();
    if (!h.started) {
      if (y < 0.6) tryDo(() => (q.execute(c, { type: 'start', counterId, ticketId: h.id }, actor), (h.started = true)));
      else if (y < 0.7) tryDo(() => (q.execute(c, { type: 'no-show', counterId, ticketId: h.id }, actor), held.delete(counterId)));
      else if (y < 0.8) tryDo(() => (q.execute(c, { type: 'transfer', counterId, ticketId: h.id, toServiceId: services[Math.floor(r() * services.length)] }, actor), held.delete(counterId)));
      else if (y < 0.85) tryDo(() => (q.execute(c, { type: 'requeue', counterId, ticketId: h.id }, actor), held.delete(counterId)));
      else tryDo(() => q.execute(c, { type: 'recall', counterId, ticketId: h.id }, actor));
    } else if (y < 0.4) {
      tryDo(() => {
        q.execute(c, { type: 'complete', counterId, ticketId: h.id }, actor);
        held.delete(counterId);
        if (r() < 0.4) addRating(t.app.db, { ticketId: h.id, counterId, level: (1 + Math.floor(r() * 4)) as 1 | 2 | 3 | 4, reasons: REASONS[Math.floor(r() * REASONS.length)], now: clock.now() + 10_000 });
      });
    }
    if (r() < 0.02) {
      const waiting = [...q.state(c).active.values()].find((tk) => tk.status === 'waiting');
      if (waiting) tryDo(() => q.execute(c, { type: 'cancel', ticketId: waiting.id }, KIOSK));
    }
  }
}

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DB_SYNCHRONOUS: 'NORMAL' } });
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(FIRST, d);
    days.push(day);
    clock.ms = local(day, '07:45:00');
    t.app.queue.state(); // the roll-over of the day before (its open tickets cancelled)
    workTheDay(1000 + d, 500);
  }
  // Today stays open: some tickets waiting, called or in service.
  await t.app.reportRollups.idle();
}, 120_000);
afterAll(() => t.destroy());

const widthAt = (seconds: number) => {
  const b = bucketOf(Math.floor(seconds));
  return b + 1 < BUCKET_EDGES.length ? BUCKET_EDGES[b + 1] - BUCKET_EDGES[b] : Infinity;
};

function sameGroup(a: ReportGroup | undefined, e: ReportGroup, what: string) {
  expect(a, what).toBeDefined();
  const { wait: aw, service: as, ...ar } = a!;
  const { wait: ew, service: es, ...er } = e;
  expect(ar, what).toEqual(er);
  for (const [x, y, kind] of [[aw, ew, 'wait'], [as, es, 'service']] as const) {
    expect({ count: x.count, mean: x.mean, max: x.max }, `${what} ${kind}`).toEqual({ count: y.count, mean: y.mean, max: y.max });
    if (y.count === 0) continue;
    for (const p of ['median', 'p90'] as const) expect(Math.abs(x[p]! - y[p]!), `${what} ${kind} ${p}: ${x[p]} vs ${y[p]}`).toBeLessThanOrEqual(widthAt(y[p]!) + 1);
  }
}

function sameSummary(a: FullSummary, e: FullSummary) {
  sameGroup(a.totals, e.totals, 'totals');
  for (const k of ['byService', 'byCounter', 'byStaff', 'byHour', 'byDay'] as const) {
    expect(a[k].map((g) => g.key), k).toEqual(e[k].map((g) => g.key));
    e[k].forEach((g, i) => sameGroup(a[k][i], g, `${k} ${g.key}`));
  }
  const sat = (s: FullSummary) => s.satisfaction as { totals: SatisfactionGroup; byStaff: SatisfactionGroup[]; byService: SatisfactionGroup[] };
  expect(a.satisfaction, 'satisfaction').toEqual(e.satisfaction);
  expect(sat(a).totals.total).toBe(sat(e).totals.total);
  expect(a.reasonDetails).toEqual(e.reasonDetails);
  expect(a.filters).toEqual(e.filters);
}

const input = (from: string, to: string, extra: Partial<SummaryInput> = {}): SummaryInput => ({ centerId: 'demo', timeZone: TZ, range: parseRange(from, to, to, TZ), filters: {}, now: 0, ...extra });
const both = (i: SummaryInput) => ({ rolled: buildSummary(t.app.db, { ...i, rollups: 'on' }), exact: buildSummary(t.app.db, { ...i, rollups: 'off' }) });
const today = () => days[days.length - 1];
const dump = () => ['report_rollups', 'report_rollup_ratings', 'report_rollup_reasons'].map((tb) => t.app.db.prepare(`SELECT * FROM ${tb} ORDER BY 1, 2, 3, 4, 5, 6`).raw(true).all());

describe('summary rollups', () => {
  it('rolls up every closed day, and only those', () => {
    const fresh = freshDays(t.app.db, 'demo', FIRST, today(), TZ, loadLabels(t.app.db, 'demo'));
    expect([...fresh.keys()].sort()).toEqual(days.slice(0, -1));
    const open = t.app.db.prepare("SELECT COUNT(*) FROM tickets WHERE business_day = ? AND status IN ('waiting', 'called', 'serving')").pluck().get(today()) as number;
    expect(open).toBeGreaterThan(0);
    const cancelledAtRoll = t.app.db.prepare("SELECT COUNT(*) FROM ticket_events WHERE type = 'ticket.cancelled' AND data LIKE '%day-end%'").pluck().get() as number;
    expect(cancelledAtRoll).toBeGreaterThan(0);
    const transferred = t.app.db.prepare('SELECT COUNT(*) FROM tickets WHERE service_id <> issued_service_id').pluck().get() as number;
    expect(transferred).toBeGreaterThan(0);
  });

  it('gives the same figures as the ticket-by-ticket summary: closed days, today live, and filters', () => {
    const whole = both(input(FIRST, today()));
    expect(whole.exact.totals.issued).toBeGreaterThan(300);
    expect(whole.exact.totals.noShow).toBeGreaterThan(0);
    expect(whole.exact.totals.cancelled).toBeGreaterThan(0);
    expect(whole.exact.totals.open).toBeGreaterThan(0);
    expect(whole.exact.satisfaction.totals.total).toBeGreaterThan(20);
    sameSummary(whole.rolled, whole.exact);
    sameSummary(both(input(FIRST, days[2])).rolled, both(input(FIRST, days[2])).exact);
    for (const filters of [{ serviceId: 'svc-chungthuc' }, { counterId: 'ctr-2' }, { staffId: 'stf-staff3' }, { serviceId: 'svc-hotich', counterId: 'ctr-1' }]) {
      const b = both(input(FIRST, today(), { filters }));
      sameSummary(b.rolled, b.exact);
    }
  });

  it('uses rollups by itself for a period over a month', () => {
    const long = input(addDays(FIRST, -40), today());
    const auto = buildSummary(t.app.db, long);
    expect(auto).toEqual(buildSummary(t.app.db, { ...long, rollups: 'on' }));
    sameSummary(auto, buildSummary(t.app.db, { ...long, rollups: 'off' }));
  });

  it('rebuilds a day to the same rows', () => {
    const before = dump();
    for (const d of days.slice(0, -1)) buildDay(t.app.db, 'demo', d, TZ, clock.now());
    expect(dump()).toEqual(before);
    expect(buildPendingDays(t.app.db, 'demo', TZ, clock.now())).toBe(0);
  });

  it('counts a rating given after its day was rolled up, then folds it in', () => {
    const ticket = t.app.db.prepare("SELECT id FROM tickets t WHERE business_day = ? AND status = 'done' AND NOT EXISTS (SELECT 1 FROM ratings r WHERE r.ticket_id = t.id) LIMIT 1").pluck().get(days[1]) as string;
    insertRating(t.app.db, ticket, 1, ['long-wait']);
    const b = both(input(FIRST, today()));
    sameSummary(b.rolled, b.exact);
    expect(buildPendingDays(t.app.db, 'demo', TZ, clock.now())).toBe(1);
    sameSummary(buildSummary(t.app.db, { ...input(FIRST, today()), rollups: 'on' }), b.exact);
  });

  it('computes a day from its tickets while its rollup is stale (a changed target wait), until it is rebuilt', () => {
    t.app.db.prepare("UPDATE services SET target_wait_minutes = target_wait_minutes + 7 WHERE id = 'svc-chungthuc'").run();
    const fresh = freshDays(t.app.db, 'demo', FIRST, today(), TZ, loadLabels(t.app.db, 'demo'));
    expect(fresh.size).toBeLessThan(days.length - 1);
    const b = both(input(FIRST, today()));
    sameSummary(b.rolled, b.exact);
    expect(buildPendingDays(t.app.db, 'demo', TZ, clock.now())).toBeGreaterThan(0);
    expect(freshDays(t.app.db, 'demo', FIRST, today(), TZ, loadLabels(t.app.db, 'demo')).size).toBe(days.length - 1);
    sameSummary(buildSummary(t.app.db, { ...input(FIRST, today()), rollups: 'on' }), b.exact);
  });

  it('answers the route from rollups for a long period', async () => {
    const { loginCookie } = await import('../../helpers/app');
    const cookie = await loginCookie(t.app, 'director');
    const res = await t.app.inject({ method: 'GET', url: `/api/reports/summary?from=${addDays(FIRST, -60)}&to=${today()}`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    sameSummary(res.json() as FullSummary, { ...buildSummary(t.app.db, { ...input(addDays(FIRST, -60), today()), rollups: 'off' }) });
  });
});
