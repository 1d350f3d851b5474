/**
 * Builds a hub node as a Fastify instance, without listening (tests call `buildHub(...)` then `app.inject`).
 * It reuses the center's pieces: the error format and translations (server/plugins/errors), security headers and
 * the rate limiter (server/plugins/security), the same-origin rule, scrypt passwords and the login throttle.
 */
import { EventEmitter } from 'node:events';
import { join } from 'node:path';
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { DomainError } from '../protocol/errors';
import { systemClock, type Clock } from '../server/core/clock';
import errors, { errorBody } from '../server/plugins/errors';
import security from '../server/plugins/security';
import { fromSameOrigin } from '../server/plugins/same-origin';
import type { HubConfig } from './config';
import { openPglite, openPostgres, type HubDb } from './db/db';
import { migrate } from './db/migrations';
import { seedHubIfEmpty, type HubSeedAccount } from './seed';
import hubAuth from './auth';
import hubRealtime from './realtime';
import authRoutes from './routes/auth';
import uplinkRoutes from './routes/uplink';
import provinceRoutes from './routes/province';
import provincePage from './routes/page';
import bookRoutes from './routes/book';
import bookLinkRoutes from './routes/book-link';
import bookPage from './routes/book-page';
import { DEFAULT_BOOKING_OPTIONS, type BookingOptions } from './routes/book-options';

declare module 'fastify' {
  interface FastifyInstance {
    hubConfig: HubConfig;
    hubDb: HubDb;
    clock: Clock;
    /** 'ingested' { centerId, inserted, state } after each applied batch. */
    hubEvents: EventEmitter;
    hubSeededAccounts: HubSeedAccount[];
  }
}

export interface BuildHubOptions {
  config: HubConfig;
  /** An open database (tests); else opened from DATABASE_URL, or PGlite under HUB_DATA_DIR. The hub closes it. */
  db?: HubDb;
  clock?: Clock;
  logger?: object | boolean;
  /** Timings and limits of the bookings relayed to centers (tests shorten the wait). */
  booking?: Partial<BookingOptions>;
}

/**
 * The ID number, phone and name of a booking relayed to a center never reach a log line (as on a center:
 * server/app.ts PERSONAL_LOG_PATHS), even if some code logged a request body or a request row.
 */
export const HUB_PERSONAL_LOG_PATHS = [
  'idNumber', 'phone', 'person',
  '*.idNumber', '*.phone', '*.person',
  'req.body.name', 'body.name', 'req.body.idNumber', 'req.body.phone',
  'requests[*].idNumber', 'requests[*].phone', 'requests[*].name',
];

export async function openHubDb(config: HubConfig): Promise<HubDb> {
  return config.DATABASE_URL ? openPostgres(config.DATABASE_URL, { max: config.HUB_DB_POOL }) : openPglite(join(config.dataDir, 'pglite'));
}

const hubCore = fp<{ config: HubConfig; db: HubDb; clock: Clock }>(async function hubCore(app, { config, db, clock }) {
  await migrate(db);
  const seeded = await seedHubIfEmpty(db, { mode: config.SEED, demoPassword: config.DEMO_PASSWORD, now: clock.now() });
  app.decorate('hubConfig', config);
  app.decorate('hubDb', db);
  app.decorate('clock', clock);
  app.decorate('hubEvents', new EventEmitter());
  app.decorate('hubSeededAccounts', seeded);
  app.addHook('onClose', async () => {
    await db.close();
  });
}, { name: 'hub-core', dependencies: [] });

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Same origin for every change a browser asks for (server/plugins/same-origin.ts); a center's link sends no Origin. */
const hubSameOrigin = fp(async function hubSameOrigin(app) {
  app.addHook('onRequest', async (req) => {
    if (!READS.has(req.method) && !fromSameOrigin(req.raw.headers)) throw new DomainError('CROSS_ORIGIN');
  });
}, { name: 'hub-same-origin', dependencies: [] });

export async function buildHub({ config, db, clock = systemClock, logger, booking }: BuildHubOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === undefined ? { level: config.LOG_LEVEL, redact: HUB_PERSONAL_LOG_PATHS } : typeof logger === 'object' ? { redact: HUB_PERSONAL_LOG_PATHS, ...logger } : logger,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
    forceCloseConnections: true,
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true } },
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => reply.status(err.statusCode ?? 400).send(errorBody(req, 'BAD_REQUEST')),
  }).withTypeProvider<TypeBoxTypeProvider>();

  await app.register(errors);
  await app.register(hubCore, { config, db: db ?? (await openHubDb(config)), clock });
  await app.register(security);
  await app.register(hubSameOrigin);
  await app.register(hubAuth);
  await app.register(hubRealtime);
  await app.register(authRoutes);
  await app.register(uplinkRoutes);
  await app.register(provinceRoutes);
  await app.register(provincePage);
  app.decorate('hubBookingOptions', { ...DEFAULT_BOOKING_OPTIONS, ...booking });
  // Every citizen waiting for a center's answer listens here for a moment.
  app.hubEvents.setMaxListeners(0);
  await app.register(bookLinkRoutes);
  await app.register(bookRoutes);
  await app.register(bookPage);
  // The dashboard's "now" (offline since…, today's report) is the hub's clock, not the PC's: every answer says it.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('x-server-time', String(app.clock.now()));
  });
  app.get('/api/health', async () => ({ status: 'ok', role: 'hub', database: app.hubDb.kind, redis: app.redisStatus() }));
  return app as unknown as FastifyInstance;
}
