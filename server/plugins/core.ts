/**
 * The site database, the clock and the queue writer (core/queue-service.ts), shared by
 * every route as `app.db`, `app.clock` and `app.queue`. Seeds an empty database once.
 */
import fp from 'fastify-plugin';
import type { AppConfig } from '../config';
import { openDatabase, type Db } from '../store/db';
import { SqliteQueueStore } from '../store/queue-store';
import { QueueService } from '../core/queue-service';
import type { Clock } from '../core/clock';
import { seedIfEmpty, type SeedAccount } from '../seed/seed';

declare module 'fastify' {
  interface FastifyInstance {
    config: AppConfig;
    db: Db;
    queue: QueueService;
    clock: Clock;
    /** Accounts created by the seed at this start (printed once), else []. */
    seededAccounts: SeedAccount[];
  }
}

export interface CoreOptions {
  config: AppConfig;
  clock: Clock;
}

export default fp<CoreOptions>(async function core(app, { config, clock }) {
  const db = openDatabase(config.dbFile, { synchronous: config.DB_SYNCHRONOUS });
  const seededAccounts = seedIfEmpty(db, { mode: config.SEED, demoPassword: config.DEMO_PASSWORD, timeZone: config.centerTimeZone, now: clock.now() });
  if (config.CENTER_TZ) db.prepare('UPDATE centers SET time_zone = ?').run(config.CENTER_TZ);

  const queue = new QueueService(new SqliteQueueStore(db), clock, app.log.child({ module: 'queue' }));
  app.decorate('config', config);
  app.decorate('db', db);
  app.decorate('clock', clock);
  app.decorate('queue', queue);
  app.decorate('seededAccounts', seededAccounts);
  app.addHook('onClose', async () => {
    db.close();
  });
}, { name: 'core', dependencies: [] });
