import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import type { PublicSnapshot } from '../../protocol/realtime';

let t: TestApp;
let socket: Socket;

beforeEach(async () => {
  t = await createTestApp();
  await t.listen();
});
afterEach(async () => {
  socket?.disconnect();
  await t.destroy();
});

describe('admin changes reach the screens', () => {
  it('broadcasts config:changed on /public, and a resync carries the new configuration', async () => {
    socket = connect(`${t.url}/public`, { transports: ['websocket'], reconnection: false });
    const first = await new Promise<PublicSnapshot>((resolve) => socket.once('queue:snapshot', resolve));
    expect(first.center.noticeLine).not.toBe('Nghỉ trưa từ 11 giờ 30.');

    const changed = new Promise<{ seq: number }>((resolve) => socket.once('config:changed', resolve));
    const cookie = await loginCookie(t.app, 'admin');
    const res = await fetch(`${t.url}/api/admin/notice`, {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ noticeLine: 'Nghỉ trưa từ 11 giờ 30.', noticeLineEn: 'Lunch break from 11:30.' }),
    });
    expect(res.status).toBe(200);
    expect((await changed).seq).toBe(first.seq);

    const reply = await socket.emitWithAck('queue:resync');
    expect(reply.ok).toBe(true);
    expect(reply.data.center.noticeLine).toBe('Nghỉ trưa từ 11 giờ 30.');
  });

  it('does not broadcast when a change is refused', async () => {
    socket = connect(`${t.url}/public`, { transports: ['websocket'], reconnection: false });
    await new Promise((resolve) => socket.once('queue:snapshot', resolve));
    let broadcasts = 0;
    socket.on('config:changed', () => broadcasts++);
    const cookie = await loginCookie(t.app, 'admin');
    const bad = await fetch(`${t.url}/api/admin/notice`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ noticeLine: 'x'.repeat(501), noticeLineEn: '' }) });
    expect(bad.status).toBe(400);
    // A later, valid change is the first broadcast this socket sees: the refused one sent nothing.
    const changed = new Promise((resolve) => socket.once('config:changed', resolve));
    await fetch(`${t.url}/api/admin/notice`, { method: 'PUT', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify({ noticeLine: 'Được', noticeLineEn: 'OK' }) });
    await changed;
    expect(broadcasts).toBe(1);
  });
});
