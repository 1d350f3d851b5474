/**
 * The only writer of queue state: decide → commit (one transaction) → apply to
 * memory → notify listeners → answer the caller. Deciding and committing are
 * synchronous, so two commands can never interleave, and nothing is acknowledged
 * before its commit.
 *
 * The one listener is the realtime plugin, which broadcasts each commit. Printing is
 * not a listener: the route that issued the ticket prints its slip once submit()
 * has answered (routes/tickets.ts → app.printing.printTicket), so a ticket goes
 * route → commit → broadcast → print.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { Ticket } from '../../protocol/domain';
import type { StaffCallRecord } from '../../protocol/realtime';
import type { Actor, Command } from '../queue/commands';
import { decide, type Decision } from '../queue/decide';
import { applyDecision } from '../queue/apply';
import { addDays, startOfDay } from '../queue/calendar';
import { setConfig, type QueueState } from '../queue/state';
import { ticketPosition } from '../queue/read-model';
import type { QueueStore } from '../store/queue-store';
import type { Clock } from './clock';

export interface Committed {
  centerId: string;
  seq: number;
  decision: Decision;
  calls: StaffCallRecord[];
  command: Command['type'];
}

export interface ExecuteResult {
  ticket: Ticket | null;
  seq: number;
  /** True when an Idempotency-Key matched an earlier command: nothing new happened. */
  replayed: boolean;
  /** For an issued ticket: its place in line the moment it was committed. */
  position?: { waitingAhead: number; etaMinutes: number | null };
}

/** A just-issued ticket is the newest in line, so its position comes from counts, not a scan. */
function issuedPosition(state: QueueState, decision: Decision) {
  const t = decision.ticket;
  // A checked-in booking joins its line by its slot, not at the end: count its place.
  return decision.events[0]?.type === 'ticket.issued' && t ? ticketPosition(state, t, t.slotAt == null, decision.events[0].at) : undefined;
}

/**
 * 16 url-safe characters, some 96 random bits: a ticket id cannot be guessed from another. Never starting with
 * '-' or '_': spreadsheets read a leading '-' as a formula, so the CSV exports would have to defuse the cell
 * ("'-abc…") and an exported id would no longer match the ticket's (one id in 64 did, which once failed a test).
 */
export function newTicketId(): string {
  for (;;) {
    const id = randomBytes(12).toString('base64url');
    if (/^[A-Za-z0-9]/.test(id)) return id;
  }
}

interface Pending {
  centerId: string;
  cmd: Command;
  actor: Actor;
  idempotency?: { scope: string; key: string };
  resolve: (r: ExecuteResult) => void;
  reject: (e: unknown) => void;
}

export class QueueService {
  private readonly centers = new Map<string, QueueState>();
  private readonly listeners = new Set<(c: Committed) => void>();
  /** Local midnight ending each center's current business day (see dayEnd). */
  private readonly dayEndsAt = new Map<string, number>();
  private pending: Pending[] = [];

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

  /** Run one command now, in its own transaction. */
  execute(centerId: string, cmd: Command, actor: Actor, idempotency?: { scope: string; key: string }): ExecuteResult {
    const state = this.requireState(centerId);
    const replay = this.replay(state, idempotency);
    if (replay) return replay;
    this.rollDayIfNeeded(centerId, state);
    const decision = decide(state, cmd, { now: this.clock.now(), actor, newTicketId: this.makeId });
    const seq = state.seq + 1;
    this.store.commit(centerId, seq, decision, this.idempotencyRecord(decision, idempotency));
    this.afterCommit(centerId, state, cmd.type, decision, seq);
    return { ticket: decision.ticket, seq, replayed: false, position: issuedPosition(state, decision) };
  }

  /**
   * Group commit for request handlers: commands arriving in the same turn of the event loop
   * are decided one after the other and written in ONE transaction (one fsync instead of one
   * each), and answered only after it committed. Refusals are answered at once and change nothing.
   */
  submit(centerId: string, cmd: Command, actor: Actor, idempotency?: { scope: string; key: string }): Promise<ExecuteResult> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ centerId, cmd, actor, idempotency, resolve, reject });
    });
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const accepted: { p: Pending; state: QueueState; decision: Decision; seq: number; calls: StaffCallRecord[]; position?: ExecuteResult['position']; replayed?: ExecuteResult }[] = [];
    // Roll the day first, in its own commit, so no roll-over ever sees this batch's uncommitted tickets.
    for (const centerId of new Set(batch.map((p) => p.centerId))) {
      const state = this.centers.get(centerId);
      if (state) this.rollDayIfNeeded(centerId, state);
    }
    const batchKeys = new Map<string, (typeof accepted)[number]>();
    // Everything below is synchronous: no other code can observe memory before the commit.
    for (const p of batch) {
      try {
        const state = this.requireState(p.centerId);
        const keyId = p.idempotency && `${p.idempotency.scope}\u0000${p.idempotency.key}`;
        const sameBatch = keyId ? batchKeys.get(keyId) : undefined;
        const replay = sameBatch ? null : this.replay(state, p.idempotency);
        if (replay) {
          p.resolve(replay);
          continue;
        }
        if (sameBatch) {
          accepted.push({ ...sameBatch, p, replayed: { ticket: sameBatch.decision.ticket, seq: sameBatch.seq, replayed: true } });
          continue;
        }
        const decision = decide(state, p.cmd, { now: this.clock.now(), actor: p.actor, newTicketId: this.makeId });
        const seq = state.seq + 1;
        // Applied before the commit so the next command in the batch decides on it; undone below if the commit fails.
        const calls = applyDecision(state, decision, seq);
        const entry = { p, state, decision, seq, calls, position: issuedPosition(state, decision) };
        accepted.push(entry);
        if (keyId) batchKeys.set(keyId, entry);
      } catch (err) {
        p.reject(err);
      }
    }
    const fresh = accepted.filter((a) => !a.replayed);
    try {
      this.store.commitMany(fresh.map((a) => ({ centerId: a.p.centerId, seq: a.seq, decision: a.decision, idempotency: this.idempotencyRecord(a.decision, a.p.idempotency) })));
    } catch (err) {
      // Nothing was written: rebuild memory from the database and refuse the whole batch.
      for (const centerId of new Set(fresh.map((a) => a.p.centerId))) this.centers.set(centerId, this.store.loadState(centerId, this.clock.now()));
      this.logger.error({ err, commands: fresh.length }, 'group commit failed');
      for (const a of accepted) a.p.reject(err);
      return;
    }
    for (const a of accepted) {
      if (a.replayed) a.p.resolve(a.replayed);
      else {
        this.notify({ centerId: a.p.centerId, seq: a.seq, decision: a.decision, calls: a.calls, command: a.p.cmd.type });
        a.p.resolve({ ticket: a.decision.ticket, seq: a.seq, replayed: false, position: a.position });
      }
    }
  }

  private replay(state: QueueState, idempotency?: { scope: string; key: string }): ExecuteResult | null {
    if (!idempotency) return null;
    const earlier = this.store.findIdempotent(idempotency.scope, idempotency.key);
    if (earlier === null) return null;
    const ticket = earlier ? (state.active.get(earlier) ?? this.store.getTicket(earlier)) : null;
    return { ticket, seq: state.seq, replayed: true };
  }

  private idempotencyRecord(decision: Decision, idempotency?: { scope: string; key: string }) {
    return idempotency ? { ...idempotency, result: decision.ticket?.id ?? '' } : undefined;
  }

  /** Reload services/counters/priorities/settings after an admin change. */
  reloadConfig(centerId: string): void {
    const state = this.requireState(centerId);
    setConfig(state, this.store.loadConfig(centerId), this.clock.now());
    this.dayEndsAt.delete(centerId); // the time zone may have changed
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
    // Before the local midnight that ends the current business day nothing rolls — which also keeps
    // a clock stepped back across midnight (NTP) from reopening yesterday, whose numbers are taken.
    if (now < this.dayEnd(centerId, state)) return;
    const decision = decide(state, { type: 'roll-day' }, { now, actor: { staffId: null, role: 'public' }, newTicketId: this.makeId });
    const seq = state.seq + 1;
    this.store.commit(centerId, seq, decision);
    // Forget the old day's end before listeners run: they read the state, which must not roll again.
    this.dayEndsAt.delete(centerId);
    this.afterCommit(centerId, state, 'roll-day', decision, seq);
    this.logger.info({ centerId, businessDay: state.businessDay }, 'new business day');
  }

  /** Local midnight ending the center's business day, computed once per day (calendar maths is the costly part). */
  private dayEnd(centerId: string, state: QueueState): number {
    let end = this.dayEndsAt.get(centerId);
    if (end === undefined) {
      end = state.businessDay ? startOfDay(addDays(state.businessDay, 1), state.center.timeZone) : 0;
      this.dayEndsAt.set(centerId, end);
    }
    return end;
  }

  private afterCommit(centerId: string, state: QueueState, command: Command['type'], decision: Decision, seq: number): void {
    const calls = applyDecision(state, decision, seq);
    this.notify({ centerId, seq, decision, calls, command });
  }

  private notify(committed: Committed): void {
    for (const listener of this.listeners) {
      try {
        listener(committed);
      } catch (err) {
        // A failing listener (a broadcast) must never undo or block a committed command.
        this.logger.error({ err, centerId: committed.centerId, seq: committed.seq }, 'listener failed after commit');
      }
    }
  }
}
