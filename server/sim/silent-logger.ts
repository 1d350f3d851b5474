import pino from 'pino';
import type { FastifyBaseLogger } from 'fastify';

/** The queue writer logs day roll-overs and failures; a simulated day has nothing to tell. */
export const silentLogger = pino({ level: 'silent' }) as unknown as FastifyBaseLogger;
