/**
 * The director's summary for a period. One indexed scan of the period's tickets feeds every
 * grouping in a single pass (percentiles need the samples, so SQL aggregates would not save
 * the scan); satisfaction is counted in SQL from the ratings table alone.
 *
 * Definitions: wait = first call − issue (tickets that were called, no-shows included);
 * service = completion − start (served tickets); groups by service use the service that
 * finally handled the ticket, while the SLA target is that of the service the citizen queued
 * for (issued service), since the wait was spent in that queue. Tickets never called have no
 * counter or staff and appear only in totals, service, hour and day groups.
 */
import type { ReportSummary, ReportSummaryExtras } from '../../protocol/reports';
import type { Db } from '../store/db';
import type { ReportRange } from './dates';
import { GroupAcc, GroupMap, SatisfactionAcc } from './aggregate';
import { loadLabels, type Labels } from './labels';
import { ticketQuery, type ReportFilters } from './query';
import { assembleSummary } from './assemble';
import { rollupSummarizer } from './rollup-summary';
import { displayDay, zoneClock } from './zone';

export interface SummaryInput {
  centerId: string;
  timeZone: string;
  range: ReportRange;
  filters: ReportFilters;
  now: number;
  /**
   * Per-day rollups (server/reports/rollups.ts) for the period's closed days: 'auto' (default) for periods longer
   * than ROLLUP_MIN_DAYS, 'on' whatever the length, 'off' never. With them, medians and p90 come from histograms
   * (exact to within a bucket); without, they are exact like Excel's.
   */
  rollups?: 'auto' | 'on' | 'off';
}

/** A period up to a month stays exact ticket by ticket (its tickets.csv recomputes in Excel); longer ones use rollups. */
export const ROLLUP_MIN_DAYS = 32;

export type FullSummary = ReportSummary & ReportSummaryExtras;

type Row = [string, number, string, string, string | null, string | null, string, number | null, number | null];

/** Rows summed between two yields to the event loop: a year's summary must not stall a kiosk for seconds. */
const ROWS_PER_SLICE = 5_000;
const running = new WeakMap<Db, Promise<unknown>>();

/** All at once, in one read transaction (tests, benches, in-memory databases). */
export function buildSummary(db: Db, input: SummaryInput): FullSummary {
  // One read transaction: every figure comes from the same snapshot even while tickets are being served.
  return db.transaction(() => {
    const s = summarizer(db, input);
    for (const row of s.rows) s.add(row);
    return s.finish();
  })();
}

/**
 * For request handlers, on a read-only connection of its own: the scan runs in slices inside one
 * read transaction and gives the event loop back between slices. Summaries on one connection run
 * one after another, since an open iterator keeps a connection busy. On the writer's own
 * connection (an in-memory database) no transaction may stay open across turns: all at once then.
 */
export function buildSummarySliced(reader: Db, input: SummaryInput): Promise<FullSummary> {
  if (reader.memory || !reader.readonly) return Promise.resolve(buildSummary(reader, input));
  const run = (running.get(reader) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async () => {
      reader.exec('BEGIN');
      try {
        const s = summarizer(reader, input);
        let n = 0;
        for (const row of s.rows) {
          s.add(row);
          if (++n % ROWS_PER_SLICE === 0) await new Promise((resolve) => setImmediate(resolve));
        }
        return s.finish();
      } finally {
        reader.exec('COMMIT');
      }
    });
  running.set(reader, run);
  return run;
}

function summarizer(db: Db, input: SummaryInput): { rows: Iterable<unknown>; add: (row: unknown) => void; finish: () => FullSummary } {
  const labels = loadLabels(db, input.centerId);
  const mode = input.rollups ?? 'auto';
  if (mode === 'on' || (mode === 'auto' && input.range.days >= ROLLUP_MIN_DAYS)) {
    const r = rollupSummarizer(db, input, labels);
    if (r) return r;
  }
  const zone = zoneClock(input.timeZone);
  const q = ticketQuery(input.centerId, input.range, input.filters);
  // Only plain values cross into JavaScript: the per-row cost there dominates the scan itself.
  const stmt = db
    .prepare(
      `SELECT t.business_day, t.issued_at, t.service_id, t.issued_service_id, t.counter_id, t.staff_id, t.status,
              t.first_called_at - t.issued_at, CASE WHEN t.status = 'done' THEN t.completed_at - t.started_at END
       FROM tickets t WHERE ${q.where}`,
    )
    .raw(true);

  const totals = new GroupAcc('all', 'Tất cả');
  const byService = new GroupMap((k) => new GroupAcc(k, labels.service(k)));
  const byCounter = new GroupMap((k) => new GroupAcc(k, labels.counter(k)));
  const byStaff = new GroupMap((k) => new GroupAcc(k, labels.staff(k)));
  const byHour: (GroupAcc | undefined)[] = [];
  const hourGroup = (h: number) => (byHour[h] ??= new GroupAcc(String(h), `${String(h).padStart(2, '0')}:00`));
  const byDay = new GroupMap((k) => new GroupAcc(k, displayDay(k)));
  const targets = new Map<string, number | null>();
  const groups: GroupAcc[] = [];

  const add = (row: Row) => {
    const [day, issuedAt, serviceId, issuedServiceId, counterId, staffId, status, waitMs, serviceMs] = row;
    groups.length = 0;
    groups.push(totals, byService.get(serviceId), hourGroup(zone.hour(issuedAt)), byDay.get(day));
    if (counterId !== null) groups.push(byCounter.get(counterId));
    if (staffId !== null) groups.push(byStaff.get(staffId));

    let target = targets.get(issuedServiceId);
    if (target === undefined) targets.set(issuedServiceId, (target = labels.targetWaitMs(issuedServiceId)));
    for (const g of groups) {
      g.count(status);
      if (waitMs !== null) g.addWait(waitMs, target);
      if (serviceMs !== null) g.service.push(serviceMs);
    }
  };

  return { rows: stmt.iterate(...q.params) as IterableIterator<Row>, add: add as (row: unknown) => void, finish: () => finish(db, input, labels, { totals, byService, byCounter, byStaff, byHour, byDay }) };
}

interface Groups {
  totals: GroupAcc;
  byService: GroupMap<GroupAcc>;
  byCounter: GroupMap<GroupAcc>;
  byStaff: GroupMap<GroupAcc>;
  byHour: (GroupAcc | undefined)[];
  byDay: GroupMap<GroupAcc>;
}

function finish(db: Db, input: SummaryInput, labels: Labels, { totals, byService, byCounter, byStaff, byHour, byDay }: Groups): FullSummary {
  const satTotals = new SatisfactionAcc('all', 'Tất cả');
  const satStaff = new GroupMap((k) => new SatisfactionAcc(k, labels.staff(k)));
  const satService = new GroupMap((k) => new SatisfactionAcc(k, labels.service(k)));
  // Ratings carry their ticket's business day, counter, staff and (final) service, so the same
  // filters apply without touching the tickets table.
  const r = ticketQuery(input.centerId, input.range, input.filters, 'r');
  const levels = db.prepare(`SELECT r.service_id, r.staff_id, r.level, COUNT(*) FROM ratings r WHERE ${r.where} GROUP BY 1, 2, 3`).raw(true);
  for (const [serviceId, staffId, level, n] of levels.all(...r.params) as [string | null, string | null, number, number][]) {
    satTotals.add(level, n);
    if (serviceId !== null) satService.get(serviceId).add(level, n);
    if (staffId !== null) satStaff.get(staffId).add(level, n);
  }
  const reasonRows = db
    .prepare(`SELECT j.value, COUNT(*) FROM ratings r, json_each(CASE WHEN json_valid(r.reasons) THEN r.reasons ELSE '[]' END) j WHERE ${r.where} AND j.type = 'text' GROUP BY 1`)
    .raw(true)
    .all(...r.params) as [string, number][];

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
      reasons: reasonRows,
    },
    labels,
  );
}


