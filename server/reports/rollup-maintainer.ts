/**
 * Keeps the summary rollups (server/reports/rollups.ts) current, off the queue writer's path: woken at start, after
 * each roll-over to a new business day, when a summary met a closed day without a fresh rollup, and every few
 * minutes (a late rating, a changed target wait). It builds one day per turn of the event loop, so a first start on
 * a year of tickets never holds the queue for more than one day's build.
 */
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Db } from '../store/db';
import { buildDay, markRatingsSeen, pendingDays } from './rollups';
import { loadLabels } from './labels';

export interface RollupMaintainerOptions {
  db: Db;
  centerId: string;
  timeZone: () => string;
  now: () => number;
  logger: Logger;
  /** How often to look for late ratings and stale days; default 10 minutes. */
  intervalMs?: number;
}

export class RollupMaintainer {
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly o: RollupMaintainerOptions) {}

  start(): void {
    this.stopped = false;
    this.timer = setInterval(() => this.wake(), this.o.intervalMs ?? 600_000);
    this.timer.unref();
    this.wake();
  }

  /** Asks for a pass soon; never runs anything on the caller's turn. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = new Promise<void>((resolve) => setImmediate(resolve))
      .then(() => this.pass())
      .catch((err: unknown) => this.o.logger.error({ err }, 'summary rollups failed'))
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
  }

  /** Resolves once no pass is running (tests). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  private async pass(): Promise<void> {
    const { db, centerId } = this.o;
    const timeZone = this.o.timeZone();
    const { days, ratingsMax } = pendingDays(db, centerId, timeZone);
    if (days.length === 0) {
      markRatingsSeen(db, centerId, ratingsMax);
      return;
    }
    const labels = loadLabels(db, centerId);
    const t0 = Date.now();
    for (const day of days) {
      if (this.stopped) return;
      buildDay(db, centerId, day, timeZone, this.o.now(), labels);
      await new Promise((resolve) => setImmediate(resolve));
    }
    markRatingsSeen(db, centerId, ratingsMax);
    this.o.logger.info({ days: days.length, ms: Date.now() - t0 }, 'summary rollups built');
  }
}
