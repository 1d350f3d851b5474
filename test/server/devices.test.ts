/** Known devices: pairing, approval by code, auto-approval, the pending cap and expiry, settings, revoking, last contact. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import type { DeviceAdminView, DeviceListReply, DeviceMeReply, DeviceSelf } from '../../protocol/devices';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { until } from '../helpers/wait';
import { pairedDevice } from '../helpers/devices';

let t: TestApp;
let clock: FakeClock;
let admin: string;

beforeEach(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
  admin = await loginCookie(t.app, 'admin');
});
afterEach(() => t.destroy());

let addressCount = 0;
/** Each pairing from an address of its own unless said: pairing is rate limited per address. */
const pair = (payload: object, remoteAddress = `127.0.1.${++addressCount}`, cookie?: string) =>
  t.app.inject({ method: 'POST', url: '/api/devices/pair', payload, remoteAddress, headers: { 'user-agent': 'Kiosk browser', ...(cookie ? { cookie } : {}) } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `qm_device=${res.cookies.find((c) => c.name === 'qm_device')!.value}`;
const me = async (cookie?: string) => (await t.app.inject({ url: '/api/devices/me', headers: cookie ? { cookie } : {} })).json<DeviceMeReply>();
const asAdmin = (method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, payload, headers: { cookie: admin } });
const list = async () => (await asAdmin('GET', '/api/devices')).json<DeviceListReply>();
const setAutoApprove = async (on: boolean) => expect((await asAdmin('PUT', '/api/devices/auto-approve', { autoApprove: on })).json()).toEqual({ autoApprove: on });
const auditActions = () => t.app.db.prepare("SELECT action, staff_id AS staffId, target FROM audit_log WHERE action LIKE 'device.%' ORDER BY id").all() as { action: string; staffId: string; target: string }[];
const deviceRows = () => t.app.db.prepare('SELECT * FROM devices').all() as Record<string, unknown>[];

describe('pairing, then approval by code', () => {
  beforeEach(() => setAutoApprove(false));

  it('gives the device a long-lived httpOnly cookie and a six-digit code; the admin approves the code and the device is active', async () => {
    const res = await pair({ kind: 'kiosk' }, '127.0.0.9');
    expect(res.statusCode).toBe(201);
    const cookie = res.cookies.find((c) => c.name === 'qm_device')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/', maxAge: 5 * 365 * 24 * 3600 });
    expect(cookie.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const pending = res.json<DeviceSelf>();
    expect(pending).toMatchObject({ status: 'pending', kind: 'kiosk', name: 'Ki-ốt 1', counterId: null, printerId: null });
    expect(pending.code).toMatch(/^\d{6}$/);
    // Only the token's hash is kept.
    expect(JSON.stringify(deviceRows())).not.toContain(cookie.value);

    const device = `qm_device=${cookie.value}`;
    expect(await me(device)).toEqual({ device: pending, autoApprove: false });
    expect(await me()).toEqual({ device: null, autoApprove: false });
    // A device waiting for approval is no device yet.
    expect((await t.app.inject({ method: 'POST', url: '/api/procedures/proc-dang-ky-khai-sinh/print', headers: { cookie: device } })).json().code).toBe('DEVICE_NOT_PAIRED');

    const listed = (await list()).devices.find((d) => d.id === pending.id)!;
    expect(listed).toMatchObject({ status: 'pending', code: pending.code, lastAddress: '127.0.0.9', userAgent: 'Kiosk browser', approvedAt: null });

    const approved = await asAdmin('POST', '/api/devices/approve', { code: `${pending.code!.slice(0, 3)} ${pending.code!.slice(3)}`, name: 'Ki-ốt sảnh A', kind: 'kiosk' });
    expect(approved.statusCode).toBe(200);
    expect(approved.json<DeviceAdminView>()).toMatchObject({ id: pending.id, status: 'active', name: 'Ki-ốt sảnh A', code: null, printerId: 'main', approvedAt: clock.now(), approvedBy: 'stf-admin' });
    expect((await me(device)).device).toMatchObject({ status: 'active', name: 'Ki-ốt sảnh A', code: null });
    expect(auditActions()).toEqual([
      { action: 'device.auto-approve', staffId: 'stf-admin', target: 'demo' },
      { action: 'device.approve', staffId: 'stf-admin', target: pending.id },
    ]);
  });

  it('binds a counter device to the counter it names, and refuses an unknown counter', async () => {
    const res = await pair({ kind: 'counter-display', counterNumber: 3 });
    expect(res.json()).toMatchObject({ status: 'pending', name: 'Màn hình quầy 3', counterId: 'ctr-3', counterNumber: 3 });
    const unknown = await pair({ kind: 'rating', counterNumber: 99 });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('COUNTER_NOT_FOUND');
    const bad = await pair({ kind: 'toaster' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('VALIDATION_ERROR');
    expect(deviceRows()).toHaveLength(1);
  });

  it('answers an unknown code with PAIRING_CODE_UNKNOWN, translated, and changes nothing', async () => {
    const pending = (await pair({ kind: 'kiosk' })).json<DeviceSelf>();
    const wrong = pending.code === '000000' ? '000001' : '000000';
    const res = await t.app.inject({ method: 'POST', url: '/api/devices/approve', headers: { cookie: admin, 'accept-language': 'en' }, payload: { code: wrong, name: 'X', kind: 'kiosk' } });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'PAIRING_CODE_UNKNOWN', message: 'The pairing code is wrong or has expired.' });
    expect((await asAdmin('POST', '/api/devices/approve', { code: wrong, name: 'X', kind: 'kiosk' })).json().message).toBe('Mã ghép không đúng hoặc đã hết hạn.');
    expect((await list()).devices.map((d) => d.status)).toEqual(['pending']);
  });

  it('leaves approval, editing and revoking to admins', async () => {
    const pending = (await pair({ kind: 'kiosk' })).json<DeviceSelf>();
    const director = await loginCookie(t.app, 'director');
    const body = { code: pending.code, name: 'X', kind: 'kiosk' };
    expect((await t.app.inject({ method: 'POST', url: '/api/devices/approve', payload: body })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'POST', url: '/api/devices/approve', payload: body, headers: { cookie: director } })).statusCode).toBe(403);
    expect((await t.app.inject({ url: '/api/devices', headers: { cookie: director } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: `/api/devices/${pending.id}/revoke` })).statusCode).toBe(401);
    expect((await t.app.inject({ method: 'PUT', url: '/api/devices/auto-approve', payload: { autoApprove: true } })).statusCode).toBe(401);
    expect((await me()).autoApprove).toBe(false);
    expect((await list()).devices.map((d) => d.status)).toEqual(['pending']);
  });

  it('a browser that asks again gives up its first request instead of holding two', async () => {
    const first = await pair({ kind: 'kiosk' });
    const again = await pair({ kind: 'hall-display' }, undefined, cookieOf(first));
    expect(again.statusCode).toBe(201);
    expect((await list()).devices.map((d) => [d.kind, d.status])).toEqual([['hall-display', 'pending']]);
  });
});

describe('auto-approval', () => {
  it('is on in the demo center: a kiosk is active at once, named, on the main printer; a counter device needs its counter', async () => {
    expect((await me()).autoApprove).toBe(true);
    expect((await pair({ kind: 'kiosk' })).json()).toMatchObject({ status: 'active', name: 'Ki-ốt 1', printerId: 'main', code: null });
    expect((await pair({ kind: 'kiosk' })).json()).toMatchObject({ status: 'active', name: 'Ki-ốt 2' });
    expect((await pair({ kind: 'counter-display', counterNumber: 3 })).json()).toMatchObject({ status: 'active', name: 'Màn hình quầy 3', counterId: 'ctr-3' });
    expect((await pair({ kind: 'rating' })).json()).toMatchObject({ status: 'pending', counterId: null });
    expect((await list()).devices.find((d) => d.kind === 'kiosk')).toMatchObject({ approvedBy: 'auto-approve' });
    // No admin let them in, yet the audit log says when each came.
    const byTarget = (a: { target: string }, b: { target: string }) => a.target.localeCompare(b.target);
    const active = (await list()).devices.filter((d) => d.status === 'active');
    expect(auditActions().sort(byTarget)).toEqual(active.map((d) => ({ action: 'device.auto-approved', staffId: null, target: d.id })).sort(byTarget));
  });

  it('is off on a database seeded without the demo', async () => {
    const bare = await createTestApp({ env: { SEED: 'none' } });
    try {
      expect((await bare.app.inject('/api/devices/me')).json()).toEqual({ device: null, autoApprove: false });
      const res = await bare.app.inject({ method: 'POST', url: '/api/devices/pair', payload: { kind: 'kiosk' } });
      expect(res.json().status).toBe('pending');
    } finally {
      await bare.destroy();
    }
  });

  it('the admin turns it off, and it is written in the audit log', async () => {
    await setAutoApprove(false);
    expect((await pair({ kind: 'kiosk' })).json().status).toBe('pending');
    expect(auditActions()).toEqual([{ action: 'device.auto-approve', staffId: 'stf-admin', target: 'demo' }]);
  });
});

describe('pending requests', () => {
  beforeEach(() => setAutoApprove(false));

  it('are at most 20 at a time; a request expires after an hour and its code with it', async () => {
    const first = await pair({ kind: 'kiosk' });
    for (let i = 1; i < 20; i++) expect((await pair({ kind: 'kiosk' })).statusCode).toBe(201);
    const full = await pair({ kind: 'kiosk' });
    expect(full.statusCode).toBe(429);
    expect(full.json()).toMatchObject({ code: 'PAIRING_PENDING_FULL', message: 'Có quá nhiều thiết bị đang chờ duyệt. Vui lòng thử lại sau.' });
    expect((await list()).devices).toHaveLength(20);
    const codes = new Set((await list()).devices.map((d) => d.code));
    expect(codes.size).toBe(20);

    clock.advance(3600_000 + 1);
    expect((await me(cookieOf(first))).device).toBeNull();
    expect((await list()).devices).toHaveLength(0);
    const late = await asAdmin('POST', '/api/devices/approve', { code: first.json().code, name: 'X', kind: 'kiosk' });
    expect(late.json().code).toBe('PAIRING_CODE_UNKNOWN');
    expect((await pair({ kind: 'kiosk' })).statusCode).toBe(201);
  });

  it('are rate limited per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 11; i++) codes.push((await pair({ kind: 'hall-display' }, '127.0.0.77')).statusCode);
    expect(codes.slice(0, 10).every((c) => c === 201)).toBe(true);
    expect(codes[10]).toBe(429);
    expect((await pair({ kind: 'hall-display' }, '127.0.0.78')).statusCode).toBe(201);
  });
});

describe('settings', () => {
  let kioskId: string;
  beforeEach(async () => {
    await pairedDevice(t.app, 'kiosk', { name: 'Ki-ốt 1' });
    kioskId = (await list()).devices[0]!.id;
  });
  const patch = (payload: object, id = kioskId) => asAdmin('PATCH', `/api/devices/${id}`, payload);

  it.each([
    ['a counter device without a counter', { name: 'Máy đánh giá', kind: 'rating', counterId: null }, 404, 'COUNTER_NOT_FOUND'],
    ['an unknown counter', { name: 'Máy đánh giá', kind: 'rating', counterId: 'ctr-99' }, 404, 'COUNTER_NOT_FOUND'],
    ['a printer for a display', { name: 'Màn hình', kind: 'hall-display', printerId: 'main' }, 400, 'DEVICE_PRINTER_KIOSK_ONLY'],
    ['an unknown printer', { name: 'Ki-ốt', kind: 'kiosk', printerId: 'kiosk-K9' }, 404, 'PRINTER_NOT_FOUND'],
    ['a file as printer', { name: 'Ki-ốt', kind: 'kiosk', printerUrl: 'file:/tmp/x.bin' }, 400, 'PRINTER_URL_INVALID'],
    ['a printer address that is none', { name: 'Ki-ốt', kind: 'kiosk', printerUrl: 'http://10.0.0.5' }, 400, 'PRINTER_URL_INVALID'],
    ['a blank name', { name: '   ', kind: 'kiosk' }, 400, 'VALIDATION_ERROR'],
  ])('refuses %s with a translated 4xx and changes nothing', async (_what, payload, status, code) => {
    const before = deviceRows();
    const res = await patch(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json()).toMatchObject({ code, message: expect.any(String) });
    expect(deviceRows()).toEqual(before);
  });

  it('renames, moves to a counter (by id or number), and answers an unknown device with DEVICE_NOT_FOUND', async () => {
    expect((await patch({ name: ' Máy đánh giá quầy 2 ', kind: 'rating', counterId: '2' })).json()).toMatchObject({ name: 'Máy đánh giá quầy 2', kind: 'rating', counterId: 'ctr-2', counterNumber: 2, printerId: null });
    expect((await patch({ name: 'Ki-ốt', kind: 'kiosk' }, 'nope')).json().code).toBe('DEVICE_NOT_FOUND');
    expect(auditActions().map((a) => a.action)).toEqual(['device.auto-approved', 'device.update', 'device.update']);
  });
});

describe('revoking', () => {
  const sockets: Socket[] = [];
  afterEach(() => sockets.splice(0).forEach((s) => s.disconnect()));

  it('kills the token at once and closes the device’s open sockets', async () => {
    await t.listen();
    const device = await pairedDevice(t.app, 'hall-display', { name: 'Màn hình sảnh' });
    const { id } = (await me(device)).device!;
    const display = connect(`${t.url}/public`, { transports: ['websocket'], extraHeaders: { cookie: device }, reconnection: false });
    const phone = connect(`${t.url}/public`, { transports: ['websocket'], reconnection: false });
    sockets.push(display, phone);
    await until(() => display.connected && phone.connected, 'both connected');
    const closed: string[] = [];
    display.on('disconnect', (reason) => closed.push(reason));

    const res = await asAdmin('POST', `/api/devices/${id}/revoke`);
    expect(res.json()).toMatchObject({ id, status: 'revoked', revokedAt: clock.now() });
    await until(() => closed.length === 1, 'the device socket closed');
    expect(closed).toEqual(['io server disconnect']);
    expect(phone.connected).toBe(true);

    expect((await me(device)).device).toMatchObject({ id, status: 'revoked', code: null });
    expect((await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: device }, payload: { serviceId: 'svc-hotich' } })).json().kioskId).toBeNull();
    expect(auditActions().at(-1)).toEqual({ action: 'device.revoke', staffId: 'stf-admin', target: id });
    // Twice is once.
    expect((await asAdmin('POST', `/api/devices/${id}/revoke`)).json()).toMatchObject({ status: 'revoked' });
    expect(auditActions().filter((a) => a.action === 'device.revoke')).toHaveLength(1);
    expect((await asAdmin('POST', '/api/devices/nope/revoke')).json().code).toBe('DEVICE_NOT_FOUND');
  });

  it('refuses a pending request', async () => {
    await setAutoApprove(false);
    const pending = (await pair({ kind: 'kiosk' })).json<DeviceSelf>();
    expect((await asAdmin('POST', `/api/devices/${pending.id}/revoke`)).json().status).toBe('revoked');
    expect((await asAdmin('POST', '/api/devices/approve', { code: pending.code, name: 'X', kind: 'kiosk' })).json().code).toBe('PAIRING_CODE_UNKNOWN');
  });
});

describe('last contact', () => {
  it('is written at most once a minute, from requests and socket handshakes', async () => {
    const device = await pairedDevice(t.app, 'kiosk');
    const seen = () => (t.app.db.prepare("SELECT last_seen_at AS at, last_address AS address, user_agent AS ua FROM devices WHERE status = 'active'").get() as { at: number; address: string; ua: string });
    const call = (remoteAddress: string) => t.app.inject({ url: '/api/center', remoteAddress, headers: { cookie: device, 'user-agent': `UA ${remoteAddress}` } });

    clock.advance(5 * 60_000);
    await call('127.0.0.21');
    expect(seen()).toEqual({ at: clock.now(), address: '127.0.0.21', ua: 'UA 127.0.0.21' });
    const first = clock.now();
    clock.advance(30_000);
    await call('127.0.0.22');
    expect(seen().at).toBe(first);
    clock.advance(30_000);
    await call('127.0.0.23');
    expect(seen()).toEqual({ at: clock.now(), address: '127.0.0.23', ua: 'UA 127.0.0.23' });
    expect((await list()).devices[0]).toMatchObject({ lastSeenAt: clock.now(), lastAddress: '127.0.0.23' });

    await t.listen();
    clock.advance(60_000);
    const socket = connect(`${t.url}/public`, { transports: ['websocket'], extraHeaders: { cookie: device }, reconnection: false });
    try {
      await until(() => socket.connected, 'connected');
      expect(seen().at).toBe(clock.now());
    } finally {
      socket.disconnect();
    }
  });
});
