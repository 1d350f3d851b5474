/** Summary figures against the hand-computed fixture day in fixtures.ts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { DAY, insertDay, insertTicket } from './fixtures';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(Date.parse('2026-11-25T02:00:00Z')) });
  cookie = await loginCookie(t.app, 'director');
  insertDay(t.app.db);
  // Another day, outside the reported range, must not leak in.
  insertTicket(t.app.db, { id: 'other', day: '2026-11-24', number: 'A001', serviceId: 'svc-hotich', status: 'done', issued: '08:00:00', called: '08:00:10', started: '08:00:20', completed: '08:05:00', counterId: 'ctr-1', staffId: 'stf-staff1' });
});
afterAll(() => t.destroy());

const summary = async (query = `from=${DAY}&to=${DAY}`) => {
  const res = await t.app.inject({ url: `/api/reports/summary?${query}`, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  return res.json();
};
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON answers
const find = (groups: { key: string }[], key: string): any => groups.find((g) => g.key === key);

describe('GET /api/reports/summary', () => {
  it('counts tickets by outcome', async () => {
    const s = await summary();
    expect(s).toMatchObject({ centerId: 'demo', from: DAY, to: DAY, timeZone: 'Asia/Ho_Chi_Minh', generatedAt: Date.parse('2026-11-25T02:00:00Z') });
    expect(s.totals).toMatchObject({ key: 'all', issued: 5, served: 3, noShow: 1, cancelled: 1, open: 0 });
  });

  it('computes wait and service statistics in seconds (median and p90 as Excel PERCENTILE.INC)', async () => {
    const s = await summary();
    // waits 300, 600, 1200, 1800: p90 rank 2.7 → 1200 + 0.7 × 600
    expect(s.totals.wait).toEqual({ count: 4, mean: 975, median: 900, p90: 1620, max: 1800 });
    // services 300, 600, 900: p90 rank 1.8 → 600 + 0.8 × 300
    expect(s.totals.service).toEqual({ count: 3, mean: 600, median: 600, p90: 840, max: 900 });
  });

  it("measures the SLA against each service's target wait", async () => {
    const s = await summary();
    // Hộ tịch target 20 min: 600 ok, 1800 late. Chứng thực 15 min: 300 ok, 1200 late.
    expect(s.totals.slaShare).toBe(0.5);
    expect(find(s.byService, 'svc-hotich').slaShare).toBe(0.5);
    expect(find(s.byService, 'svc-chungthuc').slaShare).toBe(0.5);
  });

  it('groups by service, counter and staff with their names', async () => {
    const s = await summary();
    expect(s.byService.map((g: { key: string; label: string; issued: number }) => [g.key, g.label, g.issued])).toEqual([
      ['svc-hotich', 'Hộ tịch', 3],
      ['svc-chungthuc', 'Chứng thực', 2],
    ]);
    expect(find(s.byService, 'svc-hotich')).toMatchObject({ served: 2, cancelled: 1, wait: { count: 2, mean: 1200, median: 1200, p90: 1680, max: 1800 } });
    expect(find(s.byService, 'svc-chungthuc')).toMatchObject({ served: 1, noShow: 1, wait: { median: 750 }, service: { count: 1, mean: 900 } });
    // The cancelled ticket was never called: it has no counter or staff.
    expect(s.byCounter.map((g: { label: string; issued: number }) => [g.label, g.issued])).toEqual([
      ['Quầy 1', 2],
      ['Quầy 2', 2],
    ]);
    // Staff sorted by name in Vietnamese order: Lê before Nguyễn.
    expect(s.byStaff.map((g: { key: string; label: string; served: number }) => [g.key, g.label, g.served])).toEqual([
      ['stf-staff2', 'Lê Thị Bích Ngọc', 1],
      ['stf-staff1', 'Nguyễn Văn An', 2],
    ]);
  });

  it('groups by local hour of issue and by day', async () => {
    const s = await summary();
    expect(s.byHour.map((g: { key: string; label: string; issued: number }) => [g.key, g.label, g.issued])).toEqual([
      ['8', '08:00', 2],
      ['9', '09:00', 2],
      ['10', '10:00', 1],
    ]);
    expect(s.byDay.map((g: { key: string; label: string; issued: number }) => [g.key, g.label, g.issued])).toEqual([[DAY, '23/11/2026', 5]]);
    const two = await summary(`from=${DAY}&to=2026-11-24`);
    expect(two.totals.issued).toBe(6);
    expect(two.byDay.map((g: { key: string }) => g.key)).toEqual([DAY, '2026-11-24']);
  });

  it('tallies satisfaction in total, by staff and by service, and counts reason chips', async () => {
    const s = await summary();
    expect(s.satisfaction.totals).toEqual({ key: 'all', label: 'Tất cả', total: 3, levels: { '1': 0, '2': 1, '3': 1, '4': 1 }, satisfiedShare: 2 / 3 });
    expect(s.satisfaction.byStaff).toEqual([
      { key: 'stf-staff2', label: 'Lê Thị Bích Ngọc', total: 1, levels: { '1': 0, '2': 0, '3': 1, '4': 0 }, satisfiedShare: 1 },
      { key: 'stf-staff1', label: 'Nguyễn Văn An', total: 2, levels: { '1': 0, '2': 1, '3': 0, '4': 1 }, satisfiedShare: 0.5 },
    ]);
    expect(find(s.satisfaction.byService, 'svc-hotich')).toMatchObject({ label: 'Hộ tịch', total: 2, satisfiedShare: 0.5 });
    expect(s.satisfaction.reasons).toEqual({ 'Cán bộ nhiệt tình': 1, 'Thời gian chờ lâu': 1, 'Hướng dẫn chưa rõ': 1 });
    expect(s.reasonDetails).toContainEqual({ id: 'long-wait', label: 'Thời gian chờ lâu', labelEn: 'Long wait', positive: false, count: 1 });
  });

  it('filters by counter (id or number), staff and service', async () => {
    const byCounter = await summary(`from=${DAY}&to=${DAY}&counterId=ctr-2`);
    expect(byCounter.totals).toMatchObject({ issued: 2, served: 1, noShow: 1 });
    expect(byCounter.filters).toEqual({ serviceId: null, counterId: 'ctr-2', staffId: null });
    expect((await summary(`from=${DAY}&to=${DAY}&counterId=2`)).totals.issued).toBe(2);
    const byStaff = await summary(`from=${DAY}&to=${DAY}&staffId=stf-staff1`);
    expect(byStaff.totals).toMatchObject({ issued: 2, served: 2 });
    expect(byStaff.satisfaction.totals.total).toBe(2);
    expect((await summary(`from=${DAY}&to=${DAY}&serviceId=svc-hotich`)).totals.issued).toBe(3);
  });

  it('gives empty groups and null statistics for a period without tickets', async () => {
    const s = await summary('from=2026-10-01&to=2026-10-31');
    expect(s.totals).toMatchObject({ issued: 0, wait: { count: 0, mean: null, median: null, p90: null, max: null }, slaShare: null });
    expect(s.byService).toEqual([]);
    expect(s.satisfaction.totals).toMatchObject({ total: 0, satisfiedShare: null });
  });
});

describe('transferred tickets', () => {
  let t2: TestApp;
  beforeAll(async () => {
    t2 = await createTestApp({ clock: new FakeClock(Date.parse('2026-11-25T02:00:00Z')) });
    // Queued for Hộ tịch (target 20 min), waited 1000 s, then transferred to Chứng thực (target 15 min).
    insertTicket(t2.app.db, { id: 'x1', day: DAY, number: 'A001', serviceId: 'svc-chungthuc', issuedServiceId: 'svc-hotich', status: 'done', issued: '08:00:00', called: '08:16:40', started: '08:20:00', completed: '08:30:00', counterId: 'ctr-2', staffId: 'stf-staff2', transfers: 1 });
  });
  afterAll(() => t2.destroy());

  it('are grouped under the service that handled them, with the SLA of the queue they waited in', async () => {
    const cookie2 = await loginCookie(t2.app, 'admin');
    const s = (await t2.app.inject({ url: `/api/reports/summary?from=${DAY}&to=${DAY}`, headers: { cookie: cookie2 } })).json();
    expect(s.byService.map((g: { key: string }) => g.key)).toEqual(['svc-chungthuc']);
    expect(s.totals.slaShare).toBe(1);
    expect(s.totals.service.mean).toBe(600);
  });
});
