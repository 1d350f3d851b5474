/**
 * The province summary by procedure field (lĩnh vực: Hộ tịch, Đất đai…), from the rollups' `service` rows
 * covering the range (cover.ts: monthly and daily layers) alone. A service's field comes from the center's configuration changes
 * (the newest `service.*` audit row or `config.snapshot` naming it, `field` of the saved service); services whose
 * field the hub never heard of group under '' ("Chưa rõ lĩnh vực"). The same service id may sit in different
 * fields at two centers: the map is per (center, service). One statement of plain sums, like the summary.
 */
import type { Queryable } from '../db/db';
import { MAX_COLUMNS, SCALAR_COLUMNS, SERVICE_COLUMNS, WAIT_COLUMNS } from '../ingest/daily';
import { cover } from './cover';

const AGGREGATES = [
  ...SCALAR_COLUMNS.map((c) => `sum(r.${c}) AS ${c}`),
  ...MAX_COLUMNS.map((c) => `max(r.${c}) AS ${c}`),
  ...[...WAIT_COLUMNS, ...SERVICE_COLUMNS].map((c) => `sum(r.${c}) AS ${c}`),
].join(', ');

/** (center, service) → field, newest configuration change first. */
const FIELD_MAP = `
  field_map AS (
    SELECT DISTINCT ON (center_id, sid) center_id, sid, field FROM (
      SELECT c.center_id, c.id AS cid, s->>'id' AS sid, s->>'field' AS field
      FROM center_config_changes c
      CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN c.action = 'config.snapshot' AND jsonb_typeof(c.data->'services') = 'array' THEN c.data->'services' ELSE '[]'::jsonb END) s
      UNION ALL
      SELECT c.center_id, c.id, c.data->'after'->>'id', c.data->'after'->>'field'
      FROM center_config_changes c
      WHERE c.action LIKE 'service.%' AND jsonb_typeof(c.data->'after') = 'object'
    ) x
    WHERE sid IS NOT NULL AND field IS NOT NULL AND field <> ''
    ORDER BY center_id, sid, cid DESC
  )`;

/** One row per field: the daily layer's columns summed (`field` '' = unknown). */
export async function fieldRows(db: Queryable, input: { from: string; to: string; centerId: string | null }): Promise<Record<string, number | string | null>[]> {
  const covered = cover(input.from, input.to, input.centerId);
  const r = await db.query<Record<string, number | string | null>>(
    `WITH ${FIELD_MAP}
     SELECT COALESCE(f.field, '') AS field, ${AGGREGATES}
     FROM (${covered.rows("dim = 'service'")}) r LEFT JOIN field_map f ON f.center_id = r.center_id AND f.sid = r.key
     GROUP BY 1`,
    covered.params,
  );
  return r.rows;
}

/** The same, by its earlier name (the bench times it alone). */
export const fieldRollups = fieldRows;
