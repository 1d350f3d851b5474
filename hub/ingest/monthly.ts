/**
 * The monthly layer of the rollups: the daily layer's rows (daily.ts) folded by calendar month of the business day,
 * same groupings and columns. A report over whole months reads a dozen rows per center and grouping for a year
 * instead of 365, so a province's year report costs what a month costs; only the days before the first whole month
 * and after the last one come from the daily layer (hub/reports/cover.ts). Kept at ingest, in the same
 * transaction as the daily rows.
 */
import { ALL_COLUMNS, MAX_COLUMNS, SCALAR_COLUMNS, layerTable, upsertLayer, type DailyDelta } from './daily';

/** The table, filled from the daily layer (migration 6). */
export const CREATE_MONTHLY = `${layerTable('rollup_monthly', 'month', 'rollup_monthly_month')}
INSERT INTO rollup_monthly (center_id, month, dim, key, ${ALL_COLUMNS.join(', ')})
SELECT center_id, substr(business_day, 1, 7), dim, key,
  ${ALL_COLUMNS.map((c) => ((MAX_COLUMNS as readonly string[]).includes(c) ? `max(${c})` : `sum(${c})`)).join(', ')}
FROM rollup_daily GROUP BY 1, 2, 3, 4;
`;

export const UPSERT_MONTHLY = upsertLayer('rollup_monthly', 'month');

const MAX_FROM = SCALAR_COLUMNS.length;
const MAX_TO = MAX_FROM + MAX_COLUMNS.length;

/** A batch's daily rows folded by month ('YYYY-MM'). */
export function monthlyDeltas(daily: DailyDelta[]): DailyDelta[] {
  const out = new Map<string, DailyDelta>();
  for (const d of daily) {
    const period = d.period.slice(0, 7);
    const id = `${period}\u0000${d.dim}\u0000${d.key}`;
    const row = out.get(id);
    if (!row) {
      out.set(id, { period, dim: d.dim, key: d.key, v: [...d.v] });
      continue;
    }
    for (let i = 0; i < d.v.length; i++) row.v[i] = i >= MAX_FROM && i < MAX_TO ? Math.max(row.v[i], d.v[i]) : row.v[i] + d.v[i];
  }
  return [...out.values()];
}
