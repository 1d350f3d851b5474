/**
 * The daily layer of the rollups, what the province summary reads: one row per center, business day and grouping
 * (`total`, a service, a counter, an officer, an hour of issue), its histograms in plain columns (w1…w57, s1…s57)
 * so that a year of a province sums in one pass of plain aggregates, without unpacking arrays or GROUPING SETS.
 * Kept at ingest from the same deltas as `rollup_hourly`, in the same transaction; the monthly layer (monthly.ts)
 * folds these rows by month.
 */
import { BUCKETS, type RollupDelta } from './rollup';

export type DailyDim = 'total' | 'service' | 'counter' | 'staff' | 'hour';

export const SCALAR_COLUMNS = ['issued', 'called', 'served', 'no_show', 'cancelled', 'open', 'wait_count', 'wait_sum', 'service_count', 'service_sum', 'sla_called', 'sla_met', 'rating_1', 'rating_2', 'rating_3', 'rating_4'] as const;
export const MAX_COLUMNS = ['wait_max', 'service_max'] as const;
export const WAIT_COLUMNS = Array.from({ length: BUCKETS }, (_, i) => `w${i + 1}`);
export const SERVICE_COLUMNS = Array.from({ length: BUCKETS }, (_, i) => `s${i + 1}`);

/** The columns of a rollup layer's row after its key (daily here, monthly in monthly.ts). */
const LAYER_COLUMNS_DDL = `${[...SCALAR_COLUMNS, ...MAX_COLUMNS].map((c) => `${c} ${c.endsWith('_sum') ? 'bigint' : 'integer'} NOT NULL DEFAULT 0`).join(',\n  ')},
  ${[...WAIT_COLUMNS, ...SERVICE_COLUMNS].map((c) => `${c} integer NOT NULL DEFAULT 0`).join(', ')}`;

/** A rollup layer's table: a row per center, `period`, grouping and key, with every column of the layer. */
export function layerTable(table: string, period: string, index: string): string {
  return `
CREATE TABLE ${table} (
  center_id text NOT NULL REFERENCES centers(id),
  ${period} text NOT NULL,
  dim text NOT NULL CHECK (dim IN ('total', 'service', 'counter', 'staff', 'hour')),
  key text NOT NULL,
  ${LAYER_COLUMNS_DDL},
  PRIMARY KEY (center_id, ${period}, dim, key)
);
CREATE INDEX ${index} ON ${table} (${period}, dim);
`;
}

/** The table, for the migration. */
export const CREATE_DAILY = layerTable('rollup_daily', 'business_day', 'rollup_daily_day');

/** Each grouping of the daily layer as the hourly table's column it comes from, and which rows count in it. */
export const HOURLY_SOURCES: [DailyDim, string, string][] = [
  ['total', "''", ''],
  ['service', 'service_id', ''],
  ['counter', 'counter_id', "WHERE counter_id <> ''"],
  ['staff', 'staff_id', "WHERE staff_id <> ''"],
  ['hour', 'hour::text', ''],
];

/** Fills the daily layer from rollup_hourly (for a hub that had rollups before it). */
export const BACKFILL_DAILY = HOURLY_SOURCES.map(
  ([dim, key, where]) => `
INSERT INTO rollup_daily (center_id, business_day, dim, key, ${[...SCALAR_COLUMNS, ...MAX_COLUMNS, ...WAIT_COLUMNS, ...SERVICE_COLUMNS].join(', ')})
SELECT center_id, business_day, '${dim}', ${key}, ${SCALAR_COLUMNS.map((c) => `sum(${c})`).join(', ')}, ${MAX_COLUMNS.map((c) => `max(${c})`).join(', ')},
  ${WAIT_COLUMNS.map((_, i) => `sum(wait_hist[${i + 1}])`).join(', ')}, ${SERVICE_COLUMNS.map((_, i) => `sum(service_hist[${i + 1}])`).join(', ')}
FROM rollup_hourly ${where} GROUP BY center_id, business_day${dim === 'total' ? '' : `, ${key}`};`,
).join('\n');

export interface DailyDelta {
  /** The business day (or, in the monthly layer, the month 'YYYY-MM'). */
  period: string;
  dim: DailyDim;
  key: string;
  v: number[];
}

const SCALARS = SCALAR_COLUMNS.length;
const MAXES = MAX_COLUMNS.length;
const WIDTH = SCALARS + MAXES + 2 * BUCKETS;

/** Adds one hourly delta into a daily row's values (maxima kept as maxima). */
function addInto(v: number[], d: RollupDelta): void {
  v[0] += d.issued; v[1] += d.called; v[2] += d.served; v[3] += d.no_show; v[4] += d.cancelled; v[5] += d.open;
  v[6] += d.wait_count; v[7] += d.wait_sum; v[8] += d.service_count; v[9] += d.service_sum; v[10] += d.sla_called; v[11] += d.sla_met;
  v[12] += d.r1; v[13] += d.r2; v[14] += d.r3; v[15] += d.r4;
  v[SCALARS] = Math.max(v[SCALARS], d.wait_max);
  v[SCALARS + 1] = Math.max(v[SCALARS + 1], d.service_max);
  const w = SCALARS + MAXES;
  for (const [i, n] of d.wh) v[w + i] += n;
  for (const [i, n] of d.sh) v[w + BUCKETS + i] += n;
}

/** The hourly deltas folded into daily rows: values in SCALAR, MAX, WAIT, SERVICE column order. */
export function dailyDeltas(rows: RollupDelta[]): DailyDelta[] {
  const out = new Map<string, DailyDelta>();
  const fold = (d: RollupDelta, dim: DailyDim, key: string) => {
    const id = `${d.day}\u0000${dim}\u0000${key}`;
    let row = out.get(id);
    if (!row) out.set(id, (row = { period: d.day, dim, key, v: new Array<number>(WIDTH).fill(0) }));
    addInto(row.v, d);
  };
  for (const d of rows) {
    fold(d, 'total', '');
    fold(d, 'service', d.service);
    fold(d, 'hour', String(d.hour));
    if (d.counter !== '') fold(d, 'counter', d.counter);
    if (d.staff !== '') fold(d, 'staff', d.staff);
  }
  return [...out.values()];
}

export const ALL_COLUMNS = [...SCALAR_COLUMNS, ...MAX_COLUMNS, ...WAIT_COLUMNS, ...SERVICE_COLUMNS];

/**
 * One upsert for every row of a batch into a layer (`table`, keyed by `period`): $1 center, $2 JSON
 * [{ period, dim, key, v: [...] }]; sums add up, maxima stay maxima.
 */
export function upsertLayer(table: string, period: string): string {
  return `
INSERT INTO ${table} AS r (center_id, ${period}, dim, key, ${ALL_COLUMNS.join(', ')})
SELECT $1, d.period, d.dim, d.key, ${ALL_COLUMNS.map((_, i) => `d.v[${i + 1}]`).join(', ')}
FROM json_to_recordset($2::json) AS d(period text, dim text, key text, v bigint[])
ON CONFLICT (center_id, ${period}, dim, key) DO UPDATE SET
  ${ALL_COLUMNS.map((c) => (MAX_COLUMNS.includes(c as (typeof MAX_COLUMNS)[number]) ? `${c} = GREATEST(r.${c}, EXCLUDED.${c})` : `${c} = r.${c} + EXCLUDED.${c}`)).join(',\n  ')}`;
}

export const UPSERT_DAILY = upsertLayer('rollup_daily', 'business_day');
