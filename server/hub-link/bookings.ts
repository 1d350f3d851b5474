/**
 * Bookings made on the province hub's /book/ page, relayed to this center (server/hub-link/README.md, "Bookings
 * from the hub"). Its own loop beside the uplink, so a long catch-up never delays a citizen:
 *
 *   - a long poll (`GET /api/hub/bookings?wait=25`): the hub answers as soon as a citizen asks, so a booking
 *     reaches the center within about a second while it is online;
 *   - each request is booked or cancelled through `app.appointments`, the center's own path (same checks, same
 *     transaction), with the hub's request id as the idempotency key: a request delivered twice books once;
 *   - the answers are posted back (kept and posted again until the hub has them);
 *   - the snapshot (services, free places, booking info) goes up at start, after every change of a booking (a
 *     request relayed here, a booking or cancel on the center's own page, a check-in; at most every 2 s) and every
 *     minute (slots pass with the clock).
 */
import type { FastifyBaseLogger as Logger } from 'fastify';
import { DomainError } from '../../protocol/errors';
import type { BookingAnswer, BookingRequest, BookingSnapshot } from '../../protocol/hub';
import type { AppointmentService } from '../appointments/service';
import type { Db } from '../store/db';
import { backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { HubBookingClient } from './client';

export interface BookingRelayOptions {
  /** The hub's address and this center's credential (from the link's enrolment), or null while not enrolled. */
  address: () => { url: string; credential: string } | null;
  appointments: () => AppointmentService;
  snapshot: () => BookingSnapshot;
  db: Db;
  /** The center's booking idempotency scope (`book:<centerId>`, server/appointments/service.ts). */
  bookScope: () => string;
  /** The center's clock (when a relayed cancel is recorded). */
  now: () => number;
  logger: Logger;
  fetch?: typeof fetch;
  waitSeconds?: number;
  snapshotEveryMs?: number;
  snapshotThrottleMs?: number;
}

/** The prefix of a relayed request's idempotency key at the center (never a page's: those are random ids). */
export const HUB_KEY_PREFIX = 'hub:';

export class BookingRelay {
  private running = false;
  private loop: Promise<void> | null = null;
  private abort: AbortController | null = null;
  private wakeSleep: (() => void) | null = null;
  private outbox: BookingAnswer[] = [];
  private failures = 0;
  private snapshotTimer: NodeJS.Timeout | null = null;
  private snapshotDirty = true;
  private snapshotInFlight: Promise<void> | null = null;
  private lastSnapshotAt = Number.NEGATIVE_INFINITY;
  private readonly waitSeconds: number;
  private readonly everyMs: number;
  private readonly throttleMs: number;

  constructor(private readonly o: BookingRelayOptions) {
    this.waitSeconds = o.waitSeconds ?? 25;
    this.everyMs = o.snapshotEveryMs ?? 60_000;
    this.throttleMs = o.snapshotThrottleMs ?? 2_000;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
    this.armSnapshot(0);
  }

  async stop(): Promise<void> {
    this.running = false;
    // The hub sees the long poll hang up and takes nothing more for this center.
    this.abort?.abort();
    this.wakeSleep?.();
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    await Promise.race([this.loop, new Promise((r) => setTimeout(r, 2000).unref())]);
  }

  /** A booking changed at the center (booked, cancelled, checked in): the hub's places are updated soon. */
  changed(): void {
    this.snapshotDirty = true;
    if (!this.running) return;
    this.armSnapshot(Math.max(0, this.lastSnapshotAt + this.throttleMs - Date.now()));
  }

  private client(): HubBookingClient | null {
    const a = this.o.address();
    return a ? new HubBookingClient(a.url, a.credential, { fetch: this.o.fetch }) : null;
  }

  private armSnapshot(ms: number): void {
    if (this.snapshotTimer) clearTimeout(this.snapshotTimer);
    this.snapshotTimer = setTimeout(() => void this.publish(), ms);
    this.snapshotTimer.unref();
  }

  /** One snapshot at a time; the next is armed for a minute later (or sooner by `changed`). */
  private publish(): Promise<void> {
    if (this.snapshotInFlight) return this.snapshotInFlight;
    const client = this.client();
    if (!client || !this.running) {
      if (this.running) this.armSnapshot(5_000);
      return Promise.resolve();
    }
    this.snapshotDirty = false;
    this.lastSnapshotAt = Date.now();
    this.snapshotInFlight = client
      .snapshot(this.o.snapshot())
      .catch((err) => {
        this.snapshotDirty = true;
        this.o.logger.warn({ err: (err as Error)?.message }, 'hub bookings: snapshot not sent');
      })
      .finally(() => {
        this.snapshotInFlight = null;
        if (this.running) this.armSnapshot(this.snapshotDirty ? this.throttleMs : this.everyMs);
      });
    return this.snapshotInFlight;
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      t.unref();
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.wakeSleep = done;
    });
  }

  private async run(): Promise<void> {
    while (this.running) {
      const client = this.client();
      if (!client) {
        await this.sleep(5_000);
        continue;
      }
      try {
        if (this.outbox.length > 0) await this.flush(client);
        this.abort = new AbortController();
        const requests = await client.requests(this.waitSeconds, this.abort.signal);
        if (requests.length > 0) {
          for (const r of requests) {
            const answer = this.handle(r);
            if (answer) this.outbox.push(answer);
          }
          await this.flush(client);
          this.changed();
        }
        this.failures = 0;
      } catch (err) {
        if (!this.running) break;
        this.failures++;
        this.o.logger.warn({ err: (err as Error)?.message, failures: this.failures }, 'hub bookings: exchange failed, retrying with backoff');
        await this.sleep(backoffDelay(this.failures, Math.random(), DEFAULT_BACKOFF));
      }
    }
  }

  private async flush(client: HubBookingClient): Promise<void> {
    const sending = this.outbox;
    await client.answers(sending);
    this.outbox = this.outbox.filter((a) => !sending.includes(a));
  }

  /** One request through the center's own booking path; null leaves it for a redelivery (an unexpected error). */
  handle(r: BookingRequest): BookingAnswer | null {
    const service = this.o.appointments();
    try {
      if (r.kind === 'cancel') {
        // A cancel delivered again (its answer lost) gets its first answer, not "already cancelled".
        const earlier = this.recorded(this.cancelScope(), r.id);
        if (earlier) return { id: r.id, status: 200, body: this.booked(earlier) };
        const done = service.cancel(r.code, r.lang);
        this.o.db.prepare('INSERT INTO idempotency_keys (scope, key, response, created_at) VALUES (?, ?, ?, ?)').run(this.cancelScope(), HUB_KEY_PREFIX + r.id, done.code, this.o.now());
        this.o.logger.info({ code: done.code, hubRequest: r.id }, 'hub booking cancelled');
        return { id: r.id, status: 200, body: done };
      }
      if (!r.idNumber) return this.redelivered(r.id);
      const input = { serviceId: r.serviceId, date: r.date, time: r.time, idNumber: r.idNumber, phone: r.phone, name: r.name };
      const booked = service.book(input, HUB_KEY_PREFIX + r.id);
      this.o.logger.info({ code: booked.code, hubRequest: r.id, replayed: booked.replayed === true }, 'hub booking made');
      return { id: r.id, status: 201, body: { code: booked.code, serviceId: booked.serviceId, date: booked.date, time: booked.time } };
    } catch (err) {
      if (err instanceof DomainError) return { id: r.id, status: err.status, body: { code: err.code, params: err.params } };
      this.o.logger.error({ err, hubRequest: r.id }, 'hub booking failed; the hub will deliver it again');
      return null;
    }
  }

  /**
   * A request delivered again without its personal part (the hub erases it when a center takes it): the center
   * answers from its own record of that request id, or 410 — never received, so never booked.
   */
  private redelivered(id: string): BookingAnswer {
    const code = this.recorded(this.o.bookScope(), id);
    if (!code) return { id, status: 410, body: { code: 'CENTER_UNREACHABLE' } };
    return { id, status: 201, body: this.booked(code) };
  }

  private cancelScope(): string {
    return `hub-cancel:${this.o.bookScope()}`;
  }

  /** The booking code recorded under a relayed request's id, if any. */
  private recorded(scope: string, id: string): string | undefined {
    return this.o.db.prepare('SELECT response FROM idempotency_keys WHERE scope = ? AND key = ?').pluck().get(scope, HUB_KEY_PREFIX + id) as string | undefined;
  }

  private booked(code: string): BookingAnswer['body'] {
    const a = this.o.appointments().find(code);
    return { code: a.code, serviceId: a.serviceId, date: a.date, time: a.time };
  }
}
