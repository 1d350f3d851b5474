/**
 * A phone on the center's Wi-Fi floods POST /api/tickets (issue 12, attack 1). At the production
 * limits: a visitor takes a few numbers at a human pace, visitors together never take more than
 * their share of a service's day, a kiosk keeps issuing, and a refusal changes nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../server/config';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { PRODUCTION_ISSUING } from '../helpers/limits';

const defaults = loadConfig({});

let t: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock, env: PRODUCTION_ISSUING });
});
afterEach(() => t.destroy());

const issue = (from: string, serviceId = 'svc-hotich', headers: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url: '/api/tickets', remoteAddress: from, payload: { serviceId }, headers });
const issuedCount = () => t.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;

describe('issuing limits (production defaults)', () => {
  it('a visitor gets a few numbers an hour; the next is a translated 429 that changes nothing, and other phones are unaffected', async () => {
    const perHour = defaults.VISITOR_TICKETS_PER_HOUR;
    for (let i = 0; i < perHour; i++) expect((await issue('127.0.0.9')).statusCode).toBe(201);
    const before = issuedCount();
    const refused = await issue('127.0.0.9');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toMatchObject({ code: 'ISSUE_LIMIT_REACHED' });
    expect(refused.json().message).toMatch(/lấy quá nhiều số/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(issuedCount()).toBe(before);
    // The phone next to it is another citizen.
    expect((await issue('127.0.0.10')).statusCode).toBe(201);
    // A human pace goes on: after a while the first phone may take one more.
    clock.advance(60 * 60_000);
    expect((await issue('127.0.0.9')).statusCode).toBe(201);
  });

  it('a visitor takes at most a day’s worth, however slowly', async () => {
    let granted = 0;
    for (let i = 0; i < defaults.VISITOR_TICKETS_PER_DAY + 3; i++) {
      if ((await issue('127.0.0.11')).statusCode === 201) granted++;
      clock.advance(60 * 60_000);
    }
    expect(granted).toBe(defaults.VISITOR_TICKETS_PER_DAY);
  });

  it('a retried tap (same Idempotency-Key) and a refused request cost nothing', async () => {
    for (let i = 0; i < 5; i++) expect((await issue('127.0.0.12', 'svc-hotich', { 'idempotency-key': 'tap-1' })).statusCode).toBe(201);
    for (let i = 0; i < 5; i++) expect((await issue('127.0.0.12', 'svc-none')).statusCode).toBe(404);
    let granted = 1;
    while ((await issue('127.0.0.12')).statusCode === 201) granted++;
    expect(granted).toBe(defaults.VISITOR_TICKETS_PER_HOUR);
  });

  it('phones together never empty a service’s day: the kiosk still has numbers', async () => {
    const admin = await loginCookie(t.app, 'admin');
    const service = (await t.app.inject({ method: 'GET', url: '/api/services' })).json().find((s: { id: string }) => s.id === 'svc-hotich');
    const put = await t.app.inject({ method: 'PUT', url: '/api/admin/services/svc-hotich', headers: { cookie: admin }, payload: { ...pick(service), dailyQuota: 20 } });
    expect(put.statusCode).toBe(200);
    // Twenty phones at a human pace each, all after the same service.
    let visitors = 0;
    for (let phone = 20; phone < 40; phone++) if ((await issue(`127.0.1.${phone}`)).statusCode === 201) visitors++;
    expect(visitors).toBe(Math.floor((20 * defaults.VISITOR_SHARE_PERCENT) / 100));
    // A citizen at the counter (a signed-in officer issuing) or the kiosk gets the rest of the day.
    const staff = await loginCookie(t.app, 'staff1');
    const kiosk = await issue('127.0.0.50', 'svc-hotich', { cookie: staff });
    expect(kiosk.statusCode).toBe(201);
  });

  it('a kiosk issues at a kiosk pace and no faster', async () => {
    const staff = await loginCookie(t.app, 'staff1');
    const perMinute = defaults.KIOSK_TICKETS_PER_MINUTE;
    for (let i = 0; i < perMinute; i++) expect((await issue('127.0.0.60', 'svc-chungthuc', { cookie: staff })).statusCode).toBe(201);
    expect((await issue('127.0.0.60', 'svc-chungthuc', { cookie: staff })).statusCode).toBe(429);
    clock.advance(Math.ceil(60_000 / perMinute));
    expect((await issue('127.0.0.60', 'svc-chungthuc', { cookie: staff })).statusCode).toBe(201);
  });
});

/** The writable fields of a service, as PUT /api/admin/services/:id takes them. */
function pick(s: Record<string, unknown>) {
  const keys = ['code', 'name', 'nameEn', 'field', 'prefix', 'numberStart', 'numberEnd', 'dailyQuota', 'openingHours', 'targetWaitMinutes', 'defaultServiceMinutes', 'icon', 'active', 'sortOrder'];
  return Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, s[k]]));
}
