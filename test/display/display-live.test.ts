/**
 * The displays' live connection against real Socket.IO: the real app for the happy path and
 * the restart, a bare server where the test needs to misbehave (a seq gap).
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import type { CallRecord, PublicClientToServer, PublicServerToClient } from '../../protocol/realtime';
import { displayConnection } from '../../display/lib/display-live';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { call, snapshot, update } from './fixtures';
import { cleanupAfterEach, until } from '../helpers/wait';

const cleanup = cleanupAfterEach();

async function staffCall(t: TestApp, cookie: string, counter: number): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: `/api/counters/${counter}/call-next`, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`call-next ${res.statusCode} ${res.body}`);
}

async function issue(t: TestApp, serviceId: string): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId } });
  if (res.statusCode !== 201) throw new Error(`issue ${res.statusCode} ${res.body}`);
}

describe('Display live connection with the real server', () => {
  it('loads a snapshot, follows updates and reports each new call once', async () => {
    const t = await createTestApp();
    cleanup.push(() => t.destroy());
    const url = await t.listen();
    const connection = displayConnection({ url: `${url}/public`, resyncEveryMs: 0 });
    cleanup.push(() => connection.stop());
    const fresh: CallRecord[] = [];
    connection.onNews((c) => fresh.push(c));
    connection.start();
    await until(() => connection.view.ready && connection.status === 'online', 'snapshot');
    expect(connection.view.center?.name).toContain('Hòa Bình');

    const cookie = await loginCookie(t.app, 'staff1');
    await issue(t, 'svc-hotich');
    await issue(t, 'svc-hotich');
    await until(() => connection.view.stats.find((s) => s.serviceId === 'svc-hotich')?.waiting === 2, 'waiting count 2');
    await staffCall(t, cookie, 1);
    await until(() => fresh.length === 1, 'the call');
    expect(fresh[0].ticket.number).toBe('A001');
    expect(fresh[0].counter.number).toBe(1);
    expect(connection.view.counters.find((c) => c.number === 1)?.currentTicket?.number).toBe('A001');
    expect(connection.view.seq).toBe(t.app.queue.state().seq);
    expect(connection.resyncCount).toBe(0);
  });

  it('comes back by itself after the server restarts on the same port, with what happened meanwhile', async () => {
    let t = await createTestApp();
    const dataDir = t.dataDir;
    const url = await t.listen();
    const port = Number(new URL(url).port);
    cleanup.push(() => t.destroy());
    const connection = displayConnection({ url: `${url}/public`, resyncEveryMs: 0 });
    cleanup.push(() => connection.stop());
    const fresh: CallRecord[] = [];
    connection.onNews((c) => fresh.push(c));
    connection.start();
    await until(() => connection.view.ready, 'first snapshot');
    await issue(t, 'svc-chungthuc');
    await issue(t, 'svc-chungthuc');

    await t.close();
    await until(() => connection.status === 'offline', 'offline status');
    t = await createTestApp({ dataDir });
    // A call while the screen is cut off from the server.
    await staffCall(t, await loginCookie(t.app, 'staff2'), 2);
    await t.app.listen({ port, host: '127.0.0.1' });

    await until(() => connection.status === 'online' && connection.view.calls.some((c) => c.ticket.number === 'B001'), 'recovery', 30_000);
    expect(connection.view.counters.find((c) => c.number === 2)?.currentTicket?.number).toBe('B001');
    expect(fresh.map((c) => c.ticket.number)).toEqual(['B001']);
    expect(connection.view.stats.find((s) => s.serviceId === 'svc-chungthuc')?.waiting).toBe(1);
  }, 60_000);
});

describe('Display live connection resync rules (bare Socket.IO server)', () => {
  async function bareServer() {
    const http = createServer();
    const io = new Server<PublicClientToServer, PublicServerToClient>(http);
    let resyncs = 0;
    const ns = io.of('/public');
    let current = snapshot({ seq: 10 });
    ns.on('connection', (socket) => {
      socket.emit('queue:snapshot', current);
      socket.on('queue:resync', (ack) => {
        resyncs++;
        ack({ ok: true, data: current });
      });
    });
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
    cleanup.push(() => new Promise<void>((r) => io.close(() => r())));
    return {
      url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/public`,
      ns,
      resyncs: () => resyncs,
      setSnapshot: (s: typeof current) => (current = s),
    };
  }

  it('a seq gap triggers queue:resync and the snapshot brings the missed call', async () => {
    const server = await bareServer();
    const connection = displayConnection({ url: server.url, resyncEveryMs: 0 });
    cleanup.push(() => connection.stop());
    const fresh: CallRecord[] = [];
    connection.onNews((c) => fresh.push(c));
    connection.start();
    await until(() => connection.view.ready, 'snapshot');

    // Update 11 (with its call) is lost; 12 arrives.
    const missed = call('A005', 1, 11, Date.now());
    server.setSnapshot(snapshot({ seq: 12, serverTime: Date.now(), recentCalls: [missed] }));
    server.ns.emit('queue:update', update(12));
    await until(() => connection.view.seq === 12, 'resync to seq 12');
    expect(server.resyncs()).toBe(1);
    expect(fresh.map((c) => c.ticket.number)).toEqual(['A005']);
  });

  it('config:changed refetches the snapshot (new notice line)', async () => {
    const server = await bareServer();
    const connection = displayConnection({ url: server.url, resyncEveryMs: 0 });
    cleanup.push(() => connection.stop());
    connection.start();
    await until(() => connection.view.ready, 'snapshot');
    const s = snapshot({ seq: 10 });
    server.setSnapshot({ ...s, center: { ...s.center, noticeLine: 'Chiều nay nghỉ họp' } });
    server.ns.emit('config:changed', { seq: 10 });
    await until(() => connection.view.center?.noticeLine === 'Chiều nay nghỉ họp', 'new notice');
  });
});
