/**
 * What one ticket counts in the rollups, with the center report's own definitions (server/reports/summary.ts):
 * wait = first call − issue (every ticket that was called, no-shows included); service = completion − start
 * (served tickets only); groups use the service that finally handled the ticket, the SLA the target of the
 * service the citizen queued for; the hour is the local hour of issue in the center's zone. Durations are whole
 * seconds rounded like the center's Samples (a negative one counts as 0).
 *
 * A ticket's row changes from commit to commit (issued, called, served); at ingest the hub takes away what its
 * previous row counted and adds what its new row counts, so the rollups always hold each ticket once, as it
 * stands now, and a replayed commit (never inserted twice) changes nothing.
 */
import { zoneClock } from '../../server/reports/zone';

/**
 * Lower edges of the histogram buckets, in seconds; the last bucket is open-ended. 30 s steps to 10 minutes,
 * 1 minute to 30, 5 to 60, 10 to 120, 30 to 4 hours.
 */
export const BUCKET_EDGES: readonly number[] = (() => {
  const edges: number[] = [];
  for (let s = 0; s < 600; s += 30) edges.push(s);
  for (let s = 600; s < 1800; s += 60) edges.push(s);
  for (let s = 1800; s < 3600; s += 300) edges.push(s);
  for (let s = 3600; s < 7200; s += 600) edges.push(s);
  for (let s = 7200; s <= 14_400; s += 1800) edges.push(s);
  return edges;
})();
export const BUCKETS = BUCKET_EDGES.length;

/** Whole seconds of a duration in ms, as the center's report counts them (Samples.push). */
export function toSeconds(ms: number): number {
  return ms <= 0 ? 0 : Math.round(ms / 1000);
}

export function bucketOf(seconds: number): number {
  let lo = 0;
  let hi = BUCKETS - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (BUCKET_EDGES[mid] <= seconds) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** The rollup row a ticket (or a rating) lands in; '' where there is no counter or officer. */
export interface RollupKey {
  day: string;
  service: string;
  counter: string;
  staff: string;
  hour: number;
}

export interface RollupDelta extends RollupKey {
  issued: number;
  called: number;
  served: number;
  no_show: number;
  cancelled: number;
  open: number;
  wait_count: number;
  wait_sum: number;
  wait_max: number;
  /** Wait histogram changes, bucket → count: only the daily and monthly layers keep histograms (daily.ts). */
  wh: Map<number, number>;
  service_count: number;
  service_sum: number;
  service_max: number;
  sh: Map<number, number>;
  sla_called: number;
  sla_met: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
}

/** The fields of a ticket row (protocol/domain.ts Ticket) the rollups read; anything else is kept but not read. */
export interface TicketFacts {
  id: string;
  businessDay: string;
  issuedAt: number;
  serviceId: string;
  /** The service the citizen queued for (SLA); the final service when absent. */
  issuedServiceId: string;
  status: string;
  counterId: string | null;
  staffId: string | null;
  firstCalledAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  /** Optional: the target wait of the issued service, in minutes; without it the ticket counts in no SLA share. */
  targetWaitMinutes: number | null;
}

const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** The facts of a ticket row from a commit, or null when it lacks what a report needs (kept, not counted). */
export function ticketFacts(row: Record<string, unknown>): TicketFacts | null {
  const id = str(row.id);
  const businessDay = str(row.businessDay);
  const issuedAt = num(row.issuedAt);
  const serviceId = str(row.serviceId);
  const status = str(row.status);
  if (!id || !businessDay || issuedAt === null || !serviceId || !status) return null;
  return {
    id,
    businessDay,
    issuedAt,
    serviceId,
    issuedServiceId: str(row.issuedServiceId) ?? serviceId,
    status,
    counterId: str(row.counterId),
    staffId: str(row.staffId),
    firstCalledAt: num(row.firstCalledAt),
    startedAt: num(row.startedAt),
    completedAt: num(row.completedAt),
    targetWaitMinutes: num(row.targetWaitMinutes),
  };
}

export function keyOf(k: RollupKey): string {
  return `${k.day}\u0000${k.service}\u0000${k.counter}\u0000${k.staff}\u0000${k.hour}`;
}

export function ticketKey(t: TicketFacts, timeZone: string): RollupKey {
  return { day: t.businessDay, service: t.serviceId, counter: t.counterId ?? '', staff: t.staffId ?? '', hour: zoneClock(timeZone).hour(t.issuedAt) };
}

function count(hist: Map<number, number>, bucket: number, sign: 1 | -1): void {
  hist.set(bucket, (hist.get(bucket) ?? 0) + sign);
}

/** A histogram's changes as a full array of BUCKETS counts. */
export function dense(hist: Map<number, number>): number[] {
  const out = new Array<number>(BUCKETS).fill(0);
  for (const [i, n] of hist) out[i] += n;
  return out;
}

function changes(hist: Map<number, number>): boolean {
  for (const n of hist.values()) if (n !== 0) return true;
  return false;
}

/** The fields of a delta the hourly upsert reads (a JSON.stringify key list: the histograms stay out). */
export const HOURLY_FIELDS = ['day', 'service', 'counter', 'staff', 'hour', 'issued', 'called', 'served', 'no_show', 'cancelled', 'open', 'wait_count', 'wait_sum', 'wait_max', 'service_count', 'service_sum', 'service_max', 'sla_called', 'sla_met', 'r1', 'r2', 'r3', 'r4'];

/** Deltas per rollup row, summed: one upsert row per key. */
export class RollupDeltas {
  readonly map = new Map<string, RollupDelta>();

  private row(k: RollupKey): RollupDelta {
    const key = keyOf(k);
    let d = this.map.get(key);
    if (!d) {
      d = { day: k.day, service: k.service, counter: k.counter, staff: k.staff, hour: k.hour, issued: 0, called: 0, served: 0, no_show: 0, cancelled: 0, open: 0, wait_count: 0, wait_sum: 0, wait_max: 0, wh: new Map(), service_count: 0, service_sum: 0, service_max: 0, sh: new Map(), sla_called: 0, sla_met: 0, r1: 0, r2: 0, r3: 0, r4: 0 };
      this.map.set(key, d);
    }
    return d;
  }

  /** Adds (sign 1) or takes away (sign −1) what one ticket row counts. */
  ticket(t: TicketFacts, timeZone: string, sign: 1 | -1): void {
    const d = this.row(ticketKey(t, timeZone));
    d.issued += sign;
    if (t.status === 'done') d.served += sign;
    else if (t.status === 'no-show') d.no_show += sign;
    else if (t.status === 'cancelled') d.cancelled += sign;
    else d.open += sign;
    if (t.firstCalledAt !== null) {
      const ms = t.firstCalledAt - t.issuedAt;
      const s = toSeconds(ms);
      d.called += sign;
      d.wait_count += sign;
      d.wait_sum += sign * s;
      count(d.wh, bucketOf(s), sign);
      // A maximum cannot be taken away: it only grows (a ticket moved to another group leaves it behind).
      if (sign > 0 && s > d.wait_max) d.wait_max = s;
      if (t.targetWaitMinutes !== null) {
        d.sla_called += sign;
        if (ms <= t.targetWaitMinutes * 60_000) d.sla_met += sign;
      }
    }
    if (t.status === 'done' && t.startedAt !== null && t.completedAt !== null) {
      const s = toSeconds(t.completedAt - t.startedAt);
      d.service_count += sign;
      d.service_sum += sign * s;
      count(d.sh, bucketOf(s), sign);
      if (sign > 0 && s > d.service_max) d.service_max = s;
    }
  }

  rating(k: RollupKey, level: number): void {
    const d = this.row(k);
    if (level === 1) d.r1++;
    else if (level === 2) d.r2++;
    else if (level === 3) d.r3++;
    else if (level === 4) d.r4++;
  }

  /** Rows that change something. */
  rows(): RollupDelta[] {
    return [...this.map.values()].filter(
      (d) => d.issued !== 0 || d.called !== 0 || d.served !== 0 || d.no_show !== 0 || d.cancelled !== 0 || d.open !== 0 || d.wait_sum !== 0 || d.service_sum !== 0 || d.wait_max !== 0 || d.service_max !== 0 || d.r1 + d.r2 + d.r3 + d.r4 !== 0 || changes(d.wh) || changes(d.sh),
    );
  }
}

/**
 * A percentile (PERCENTILE.INC, p in 0..1) from a histogram, the k-th value read inside its bucket as if the
 * bucket's samples were spread evenly over it (the open last bucket up to `max`). Exact to within a bucket.
 */
export function histogramPercentile(hist: ArrayLike<number>, p: number, max: number): number | null {
  let n = 0;
  for (let i = 0; i < hist.length; i++) n += hist[i];
  if (n === 0) return null;
  const nth = (k: number): number => {
    let seen = 0;
    for (let i = 0; i < hist.length; i++) {
      const c = hist[i];
      if (c > 0 && seen + c > k) {
        const lo = BUCKET_EDGES[i];
        const hi = i + 1 < BUCKETS ? BUCKET_EDGES[i + 1] : Math.max(lo, max);
        return Math.min(max, lo + ((k - seen + 0.5) / c) * (hi - lo));
      }
      seen += c;
    }
    return max;
  };
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const a = nth(lo);
  return rank === lo ? a : a + (nth(lo + 1) - a) * (rank - lo);
}
