import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';

let t: TestApp;
let admin: string;

beforeEach(async () => {
  t = await createTestApp({ clock: new FakeClock() });
  admin = await loginCookie(t.app, 'admin');
});
afterEach(() => t.destroy());

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
const as = (cookie: string, method: Method, url: string, payload?: object, lang = 'vi') =>
  t.app.inject({ method, url, payload, headers: { cookie, 'accept-language': lang } });
const api = (method: Method, url: string, payload?: object, lang?: string) => as(admin, method, url, payload, lang);
const audit = () => t.app.db.prepare('SELECT action, target, data FROM audit_log WHERE action NOT LIKE ? ORDER BY id').all('auth.%') as { action: string; target: string; data: string }[];
const config = async () => (await api('GET', '/api/admin/config')).json();

const service = { code: 'TP', name: 'Tư pháp', nameEn: 'Justice', field: 'Tư pháp', prefix: 'L', numberStart: 1, numberEnd: 999, dailyQuota: null, openingHours: null, targetWaitMinutes: 20, defaultServiceMinutes: 8, icon: '', active: true, sortOrder: 9 };

describe('services', () => {
  it('creates a service that the kiosk offers at once, with an audit row', async () => {
    const res = await api('POST', '/api/admin/services', service);
    expect(res.statusCode).toBe(201);
    expect(res.json().id).toBe('svc-tp');
    const kiosk = (await t.app.inject({ method: 'GET', url: '/api/services' })).json() as { id: string }[];
    expect(kiosk.map((s) => s.id)).toContain('svc-tp');
    const ticket = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-tp' } });
    expect(ticket.json().number).toBe('L001');
    const rows = audit();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ action: 'service.create', target: 'svc-tp' });
    expect(JSON.parse(rows[0].data)).toMatchObject({ before: null, after: { code: 'TP', prefix: 'L' } });
  });

  it('answers 400 on a bad body and changes nothing', async () => {
    const before = await config();
    for (const bad of [{ ...service, prefix: 'l1' }, { ...service, name: '' }, { ...service, targetWaitMinutes: 0 }, { ...service, openingHours: [{ days: [8], from: '07:30', to: '11:30' }] }]) {
      const res = await api('POST', '/api/admin/services', bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe('VALIDATION_ERROR');
    }
    const semantic = [
      [{ ...service, numberStart: 500, numberEnd: 100 }, 'INVALID_NUMBER_RANGE'],
      [{ ...service, numberEnd: 5000 }, 'INVALID_NUMBER_RANGE'],
      [{ ...service, openingHours: [{ days: [1], from: '11:30', to: '07:30' }] }, 'INVALID_OPENING_HOURS'],
    ] as const;
    for (const [bad, code] of semantic) {
      const res = await api('POST', '/api/admin/services', bad);
      expect(res.statusCode).toBe(400);
      expect(res.json().code).toBe(code);
    }
    expect(await config()).toEqual(before);
    expect(audit()).toHaveLength(0);
  });

  it('refuses a code already used and a number range another service prints', async () => {
    const dup = await api('POST', '/api/admin/services', { ...service, code: 'ht' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json()).toMatchObject({ code: 'CODE_TAKEN', message: 'Mã “ht” đã được dùng.' });
    const overlap = await api('POST', '/api/admin/services', { ...service, prefix: 'A', numberStart: 900, numberEnd: 999 }, 'en');
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().code).toBe('NUMBER_RANGE_OVERLAP');
    expect(overlap.json().message).toContain('“Hộ tịch”');
    expect(audit()).toHaveLength(0);
  });

  it('refuses to delete a service with waiting tickets, and says to deactivate instead', async () => {
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-datdai' } });
    const res = await api('DELETE', '/api/admin/services/svc-datdai');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('SERVICE_HAS_LIVE_TICKETS');
    expect(res.json().message).toContain('tạm ngừng');
    expect((await config()).services.map((s: { id: string }) => s.id)).toContain('svc-datdai');

    // Deactivating is allowed: the kiosk stops offering it, the waiting ticket can still be served.
    const off = await api('PUT', '/api/admin/services/svc-datdai', { ...service, code: 'DD', prefix: 'C', active: false });
    expect(off.statusCode).toBe(200);
    const kiosk = (await t.app.inject({ method: 'GET', url: '/api/services' })).json() as { id: string }[];
    expect(kiosk.map((s) => s.id)).not.toContain('svc-datdai');
    const called = await t.app.inject({ method: 'POST', url: '/api/counters/3/call-next', headers: { cookie: await loginCookie(t.app, 'staff3') } });
    expect(called.json().ticket.number).toBe('C001');
  });

  it('deletes a never-used service and removes it from counters', async () => {
    const res = await api('DELETE', '/api/admin/services/svc-bhyt');
    expect(res.statusCode).toBe(200);
    const cfg = await config();
    expect(cfg.services.map((s: { id: string }) => s.id)).not.toContain('svc-bhyt');
    for (const c of cfg.counters) expect(c.serviceIds).not.toContain('svc-bhyt');
    expect(audit().map((a) => a.action)).toEqual(['service.delete']);
  });
});

describe('counters', () => {
  const counter = { number: 1, name: 'Quầy 1', serviceIds: ['svc-chungthuc', 'svc-hotich'], area: 'Tầng 1', staffId: null, active: true };

  it('reorders services and binds an account, which /me then reports', async () => {
    const res = await api('PUT', '/api/admin/counters/ctr-1', { ...counter, staffId: 'stf-staff2' });
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: await loginCookie(t.app, 'staff2') } });
    expect(me.json().counterId).toBe('ctr-1');
    const publicCounters = (await t.app.inject({ method: 'GET', url: '/api/counters' })).json() as { id: string; serviceIds: string[] }[];
    expect(publicCounters.find((c) => c.id === 'ctr-1')!.serviceIds).toEqual(['svc-chungthuc', 'svc-hotich']);
    // Bound: another staff account is refused at that counter.
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    const other = await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: await loginCookie(t.app, 'staff1') } });
    expect(other.json().code).toBe('COUNTER_BOUND_TO_OTHER_STAFF');
  });

  it('refuses to deactivate a counter holding a ticket, and a taken number', async () => {
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: await loginCookie(t.app, 'staff1') } });
    const res = await api('PUT', '/api/admin/counters/ctr-1', { ...counter, active: false });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'COUNTER_HOLDS_TICKET', message: 'Quầy 1 đang giữ số A001. Hãy hoàn thành hoặc chuyển số này trước khi ngừng quầy.' });
    const taken = await api('POST', '/api/admin/counters', { ...counter, number: 2 });
    expect(taken.json().code).toBe('COUNTER_NUMBER_TAKEN');
    const unknown = await api('PUT', '/api/admin/counters/ctr-1', { ...counter, serviceIds: ['svc-nope'] });
    expect(unknown.json().code).toBe('SERVICE_NOT_FOUND');
    expect(audit()).toHaveLength(0);
  });
});

describe('staff accounts', () => {
  it('creates an account with a one-time password that signs in', async () => {
    const res = await api('POST', '/api/admin/staff', { username: 'staff9', displayName: 'Vũ Thị Lan', role: 'staff' });
    expect(res.statusCode).toBe(201);
    const { password, account } = res.json();
    expect(password).toMatch(/^[A-Za-z2-9]{12}$/);
    expect(account).toMatchObject({ username: 'staff9', mustChangePassword: true });
    expect(account).not.toHaveProperty('passwordHash');
    await loginCookie(t.app, 'staff9', password);
    expect(JSON.stringify(audit())).not.toContain(password);
    const again = await api('POST', '/api/admin/staff', { username: 'staff9', displayName: 'X', role: 'staff' });
    expect(again.json().code).toBe('USERNAME_TAKEN');
  });

  it('resets a password: old password and old sessions stop working', async () => {
    const oldSession = await loginCookie(t.app, 'staff1');
    const res = await api('POST', '/api/admin/staff/stf-staff1/reset-password');
    expect(res.statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: oldSession } });
    expect(me.statusCode).toBe(401);
    const oldLogin = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'staff1', password: 'demo' } });
    expect(oldLogin.statusCode).toBe(401);
    await loginCookie(t.app, 'staff1', res.json().password);
    expect(audit().map((a) => a.action)).toEqual(['staff.reset-password']);
  });

  it('deactivates an account and signs it out; never the last admin or oneself', async () => {
    const session = await loginCookie(t.app, 'staff4');
    const res = await api('PUT', '/api/admin/staff/stf-staff4', { displayName: 'Hoàng Thị Mai', role: 'staff', active: false });
    expect(res.statusCode).toBe(200);
    expect(res.json().active).toBe(false);
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: session } })).statusCode).toBe(401);

    const self = await api('PUT', '/api/admin/staff/stf-admin', { displayName: 'Quản trị', role: 'staff', active: true });
    expect(self.json().code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
    // A second admin may not demote the only other one either.
    const created = (await api('POST', '/api/admin/staff', { username: 'admin2', displayName: 'Quản trị 2', role: 'admin' })).json();
    const admin2 = await loginCookie(t.app, 'admin2', created.password);
    // A new account starts on a one-time password: replace it first, as the console makes them do.
    expect((await as(admin2, 'POST', '/api/auth/password', { currentPassword: created.password, newPassword: 'admin2-new-secret' })).statusCode).toBe(200);
    expect((await as(admin2, 'PUT', '/api/admin/staff/stf-admin', { displayName: 'Quản trị', role: 'admin', active: false })).statusCode).toBe(200);
    const last = await as(admin2, 'PUT', `/api/admin/staff/${created.account.id}`, { displayName: 'Quản trị 2', role: 'director', active: true });
    expect(last.json().code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
  });
});

describe('center settings and notice', () => {
  const center = { name: 'Trung tâm', nameEn: 'Center', address: '', timeZone: 'Asia/Ho_Chi_Minh', settings: { recallsBeforeNoShow: 3, callNextWhileServing: 'refuse', routing: 'earliest', maxPriorityStreak: 2, numberDigits: 3, voiceVariant: 'south', voiceDigitByDigit: false, announceEnglish: true } };

  it('validates the time zone and applies settings to the queue', async () => {
    const bad = await api('PUT', '/api/admin/center', { ...center, timeZone: 'Mars/Olympus' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'INVALID_TIME_ZONE', message: 'Múi giờ “Mars/Olympus” không hợp lệ (ví dụ: Asia/Ho_Chi_Minh).' });
    const ok = await api('PUT', '/api/admin/center', center);
    expect(ok.statusCode).toBe(200);
    const snap = (await t.app.inject({ method: 'GET', url: '/api/queue/snapshot' })).json();
    expect(snap.center).toMatchObject({ name: 'Trung tâm', recallsBeforeNoShow: 3, voiceVariant: 'south' });
    // The notice line was not part of the body and is kept.
    expect(snap.center.noticeLine).toContain('giấy tờ tùy thân');
  });

  it('offers every routing mode, the new default among them, and refuses an unknown one', async () => {
    expect(t.app.queue.state().center.settings.routing, 'the demo center starts on the default').toBe('target-wait');
    for (const routing of ['service-order', 'earliest', 'target-wait']) {
      expect((await api('PUT', '/api/admin/center', { ...center, settings: { ...center.settings, routing } })).statusCode, routing).toBe(200);
      expect(t.app.queue.state().center.settings.routing).toBe(routing);
    }
    expect((await api('PUT', '/api/admin/center', { ...center, settings: { ...center.settings, routing: 'fastest' } })).statusCode).toBe(400);
    expect(t.app.queue.state().center.settings.routing).toBe('target-wait');
  });

  it('refuses a time zone change while tickets are live', async () => {
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    const res = await api('PUT', '/api/admin/center', { ...center, timeZone: 'Asia/Tokyo' });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('TIME_ZONE_LOCKED_WHILE_OPEN');
    expect(t.app.queue.state().center.timeZone).not.toBe('Asia/Tokyo');
  });

  it('sets the notice line in both languages', async () => {
    const res = await api('PUT', '/api/admin/notice', { noticeLine: 'Chiều nay nghỉ từ 16 giờ.', noticeLineEn: 'Closed from 4 pm today.' });
    expect(res.statusCode).toBe(200);
    const snap = (await t.app.inject({ method: 'GET', url: '/api/queue/snapshot' })).json();
    expect(snap.center).toMatchObject({ noticeLine: 'Chiều nay nghỉ từ 16 giờ.', noticeLineEn: 'Closed from 4 pm today.' });
    const [row] = audit();
    expect(row.action).toBe('center.notice');
    expect(JSON.parse(row.data).before.noticeLine).toContain('giấy tờ tùy thân');
  });
});

describe('audit log', () => {
  it('lists changes newest first with who made them', async () => {
    await api('PUT', '/api/admin/notice', { noticeLine: 'Một', noticeLineEn: 'One' });
    await api('PUT', '/api/admin/notice', { noticeLine: 'Hai', noticeLineEn: 'Two' });
    const res = await api('GET', '/api/admin/audit?action=center');
    const rows = res.json();
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ username: 'admin', action: 'center.notice', data: { after: { noticeLine: 'Hai' } } });
    expect(rows[1].data.after.noticeLine).toBe('Một');
  });
});
