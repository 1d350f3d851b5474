/**
 * The province dashboard's live feed: Socket.IO namespace `/province` (a signed-in province account, same origin),
 * which sends `center:update` (the center's row as GET /api/hub/centers has it) after every batch a node ingests.
 * With REDIS_URL the Socket.IO Redis adapter carries each emit to every node, so a dashboard connected to any node
 * sees every center; without it the node is alone. Redis down: ingest goes on (emits are fire-and-forget), and
 * `hub:status` tells connected dashboards that other nodes' news may be missing until it is back.
 */
import fp from 'fastify-plugin';
import { Server } from 'socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import { createClient } from 'redis';
import { SESSION_COOKIE, cookieFromHeader } from '../server/auth/sessions';
import { fromSameOrigin } from '../server/plugins/same-origin';
import { HUB_DIRECTORS } from './auth';
import { listCenters } from './routes/province';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    /** 'single' without Redis; 'ok' / 'down' with it. */
    redisStatus: () => 'single' | 'ok' | 'down';
  }
}

export default fp(async function hubRealtime(app) {
  const io = new Server(app.server, {
    serveClient: false,
    allowRequest: (req, callback) => callback(fromSameOrigin(req.headers) ? null : 'CROSS_ORIGIN', fromSameOrigin(req.headers)),
  });
  let status: 'single' | 'ok' | 'down' = 'single';
  const clients: { quit: () => Promise<unknown> }[] = [];

  if (app.hubConfig.REDIS_URL) {
    const reconnectStrategy = (retries: number) => Math.min(200 * 2 ** retries, 5_000);
    const pub = createClient({ url: app.hubConfig.REDIS_URL, socket: { reconnectStrategy } });
    const sub = pub.duplicate();
    const setStatus = (next: 'ok' | 'down') => {
      if (status === next) return;
      status = next;
      app.log[next === 'ok' ? 'info' : 'warn']({ redis: next }, 'redis link');
      province.local.emit('hub:status', { redis: next });
    };
    for (const c of [pub, sub]) {
      c.on('error', () => setStatus('down'));
      c.on('ready', () => {
        if (pub.isReady && sub.isReady) setStatus('ok');
      });
      c.on('end', () => setStatus('down'));
    }
    status = 'down';
    // Not awaited: a hub starts (and ingests) while Redis is down; the clients queue until it answers.
    for (const c of [pub, sub]) c.connect().catch((err) => app.log.warn({ err }, 'redis connect failed'));
    io.adapter(createAdapter(pub, sub));
    clients.push(pub, sub);
  }

  const province = io.of('/province');
  province.use(async (socket, next) => {
    try {
      const token = cookieFromHeader(socket.handshake.headers.cookie, SESSION_COOKIE);
      const account = token ? await app.hubSessions.find(token, app.clock.now()) : null;
      if (!account || !HUB_DIRECTORS.includes(account.role)) return next(Object.assign(new Error('UNAUTHENTICATED'), { data: { code: 'UNAUTHENTICATED' } }));
      next();
    } catch (err) {
      next(err as Error);
    }
  });
  province.on('connection', (socket) => {
    socket.emit('hub:status', { redis: status });
  });

  app.hubEvents.on('ingested', ({ centerId }: { centerId: string }) => {
    void listCenters(app, centerId)
      .then(([center]) => {
        if (center) province.emit('center:update', center);
      })
      .catch((err) => app.log.warn({ err }, 'center:update not sent'));
  });

  app.decorate('io', io);
  app.decorate('redisStatus', () => status);
  app.addHook('onClose', async () => {
    io.close();
    await Promise.all(clients.map((c) => c.quit().catch(() => undefined)));
  });
}, { name: 'hub-realtime', dependencies: ['hub-core', 'hub-auth'] });
