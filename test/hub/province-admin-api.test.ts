/**
 * The hub's admin API as the dashboard's admin screens use it, on the embedded hub: each center's link state
 * (pending, linked, revoked, expired) in the centers' list, what a publish refuses (in the caller's language), and
 * the published list with what each center reported back (applied, refused, not yet).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_START, ingest, login, startHub, type TestHub } from './fixture';

let hub: TestHub;
let director: string;

const get = (url: string, cookie = hub.adminCookie) => hub.app.inject({ method: 'GET', url, headers: { cookie } });
const post = (url: string, payload: object = {}, cookie = hub.adminCookie, lang = 'vi') => hub.app.inject({ method: 'POST', url, headers: { cookie, 'accept-language': lang }, payload });
const centerRow = async (id: string) => ((await get('/api/hub/centers')).json() as Record<string, unknown>[]).find((c) => c.id === id)!;

beforeAll(async () => {
  hub = await startHub(null);
  director = await login(hub.app, 'director', 'demo-pass');
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

describe('link state in the centers list', () => {
  it('pending with its code, linked once enrolled, revoked, pending again with a new code, expired', async () => {
    const created = (await post('/api/hub/centers', { code: 'ADM-1', name: 'Xã Quản Trị' })).json();
    expect(await centerRow(created.id)).toMatchObject({ link: 'pending', enrolled: false, online: false, enrolmentExpiresAt: created.enrolmentExpiresAt, revokedAt: null });
    const enrolled = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: created.enrolmentCode } });
    expect(enrolled.statusCode).toBe(201);
    expect((await ingest(hub, enrolled.json().credential, { live: { at: hub.clock.t, waiting: 2, longestWaitSeconds: 60, openCounters: 1, printerFaults: 0 } })).statusCode).toBe(200);
    expect(await centerRow(created.id)).toMatchObject({ link: 'linked', enrolled: true, online: true, enrolmentExpiresAt: null, enrolledAt: hub.clock.t });

    expect((await post(`/api/hub/centers/${created.id}/revoke`)).statusCode).toBe(200);
    expect(await centerRow(created.id)).toMatchObject({ link: 'revoked', enrolled: false, online: false, revokedAt: hub.clock.t });

    const renewed = await post(`/api/hub/centers/${created.id}/enrolment-code`);
    expect(renewed.statusCode).toBe(201);
    expect(await centerRow(created.id)).toMatchObject({ link: 'pending', enrolmentExpiresAt: renewed.json().enrolmentExpiresAt });
    // A code that ran out (moved back in the table: the sessions would run out too if the clock moved a week).
    const expire = (id: string) => hub.db.query('UPDATE centers SET enrolment_expires_at = $2 WHERE id = $1', [id, hub.clock.t - 1]);
    await expire(created.id);
    expect(await centerRow(created.id)).toMatchObject({ link: 'revoked', enrolmentExpiresAt: null });

    const never = (await post('/api/hub/centers', { code: 'ADM-2', name: 'Xã Hết Hạn' })).json();
    await expire(never.id);
    expect(await centerRow(never.id)).toMatchObject({ link: 'expired' });
  });

  it('refuses a director every admin route', async () => {
    expect((await post('/api/hub/centers', { code: 'NO', name: 'Không' }, director)).statusCode).toBe(403);
    expect((await post('/api/hub/downlink', { kind: 'notice-line', data: 'x' }, director)).statusCode).toBe(403);
    expect((await get('/api/hub/downlink/items', director)).statusCode).toBe(403);
    expect((await get('/api/hub/centers', director)).statusCode).toBe(200);
  });
});

describe('publishing', () => {
  it('refuses what no center could take, in the caller’s language', async () => {
    const cases: [object, string][] = [
      [{ kind: 'notice-line', data: { noticeLine: '  ' } }, 'Dòng thông báo trống.'],
      [{ kind: 'notice-line', data: 'x'.repeat(501) }, 'Dòng thông báo dài quá 500 ký tự.'],
      [{ kind: 'holidays', data: [{ date: '2026-02-30', name: 'Không có' }] }, 'Dòng 1: ngày không hợp lệ (cần dạng YYYY-MM-DD).'],
      [{ kind: 'holidays', data: { holidays: ['2026-04-30', '2026-04-30'] } }, 'Dòng 2: ngày 2026-04-30 bị trùng.'],
      [{ kind: 'procedure-catalog', data: { foo: 1 } }, 'Danh mục thủ tục phải là một danh sách thủ tục, hoặc { "procedures": [...] }.'],
      [{ kind: 'service-templates', data: [{ name: 'Không mã' }] }, 'Mẫu thứ 1 thiếu mã dịch vụ ("code").'],
    ];
    for (const [payload, message] of cases) {
      const res = await post('/api/hub/downlink', payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json()).toMatchObject({ code: 'VALIDATION_ERROR', message: `Dữ liệu gửi lên không hợp lệ: ${message}` });
    }
    const en = await post('/api/hub/downlink', { kind: 'holidays', data: [] }, hub.adminCookie, 'en');
    expect(en.json().message).toBe('Invalid request data: The list of holidays is empty.');
    // The shapes centers read are all taken.
    for (const payload of [
      { kind: 'notice-line', data: 'Nghỉ lễ 30/4' },
      { kind: 'notice-line', data: { text: 'Nghỉ lễ 30/4' } },
      { kind: 'holidays', data: ['2026-04-30'] },
      { kind: 'holidays', data: { holidays: [{ date: '2026-09-02', name: 'Quốc khánh' }] } },
      { kind: 'procedure-catalog', data: { format: 'csv', content: 'a,b\n1,2' } },
      { kind: 'procedure-catalog', data: [{ code: 'P1' }] },
      { kind: 'service-templates', data: { templates: [{ code: 'HT', name: 'Hộ tịch' }] } },
    ]) {
      expect((await post('/api/hub/downlink', payload)).statusCode, JSON.stringify(payload)).toBe(201);
    }
  });

  it('lists what was published, newest first, with what each center reported back', async () => {
    const a = (await post('/api/hub/centers', { code: 'PUB-A', name: 'Xã A' })).json();
    const b = (await post('/api/hub/centers', { code: 'PUB-B', name: 'Xã B' })).json();
    const credA = (await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: a.enrolmentCode } })).json().credential;
    await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: b.enrolmentCode } });
    const v1 = (await post('/api/hub/downlink', { kind: 'notice-line', data: { noticeLine: 'Tạm ngừng tiếp nhận chiều thứ Sáu' } })).json().version as number;
    const v2 = (await post('/api/hub/downlink', { kind: 'holidays', data: { holidays: [{ date: '2026-04-30', name: 'Giải phóng miền Nam' }, { date: '2026-05-01', name: 'Quốc tế Lao động' }] }, centerId: b.id })).json().version as number;
    const v3 = (await post('/api/hub/downlink', { kind: 'procedure-catalog', data: [{ code: 'X' }] })).json().version as number;
    // A applies v1 and refuses v3, and says so with its next push.
    const res = await ingest(hub, credA, {
      configChanges: [
        { id: 1, at: DAY_START + 1000, action: 'province.notice-line', target: `v${v1}`, data: { before: {}, after: { noticeLine: 'Tạm ngừng tiếp nhận chiều thứ Sáu' } } },
        { id: 2, at: DAY_START + 2000, action: 'province.procedure-catalog', target: `v${v3}`, data: { before: { count: 0 }, after: { count: 0, refused: true, errors: [] } } },
      ],
    });
    expect(res.statusCode).toBe(200);
    const list = (await get('/api/hub/downlink/items')).json();
    expect(list.items.slice(0, 3).map((i: { version: number }) => i.version)).toEqual([v3, v2, v1]);
    const item = (v: number) => list.items.find((i: { version: number }) => i.version === v);
    const stateOf = (v: number, code: string) => item(v).centers.find((c: { code: string }) => c.code === code);
    expect(item(v1)).toMatchObject({ kind: 'notice-line', centerId: null, text: 'Tạm ngừng tiếp nhận chiều thứ Sáu', count: null });
    expect(stateOf(v1, 'PUB-A')).toMatchObject({ state: 'applied', at: DAY_START + 1000 });
    expect(stateOf(v1, 'PUB-B')).toMatchObject({ state: 'waiting', at: null });
    expect(item(v2)).toMatchObject({ kind: 'holidays', centerId: b.id, count: 2 });
    expect(item(v2).centers.map((c: { code: string }) => c.code)).toEqual(['PUB-B']);
    expect(stateOf(v3, 'PUB-A')).toMatchObject({ state: 'refused' });
    // A revoked center is not waited for.
    expect(item(v1).centers.some((c: { code: string }) => c.code === 'ADM-1')).toBe(false);
    expect(list.appliedVersion.find((c: { code: string }) => c.code === 'PUB-A').version).toBe(v3);
    expect(list.appliedVersion.find((c: { code: string }) => c.code === 'PUB-B').version).toBe(0);

    // A fetches a newer item and has not pushed since: "fetched", with when; B has fetched nothing: "waiting".
    const v4 = (await post('/api/hub/downlink', { kind: 'notice-line', data: 'Chiều thứ Sáu tiếp nhận đến 16:00' })).json().version as number;
    hub.clock.t = DAY_START + 5000;
    const fetched = await hub.app.inject({ method: 'GET', url: `/api/hub/downlink?since=${v3}`, headers: { authorization: `Bearer ${credA}` } });
    expect(fetched.json().items.map((i: { version: number }) => i.version)).toEqual([v4]);
    const after = (await get('/api/hub/downlink/items')).json();
    const stateAfter = (v: number, code: string) => after.items.find((i: { version: number }) => i.version === v).centers.find((c: { code: string }) => c.code === code);
    expect(stateAfter(v4, 'PUB-A')).toMatchObject({ state: 'fetched', at: DAY_START + 5000 });
    expect(stateAfter(v4, 'PUB-B')).toMatchObject({ state: 'waiting', at: null });
    // What a center reported still wins over what it fetched.
    expect(stateAfter(v3, 'PUB-A')).toMatchObject({ state: 'refused' });
    expect(stateAfter(v1, 'PUB-A')).toMatchObject({ state: 'applied' });
  });
});

describe('accounts', () => {
  it('adds a director with a temporary password that opens only its replacement, resets, deactivates, reactivates', async () => {
    const created = await post('/api/hub/accounts', { username: 'LanhDao2', displayName: 'Lãnh đạo Sở Nội vụ', role: 'director' });
    expect(created.statusCode).toBe(201);
    const acc = created.json();
    expect(acc).toMatchObject({ username: 'lanhdao2', displayName: 'Lãnh đạo Sở Nội vụ', role: 'director', active: true, mustChangePassword: true });
    expect(acc.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect((await post('/api/hub/accounts', { username: 'lanhdao2', displayName: 'Trùng', role: 'admin' })).json()).toMatchObject({ code: 'USERNAME_TAKEN', message: 'Tên đăng nhập “lanhdao2” đã tồn tại.' });
    expect((await post('/api/hub/accounts', { username: 'a b', displayName: 'X', role: 'director' })).statusCode).toBe(400);
    expect((await post('/api/hub/accounts', { username: 'abc', displayName: 'X', role: 'staff' })).statusCode).toBe(400);

    // The temporary password opens only the way to replace it.
    const cookie = await login(hub.app, 'lanhdao2', acc.temporaryPassword);
    expect((await get('/api/hub/centers', cookie)).json().code).toBe('PASSWORD_CHANGE_REQUIRED');
    expect((await post('/api/auth/password', { currentPassword: acc.temporaryPassword, newPassword: 'mat-khau-moi-2026' }, cookie)).json()).toMatchObject({ mustChangePassword: false });
    expect((await get('/api/hub/centers', cookie)).statusCode).toBe(200);
    expect((await post('/api/hub/accounts', { username: 'zzz', displayName: 'X', role: 'admin' }, cookie)).statusCode).toBe(403);

    const list = (await get('/api/hub/accounts')).json() as { username: string; active: boolean }[];
    expect(list.map((a) => a.username)).toEqual(expect.arrayContaining(['admin', 'director', 'lanhdao2']));

    const reset = (await post(`/api/hub/accounts/${acc.id}/reset-password`)).json();
    expect(reset).toMatchObject({ mustChangePassword: true });
    expect((await get('/api/hub/centers', cookie)).statusCode).toBe(401);
    const again = await login(hub.app, 'lanhdao2', reset.temporaryPassword);

    expect((await post(`/api/hub/accounts/${acc.id}/deactivate`)).json()).toMatchObject({ active: false });
    expect((await get('/api/auth/me', again)).statusCode).toBe(401);
    const refused = await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao2', password: reset.temporaryPassword } });
    expect(refused.statusCode).toBe(401);
    expect((await post(`/api/hub/accounts/${acc.id}/activate`)).json()).toMatchObject({ active: true });
    await login(hub.app, 'lanhdao2', reset.temporaryPassword);
  });

  it('never deactivates one’s own account nor the last active admin', async () => {
    const me = (await get('/api/auth/me')).json();
    expect((await post(`/api/hub/accounts/${me.id}/deactivate`)).json().code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
    const second = (await post('/api/hub/accounts', { username: 'admin2', displayName: 'Quản trị 2', role: 'admin' })).json();
    const cookie2 = await login(hub.app, 'admin2', second.temporaryPassword);
    await post('/api/auth/password', { currentPassword: second.temporaryPassword, newPassword: 'quan-tri-hai-2026' }, cookie2);
    // admin2 may deactivate admin (another admin stays: admin2), then nobody may deactivate admin2.
    expect((await post(`/api/hub/accounts/${me.id}/deactivate`, {}, cookie2)).json()).toMatchObject({ active: false });
    expect((await post(`/api/hub/accounts/${second.id}/deactivate`, {}, cookie2)).json().code).toBe('CANNOT_CHANGE_OWN_ACCOUNT');
    // Bring admin back for the other tests' cookie… its sessions ended, so sign in again.
    expect((await post(`/api/hub/accounts/${me.id}/activate`, {}, cookie2)).statusCode).toBe(200);
    hub.adminCookie = await login(hub.app, 'admin', 'demo-pass');
    expect((await post(`/api/hub/accounts/${second.id}/deactivate`)).json()).toMatchObject({ active: false });
    // admin2's sessions ended with it. (LAST_ADMIN guards two admins deactivating each other at once.)
    expect((await post(`/api/hub/accounts/${me.id}/deactivate`, {}, cookie2)).statusCode).toBe(401);
  });
});
