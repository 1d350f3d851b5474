/**
 * The daily layer of the rollups, what the province summary reads: one row per center, business day and grouping
 * (`total`, a service, a counter, an officer, an hour of issue), its histograms in plain columns (w1…w57, s1…s57)
 * so that a year of a province sums in one pass of plain aggregates, without unpacking arrays or GROUPING SETS.
 * Kept at ingest from the same deltas as `rollup_hourly`, in the same transaction.
 */
import { BUCKETS, type RollupDelta } from './rollup';

export type DailyDim = 'total' | 'service' | 'counter' | 'staff' | 'hour';

export const SCALAR_COLUMNS = ['issued', 'called', 'served', 'no_show', 'cancelled', 'open', 'wait_count', 'wait_sum', 'service_count', 'service_sum', 'sla_called', 'sla_met', 'rating_1', 'rating_2', 'rating_3', 'rating_4'] as const;
export const MAX_COLUMNS = ['wait_max', 'service_max'] as const;
export const WAIT_COLUMNS = Array.from({ length: BUCKETS }, (_, i) => `w${i + 1}`);
export const SERVICE_COLUMNS = Array.from({ length: BUCKETS }, (_, i) => `s${i + 1}`);

/** The table, for the migration. */
export const CREATE_DAILY = `
CREATE TABLE rollup_daily (
  center_id text NOT NULL REFERENCES centers(id),
  business_day text NOT NULL,
  dim text NOT NULL CHECK (dim IN ('total', 'service', 'counter', 'staff', 'hour')),
  key text NOT NULL,
  ${[...SCALAR_COLUMNS, ...MAX_COLUMNS].map((c) => `${c} ${c.endsWith('_sum') ? 'bigint' : 'integer'} NOT NULL DEFAULT 0`).join(',\n  ')},
  ${[...WAIT_COLUMNS, ...SERVICE_COLUMNS].map((c) => `${c} integer NOT NULL DEFAULT 0`).join(', ')},
  PRIMARY KEY (center_id, business_day, dim, key)
);
CREATE INDEX rollup_daily_day ON rollup_daily (business_day, dim);
`;

const HOURLY_SOURCES: [DailyDim, string, string][] = [
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
  day: string;
  dim: DailyDim;
  key: string;
  v: number[];
}

/** The hourly deltas folded into daily rows: values in SCALAR, MAX, WAIT, SERVICE column order. */
export function dailyDeltas(rows: RollupDelta[]): DailyDelta[] {
  const out = new Map<string, DailyDelta>();
  for (const d of rows) {
    const values = [
      d.issued, d.called, d.served, d.no_show, d.cancelled, d.open, d.wait_count, d.wait_sum, d.service_count, d.service_sum, d.sla_called, d.sla_met, d.r1, d.r2, d.r3, d.r4,
      d.wait_max, d.service_max,
      ...d.wh,
      ...d.sh,
    ];
    const targets: [DailyDim, string][] = [['total', ''], ['service', d.service], ['hour', String(d.hour)]];
    if (d.counter !== '') targets.push(['counter', d.counter]);
    if (d.staff !== '') targets.push(['staff', d.staff]);
    for (const [dim, key] of targets) {
      const id = `${d.day}\u0000${dim}\u0000${key}`;
      const row = out.get(id);
      if (!row) {
        out.set(id, { day: d.day, dim, key, v: [...values] });
        continue;
      }
      for (let i = 0; i < values.length; i++) {
        const isMax = i >= SCALAR_COLUMNS.length && i < SCALAR_COLUMNS.length + MAX_COLUMNS.length;
        row.v[i] = isMax ? Math.max(row.v[i], values[i]) : row.v[i] + values[i];
      }
    }
  }
  return [...out.values()];
}

const ALL = [...SCALAR_COLUMNS, ...MAX_COLUMNS, ...WAIT_COLUMNS, ...SERVICE_COLUMNS];

/** One upsert for every daily row of a batch: $1 center, $2 JSON [{ day, dim, key, v: [...] }]. */
export const UPSERT_DAILY = `
INSERT INTO rollup_daily AS r (center_id, business_day, dim, key, ${ALL.join(', ')})
SELECT $1, d.day, d.dim, d.key, ${ALL.map((_, i) => `(d.v->>${i})::bigint`).join(', ')}
FROM jsonb_to_recordset($2::jsonb) AS d(day text, dim text, key text, v jsonb)
ON CONFLICT (center_id, business_day, dim, key) DO UPDATE SET
  ${ALL.map((c) => (MAX_COLUMNS.includes(c as (typeof MAX_COLUMNS)[number]) ? `${c} = GREATEST(r.${c}, EXCLUDED.${c})` : `${c} = r.${c} + EXCLUDED.${c}`)).join(',\n  ')}`;
