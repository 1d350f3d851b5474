/**
 * Sessions that end: a password change ends every other session of the account,
 * an admin's reset, role change or deactivation ends all of them, logout ends one,
 * and in every case the /staff sockets opened with those sessions close at once.
 * An account still on a one-time password cannot open /staff at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { until } from '../helpers/wait';

let t: TestApp;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await t?.destroy();
});

async function listening(options: Parameters<typeof createTestApp>[0] = {}) {
  t = await createTestApp(options);
  await t.listen();
}

/** A console's /staff socket, connected and holding its snapshot. */
async function staffSocket(cookie: string): Promise<Socket & { endedBy?: string }> {
  const s = connect(`${t.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true }) as Socket & { endedBy?: string };
  sockets.push(s);
  s.on('disconnect', (reason) => (s.endedBy = reason));
  await new Promise<void>((resolve, reject) => {
    s.once('queue:snapshot', () => resolve());
    s.once('connect_error', reject);
  });
  return s;
}

function refusal(cookie: string): Promise<Error & { data?: { code: string; message: string } }> {
  const s = connect(`${t.url}/staff`, { transports: ['websocket'], extraHeaders: { cookie }, reconnection: false, forceNew: true });
  sockets.push(s);
  return new Promise((resolve, reject) => {
    s.once('connect_error', resolve);
    s.once('connect', () => reject(new Error('the handshake was accepted')));
  });
}

const inject = (method: 'GET' | 'POST' | 'PUT', url: string, cookie: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, payload });
const me = (cookie: string) => inject('GET', '/api/auth/me', cookie);

async function staffId(adminCookie: string, username: string): Promise<string> {
  const list = (await inject('GET', '/api/admin/staff', adminCookie)).json() as { id: string; username: string }[];
  return list.find((s) => s.username === username)!.id;
}

const closedByServer = (s: Socket & { endedBy?: string }, what: string) => until(() => s.endedBy === 'io server disconnect', what, 5_000);

describe('changing one’s password', () => {
  it('ends every other session of the account and closes their sockets; this one goes on', async () => {
    await listening();
    const here = await loginCookie(t.app, 'staff1');
    const forgottenPc = await loginCookie(t.app, 'staff1');
    const otherAccount = await loginCookie(t.app, 'staff2');
    const forgottenSocket = await staffSocket(forgottenPc);
    const ownSocket = await staffSocket(here);

    const changed = await inject('POST', '/api/auth/password', here, { currentPassword: 'demo', newPassword: 'mat-khau-moi-2026' });
    expect(changed.statusCode).toBe(200);

    await closedByServer(forgottenSocket, 'the other session’s socket to close');
    expect((await me(forgottenPc)).json().code).toBe('UNAUTHENTICATED');
    expect((await me(here)).statusCode).toBe(200);
    expect((await me(otherAccount)).statusCode).toBe(200);
    expect(ownSocket.connected).toBe(true);
    expect((await refusal(forgottenPc)).message).toBe('UNAUTHENTICATED');
  });
});

describe('logout', () => {
  it('closes the socket of that session, not the account’s other ones', async () => {
    await listening();
    const a = await loginCookie(t.app, 'staff1');
    const b = await loginCookie(t.app, 'staff1');
    const socketA = await staffSocket(a);
    const socketB = await staffSocket(b);
    await inject('POST', '/api/auth/logout', a);
    await closedByServer(socketA, 'the signed-out socket to close');
    expect(socketB.connected).toBe(true);
  });
});

describe('an admin acting on an account', () => {
  it.each([
    ['deactivation', { displayName: 'Nguyễn Văn An', role: 'staff', active: false }],
    ['role change', { displayName: 'Nguyễn Văn An', role: 'director', active: true }],
  ] as const)('%s ends every session and closes every socket of the account', async (_what, body) => {
    await listening();
    const admin = await loginCookie(t.app, 'admin');
    const staff = await loginCookie(t.app, 'staff1');
    const socket = await staffSocket(staff);
    const bystander = await staffSocket(await loginCookie(t.app, 'staff2'));
    expect((await inject('PUT', `/api/admin/staff/${await staffId(admin, 'staff1')}`, admin, body)).statusCode).toBe(200);
    await closedByServer(socket, 'the account’s socket to close');
    expect((await me(staff)).statusCode).toBe(401);
    expect(bystander.connected).toBe(true);
  });

  it('a password reset ends every session and closes every socket; the one-time password cannot open /staff', async () => {
    await listening();
    const admin = await loginCookie(t.app, 'admin');
    const socket = await staffSocket(await loginCookie(t.app, 'staff3'));
    const reset = await inject('POST', `/api/admin/staff/${await staffId(admin, 'staff3')}/reset-password`, admin);
    await closedByServer(socket, 'the reset account’s socket to close');

    const oneTime = await loginCookie(t.app, 'staff3', reset.json().password);
    const refused = await refusal(oneTime);
    expect(refused.message).toBe('PASSWORD_CHANGE_REQUIRED');
    expect(refused.data?.message).toBe('Bạn đang dùng mật khẩu một lần. Vui lòng đặt mật khẩu mới trước khi tiếp tục.');
    // Once the password is set, the same session opens /staff.
    await inject('POST', '/api/auth/password', oneTime, { currentPassword: reset.json().password, newPassword: 'mat-khau-moi-2026' });
    await staffSocket(oneTime);
  });
});

describe('a new account on its one-time password', () => {
  it('is refused at the /staff handshake', async () => {
    await listening();
    const admin = await loginCookie(t.app, 'admin');
    const created = await inject('POST', '/api/admin/staff', admin, { username: 'canbo-moi', displayName: 'Cán bộ mới', role: 'staff' });
    const cookie = await loginCookie(t.app, 'canbo-moi', created.json().password);
    expect((await refusal(cookie)).message).toBe('PASSWORD_CHANGE_REQUIRED');
  });
});

describe('a socket whose session expired', () => {
  it('is refused its resync and closed', async () => {
    const clock = new FakeClock();
    await listening({ clock, env: { SESSION_HOURS: '1' } });
    const socket = await staffSocket(await loginCookie(t.app, 'staff1'));
    expect(await socket.emitWithAck('queue:resync')).toMatchObject({ ok: true });
    clock.advance(3600_000);
    expect(await socket.emitWithAck('queue:resync')).toMatchObject({ ok: false, code: 'UNAUTHENTICATED' });
    await closedByServer(socket, 'the expired socket to close');
  });
});
