/**
 * Per-day rollups of the director's summary, kept in the center's own SQLite so a long period (a year) reads a few
 * tens of thousands of small rows instead of a million tickets.
 *
 * One rule with the province hub: a ticket counts exactly as hub/ingest/rollup.ts counts it (RollupDeltas.ticket:
 * the summary's definitions, whole seconds rounded like Samples, the same histogram buckets), and percentiles are
 * read with its histogramPercentile. Counts, means, maxima and SLA shares are exact; medians and p90 are exact to
 * within a bucket.
 *
 * A day is rolled up once it is closed (before the center's current business day: the roll-over has cancelled
 * whatever was still open, so its tickets never change again). Building a day replaces its rows in one transaction,
 * so it may run any number of times. A day's rollup is used only while it is fresh: built by this rule version, in
 * the report's time zone, with the current target waits of the services its citizens queued for; otherwise the
 * summary computes that day from its tickets, and the maintainer rebuilds it. A rating may still come in after the
 * roll-over (the tablet's window): ratings newer than a day's build are added from the ratings table, and the
 * maintainer folds them in.
 */
import type { Db } from '../store/db';
import { addDays } from '../queue/calendar';
import { BUCKETS, RollupDeltas, dense, ticketFacts, type RollupDelta } from '../../hub/ingest/rollup';
import { dailyDeltas } from '../../hub/ingest/daily';
import { loadLabels, type Labels } from './labels';

/** Bump when what a rollup holds or how a ticket counts changes: every day is rebuilt (2: rows by grouping added). */
export const ROLLUP_RULE = 2;

export const CREATE_ROLLUP_TABLES = `
  -- IF NOT EXISTS: a test that replays migrations from 6 on runs this one twice.
  -- Summary rollups (server/reports/rollups.ts): one row per closed business day, final service, counter, officer
  -- ('' when never called) and local hour of issue. Histograms are sparse: (bucket, count) pairs as little-endian
  -- uint32, buckets of hub/ingest/rollup.ts.
  CREATE TABLE IF NOT EXISTS report_rollups (
    center_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    hour INTEGER NOT NULL,
    issued INTEGER NOT NULL, served INTEGER NOT NULL, no_show INTEGER NOT NULL, cancelled INTEGER NOT NULL, open INTEGER NOT NULL,
    wait_count INTEGER NOT NULL, wait_sum INTEGER NOT NULL, wait_max INTEGER NOT NULL, wait_hist BLOB NOT NULL,
    service_count INTEGER NOT NULL, service_sum INTEGER NOT NULL, service_max INTEGER NOT NULL, service_hist BLOB NOT NULL,
    sla_called INTEGER NOT NULL, sla_met INTEGER NOT NULL,
    PRIMARY KEY (center_id, business_day, service_id, counter_id, staff_id, hour)
  ) WITHOUT ROWID;
  -- Ratings by the columns the rating carries ('' for none), and their reasons.
  CREATE TABLE IF NOT EXISTS report_rollup_ratings (
    center_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    level INTEGER NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (center_id, business_day, service_id, counter_id, staff_id, level)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS report_rollup_reasons (
    center_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    service_id TEXT NOT NULL,
    counter_id TEXT NOT NULL,
    staff_id TEXT NOT NULL,
    reason TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (center_id, business_day, service_id, counter_id, staff_id, reason)
  ) WITHOUT ROWID;
  -- Which days are rolled up and on what basis: the rule version, the time zone of the hours, the target waits
  -- (JSON {serviceId: ms|null}) of the services queued for that day, the newest rating id folded in.
  CREATE TABLE IF NOT EXISTS report_rollup_days (
    center_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    rule INTEGER NOT NULL,
    time_zone TEXT NOT NULL,
    targets TEXT NOT NULL,
    tickets INTEGER NOT NULL,
    ratings_through INTEGER NOT NULL,
    built_at INTEGER NOT NULL,
    PRIMARY KEY (center_id, business_day)
  ) WITHOUT ROWID;
  -- Ratings up to this id have been looked at by the maintainer (late ratings of closed days folded in).
  CREATE TABLE IF NOT EXISTS report_rollup_state (
    center_id TEXT PRIMARY KEY,
    ratings_seen INTEGER NOT NULL DEFAULT 0
  );
`;

/**
 * The same day folded by grouping (the hub's daily layer, hub/ingest/daily.ts dailyDeltas): one row per day and
 * 'total', service, counter, officer or hour, its values as one JSON array in the hub's column order (scalars, maxima,
 * wait histogram, service histogram). What an unfiltered summary reads: a year is some ten thousand rows.
 */
export const CREATE_ROLLUP_DIMS = `
  CREATE TABLE IF NOT EXISTS report_rollup_dims (
    center_id TEXT NOT NULL,
    business_day TEXT NOT NULL,
    dim TEXT NOT NULL,
    key TEXT NOT NULL,
    v TEXT NOT NULL,
    PRIMARY KEY (center_id, business_day, dim, key)
  ) WITHOUT ROWID;
`;

type TicketRow = [string, string, number, string, string, string, string | null, string | null, number | null, number | null, number | null];

/** One day's (or several days') tickets and ratings folded into rollup rows, from the raw tables. */
export class DayRollup {
  readonly deltas = new RollupDeltas();
  /** key day\0service\0counter\0staff → [levels 1..4 at index 1..4] */
  readonly ratings = new Map<string, number[]>();
  readonly reasons = new Map<string, number>();
  /** Issued service → its target wait in ms (null when unknown), for the days folded here. */
  readonly targets = new Map<string, number | null>();
  tickets = 0;

  constructor(
    private readonly timeZone: string,
    private readonly labels: Labels,
  ) {}

  addTicket(r: TicketRow): void {
    const [id, day, issuedAt, serviceId, issuedServiceId, status, counterId, staffId, firstCalledAt, startedAt, completedAt] = r;
    let target = this.targets.get(issuedServiceId);
    if (target === undefined) this.targets.set(issuedServiceId, (target = this.labels.targetWaitMs(issuedServiceId)));
    const facts = ticketFacts({ id, businessDay: day, issuedAt, serviceId, issuedServiceId, status, counterId, staffId, firstCalledAt, startedAt, completedAt, targetWaitMinutes: target === null ? null : target / 60_000 });
    if (!facts) return;
    this.deltas.ticket(facts, this.timeZone, 1);
    this.tickets++;
  }

  /** `n` ratings of `level` with these columns (null → ''). */
  addRating(day: string, serviceId: string | null, counterId: string | null, staffId: string | null, level: number, n: number): void {
    const key = `${day}\u0000${serviceId ?? ''}\u0000${counterId ?? ''}\u0000${staffId ?? ''}`;
    let l = this.ratings.get(key);
    if (!l) this.ratings.set(key, (l = [0, 0, 0, 0, 0]));
    if (level >= 1 && level <= 4) l[level] += n;
  }

  addReason(day: string, serviceId: string | null, counterId: string | null, staffId: string | null, reason: string, n: number): void {
    const key = `${day}\u0000${serviceId ?? ''}\u0000${counterId ?? ''}\u0000${staffId ?? ''}\u0000${reason}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + n);
  }
}

type RatingRow = [string, string | null, string | null, string | null, number, number];
type ReasonRow = [string, string | null, string | null, string | null, string, number];

/** Ratings (by level) and their reasons, counted the way the summary counts them, into `acc`. */
export function addRatings(acc: DayRollup, st: { ratings: { all(...p: unknown[]): unknown[] }; reasons: { all(...p: unknown[]): unknown[] } }, params: unknown[]): void {
  for (const [d, s, c, f, level, n] of st.ratings.all(...params) as RatingRow[]) acc.addRating(d, s, c, f, level, n);
  for (const [d, s, c, f, reason, n] of st.reasons.all(...params) as ReasonRow[]) acc.addReason(d, s, c, f, reason, n);
}

const TICKET_COLUMNS = `t.id, t.business_day, t.issued_at, t.service_id, t.issued_service_id, t.status, t.counter_id, t.staff_id, t.first_called_at, t.started_at, t.completed_at`;

/** Tickets and ratings of the given days, one statement each. `extra`: filters on the same columns (t / r alias). */
export function rollupStatements(db: Db, ticketWhere = '', ratingWhere = '') {
  const r = `r.center_id = ? AND r.business_day IN (SELECT value FROM json_each(?))${ratingWhere}`;
  return {
    tickets: db.prepare(`SELECT ${TICKET_COLUMNS} FROM tickets t WHERE t.center_id = ? AND t.business_day IN (SELECT value FROM json_each(?))${ticketWhere}`).raw(true),
    ratings: db.prepare(`SELECT r.business_day, r.service_id, r.counter_id, r.staff_id, r.level, COUNT(*) FROM ratings r WHERE ${r} GROUP BY 1, 2, 3, 4, 5`).raw(true),
    reasons: db
      .prepare(`SELECT r.business_day, r.service_id, r.counter_id, r.staff_id, j.value, COUNT(*) FROM ratings r, json_each(CASE WHEN json_valid(r.reasons) THEN r.reasons ELSE '[]' END) j WHERE ${r} AND j.type = 'text' GROUP BY 1, 2, 3, 4, 5`)
      .raw(true),
  };
}

export function encodeHist(h: ArrayLike<number>): Buffer {
  let nz = 0;
  for (let i = 0; i < h.length; i++) if (h[i] !== 0) nz++;
  const b = Buffer.alloc(nz * 8);
  let o = 0;
  for (let i = 0; i < h.length; i++) {
    if (h[i] === 0) continue;
    b.writeUInt32LE(i, o);
    b.writeUInt32LE(h[i], o + 4);
    o += 8;
  }
  return b;
}

/** A sparse histogram's (bucket, count) pairs, flattened, into `out` (reused between rows); returns how many numbers. */
export function decodeHist(b: Uint8Array, out: number[]): number {
  let n = 0;
  for (let o = 0; o + 8 <= b.length; o += 8) {
    out[n++] = (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 16_777_216;
    out[n++] = (b[o + 4] | (b[o + 5] << 8) | (b[o + 6] << 16)) + b[o + 7] * 16_777_216;
  }
  return n;
}

/** Builds (or rebuilds) one closed day's rollup in one transaction; the same day built twice holds the same rows. */
export function buildDay(db: Db, centerId: string, day: string, timeZone: string, now: number, labels: Labels = loadLabels(db, centerId)): { tickets: number } {
  return db.transaction(() => {
    const acc = new DayRollup(timeZone, labels);
    const st = rollupStatements(db);
    const days = JSON.stringify([day]);
    for (const r of st.tickets.iterate(centerId, days) as IterableIterator<TicketRow>) acc.addTicket(r);
    const ratingsThrough = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM ratings').pluck().get() as number) ?? 0;
    addRatings(acc, st, [centerId, days]);
    for (const table of ['report_rollups', 'report_rollup_dims', 'report_rollup_ratings', 'report_rollup_reasons', 'report_rollup_days']) db.prepare(`DELETE FROM ${table} WHERE center_id = ? AND business_day = ?`).run(centerId, day);
    const ins = db.prepare(
      `INSERT INTO report_rollups (center_id, business_day, service_id, counter_id, staff_id, hour, issued, served, no_show, cancelled, open,
         wait_count, wait_sum, wait_max, wait_hist, service_count, service_sum, service_max, service_hist, sla_called, sla_met)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const rows = acc.deltas.rows();
    const insDim = db.prepare('INSERT INTO report_rollup_dims (center_id, business_day, dim, key, v) VALUES (?, ?, ?, ?, ?)');
    for (const d of dailyDeltas(rows)) insDim.run(centerId, d.period, d.dim, d.key, JSON.stringify(d.v));
    for (const d of rows) {
      ins.run(centerId, d.day, d.service, d.counter, d.staff, d.hour, d.issued, d.served, d.no_show, d.cancelled, d.open, d.wait_count, d.wait_sum, d.wait_max, encodeHist(dense(d.wh)), d.service_count, d.service_sum, d.service_max, encodeHist(dense(d.sh)), d.sla_called, d.sla_met);
    }
    const insRating = db.prepare('INSERT INTO report_rollup_ratings (center_id, business_day, service_id, counter_id, staff_id, level, n) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [key, levels] of acc.ratings) {
      const [d, s, c, f] = key.split('\u0000');
      for (let level = 1; level <= 4; level++) if (levels[level] > 0) insRating.run(centerId, d, s, c, f, level, levels[level]);
    }
    const insReason = db.prepare('INSERT INTO report_rollup_reasons (center_id, business_day, service_id, counter_id, staff_id, reason, n) VALUES (?, ?, ?, ?, ?, ?, ?)');
    for (const [key, n] of acc.reasons) {
      const [d, s, c, f, reason] = key.split('\u0000');
      insReason.run(centerId, d, s, c, f, reason, n);
    }
    db.prepare('INSERT INTO report_rollup_days (center_id, business_day, rule, time_zone, targets, tickets, ratings_through, built_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
      centerId,
      day,
      ROLLUP_RULE,
      timeZone,
      targetsJson(acc.targets),
      acc.tickets,
      ratingsThrough,
      now,
    );
    return { tickets: acc.tickets };
  })();
}

function targetsJson(targets: Map<string, number | null>): string {
  return JSON.stringify(Object.fromEntries([...targets].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
}

export interface RollupDayRecord {
  day: string;
  ratingsThrough: number;
}

/** The days of [from, to] whose rollups can answer now (see the file's comment), with the newest rating they hold. */
export function freshDays(db: Db, centerId: string, from: string, to: string, timeZone: string, labels: Labels): Map<string, RollupDayRecord> {
  const rows = db
    .prepare('SELECT business_day, rule, time_zone, targets, ratings_through FROM report_rollup_days WHERE center_id = ? AND business_day BETWEEN ? AND ?')
    .raw(true)
    .all(centerId, from, to) as [string, number, string, string, number][];
  const out = new Map<string, RollupDayRecord>();
  const seen = new Map<string, boolean>();
  for (const [day, rule, tz, targets, ratingsThrough] of rows) {
    if (rule !== ROLLUP_RULE || tz !== timeZone) continue;
    let ok = seen.get(targets);
    if (ok === undefined) {
      const t = JSON.parse(targets) as Record<string, number | null>;
      ok = Object.entries(t).every(([id, ms]) => labels.targetWaitMs(id) === ms);
      seen.set(targets, ok);
    }
    if (ok) out.set(day, { day, ratingsThrough });
  }
  return out;
}

/** Every day of [from, to], in order. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

export function ratingsSeen(db: Db, centerId: string): number {
  return (db.prepare('SELECT ratings_seen FROM report_rollup_state WHERE center_id = ?').pluck().get(centerId) as number | undefined) ?? 0;
}

/**
 * Closed days whose rollup is missing or stale, oldest first: from the first ticket's day to the day before the
 * center's current business day, plus closed days that got a rating after their build.
 */
export function pendingDays(db: Db, centerId: string, timeZone: string): { days: string[]; ratingsMax: number } {
  const current = db.prepare('SELECT business_day FROM centers WHERE id = ?').pluck().get(centerId) as string | undefined;
  const ratingsMax = (db.prepare('SELECT COALESCE(MAX(id), 0) FROM ratings').pluck().get() as number) ?? 0;
  if (!current) return { days: [], ratingsMax };
  const first = db.prepare('SELECT MIN(business_day) FROM tickets WHERE center_id = ?').pluck().get(centerId) as string | null;
  if (!first || first >= current) return { days: [], ratingsMax };
  const last = addDays(current, -1);
  const labels = loadLabels(db, centerId);
  const fresh = freshDays(db, centerId, first, last, timeZone, labels);
  const days = new Set(daysBetween(first, last).filter((d) => !fresh.has(d)));
  const seen = ratingsSeen(db, centerId);
  const late = db
    .prepare('SELECT DISTINCT r.business_day FROM ratings r JOIN report_rollup_days d ON d.center_id = r.center_id AND d.business_day = r.business_day WHERE r.id > ? AND r.center_id = ? AND r.id > d.ratings_through')
    .pluck()
    .all(seen, centerId) as string[];
  for (const d of late) if (d < current) days.add(d);
  return { days: [...days].sort(), ratingsMax };
}

export function markRatingsSeen(db: Db, centerId: string, through: number): void {
  db.prepare('INSERT INTO report_rollup_state (center_id, ratings_seen) VALUES (?, ?) ON CONFLICT (center_id) DO UPDATE SET ratings_seen = MAX(ratings_seen, excluded.ratings_seen)').run(centerId, through);
}

/** Builds every pending day now (tests, benches, tools). */
export function buildPendingDays(db: Db, centerId: string, timeZone: string, now: number): number {
  const { days, ratingsMax } = pendingDays(db, centerId, timeZone);
  const labels = loadLabels(db, centerId);
  for (const d of days) buildDay(db, centerId, d, timeZone, now, labels);
  markRatingsSeen(db, centerId, ratingsMax);
  return days.length;
}

export type { RollupDelta };
export { BUCKETS };
