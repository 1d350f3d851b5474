import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';

let t: TestApp;
let staff: string;
let director: string;
let admin: string;

beforeAll(async () => {
  t = await createTestApp();
  [staff, director, admin] = await Promise.all([loginCookie(t.app, 'staff1'), loginCookie(t.app, 'director'), loginCookie(t.app, 'admin')]);
});
afterAll(() => t.destroy());

const validService = { code: 'TP', name: 'Tư pháp', nameEn: 'Justice', field: 'Tư pháp', prefix: 'L', numberStart: 1, numberEnd: 999, dailyQuota: null, openingHours: null, targetWaitMinutes: 20, defaultServiceMinutes: 8, icon: '', active: true, sortOrder: 9 };

// Every admin route, with a body that would succeed for an admin, so only the guard can refuse.
const routes: { method: 'GET' | 'POST' | 'PUT' | 'DELETE'; url: string; payload?: object }[] = [
  { method: 'GET', url: '/api/admin/config' },
  { method: 'GET', url: '/api/admin/audit' },
  { method: 'GET', url: '/api/admin/staff' },
  { method: 'POST', url: '/api/admin/services', payload: validService },
  { method: 'PUT', url: '/api/admin/services/svc-hotich', payload: { ...validService, code: 'HT', prefix: 'A' } },
  { method: 'DELETE', url: '/api/admin/services/svc-bhyt' },
  { method: 'PUT', url: '/api/admin/counters/ctr-1', payload: { number: 1, name: 'Quầy 1', serviceIds: ['svc-hotich'], area: '', staffId: null, active: true } },
  { method: 'POST', url: '/api/admin/staff', payload: { username: 'newbie', displayName: 'Người mới', role: 'staff' } },
  { method: 'POST', url: '/api/admin/staff/stf-staff1/reset-password' },
  { method: 'PUT', url: '/api/admin/notice', payload: { noticeLine: 'Thông báo', noticeLineEn: 'Notice' } },
  { method: 'GET', url: '/api/admin/procedures/export?format=json' },
];

describe('admin routes are for admins only', () => {
  it.each(routes)('$method $url: 401 anonymous, 403 staff and director', async (route) => {
    const auditBefore = t.app.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get() as number;
    const anonymous = await t.app.inject({ ...route });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('UNAUTHENTICATED');
    for (const cookie of [staff, director]) {
      const res = await t.app.inject({ ...route, headers: { cookie } });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toMatchObject({ code: 'FORBIDDEN', message: 'Tài khoản của bạn không có quyền thực hiện thao tác này.' });
    }
    expect(t.app.db.prepare('SELECT COUNT(*) FROM audit_log').pluck().get()).toBe(auditBefore);
  });

  it('lets the admin through on the same routes', async () => {
    for (const route of routes.filter((r) => r.method === 'GET')) {
      const res = await t.app.inject({ ...route, headers: { cookie: admin } });
      expect(res.statusCode, route.url).toBe(200);
    }
  });
});
