/**
 * Builds the whole application as a Fastify instance, without listening:
 * tests call `buildApp(...)` then `app.inject(...)` or `app.listen({ port: 0 })`.
 */
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { AppConfig } from './config';
import { systemClock, type Clock } from './core/clock';
import core from './plugins/core';
import errors, { errorBody } from './plugins/errors';
import security from './plugins/security';
import auth from './plugins/auth';
import devices from './plugins/devices';
import printing from './plugins/printing';
import realtime from './plugins/realtime';
import docs from './plugins/docs';
import pages from './plugins/pages';
import voicePacks from './plugins/voice-packs';
import embedding from './plugins/embedding';
import sameOrigin from './plugins/same-origin';
import hubLink from './plugins/hub-link';
import reportRollups from './plugins/report-rollups';
import appointments from './appointments/plugin';
import publicRoutes from './routes/public';
import ticketRoutes from './routes/tickets';
import authRoutes from './routes/auth';
import deviceRoutes from './routes/devices';
import counterRoutes from './routes/counters';
import procedureRoutes from './routes/procedures';
import reportRoutes from './routes/reports';
import whatIfRoutes from './routes/what-if';
import ratingRoutes from './routes/ratings';
import adminRoutes from './routes/admin';
import printerRoutes from './routes/printers';

export interface BuildOptions {
  config: AppConfig;
  clock?: Clock;
  /** pino options or false; default: JSON at config.LOG_LEVEL. Personal fields are redacted either way (PERSONAL_LOG_PATHS). */
  logger?: object | boolean;
}

/**
 * Where personal data could reach a log line if some code ever logged a request body or a booking: the ID
 * number, a scanned CCCD's text, a phone number and a citizen's name are replaced by "[redacted]".
 */
export const PERSONAL_LOG_PATHS = [
  'idNumber', 'cccd', 'phone',
  '*.idNumber', '*.cccd', '*.phone',
  'req.body.name', 'body.name', 'req.body.idNumber', 'req.body.cccd', 'req.body.phone',
];

export async function buildApp({ config, clock = systemClock, logger }: BuildOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger === undefined ? { level: config.LOG_LEVEL, redact: PERSONAL_LOG_PATHS } : typeof logger === 'object' ? { redact: PERSONAL_LOG_PATHS, ...logger } : logger,
    trustProxy: false,
    bodyLimit: 1024 * 1024,
    // On close, cut every connection (long-polling sockets included) instead of waiting out their
    // timeouts: nothing in flight is acknowledged yet, and clients retry with their Idempotency-Key.
    forceCloseConnections: true,
    ajv: { customOptions: { removeAdditional: true, coerceTypes: 'array', useDefaults: true } },
    // The router refuses malformed URLs (bad percent-encoding, over-long params) before any
    // hook or error handler runs: answer them like all bad input, `{ code, message }` translated.
    frameworkErrors: (err: FastifyError, req: FastifyRequest, reply: FastifyReply) => reply.status(err.statusCode ?? 400).send(errorBody(req, 'BAD_REQUEST')),
  }).withTypeProvider<TypeBoxTypeProvider>();

  // Each plugin names what it needs (fastify-plugin `dependencies`): a wrong order fails at start.
  // Two orders no dependency states: errors first (its handlers cover everything registered after
  // it), and docs before the routes (it documents only the routes registered after it).
  await app.register(errors);
  await app.register(core, { config, clock });
  await app.register(security);
  await app.register(embedding);
  await app.register(sameOrigin);
  await app.register(auth);
  await app.register(devices);
  await app.register(printing);
  await app.register(docs);
  await app.register(realtime);
  await app.register(hubLink);
  await app.register(reportRollups);
  await app.register(appointments);
  await app.register(publicRoutes);
  await app.register(ticketRoutes);
  await app.register(authRoutes);
  await app.register(deviceRoutes);
  await app.register(counterRoutes);
  await app.register(printerRoutes);
  await app.register(procedureRoutes);
  await app.register(reportRoutes);
  await app.register(whatIfRoutes);
  await app.register(ratingRoutes);
  await app.register(adminRoutes);
  await app.register(voicePacks);
  await app.register(pages);
  return app as unknown as FastifyInstance;
}
