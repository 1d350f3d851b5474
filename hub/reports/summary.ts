/**
 * The province summary: the center report's figures (protocol/reports.ts ReportSummary, the same definitions,
 * server/reports/summary.ts) for every center or one, read from the rollups alone — never from raw commits — plus
 * `byCenter`. One statement whatever the period, over the daily layer (hub/ingest/daily.ts): a center's day has a
 * row per grouping with its histograms in columns, so a year of a province is plain sums over some tens of
 * thousands of rows. Means are exact; medians and p90 are read from the histograms (exact to within a bucket,
 * hub/ingest/rollup.ts).
 *
 * Counters and officers belong to one center: across the province their keys are `<centerId>/<id>`.
 */
import type { DurationStats, RatingReasonCount, ReportGroup, ReportSummary, SatisfactionGroup } from '../../protocol/reports';
import { reasonInfo } from '../../server/reports/reasons';
import type { ReportRange } from '../../server/reports/dates';
import { displayDay } from '../../server/reports/zone';
import type { Queryable } from '../db/db';
import { BUCKETS, histogramPercentile } from '../ingest/rollup';
import { MAX_COLUMNS, SCALAR_COLUMNS, SERVICE_COLUMNS, WAIT_COLUMNS } from '../ingest/daily';
import { cover } from './cover';
import { fieldRows } from './fields';

export interface ProvinceCenterFigures extends ReportGroup {
  centerId: string;
  code: string;
  name: string;
  meanWaitSeconds: number | null;
  p90WaitSeconds: number | null;
  meanServiceSeconds: number | null;
  satisfaction: SatisfactionGroup;
}

export interface ProvinceSummary extends ReportSummary {
  /** Reason counts with both labels, most frequent first (as a center's summary has them). */
  reasonDetails: RatingReasonCount[];
  /** null: every center of the province. */
  scope: { centerId: string | null };
  byCenter: ProvinceCenterFigures[];
  /** By procedure field of the service (hub/reports/fields.ts); key '' = a field the hub never heard of. */
  byField: ReportGroup[];
  satisfactionByField: SatisfactionGroup[];
}

/** The groupings: the daily layer's dims, and center and day summed from its totals. */
type Dimension = 'total' | 'center' | 'service' | 'counter' | 'staff' | 'hour' | 'day' | 'field';

const AGGREGATES = [
  ...SCALAR_COLUMNS.map((c) => `sum(${c}) AS ${c}`),
  ...MAX_COLUMNS.map((c) => `max(${c}) AS ${c}`),
  ...[...WAIT_COLUMNS, ...SERVICE_COLUMNS].map((c) => `sum(${c}) AS ${c}`),
].join(', ');


interface ScalarRow {
  g: Dimension;
  k: string;
  issued: number;
  served: number;
  no_show: number;
  cancelled: number;
  open: number;
  wait_count: number;
  wait_sum: number;
  wait_max: number;
  service_count: number;
  service_sum: number;
  service_max: number;
  sla_called: number;
  sla_met: number;
  r1: number;
  r2: number;
  r3: number;
  r4: number;
}

interface Acc {
  s: ScalarRow;
  wh: number[];
  sh: number[];
}

const tenth = (x: number) => Math.round(x * 10) / 10;

function duration(count: number, sum: number, max: number, hist: number[]): DurationStats {
  if (count <= 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  const median = histogramPercentile(hist, 0.5, max);
  const p90 = histogramPercentile(hist, 0.9, max);
  return { count, mean: tenth(sum / count), median: median === null ? null : tenth(median), p90: p90 === null ? null : tenth(p90), max };
}

function satisfaction(key: string, label: string, s: ScalarRow): SatisfactionGroup {
  const total = s.r1 + s.r2 + s.r3 + s.r4;
  return { key, label, total, levels: { '1': s.r1, '2': s.r2, '3': s.r3, '4': s.r4 }, satisfiedShare: total === 0 ? null : (s.r3 + s.r4) / total };
}

function group(key: string, label: string, a: Acc): ReportGroup {
  const s = a.s;
  return {
    key,
    label,
    issued: s.issued,
    served: s.served,
    noShow: s.no_show,
    cancelled: s.cancelled,
    open: s.open,
    wait: duration(s.wait_count, s.wait_sum, s.wait_max, a.wh),
    service: duration(s.service_count, s.service_sum, s.service_max, a.sh),
    slaShare: s.sla_called === 0 ? null : s.sla_met / s.sla_called,
  };
}

export async function provinceSummary(db: Queryable, input: { range: ReportRange; centerId: string | null; now: number; timeZone: string }): Promise<ProvinceSummary> {
  const where = `business_day BETWEEN $1 AND $2${input.centerId ? ' AND center_id = $3' : ''}`;
  const params: unknown[] = [input.range.from, input.range.to];
  if (input.centerId) params.push(input.centerId);

  // One statement over the rollups covering the range (cover.ts: whole months from the monthly layer, the other
  // days from the daily one): the totals summed by center (the province's totals are the centers' sums) and, from
  // the daily layer, by day; the other groupings summed by key. Each part is a hash aggregate into a few hundred
  // groups at most; sending a year's totals rows unsummed (one per center and day, 130 columns each) cost more in
  // reading them than summing them. The names, reasons and fields are read alongside, on other connections.
  const labelsQuery = db.query<{ center_id: string; kind: string; id: string; label: string; sort_key: number | null }>(
    `SELECT center_id, kind, id, label, sort_key FROM center_labels ${input.centerId ? 'WHERE center_id = $1' : ''} ORDER BY center_id`,
    input.centerId ? [input.centerId] : [],
  );
  const centersQuery = db.query<{ id: string; code: string; name: string }>('SELECT id, code, name FROM centers ORDER BY code');
  const reasonsQuery = db.query<{ reason: string; n: number }>(`SELECT reason, sum(n) AS n FROM rollup_reasons WHERE ${where} GROUP BY reason`, params);
  const fieldsQuery = fieldRows(db, { from: input.range.from, to: input.range.to, centerId: input.centerId });
  const covered = cover(input.range.from, input.range.to, input.centerId);
  const sumsQuery = db.query<Record<string, number | string | null>>(
    `SELECT 'center' AS g, center_id AS k, ${AGGREGATES} FROM (${covered.rows("dim = 'total'")}) r GROUP BY center_id
     UNION ALL
     SELECT 'day', business_day, ${AGGREGATES} FROM rollup_daily WHERE dim = 'total' AND ${where} GROUP BY business_day
     UNION ALL
     SELECT dim, CASE WHEN dim IN ('counter', 'staff') THEN center_id || '/' || key ELSE key END, ${AGGREGATES}
     FROM (${covered.rows("dim <> 'total'")}) r GROUP BY 1, 2`,
    covered.params,
  );
  // All awaited together: none left to fail unobserved.
  const [result, centers, labelRows, reasonRows, fields] = await Promise.all([sumsQuery, centersQuery, labelsQuery, reasonsQuery, fieldsQuery]);
  const accs = new Map<string, Acc>();
  const id = (g: string, k: string) => `${g}\u0000${k}`;
  const n = (v: unknown) => (typeof v === 'number' ? v : 0);
  const add = (g: Dimension, k: string, row: Record<string, unknown>) => {
    let a = accs.get(id(g, k));
    if (!a) {
      a = { s: { g, k, issued: 0, served: 0, no_show: 0, cancelled: 0, open: 0, wait_count: 0, wait_sum: 0, wait_max: 0, service_count: 0, service_sum: 0, service_max: 0, sla_called: 0, sla_met: 0, r1: 0, r2: 0, r3: 0, r4: 0 }, wh: new Array<number>(BUCKETS).fill(0), sh: new Array<number>(BUCKETS).fill(0) };
      accs.set(id(g, k), a);
    }
    const s = a.s;
    s.issued += n(row.issued);
    s.served += n(row.served);
    s.no_show += n(row.no_show);
    s.cancelled += n(row.cancelled);
    s.open += n(row.open);
    s.wait_count += n(row.wait_count);
    s.wait_sum += n(row.wait_sum);
    s.wait_max = Math.max(s.wait_max, n(row.wait_max));
    s.service_count += n(row.service_count);
    s.service_sum += n(row.service_sum);
    s.service_max = Math.max(s.service_max, n(row.service_max));
    s.sla_called += n(row.sla_called);
    s.sla_met += n(row.sla_met);
    s.r1 += n(row.rating_1);
    s.r2 += n(row.rating_2);
    s.r3 += n(row.rating_3);
    s.r4 += n(row.rating_4);
    for (let i = 0; i < BUCKETS; i++) {
      a.wh[i] += n(row[WAIT_COLUMNS[i]]);
      a.sh[i] += n(row[SERVICE_COLUMNS[i]]);
    }
  };
  for (const row of result.rows) {
    const g = row.g as Dimension;
    if (g === 'center') add('total', '', row);
    add(g, String(row.k), row);
  }

  const centerInfo = new Map(centers.rows.map((c) => [c.id, c]));
  const names = new Map<string, { label: string; sort: number | null }>();
  const serviceNames = new Map<string, { label: string; sort: number | null }>();
  for (const l of labelRows.rows) {
    names.set(`${l.kind}\u0000${l.center_id}/${l.id}`, { label: l.label, sort: l.sort_key });
    // A service id shared by several centers (province templates) takes the first center's name.
    if (l.kind === 'service' && !serviceNames.has(l.id)) serviceNames.set(l.id, { label: l.label, sort: l.sort_key });
  }
  const reasonDetails = reasonRows.rows
    .filter((r) => r.n > 0)
    .map((r) => ({ ...reasonInfo(r.reason), count: r.n }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
  // By procedure field: the daily layer's service rows, each (center, service) in its field (hub/reports/fields.ts).
  for (const row of fields) add('field', String(row.field), row);
  const fieldLabel = (k: string) => k || 'Chưa rõ lĩnh vực';
  const byFieldOrder = <T extends { key: string }>(xs: T[]) => xs.sort((a, b) => (a.key === '' ? 1 : 0) - (b.key === '' ? 1 : 0) || a.key.localeCompare(b.key, 'vi'));
  const empty: Acc = { s: { g: 'total', k: '', issued: 0, served: 0, no_show: 0, cancelled: 0, open: 0, wait_count: 0, wait_sum: 0, wait_max: 0, service_count: 0, service_sum: 0, service_max: 0, sla_called: 0, sla_met: 0, r1: 0, r2: 0, r3: 0, r4: 0 }, wh: new Array<number>(BUCKETS).fill(0), sh: new Array<number>(BUCKETS).fill(0) };
  const of = (g: Dimension) => [...accs.values()].filter((a) => a.s.g === g);
  const totals = accs.get(id('total', '')) ?? empty;
  const single = input.centerId !== null;
  // Within one center a counter or officer needs no center prefix.
  const local = (k: string) => (single ? k.slice(k.indexOf('/') + 1) : k);
  const labelled = (kind: 'counter' | 'staff') => (k: string) => {
    const slash = k.indexOf('/');
    const c = centerInfo.get(k.slice(0, slash));
    const name = names.get(`${kind}\u0000${k}`)?.label ?? k.slice(slash + 1);
    return single || !c ? name : `${c.code} · ${name}`;
  };
  const counterLabel = labelled('counter');
  const staffLabel = labelled('staff');
  const serviceLabel = (k: string) => serviceNames.get(k)?.label ?? k;
  const byServiceOrder = <T extends { key: string }>(xs: T[]) =>
    xs.sort((a, b) => (serviceNames.get(a.key)?.sort ?? 1e9) - (serviceNames.get(b.key)?.sort ?? 1e9) || a.key.localeCompare(b.key));
  const byCounterOrder = <T extends { key: string }>(xs: T[], prefixed: (k: string) => string) =>
    xs.sort((a, b) => {
      const ka = prefixed(a.key);
      const kb = prefixed(b.key);
      const ca = ka.slice(0, ka.indexOf('/'));
      const cb = kb.slice(0, kb.indexOf('/'));
      return (centerInfo.get(ca)?.code ?? ca).localeCompare(centerInfo.get(cb)?.code ?? cb) || (names.get(`counter\u0000${ka}`)?.sort ?? 1e9) - (names.get(`counter\u0000${kb}`)?.sort ?? 1e9) || ka.localeCompare(kb);
    });
  const prefixed = (k: string) => (single ? `${input.centerId}/${k}` : k);
  const byText = <T extends { key: string }>(xs: T[]) => xs.sort((a, b) => a.key.localeCompare(b.key));

  const byCenter = of('center')
    .map((a): ProvinceCenterFigures => {
      const info = centerInfo.get(a.s.k);
      const g = group(a.s.k, info?.name ?? a.s.k, a);
      return {
        ...g,
        centerId: a.s.k,
        code: info?.code ?? a.s.k,
        name: info?.name ?? a.s.k,
        meanWaitSeconds: g.wait.mean,
        p90WaitSeconds: g.wait.p90,
        meanServiceSeconds: g.service.mean,
        satisfaction: satisfaction(a.s.k, info?.name ?? a.s.k, a.s),
      };
    })
    .sort((a, b) => a.code.localeCompare(b.code));

  // Rows without a counter or officer ('' after the prefix) are in totals, service, hour and day only, as at a center.
  const withId = (a: Acc) => !a.s.k.endsWith('/');
  return {
    centerId: input.centerId ?? 'province',
    from: input.range.from,
    to: input.range.to,
    timeZone: input.timeZone,
    generatedAt: input.now,
    scope: { centerId: input.centerId },
    totals: group('all', 'Tất cả', totals),
    byService: byServiceOrder(of('service').map((a) => group(a.s.k, serviceLabel(a.s.k), a))),
    byCounter: byCounterOrder(of('counter').filter(withId).map((a) => group(local(a.s.k), counterLabel(a.s.k), a)), prefixed),
    byStaff: of('staff').filter(withId).map((a) => group(local(a.s.k), staffLabel(a.s.k), a)).sort((a, b) => a.label.localeCompare(b.label, 'vi') || a.key.localeCompare(b.key)),
    byHour: of('hour')
      .sort((a, b) => Number(a.s.k) - Number(b.s.k))
      .map((a) => group(a.s.k, `${a.s.k.padStart(2, '0')}:00`, a)),
    byDay: byText(of('day').map((a) => group(a.s.k, displayDay(a.s.k), a))),
    satisfaction: {
      totals: satisfaction('all', 'Tất cả', totals.s),
      byStaff: of('staff').filter(withId).map((a) => satisfaction(local(a.s.k), staffLabel(a.s.k), a.s)).filter((g) => g.total > 0).sort((a, b) => a.label.localeCompare(b.label, 'vi') || a.key.localeCompare(b.key)),
      byService: byServiceOrder(of('service').map((a) => satisfaction(a.s.k, serviceLabel(a.s.k), a.s))).filter((g) => g.total > 0),
      reasons: Object.fromEntries(reasonDetails.map((r) => [r.label, r.count])),
    },
    reasonDetails,
    byCenter,
    byField: byFieldOrder(of('field').map((a) => group(a.s.k, fieldLabel(a.s.k), a))),
    satisfactionByField: byFieldOrder(of('field').map((a) => satisfaction(a.s.k, fieldLabel(a.s.k), a.s))).filter((g) => g.total > 0),
  };
}
