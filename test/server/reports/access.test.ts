/** Who may read reports, and how bad periods are refused. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';

let t: TestApp;
const cookies: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock() });
  for (const user of ['staff1', 'director', 'admin']) cookies[user] = await loginCookie(t.app, user);
});
afterAll(() => t.destroy());

const URLS = ['/api/reports/summary', '/api/reports/summary.csv', '/api/reports/tickets.csv', '/api/reports/events.csv'].map((u) => `${u}?from=2026-11-01&to=2026-11-30`);

describe('report permissions', () => {
  it.each(URLS)('%s: anonymous 401, staff 403, director and admin 200', async (url) => {
    const anon = await t.app.inject(url);
    expect(anon.statusCode).toBe(401);
    expect(anon.json().code).toBe('UNAUTHENTICATED');
    const staff = await t.app.inject({ url, headers: { cookie: cookies.staff1 } });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().code).toBe('FORBIDDEN');
    for (const user of ['director', 'admin']) expect((await t.app.inject({ url, headers: { cookie: cookies[user] } })).statusCode).toBe(200);
  });
});

describe('report period validation', () => {
  const get = (query: string, lang = 'vi') => t.app.inject({ url: `/api/reports/summary?${query}`, headers: { cookie: cookies.director, 'accept-language': lang } });

  it.each([
    ['from=2026-02-30&to=2026-03-01', 'INVALID_DATE', 'Ngày “2026-02-30” không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-11-23.'],
    ['from=2026-11-01&to=2026-13-01', 'INVALID_DATE', 'Ngày “2026-13-01” không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-11-23.'],
    ['from=23/11/2026&to=2026-11-30', 'INVALID_DATE', 'Ngày “23/11/2026” không hợp lệ. Hãy nhập theo dạng năm-tháng-ngày, ví dụ 2026-11-23.'],
    ['from=2026-11-30&to=2026-11-01', 'DATE_RANGE_INVERTED', 'Ngày bắt đầu (2026-11-30) phải trước hoặc trùng ngày kết thúc (2026-11-01).'],
    ['from=2025-01-01&to=2026-02-05', 'DATE_RANGE_TOO_LONG', 'Khoảng thời gian báo cáo dài 401 ngày; tối đa là 400 ngày.'],
  ])('%s → 400 %s', async (query, code, message) => {
    const res = await get(query);
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code, message });
  });

  it('accepts 400 days and a leap day, and explains in English when asked', async () => {
    expect((await get('from=2025-01-01&to=2026-02-04')).statusCode).toBe(200);
    expect((await get('from=2028-02-29&to=2028-02-29')).statusCode).toBe(200);
    const en = await get('from=2026-11-30&to=2026-11-01', 'en');
    expect(en.json().message).toBe('The start date (2026-11-30) must be on or before the end date (2026-11-01).');
  });

  it('refuses bad dates on the CSV downloads too', async () => {
    const res = await t.app.inject({ url: '/api/reports/tickets.csv?from=2026-02-29&to=2026-03-01', headers: { cookie: cookies.director } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('INVALID_DATE');
  });
});
