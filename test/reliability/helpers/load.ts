/**
 * Steady load from the test process: kiosks issuing tickets and counters calling
 * the next one, each loop one request at a time (as a real kiosk or console does),
 * every loop bounded by a request count and a deadline. What the server acknowledged
 * is recorded, because that is what must survive.
 */
import { call, type Answer } from './http';
import { SERVICES, sleep } from './server-process';

export interface Issued {
  id: string;
  number: string;
  serviceId: string;
}

export interface Called {
  counterId: string;
  ticketId: string;
  number: string;
}

export class LoadRecord {
  /** Every ticket answered 201, by id. */
  readonly issued = new Map<string, Issued>();
  /** Every call-next answered 200 with a ticket, in answer order. */
  readonly calls: Called[] = [];
  /** Last ticket each counter was acknowledged to hold. */
  readonly lastCall = new Map<string, Called>();
  /** Answers no correct server gives under this load (5xx, unexpected 4xx). */
  readonly unexpected: { path: string; status: number; body: unknown }[] = [];
  queueEmpty = 0;
  /** Requests that got no answer (server killed mid-flight). */
  unanswered = 0;
}

export interface LoadOptions {
  url: string;
  cookie: string;
  kiosks: number;
  counterIds: string[];
  /** Hard bounds for every loop. */
  maxRequestsPerLoop: number;
  deadline: number;
  /** Pause between a kiosk's taps (0 = as fast as answers come). */
  kioskPauseMs?: number;
}

export class Load {
  private stopped = false;
  private loops: Promise<void>[] = [];

  constructor(
    private readonly options: LoadOptions,
    readonly record: LoadRecord = new LoadRecord(),
  ) {}

  start(): this {
    const o = this.options;
    for (let k = 0; k < o.kiosks; k++) this.loops.push(this.kiosk(k));
    for (const counterId of o.counterIds) this.loops.push(this.counter(counterId));
    return this;
  }

  /** Stop issuing new requests and wait for the ones in flight to settle. */
  async stop(): Promise<void> {
    this.stopped = true;
    await Promise.all(this.loops);
    this.loops = [];
  }

  /** Wait for every loop to reach its own bound. */
  async finished(): Promise<void> {
    await Promise.all(this.loops);
  }

  private running(n: number): boolean {
    return !this.stopped && n < this.options.maxRequestsPerLoop && Date.now() < this.options.deadline;
  }

  private async send(method: string, path: string, body?: unknown): Promise<Answer | null> {
    try {
      return await call(this.options.url, method, path, { body, cookie: this.options.cookie });
    } catch {
      this.record.unanswered++;
      // Server down: do not spin while it is away.
      await sleep(50);
      return null;
    }
  }

  private async kiosk(k: number): Promise<void> {
    for (let n = 0; this.running(n); n++) {
      const serviceId = SERVICES[(k + n) % SERVICES.length];
      const path = '/api/tickets';
      const a = await this.send('POST', path, { serviceId, kioskId: `K${k + 1}` });
      if (!a) continue;
      if (a.status === 201) this.record.issued.set(a.body.id, { id: a.body.id, number: a.body.number, serviceId });
      else this.record.unexpected.push({ path, status: a.status, body: a.body });
      if (this.options.kioskPauseMs) await sleep(this.options.kioskPauseMs);
    }
  }

  private async counter(counterId: string): Promise<void> {
    for (let n = 0; this.running(n); n++) {
      const path = `/api/counters/${counterId}/call-next`;
      const a = await this.send('POST', path);
      if (!a) continue;
      if (a.status === 200 && a.body.ticket) {
        const c = { counterId, ticketId: a.body.ticket.id, number: a.body.ticket.number };
        this.record.calls.push(c);
        this.record.lastCall.set(counterId, c);
      } else if (a.status === 404 && a.body?.code === 'QUEUE_EMPTY') {
        this.record.queueEmpty++;
        await sleep(5 + Math.random() * 10);
      } else {
        this.record.unexpected.push({ path, status: a.status, body: a.body });
      }
    }
  }
}
