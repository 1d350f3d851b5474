/**
 * The province summary by procedure field (lĩnh vực: Hộ tịch, Đất đai…), from the rollups alone. A service's field
 * comes from the center's configuration changes (the newest `service.*` audit row or `config.snapshot` naming it,
 * `field` of the saved service); services whose field the hub never heard of group under '' ("Chưa rõ lĩnh vực").
 * The same service id may sit in different fields at two centers: the map is per (center, service).
 * Two statements, like the summary: sums per field, then the non-empty histogram buckets per field.
 */
import type { Queryable } from '../db/db';

export interface FieldSums {
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

export async function fieldRollups(db: Queryable, input: { from: string; to: string; centerId: string | null }): Promise<{ sums: FieldSums[]; hist: { k: string; m: string; i: number; n: number }[] }> {
  const where = `r.business_day BETWEEN $1 AND $2${input.centerId ? ' AND r.center_id = $3' : ''}`;
  const params: unknown[] = [input.from, input.to];
  if (input.centerId) params.push(input.centerId);
  const sums = await db.query<FieldSums>(
    `WITH ${FIELD_MAP}
     SELECT COALESCE(f.field, '') AS k,
       sum(r.issued) AS issued, sum(r.served) AS served, sum(r.no_show) AS no_show, sum(r.cancelled) AS cancelled, sum(r.open) AS open,
       sum(r.wait_count) AS wait_count, sum(r.wait_sum) AS wait_sum, max(r.wait_max) AS wait_max,
       sum(r.service_count) AS service_count, sum(r.service_sum) AS service_sum, max(r.service_max) AS service_max,
       sum(r.sla_called) AS sla_called, sum(r.sla_met) AS sla_met,
       sum(r.rating_1) AS r1, sum(r.rating_2) AS r2, sum(r.rating_3) AS r3, sum(r.rating_4) AS r4
     FROM rollup_hourly r LEFT JOIN field_map f ON f.center_id = r.center_id AND f.sid = r.service_id
     WHERE ${where}
     GROUP BY 1`,
    params,
  );
  const hist = await db.query<{ k: string; m: string; i: number; n: number }>(
    `WITH ${FIELD_MAP}
     SELECT COALESCE(f.field, '') AS k, u.m, u.i, sum(u.n) AS n
     FROM rollup_hourly r
     LEFT JOIN field_map f ON f.center_id = r.center_id AND f.sid = r.service_id
     CROSS JOIN LATERAL (
       SELECT 'w' AS m, i::int AS i, n FROM unnest(r.wait_hist) WITH ORDINALITY AS w(n, i) WHERE n <> 0
       UNION ALL
       SELECT 's', i::int, n FROM unnest(r.service_hist) WITH ORDINALITY AS s(n, i) WHERE n <> 0
     ) u
     WHERE ${where}
     GROUP BY 1, 2, 3`,
    params,
  );
  return { sums: sums.rows, hist: hist.rows };
}
