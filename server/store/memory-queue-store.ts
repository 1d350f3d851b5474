/**
 * The queue store in memory: the same interface as SQLite, nothing durable. The simulator runs the real
 * QueueService over it, so a simulated day differs from production only by the disk. `tickets` is what the
 * tickets table would hold: the last image of every ticket written.
 */
import type { Ticket } from '../../protocol/domain';
import type { Decision } from '../queue/decide';
import type { CenterConfig, QueueState } from '../queue/state';
import type { IdempotencyRecord, QueueStore } from './queue-store';

export class MemoryQueueStore implements QueueStore {
  readonly tickets = new Map<string, Ticket>();
  private readonly idempotency = new Map<string, string>();

  /** `state` is handed to the service as is (it becomes the live state); its live tickets count as written. */
  constructor(private readonly state: QueueState) {
    for (const t of state.active.values()) this.tickets.set(t.id, t);
  }

  centerIds(): string[] {
    return [this.state.center.id];
  }

  loadConfig(): CenterConfig {
    const s = this.state;
    return {
      center: s.center,
      services: [...s.services.values()],
      counters: [...s.counters.values()],
      priorities: [...s.priorities.values()],
      staffNames: Object.fromEntries(s.staffNames),
    };
  }

  loadState(): QueueState {
    return this.state;
  }

  commit(_centerId: string, _seq: number, d: Decision, idempotency?: IdempotencyRecord): void {
    for (const t of d.tickets) this.tickets.set(t.id, t);
    if (idempotency) this.idempotency.set(`${idempotency.scope}\u0000${idempotency.key}`, idempotency.result);
  }

  commitMany(items: { centerId: string; seq: number; decision: Decision; idempotency?: IdempotencyRecord }[]): void {
    for (const i of items) this.commit(i.centerId, i.seq, i.decision, i.idempotency);
  }

  findIdempotent(scope: string, key: string): string | null {
    return this.idempotency.get(`${scope}\u0000${key}`) ?? null;
  }

  getTicket(ticketId: string): Ticket | null {
    return this.tickets.get(ticketId) ?? null;
  }
}
