/**
 * Outbound notifications for an SMS or Zalo gateway: JSON POSTed to NOTIFY_WEBHOOK_URL when a booking is
 * confirmed, before its slot (reminder), when few are ahead of its ticket, when it is called, and when it is
 * missed. Fire-and-forget: `send` only queues, so the queue writer and the request that caused the notice never
 * wait for the gateway. A failed POST (network error, timeout, any non-2xx) is retried a few times with growing
 * delays; the queue is bounded (the oldest notice is dropped first) and lives in memory only.
 *
 * Nothing here is logged but the event, the code and the outcome: never the phone number.
 */
import type { FastifyBaseLogger } from 'fastify';
import { randomBytes } from 'node:crypto';

export type NotificationEvent = 'booking.confirmed' | 'booking.reminder' | 'ticket.ahead' | 'ticket.called' | 'booking.missed';

export interface Notification {
  /** Unique per notice, the same on every retry: a receiver drops duplicates by it. */
  id: string;
  event: NotificationEvent;
  /** ISO time of the event. */
  at: string;
  centerId: string;
  centerName: string;
  code: string;
  serviceId: string;
  serviceName: string;
  /** 'YYYY-MM-DD' and 'HH:mm' of the slot, in the center's zone. */
  date: string;
  time: string;
  /** Where the gateway sends the message (the citizen gave it when booking). */
  phone: string;
  ticketNumber?: string;
  counterNumber?: number;
  /** ticket.ahead: how many are called before this ticket. */
  ahead?: number;
  /** booking.missed: 'not-checked-in' (check-in closed) or 'no-show' (called, did not come). */
  reason?: 'not-checked-in' | 'no-show';
}

export interface Notifier {
  send(n: Omit<Notification, 'id'>): void;
  /** Resolves when nothing is queued or in flight (tests, shutdown). */
  idle(): Promise<void>;
  close(): void;
}

export const silentNotifier: Notifier = { send() {}, idle: async () => {}, close() {} };

export interface WebhookOptions {
  url: string;
  logger: FastifyBaseLogger;
  /** Delay before the first retry; each next one is 5× longer. */
  retryMs?: number;
  attempts?: number;
  maxQueued?: number;
  timeoutMs?: number;
}

interface Job {
  body: Notification;
  attempt: number;
}

export class WebhookNotifier implements Notifier {
  private readonly queue: Job[] = [];
  private inFlight = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private waiters: (() => void)[] = [];
  private closed = false;

  constructor(private readonly o: WebhookOptions) {}

  send(n: Omit<Notification, 'id'>): void {
    if (this.closed) return;
    const maxQueued = this.o.maxQueued ?? 1000;
    if (this.queue.length >= maxQueued) {
      const dropped = this.queue.shift()!;
      this.o.logger.warn({ event: dropped.body.event, code: dropped.body.code }, 'notification dropped: queue full');
    }
    this.queue.push({ body: { id: randomBytes(9).toString('base64url'), ...n }, attempt: 0 });
    setImmediate(() => this.pump());
  }

  private pump(): void {
    while (!this.closed && this.queue.length > 0 && this.inFlight < 4) {
      const job = this.queue.shift()!;
      this.inFlight++;
      void this.post(job).finally(() => {
        this.inFlight--;
        this.pump();
        this.settle();
      });
    }
    this.settle();
  }

  private async post(job: Job): Promise<void> {
    job.attempt++;
    try {
      const res = await fetch(this.o.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-hang-cho-event': job.body.event },
        body: JSON.stringify(job.body),
        signal: AbortSignal.timeout(this.o.timeoutMs ?? 5000),
      });
      await res.arrayBuffer().catch(() => undefined);
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      this.o.logger.debug({ event: job.body.event, code: job.body.code, attempt: job.attempt }, 'notification sent');
    } catch (err) {
      const attempts = this.o.attempts ?? 4;
      if (job.attempt >= attempts || this.closed) {
        this.o.logger.warn({ event: job.body.event, code: job.body.code, attempts: job.attempt, reason: (err as Error).message }, 'notification given up');
        return;
      }
      const delay = (this.o.retryMs ?? 2000) * 5 ** (job.attempt - 1);
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        this.queue.push(job);
        this.pump();
      }, delay);
      timer.unref();
      this.timers.add(timer);
    }
  }

  private settle(): void {
    if (this.queue.length === 0 && this.inFlight === 0 && this.timers.size === 0) {
      const w = this.waiters;
      this.waiters = [];
      for (const resolve of w) resolve();
    }
  }

  idle(): Promise<void> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.settle();
    });
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    this.queue.length = 0;
    this.settle();
  }
}
