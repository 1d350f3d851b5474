/**
 * The live core against a bare Socket.IO server that misbehaves on demand: it
 * closes sockets, refuses handshakes, skips a seq. A tiny channel records what
 * reaches the page's reducer.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';
import { describe, expect, it } from 'vitest';
import type { QueueUpdate } from '../../protocol/realtime';
import type { LiveChannel, LiveClientEvents, LiveServerEvents, LiveSnapshot } from '../../live/live-channel';
import { LiveConnection } from '../../live/live-connection';
import { update } from '../display/fixtures';
import { cleanupAfterEach, until } from '../helpers/wait';

interface View {
  snapshots: number;
  applied: number[];
}
type Events = LiveServerEvents<LiveSnapshot>;

const channel: LiveChannel<View, LiveSnapshot, Events> = {
  namespace: '/public',
  empty: () => ({ snapshots: 0, applied: [] }),
  snapshot: (view) => ({ view: { ...view, snapshots: view.snapshots + 1 } }),
  update: (view, u: QueueUpdate) => ({ view: { ...view, applied: [...view.applied, u.seq] } }),
};

const FAST = { baseDelayMs: 50, maxDelayMs: 200, jitter: 0.5 };

const cleanup = cleanupAfterEach();

async function bareServer(options: { refuseFirst?: number; refuseWith?: string; serverTime?: () => number } = {}) {
  const http = createServer();
  const io = new Server<LiveClientEvents<LiveSnapshot>, Events>(http);
  const ns = io.of('/public');
  let refusals = options.refuseFirst ?? 0;
  let resyncs = 0;
  let handshakes = 0;
  let seq = 10;
  const snapshot = () => ({ seq, serverTime: options.serverTime?.() ?? Date.now() });
  ns.use((_socket, next) => {
    handshakes++;
    return refusals-- > 0 ? next(new Error(options.refuseWith ?? 'not now')) : next();
  });
  ns.on('connection', (socket) => {
    socket.emit('queue:snapshot', snapshot());
    socket.on('queue:resync', (ack) => {
      resyncs++;
      ack({ ok: true, data: snapshot() });
    });
  });
  await new Promise<void>((r) => http.listen(0, '127.0.0.1', r));
  cleanup.push(() => new Promise<void>((r) => io.close(() => r())));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/public`,
    ns,
    resyncs: () => resyncs,
    handshakes: () => handshakes,
    refuseNext: (count: number) => (refusals = count),
    setSeq: (value: number) => (seq = value),
  };
}

function open(url: string) {
  const connection = new LiveConnection(channel, { url, reconnect: FAST });
  cleanup.push(() => connection.stop());
  connection.start();
  return connection;
}

describe('live core', () => {
  it('applies the next update only: a replay is dropped, a gap fetches a snapshot instead', async () => {
    const server = await bareServer();
    const connection = open(server.url);
    await until(() => connection.view.snapshots === 1, 'snapshot');
    server.ns.emit('queue:update', update(11));
    server.ns.emit('queue:update', update(11));
    await until(() => connection.view.applied.length === 1, 'update 11');
    server.setSeq(13);
    server.ns.emit('queue:update', update(13));
    await until(() => connection.view.snapshots === 2, 'resync snapshot');
    expect(server.resyncs()).toBe(1);
    expect(connection.view.applied).toEqual([11]);
    server.ns.emit('queue:update', update(14));
    await until(() => connection.view.applied.length === 2, 'update 14');
    expect(connection.view.applied).toEqual([11, 14]);
  });

  it('comes back after the server closed the socket, which socket.io-client does not retry by itself', async () => {
    const server = await bareServer();
    const connection = open(server.url);
    await until(() => connection.status === 'online' && connection.view.snapshots === 1, 'online');
    server.ns.disconnectSockets(true);
    await until(() => connection.status === 'offline', 'offline');
    await until(() => connection.status === 'online' && connection.view.snapshots === 2, 'back online with a snapshot');
  });

  it('keeps redialling while the server refuses the handshake', async () => {
    const server = await bareServer({ refuseFirst: 3 });
    const connection = open(server.url);
    await until(() => connection.status === 'online' && connection.view.snapshots === 1, 'accepted at the fourth try');
  });

  it('stops redialling when the server refuses the session, and says so: signed-out', async () => {
    for (const code of ['UNAUTHENTICATED', 'PASSWORD_CHANGE_REQUIRED']) {
      const server = await bareServer({ refuseFirst: 100, refuseWith: code });
      const connection = open(server.url);
      await until(() => connection.status === 'signed-out', `signed-out on ${code}`);
      await new Promise((r) => setTimeout(r, 600)); // several redial delays of the fast policy
      expect(server.handshakes()).toBe(1);
    }
  });

  it('signs out after the server closed a socket whose session ended: the redial is refused for the session', async () => {
    const server = await bareServer({ refuseWith: 'UNAUTHENTICATED' });
    const connection = open(server.url);
    await until(() => connection.status === 'online', 'online');
    server.refuseNext(100);
    server.ns.disconnectSockets(true);
    await until(() => connection.status === 'signed-out', 'signed-out');
    await new Promise((r) => setTimeout(r, 600));
    expect(server.handshakes()).toBe(2);
  });

  it('takes "now" from the server clock of the snapshot, not from this machine', async () => {
    const ahead = 3 * 3600_000;
    const server = await bareServer({ serverTime: () => Date.now() + ahead });
    const connection = open(server.url);
    expect(connection.serverOffsetMs).toBeNull();
    await until(() => connection.view.snapshots === 1, 'snapshot');
    expect(Math.abs(connection.serverNow() - (Date.now() + ahead))).toBeLessThan(1000);
  });
});
