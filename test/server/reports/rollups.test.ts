/**
 * The summary from per-day rollups gives the ticket-by-ticket summary's figures: counts, means, maxima and SLA
 * shares exactly, medians and p90 within one histogram bucket. Days are worked through the real queue writer
 * (arrivals, calls, service, no-shows, transfers, requeues, cancellations, ratings, tickets left open at day end and
 * cancelled by the roll-over), rolled up by the maintainer, and compared with and without rollups.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportGroup, SatisfactionGroup } from '../../../protocol/reports';
import { createTestApp, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { bucketWidthAt, workBusyDay } from '../../helpers/busy-day';
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
const REASONS = [['staff-helpful'], ['long-wait', 'unclear-guidance'], [], ['fast-service']];

let t: TestApp;
const clock = new FakeClock(local(FIRST, '07:45:00'));
const days: string[] = [];

beforeAll(async () => {
  t = await createTestApp({ clock, env: { DB_SYNCHRONOUS: 'NORMAL' } });
  for (let d = 0; d < DAYS; d++) {
    const day = addDays(FIRST, d);
    days.push(day);
    clock.ms = local(day, '07:45:00');
    t.app.queue.state(); // the roll-over of the day before (its open tickets cancelled)
    workBusyDay(t.app, clock, {
      seed: 1000 + d,
      steps: 500,
      maxGapMs: 60_000,
      completed: (ticketId, counterId, r) => {
        if (r() < 0.4) addRating(t.app.db, { ticketId, counterId, level: (1 + Math.floor(r() * 4)) as 1 | 2 | 3 | 4, reasons: REASONS[Math.floor(r() * REASONS.length)], now: clock.now() + 10_000 });
      },
    });
  }
  // Today stays open: some tickets waiting, called or in service.
  await t.app.reportRollups.idle();
}, 120_000);
afterAll(() => t.destroy());

function sameGroup(a: ReportGroup | undefined, e: ReportGroup, what: string) {
  expect(a, what).toBeDefined();
  const { wait: aw, service: as, ...ar } = a!;
  const { wait: ew, service: es, ...er } = e;
  expect(ar, what).toEqual(er);
  for (const [x, y, kind] of [[aw, ew, 'wait'], [as, es, 'service']] as const) {
    expect({ count: x.count, mean: x.mean, max: x.max }, `${what} ${kind}`).toEqual({ count: y.count, mean: y.mean, max: y.max });
    if (y.count === 0) continue;
    for (const p of ['median', 'p90'] as const) expect(Math.abs(x[p]! - y[p]!), `${what} ${kind} ${p}: ${x[p]} vs ${y[p]}`).toBeLessThanOrEqual(bucketWidthAt(y[p]!) + 1);
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
