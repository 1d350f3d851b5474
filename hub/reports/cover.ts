/**
 * The rollup rows that cover a range of business days: whole calendar months from the monthly layer
 * (hub/ingest/monthly.ts), the days before the first whole month and after the last one from the daily layer. The
 * two layers hold the same groupings and columns, so a report sums the union as it would sum days: a year is some
 * tens of rows per center and grouping, whatever the number of days or tickets.
 */
import { addDays } from '../../protocol/local-time';
import { ALL_COLUMNS } from '../ingest/daily';

export interface Cover {
  /** Parameters: $1 from, $2 to, then (with a center) $3 the center; the month bounds after. */
  params: unknown[];
  /** A SELECT of (center_id, dim, key, every layer column) for the rows whose dim matches `dims` (SQL on `dim`). */
  rows(dims: string): string;
}

const COLUMNS = ALL_COLUMNS.join(', ');

/** The first day of the month after the one `day` is in. */
function nextMonth(day: string): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`;
}

export function cover(from: string, to: string, centerId: string | null): Cover {
  const params: unknown[] = [from, to];
  const center = centerId ? (params.push(centerId), ` AND center_id = $${params.length}`) : '';
  const firstWhole = from.endsWith('-01') ? from : nextMonth(from);
  const lastWhole = addDays(nextMonth(to), -1) === to ? to : addDays(`${to.slice(0, 8)}01`, -1);
  const days = (dims: string, extra = '') => `SELECT center_id, dim, key, ${COLUMNS} FROM rollup_daily WHERE ${dims} AND business_day BETWEEN $1 AND $2${extra}${center}`;
  if (firstWhole > lastWhole) return { params, rows: (dims) => days(dims) };
  params.push(firstWhole, lastWhole, firstWhole.slice(0, 7), lastWhole.slice(0, 7));
  const n = params.length;
  return {
    params,
    rows: (dims) =>
      `${days(dims, ` AND (business_day < $${n - 3} OR business_day > $${n - 2})`)}
       UNION ALL
       SELECT center_id, dim, key, ${COLUMNS} FROM rollup_monthly WHERE ${dims} AND month BETWEEN $${n - 1} AND $${n}${center}`,
  };
}
