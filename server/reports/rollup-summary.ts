/**
 * The summary of a long period from the per-day rollups (server/reports/rollups.ts): fresh closed days are read
 * from their rollup rows, every other day of the period (today, a day not rolled up yet or stale) is folded from its
 * tickets by the very same code that builds a rollup, and both feed one set of histogram groups. Counts, means,
 * maxima and SLA shares equal the ticket-by-ticket summary; medians and p90 are read from the histograms, exact to
 * within a bucket, with the hub's rule (histogramPercentile).
 */
import type { DurationStats, ReportGroup } from '../../protocol/reports';
import type { Db } from '../store/db';
import { BUCKETS, histogramPercentile, type RollupDelta } from '../../hub/ingest/rollup';
import { GroupMap, SatisfactionAcc } from './aggregate';
import { displayDay } from './zone';
import { assembleSummary } from './assemble';
import type { Labels } from './labels';
import { addRatings, decodeHist, daysBetween, DayRollup, freshDays, ratingsSeen, rollupStatements } from './rollups';
import type { FullSummary, SummaryInput } from './summary';

const tenth = (x: number) => Math.round(x * 10) / 10;

class Durations {
  count = 0;
  sum = 0;
  max = 0;
  readonly hist = new Array<number>(BUCKETS).fill(0);

  add(count: number, sum: number, max: number): void {
    this.count += count;
    this.sum += sum;
    if (max > this.max) this.max = max;
  }

  stats(): DurationStats {
    if (this.count <= 0) return { count: 0, mean: null, median: null, p90: null, max: null };
    const median = histogramPercentile(this.hist, 0.5, this.max);
    const p90 = histogramPercentile(this.hist, 0.9, this.max);
    return { count: this.count, mean: tenth(this.sum / this.count), median: median === null ? null : tenth(median), p90: p90 === null ? null : tenth(p90), max: this.max };
  }
}

class HistGroup {
  issued = 0;
  served = 0;
  noShow = 0;
  cancelled = 0;
  open = 0;
  readonly wait = new Durations();
  readonly service = new Durations();
  slaCalled = 0;
  slaMet = 0;

  constructor(
    readonly key: string,
    readonly label: string,
  ) {}

  result(): ReportGroup {
    return {
      key: this.key,
      label: this.label,
      issued: this.issued,
      served: this.served,
      noShow: this.noShow,
      cancelled: this.cancelled,
      open: this.open,
      wait: this.wait.stats(),
      service: this.service.stats(),
      slaShare: this.slaCalled === 0 ? null : this.slaMet / this.slaCalled,
    };
  }
}

type StoredRow = [string, string, string, string, number, number, number, number, number, number, number, number, number, Uint8Array, number, number, number, Uint8Array, number, number];

export interface RollupSummarizer {
  /** Ticket rows of the days computed live (iterate in slices). */
  rows: Iterable<unknown>;
  add(row: unknown): void;
  finish(): FullSummary;
}

/** Null when no day of the period has a fresh rollup: the ticket-by-ticket summary answers then. */
export function rollupSummarizer(db: Db, input: SummaryInput, labels: Labels): RollupSummarizer | null {
  const { centerId, range, filters, timeZone } = input;
  const fresh = freshDays(db, centerId, range.from, range.to, timeZone, labels);
  if (fresh.size === 0) return null;
  const freshList = JSON.stringify([...fresh.keys()]);
  const liveList = JSON.stringify(daysBetween(range.from, range.to).filter((d) => !fresh.has(d)));

  const filter = (alias: string, stored: boolean) => {
    const where: string[] = [];
    const params: string[] = [];
    const col = (c: string) => (stored ? c : `${alias}.${c}`);
    if (filters.serviceId) (where.push(`${col('service_id')} = ?`), params.push(filters.serviceId));
    if (filters.counterId) (where.push(`${col('counter_id')} = ?`), params.push(filters.counterId));
    if (filters.staffId) (where.push(`${col('staff_id')} = ?`), params.push(filters.staffId));
    return { where: where.map((w) => ` AND ${w}`).join(''), params };
  };

  const totals = new HistGroup('all', 'Tất cả');
  const byService = new GroupMap((k) => new HistGroup(k, labels.service(k)));
  const byCounter = new GroupMap((k) => new HistGroup(k, labels.counter(k)));
  const byStaff = new GroupMap((k) => new HistGroup(k, labels.staff(k)));
  const byHour: (HistGroup | undefined)[] = [];
  const hourGroup = (h: number) => (byHour[h] ??= new HistGroup(String(h), `${String(h).padStart(2, '0')}:00`));
  const byDay = new GroupMap((k) => new HistGroup(k, displayDay(k)));
  const groups: HistGroup[] = [];
  const groupsOf = (day: string, service: string, counter: string, staff: string, hour: number) => {
    groups.length = 0;
    groups.push(totals, byService.get(service), hourGroup(hour), byDay.get(day));
    if (counter !== '') groups.push(byCounter.get(counter));
    if (staff !== '') groups.push(byStaff.get(staff));
    return groups;
  };

  // Stored rows of the fresh days: by grouping when nothing is filtered, else the fine rows.
  const sf = filter('', true);
  const unfiltered = sf.params.length === 0;
  if (unfiltered) {
    const dims = db.prepare('SELECT business_day, dim, key, v FROM report_rollup_dims WHERE center_id = ? AND business_day BETWEEN ? AND ?').raw(true);
    for (const [day, dim, key, text] of dims.iterate(centerId, range.from, range.to) as IterableIterator<[string, string, string, string]>) {
      if (!fresh.has(day)) continue;
      const v = JSON.parse(text) as number[];
      groups.length = 0;
      if (dim === 'total') groups.push(totals, byDay.get(day));
      else if (dim === 'service') groups.push(byService.get(key));
      else if (dim === 'counter') groups.push(byCounter.get(key));
      else if (dim === 'staff') groups.push(byStaff.get(key));
      else if (dim === 'hour') groups.push(hourGroup(Number(key)));
      for (const g of groups) {
        g.issued += v[0];
        g.served += v[2];
        g.noShow += v[3];
        g.cancelled += v[4];
        g.open += v[5];
        g.wait.add(v[6], v[7], v[16]);
        g.service.add(v[8], v[9], v[17]);
        g.slaCalled += v[10];
        g.slaMet += v[11];
        for (let i = 0; i < BUCKETS; i++) {
          g.wait.hist[i] += v[18 + i];
          g.service.hist[i] += v[18 + BUCKETS + i];
        }
      }
    }
  }
  const stored = db
    .prepare(
      `SELECT business_day, service_id, counter_id, staff_id, hour, issued, served, no_show, cancelled, open, wait_count, wait_sum, wait_max, wait_hist,
              service_count, service_sum, service_max, service_hist, sla_called, sla_met
       FROM report_rollups WHERE center_id = ? AND business_day BETWEEN ? AND ?${sf.where}`,
    )
    .raw(true);
  const wbuf: number[] = [];
  const sbuf: number[] = [];
  for (const r of (unfiltered ? [] : stored.iterate(centerId, range.from, range.to, ...sf.params)) as Iterable<StoredRow>) {
    const [day, service, counter, staff, hour, issued, served, noShow, cancelled, open, wc, ws, wm, wh, sc, ss, sm, sh, slaCalled, slaMet] = r;
    if (!fresh.has(day)) continue;
    const wn = decodeHist(wh, wbuf);
    const sn = decodeHist(sh, sbuf);
    for (const g of groupsOf(day, service, counter, staff, hour)) {
      g.issued += issued;
      g.served += served;
      g.noShow += noShow;
      g.cancelled += cancelled;
      g.open += open;
      g.wait.add(wc, ws, wm);
      for (let i = 0; i < wn; i += 2) g.wait.hist[wbuf[i]] += wbuf[i + 1];
      g.service.add(sc, ss, sm);
      for (let i = 0; i < sn; i += 2) g.service.hist[sbuf[i]] += sbuf[i + 1];
      g.slaCalled += slaCalled;
      g.slaMet += slaMet;
    }
  }

  // Ratings of the fresh days, and those that came in after a day's build.
  const satTotals = new SatisfactionAcc('all', 'Tất cả');
  const satStaff = new GroupMap((k) => new SatisfactionAcc(k, labels.staff(k)));
  const satService = new GroupMap((k) => new SatisfactionAcc(k, labels.service(k)));
  const reasons = new Map<string, number>();
  const rating = (service: string | null, staff: string | null, level: number, n: number) => {
    satTotals.add(level, n);
    if (service) satService.get(service).add(level, n);
    if (staff) satStaff.get(staff).add(level, n);
  };
  const reason = (id: string, n: number) => reasons.set(id, (reasons.get(id) ?? 0) + n);
  for (const [s, f, level, n] of db
    .prepare(`SELECT service_id, staff_id, level, SUM(n) FROM report_rollup_ratings WHERE center_id = ? AND business_day IN (SELECT value FROM json_each(?))${sf.where} GROUP BY 1, 2, 3`)
    .raw(true)
    .all(centerId, freshList, ...sf.params) as [string, string, number, number][])
    rating(s, f, level, n);
  for (const [id, n] of db
    .prepare(`SELECT reason, SUM(n) FROM report_rollup_reasons WHERE center_id = ? AND business_day IN (SELECT value FROM json_each(?))${sf.where} GROUP BY 1`)
    .raw(true)
    .all(centerId, freshList, ...sf.params) as [string, number][])
    reason(id, n);
  const rf = filter('r', false);
  const late = `FROM ratings r JOIN report_rollup_days d ON d.center_id = r.center_id AND d.business_day = r.business_day
    WHERE r.id > ? AND +r.center_id = ? AND +r.business_day IN (SELECT value FROM json_each(?)) AND r.id > d.ratings_through${rf.where}`;
  const seen = ratingsSeen(db, centerId);
  for (const [s, f, level, n] of db.prepare(`SELECT r.service_id, r.staff_id, r.level, COUNT(*) ${late} GROUP BY 1, 2, 3`).raw(true).all(seen, centerId, freshList, ...rf.params) as [string | null, string | null, number, number][]) rating(s, f, level, n);
  for (const [id, n] of db
    .prepare(`SELECT j.value, COUNT(*) ${late.replace('FROM ratings r', "FROM ratings r, json_each(CASE WHEN json_valid(r.reasons) THEN r.reasons ELSE '[]' END) j")} AND j.type = 'text' GROUP BY 1`)
    .raw(true)
    .all(seen, centerId, freshList, ...rf.params) as [string, number][])
    reason(id, n);

  // The other days, from their tickets and ratings, by the code that builds a rollup.
  const live = new DayRollup(timeZone, labels);
  const tf = filter('t', false);
  const st = rollupStatements(db, tf.where, rf.where);
  addRatings(live, st, [centerId, liveList, ...rf.params]);
  for (const [key, levels] of live.ratings) {
    const [, s, , f] = key.split('\u0000');
    for (let level = 1; level <= 4; level++) if (levels[level] > 0) rating(s || null, f || null, level, levels[level]);
  }
  for (const [key, n] of live.reasons) reason(key.split('\u0000')[4], n);

  const finish = (): FullSummary => {
    for (const d of live.deltas.map.values() as IterableIterator<RollupDelta>) {
      for (const g of groupsOf(d.day, d.service, d.counter, d.staff, d.hour)) {
        g.issued += d.issued;
        g.served += d.served;
        g.noShow += d.no_show;
        g.cancelled += d.cancelled;
        g.open += d.open;
        g.wait.add(d.wait_count, d.wait_sum, d.wait_max);
        g.service.add(d.service_count, d.service_sum, d.service_max);
        for (const [i, n] of d.wh) g.wait.hist[i] += n;
        for (const [i, n] of d.sh) g.service.hist[i] += n;
        g.slaCalled += d.sla_called;
        g.slaMet += d.sla_met;
      }
    }
    return assembleSummary(
      {
        ...input,
        totals,
        byService: byService.values(),
        byCounter: byCounter.values(),
        byStaff: byStaff.values(),
        byHour,
        byDay: byDay.values(),
        satisfaction: { totals: satTotals, byStaff: satStaff.values(), byService: satService.values() },
        reasons,
      },
      labels,
    );
  };

  return {
    rows: st.tickets.iterate(centerId, liveList, ...tf.params) as Iterable<unknown>,
    add: (row) => live.addTicket(row as Parameters<DayRollup['addTicket']>[0]),
    finish,
  };
}
