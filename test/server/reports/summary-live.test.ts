/** Summary of tickets made through the real queue service, including the local-midnight boundary. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { serveOne } from './fixtures';

let t: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
});
afterEach(() => t.destroy());

const issue = () => t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
async function get(url: string) {
  const res = await t.app.inject({ url, headers: { cookie: await loginCookie(t.app, 'director') } });
  expect(res.statusCode).toBe(200);
  return res;
}

describe('summary over the live queue', () => {
  it('measures wait and service time of a ticket served through the API, and counts open tickets', async () => {
    const staff = await loginCookie(t.app, 'staff1');
    await serveOne(t.app, staff, 'svc-hotich', 'ctr-1', (ms) => clock.advance(ms));
    await issue();
    const s = (await get('/api/reports/summary?from=2026-11-23&to=2026-11-23')).json();
    expect(s.totals).toMatchObject({ issued: 2, served: 1, open: 1 });
    expect(s.totals.wait).toEqual({ count: 1, mean: 60, median: 60, p90: 60, max: 60 });
    expect(s.totals.service).toEqual({ count: 1, mean: 120, median: 120, p90: 120, max: 120 });
    expect(s.byStaff[0]).toMatchObject({ label: 'Nguyễn Văn An', served: 1 });
    // Without dates the report is today's.
    expect((await get('/api/reports/summary')).json()).toMatchObject({ from: '2026-11-23', to: '2026-11-23', totals: { issued: 2 } });
  });

  it('puts a ticket issued at 23:30 local on that local day, and 17:00Z on the next (local midnight)', async () => {
    clock.set('2026-11-23T16:30:00Z'); // 23:30 in Hà Nội
    expect((await issue()).json().businessDay).toBe('2026-11-23');
    clock.set('2026-11-23T16:59:59Z');
    await issue();
    clock.set('2026-11-23T17:00:00Z'); // 00:00 on 24/11 in Hà Nội
    expect((await issue()).json().businessDay).toBe('2026-11-24');

    const day1 = (await get('/api/reports/summary?from=2026-11-23&to=2026-11-23')).json();
    expect(day1.totals.issued).toBe(2);
    expect(day1.byHour.map((g: { key: string; issued: number }) => [g.key, g.issued])).toEqual([['23', 2]]);
    // The day roll at midnight cancelled what was still waiting from the 23rd.
    expect(day1.totals).toMatchObject({ cancelled: 2, open: 0 });

    const day2 = (await get('/api/reports/summary?from=2026-11-24&to=2026-11-24')).json();
    expect(day2.totals).toMatchObject({ issued: 1, open: 1 });
    expect(day2.byHour.map((g: { key: string }) => g.key)).toEqual(['0']);

    const csv = parse((await get('/api/reports/tickets.csv?from=2026-11-23&to=2026-11-24')).body, { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.map((r) => [r['Ngày'], r['Giờ lấy số']])).toEqual([
      ['23/11/2026', '23/11/2026 23:30:00'],
      ['23/11/2026', '23/11/2026 23:59:59'],
      ['24/11/2026', '24/11/2026 00:00:00'],
    ]);
  });
});
