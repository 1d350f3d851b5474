/**
 * The only writer of queue state: decide → commit (one transaction) → apply to
 * memory → notify listeners (broadcast, printing). Everything here is synchronous,
 * so two commands can never interleave, and nothing is acknowledged before commit.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Ticket } from '../../protocol/domain';
import type { CallRecord } from '../../protocol/realtime';
import type { Actor, Command } from '../queue/commands';
import { decide, type Decision } from '../queue/decide';
import { applyDecision } from '../queue/apply';
import { businessDay } from '../queue/clock';
import { setConfig, type QueueState } from '../queue/state';
import type { QueueStore } from '../store/queue-store';

export interface Clock {
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

export interface Committed {
  centerId: string;
  seq: number;
  decision: Decision;
  calls: CallRecord[];
  command: Command['type'];
}

export interface ExecuteResult {
  ticket: Ticket | null;
  seq: number;
  /** True when an Idempotency-Key matched an earlier command: nothing new happened. */
  replayed: boolean;
}

/** 16 url-safe characters, 96 random bits: a ticket id cannot be guessed from another. */
export function newTicketId(): string {
  return randomBytes(12).toString('base64url');
}

export class QueueService {
  private readonly centers = new Map<string, QueueState>();
  private readonly listeners = new Set<(c: Committed) => void>();

  constructor(
    private readonly store: QueueStore,
    private readonly clock: Clock,
    private readonly logger: Logger,
    private readonly makeId: () => string = newTicketId,
  ) {
    for (const id of store.centerIds()) this.centers.set(id, store.loadState(id, clock.now()));
  }

  get defaultCenterId(): string {
    const first = this.centers.keys().next();
    if (first.done) throw new Error('no center configured');
    return first.value;
  }

  centerIds(): string[] {
    return [...this.centers.keys()];
  }

  /** Current state (rolled to today first, so readers never see yesterday's queue). */
  state(centerId: string = this.defaultCenterId): QueueState {
    const state = this.requireState(centerId);
    this.rollDayIfNeeded(centerId, state);
    return state;
  }

  now(): number {
    return this.clock.now();
  }

  onCommitted(listener: (c: Committed) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  execute(centerId: string, cmd: Command, actor: Actor, idempotency?: { scope: string; key: string }): ExecuteResult {
    const state = this.requireState(centerId);
    if (idempotency) {
      const earlier = this.store.findIdempotent(idempotency.scope, idempotency.key);
      if (earlier !== null) {
        const ticket = earlier ? (state.active.get(earlier) ?? this.store.getTicket(earlier)) : null;
        return { ticket, seq: state.seq, replayed: true };
      }
    }
    this.rollDayIfNeeded(centerId, state);
    const now = this.clock.now();
    const decision = decide(state, cmd, { now, actor, newTicketId: this.makeId });
    const seq = this.commit(centerId, state, cmd.type, decision, idempotency);
    return { ticket: decision.ticket, seq, replayed: false };
  }

  /** Reload services/counters/priorities/settings after an admin change. */
  reloadConfig(centerId: string): void {
    const state = this.requireState(centerId);
    setConfig(state, this.store.loadConfig(centerId), this.clock.now());
  }

  /** A ticket by id: live from memory, else (finished) from the store. */
  findTicket(ticketId: string): Ticket | null {
    for (const state of this.centers.values()) {
      const t = state.active.get(ticketId);
      if (t) return t;
    }
    return this.store.getTicket(ticketId);
  }

  private requireState(centerId: string): QueueState {
    const state = this.centers.get(centerId);
    if (!state) throw new Error(`unknown center ${centerId}`);
    return state;
  }

  private rollDayIfNeeded(centerId: string, state: QueueState): void {
    const now = this.clock.now();
    // Forward only ('YYYY-MM-DD' sorts as text): a clock stepped back across midnight (NTP)
    // must not reopen yesterday, whose numbers are taken, nor expire today's queue.
    if (businessDay(now, state.center.timeZone) <= state.businessDay) return;
    const decision = decide(state, { type: 'roll-day' }, { now, actor: { staffId: null, role: 'public' }, newTicketId: this.makeId });
    this.commit(centerId, state, 'roll-day', decision);
    this.logger.info({ centerId, businessDay: state.businessDay }, 'new business day');
  }

  private commit(centerId: string, state: QueueState, command: Command['type'], decision: Decision, idempotency?: { scope: string; key: string }): number {
    const seq = state.seq + 1;
    const record = idempotency ? { ...idempotency, result: decision.ticket?.id ?? '' } : undefined;
    this.store.commit(centerId, seq, decision, record);
    const calls = applyDecision(state, decision, seq);
    const committed: Committed = { centerId, seq, decision, calls, command };
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (err) {
        // A broadcast or print failure must never undo or block a committed command.
        this.logger.error({ err, centerId, seq }, 'listener failed after commit');
      }
    }
    return seq;
  }
}
