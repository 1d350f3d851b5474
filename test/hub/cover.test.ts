/**
 * The monthly layer of the rollups and the cover of a range (hub/reports/cover.ts): for any range of days, whole
 * months read from the monthly layer plus the days around them from the daily layer sum to exactly what the daily
 * layer alone sums, in every grouping and every column (histograms included). Two centers, ten weeks across a
 * new year, pushed through the real ingest.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_COLUMNS, MAX_COLUMNS } from '../../hub/ingest/daily';
import { cover } from '../../hub/reports/cover';
import { startPostgres, type PgCluster } from '../helpers/postgres';
import { startHub, type TestHub } from './fixture';
import { seedProvince } from './province-data';

let cluster: PgCluster;
let hub: TestHub;
let centerId: string;

beforeAll(async () => {
  cluster = await startPostgres();
  hub = await startHub(cluster);
  const seeded = await seedProvince(hub, {
    day: '2026-03-10',
    now: '17:30',
    days: 70,
    plan: [
      { code: 'X-A', name: 'Xã A', counters: 2, load: 0.5 },
      { code: 'X-B', name: 'Xã B', counters: 1, load: 0.4 },
    ],
  });
  centerId = seeded[0].id;
}, 300_000);

afterAll(async () => {
  await hub?.close();
  await cluster?.stop();
});

const SUMS = ALL_COLUMNS.map((c) => `${(MAX_COLUMNS as readonly string[]).includes(c) ? 'max' : 'sum'}(${c})::bigint AS ${c}`).join(', ');

async function byGroup(sql: string, params: unknown[]): Promise<Record<string, unknown>[]> {
  return (await hub.db.query(`SELECT dim, key, ${SUMS} FROM (${sql}) r GROUP BY dim, key ORDER BY dim, key`, params)).rows;
}

describe('rollups by month', () => {
  it('keeps each month equal to its days, at ingest', async () => {
    const months = await hub.db.query(`SELECT center_id, month, dim, key, ${SUMS} FROM rollup_monthly GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
    const days = await hub.db.query(`SELECT center_id, substr(business_day, 1, 7) AS month, dim, key, ${SUMS} FROM rollup_daily GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3, 4`);
    expect(months.rows.length).toBeGreaterThan(0);
    expect(new Set(months.rows.map((r) => r.month))).toEqual(new Set(['2025-12', '2026-01', '2026-02', '2026-03']));
    expect(months.rows).toEqual(days.rows);
  });

  const ranges: [string, string][] = [
    ['2025-12-31', '2026-03-10'], // a day, two whole months, ten days
    ['2026-01-01', '2026-01-31'], // exactly one month
    ['2026-01-15', '2026-02-28'], // half a month, then one ending on its last day
    ['2026-02-01', '2026-03-10'],
    ['2026-01-05', '2026-01-20'], // inside one month: days only
    ['2025-12-01', '2026-03-31'], // months wider than the data
  ];
  for (const [from, to] of ranges) {
    it(`sums ${from} … ${to} from months and days as the days alone do`, async () => {
      for (const center of [null, centerId]) {
        const c = cover(from, to, center);
        const daily = `SELECT center_id, dim, key, ${ALL_COLUMNS.join(', ')} FROM rollup_daily WHERE business_day BETWEEN $1 AND $2${center ? ' AND center_id = $3' : ''}`;
        const expected = await byGroup(daily, center ? [from, to, center] : [from, to]);
        expect(expected.length).toBeGreaterThan(0);
        expect(await byGroup(c.rows('true'), c.params)).toEqual(expected);
      }
    });
  }

  it('reads whole months from the monthly layer', () => {
    expect(cover('2026-01-05', '2026-01-20', null).params).toEqual(['2026-01-05', '2026-01-20']);
    expect(cover('2025-12-31', '2026-03-10', 'c1').params).toEqual(['2025-12-31', '2026-03-10', 'c1', '2026-01-01', '2026-02-28', '2026-01', '2026-02']);
    expect(cover('2024-02-01', '2024-02-29', null).params).toEqual(['2024-02-01', '2024-02-29', '2024-02-01', '2024-02-29', '2024-02', '2024-02']);
  });

  it('answers the province summary over months with the same figures as over their days', async () => {
    const get = async (from: string, to: string) => {
      const res = await hub.app.inject({ method: 'GET', url: `/api/hub/reports/summary?from=${from}&to=${to}`, headers: { cookie: hub.adminCookie } });
      expect(res.statusCode).toBe(200);
      return res.json();
    };
    const whole = await get('2026-01-01', '2026-02-28');
    const [jan, feb] = [await get('2026-01-01', '2026-01-31'), await get('2026-02-01', '2026-02-28')];
    expect(whole.totals.issued).toBe(jan.totals.issued + feb.totals.issued);
    expect(whole.totals.issued).toBeGreaterThan(0);
    expect(whole.byDay.length).toBe(jan.byDay.length + feb.byDay.length);
    expect(whole.byDay.reduce((n: number, d: { issued: number }) => n + d.issued, 0)).toBe(whole.totals.issued);
    expect(whole.byCenter.reduce((n: number, d: { issued: number }) => n + d.issued, 0)).toBe(whole.totals.issued);
    expect(whole.byService.reduce((n: number, d: { issued: number }) => n + d.issued, 0)).toBe(whole.totals.issued);
  });
});
