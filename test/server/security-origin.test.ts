/**
 * Same origin only. A page served from the same host on another port is the same
 * *site*, so SameSite=Strict sends the victim's cookie along: every state-changing
 * request and every socket handshake must come from this server's own pages
 * (Sec-Fetch-Site, else Origin against Host). Requests with neither header are not a
 * browser acting for a victim and go on. The kiosk's embedding origins keep the
 * kiosk's own calls, and nothing else.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';

const EMBEDDER = 'https://dichvucong.example.gov.vn';

let t: TestApp;
const sockets: Socket[] = [];
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await t?.destroy();
});

const HOST = 'hall.test:8080';
const SAME = `http://${HOST}`;
const OTHER_PORT = 'http://hall.test:8081';

type Headers = Record<string, string>;
const post = (url: string, headers: Headers, payload?: object) => t.app.inject({ method: 'POST', url, headers: { host: HOST, ...headers }, payload });

async function staffCallNext(headers: Headers) {
  const cookie = await loginCookie(t.app, 'staff1');
  await post('/api/tickets', {}, { serviceId: 'svc-hotich' });
  return post('/api/counters/1/call-next', { cookie, ...headers });
}

describe('state-changing requests', () => {
  it.each([
    ['an Origin on another port', { origin: OTHER_PORT }],
    ['Sec-Fetch-Site: same-site', { 'sec-fetch-site': 'same-site', origin: OTHER_PORT }],
    ['Sec-Fetch-Site: cross-site', { 'sec-fetch-site': 'cross-site' }],
    ['Origin: null', { origin: 'null' }],
  ])('refuses a signed-in call-next with %s: 403 CROSS_ORIGIN, nothing called', async (_what, headers) => {
    t = await createTestApp();
    const res = await staffCallNext(headers);
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'CROSS_ORIGIN', message: 'Yêu cầu đến từ một trang khác nên bị từ chối.' });
    expect(t.app.queue.state().active.size).toBe(1);
    expect([...t.app.queue.state().active.values()][0].status).toBe('waiting');
  });

  it('refuses an admin’s password reset from another port, in the asked language, and changes nothing', async () => {
    t = await createTestApp();
    const admin = await loginCookie(t.app, 'admin');
    const staff = (await t.app.inject({ url: '/api/admin/staff', headers: { cookie: admin, origin: OTHER_PORT, 'sec-fetch-site': 'same-site' } })).json() as { id: string; username: string }[];
    const target = staff.find((s) => s.username === 'staff2')!;
    const res = await post(`/api/admin/staff/${target.id}/reset-password`, { cookie: admin, 'sec-fetch-site': 'same-site', origin: OTHER_PORT, 'accept-language': 'en' });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toEqual({ code: 'CROSS_ORIGIN', message: 'The request came from another page and was refused.' });
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'staff2', password: 'demo' } })).statusCode).toBe(200);
  });

  it.each([
    ['Sec-Fetch-Site: same-origin with its Origin (what Chromium sends)', { 'sec-fetch-site': 'same-origin', origin: SAME }],
    ['an Origin equal to Host (older browsers)', { origin: SAME }],
    ['Sec-Fetch-Site: none (typed by the user)', { 'sec-fetch-site': 'none' }],
    ['no browser headers at all (curl, another server)', {}],
  ])('lets through %s', async (_what, headers) => {
    t = await createTestApp();
    const res = await staffCallNext(headers);
    expect(res.statusCode).toBe(200);
  });

  it('compares the default port: Origin http://hall.test against Host hall.test', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: 'hall.test', origin: 'http://hall.test' } });
    expect(res.statusCode).toBe(200);
    const https = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { host: 'hall.test', origin: 'https://hall.test:8443' } });
    expect(https.statusCode).toBe(403);
  });

  it('leaves reads alone', async () => {
    t = await createTestApp();
    const res = await t.app.inject({ url: '/api/services', headers: { host: HOST, origin: OTHER_PORT, 'sec-fetch-site': 'same-site' } });
    expect(res.statusCode).toBe(200);
  });

  it('keeps the embedded kiosk’s ticket for KIOSK_EMBED_ORIGINS, and only the kiosk’s calls', async () => {
    t = await createTestApp({ env: { KIOSK_EMBED_ORIGINS: EMBEDDER } });
    const embedded = { origin: EMBEDDER, 'sec-fetch-site': 'cross-site' };
    const ticket = await post('/api/tickets', embedded, { serviceId: 'svc-hotich' });
    expect(ticket.statusCode).toBe(201);
    expect(ticket.headers['access-control-allow-origin']).toBe(EMBEDDER);
    expect((await post('/api/tickets', { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' }, { serviceId: 'svc-hotich' })).statusCode).toBe(403);
    const cookie = await loginCookie(t.app, 'staff1');
    expect((await post('/api/counters/1/call-next', { cookie, ...embedded })).json().code).toBe('CROSS_ORIGIN');
  });
});

describe('socket handshakes', () => {
  async function handshake(namespace: string, headers: Headers): Promise<'connected' | string> {
    const s = connect(`${t.url}${namespace}`, { transports: ['websocket'], extraHeaders: headers, reconnection: false, forceNew: true });
    sockets.push(s);
    return new Promise((resolve) => {
      s.once('connect', () => resolve('connected'));
      s.once('connect_error', (err) => resolve(err.message));
    });
  }

  it('refuses /staff to a page on another port carrying the victim’s cookie, and accepts the same origin', async () => {
    t = await createTestApp();
    const url = new URL(await t.listen());
    const cookie = await loginCookie(t.app, 'staff1');
    const otherPort = `http://${url.hostname}:${Number(url.port) + 1}`;
    expect(await handshake('/staff', { cookie, origin: otherPort })).not.toBe('connected');
    expect(await handshake('/staff', { cookie, origin: otherPort, 'sec-fetch-site': 'same-site' })).not.toBe('connected');
    expect(await handshake('/staff', { cookie, origin: url.origin, 'sec-fetch-site': 'same-origin' })).toBe('connected');
    expect(await handshake('/staff', { cookie })).toBe('connected');
  });

  it('applies the same rule to /public, where the embedding origins may follow the queue but never open /staff', async () => {
    t = await createTestApp({ env: { KIOSK_EMBED_ORIGINS: EMBEDDER } });
    const url = new URL(await t.listen());
    expect(await handshake('/public', { origin: `http://${url.hostname}:${Number(url.port) + 1}` })).not.toBe('connected');
    expect(await handshake('/public', { origin: url.origin })).toBe('connected');
    expect(await handshake('/public', { origin: EMBEDDER, 'sec-fetch-site': 'cross-site' })).toBe('connected');
    const cookie = await loginCookie(t.app, 'staff1');
    expect(await handshake('/staff', { cookie, origin: EMBEDDER, 'sec-fetch-site': 'cross-site' })).toBe('CROSS_ORIGIN');
  });
});
