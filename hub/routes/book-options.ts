/** Timings and limits of the bookings relayed to centers (BuildHubOptions.booking; defaults for production). */
import type { EventEmitter } from 'node:events';
import type { FastifyInstance } from 'fastify';

export interface BookingOptions {
  /** How long a citizen's request waits for its center before the hub gives up (503 CENTER_UNREACHABLE). */
  waitMs: number;
  /** After giving up on a request the center had already taken: how much longer to wait for its answer. */
  graceMs: number;
  /** A taken request left unanswered this long is delivered again (without its personal part). */
  redeliverMs: number;
  /** No ID number, phone or name stays on the hub longer than this, whatever happened. */
  personMs: number;
  /** Requests and their answers (booking codes) are deleted after this: retries come within minutes. */
  keepMs: number;
  /** How often a waiting request or a center's long poll looks at the database (other nodes' changes). */
  pollMs: number;
  /** Booking and cancel requests one address may make per hour (and 3× per day), like a center's page. */
  perHour: number;
}

export const DEFAULT_BOOKING_OPTIONS: BookingOptions = {
  waitMs: 15_000,
  graceMs: 5_000,
  redeliverMs: 20_000,
  personMs: 5 * 60_000,
  keepMs: 24 * 3_600_000,
  pollMs: 1_000,
  perHour: 10,
};

declare module 'fastify' {
  interface FastifyInstance {
    hubBookingOptions: BookingOptions;
  }
}

export function bookingOptions(app: FastifyInstance): BookingOptions {
  return app.hubBookingOptions ?? DEFAULT_BOOKING_OPTIONS;
}

/** Resolves on the first `event` whose argument matches, or after `ms`. */
export function nextSignal(events: EventEmitter, event: string, match: (arg: string) => boolean, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      events.off(event, on);
      events.off('booking-close', done);
      resolve();
    };
    const on = (arg: string) => {
      if (match(arg)) done();
    };
    const timer = setTimeout(done, Math.max(0, ms));
    events.on(event, on);
    events.on('booking-close', done);
  });
}
