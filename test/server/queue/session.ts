/**
 * Drives the real QueueService (SQLite on a temp file) and the model side by
 * side, and states the invariants checked after every step.
 */
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import { DomainError } from '../../../protocol/errors';
import type { Command } from '../../../server/queue/commands';
import type { QueueState } from '../../../server/queue/state';
import { businessDay } from '../../../server/queue/calendar';
import { oldestWaiting, waitingCount } from '../../../server/queue/waiting-index';
import { CENTER_ID, CENTER_TZ, MONDAY_9AM, staffActor, type QueueRig, type RigFactory } from '../../helpers/queue-fixtures';
import { FakeClock } from '../../helpers/clock';
import { COUNTER_IDS, QueueModel, applyToModel, predict, toCommand, type Op, type Outcome } from './model';

export interface StepResult {
  cmd: Command | null;
  outcome: Outcome;
}

export class Session {
  readonly rig: QueueRig;
  readonly model: QueueModel;
  private ids = 0;

  constructor(factory: RigFactory, settings: QueueModel['settings']) {
    const clock = new FakeClock(MONDAY_9AM);
    this.rig = factory.create({ clock, config: { settings }, makeId: () => `t${String(++this.ids).padStart(4, '0')}` });
    this.model = new QueueModel(settings, businessDay(MONDAY_9AM, CENTER_TZ));
  }

  get queue() {
    return this.rig.queue;
  }

  state(): QueueState {
    return this.queue.state(CENTER_ID);
  }

  /** One random op: time passes, the day may roll, then its command (if any) runs on both sides. */
  step(op: Op): StepResult {
    const cmd = this.prepare(op);
    return { cmd, outcome: cmd ? this.exec(cmd) : { ok: true } };
  }

  /** Let the op's time pass (rolling the day if midnight passed) and return its command, if it has one. */
  prepare(op: Op): Command | null {
    const clock = this.rig.clock;
    // Every step takes a second, so places in line never tie.
    clock.advance(1000);
    if (op.kind === 'tick') clock.advance(op.ms);
    // 08:00 on the next local day.
    if (op.kind === 'next-day') clock.ms = Math.max(clock.ms, Date.parse(`${this.model.day}T01:00:00Z`) + 24 * 3600_000);
    this.model.now = clock.ms;
    const today = businessDay(clock.ms, CENTER_TZ);
    if (today !== this.model.day) {
      // Local midnight passed: the next read or command rolls the day; reading is enough.
      this.state();
      this.model.rollDay(today);
    }
    return toCommand(op, this.model);
  }

  /** Run one command on both sides; the real answer must be the one the model predicts. */
  exec(cmd: Command): Outcome {
    const clock = this.rig.clock;
    const expected = predict(this.model, cmd);
    const actor = 'counterId' in cmd ? staffActor(COUNTER_IDS.indexOf(cmd.counterId) + 1) : staffActor(1);
    let outcome: Outcome;
    try {
      const result = this.queue.execute(CENTER_ID, cmd, cmd.type === 'issue' ? { staffId: null, role: 'public' } : actor);
      outcome = { ok: true, ticketId: result.ticket?.id };
      if (cmd.type === 'issue') {
        const t = this.model.applyIssue(result.ticket!.id, cmd.serviceId, cmd.priorityId ?? null, clock.now());
        expect(result.ticket!.number, 'number follows per-service, per-day numbering').toBe(t.number);
      } else {
        applyToModel(this.model, cmd, result.ticket?.id ?? null, clock.now());
      }
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      outcome = { ok: false, code: err.code };
    }
    // The model cannot know a new ticket's id; for every other command it names the ticket.
    const comparable = (o: Outcome) => (cmd.type === 'issue' && o.ok ? { ok: true } : o);
    expect(comparable(outcome), `${JSON.stringify(cmd)} answered as the model predicts`).toEqual(comparable(expected));
    return outcome;
  }

  /** Every counter resumes and finishes, then calls until empty: no waiting ticket may be left behind. */
  drain(): void {
    const state = this.state();
    for (const counterId of COUNTER_IDS) {
      const cs = state.counterStates.get(counterId)!;
      if (cs.paused) this.exec({ type: 'resume', counterId });
      if (cs.currentTicketId) this.exec({ type: 'complete', counterId, ticketId: cs.currentTicketId });
    }
    for (let round = 0; round < 500; round++) {
      let called = 0;
      for (const counterId of COUNTER_IDS) {
        const r = this.exec({ type: 'call-next', counterId });
        if (!r.ok) continue;
        called++;
        this.exec({ type: 'complete', counterId, ticketId: r.ticketId! });
      }
      if (called === 0) break;
    }
    expect([...this.state().active.values()].filter((t) => t.status === 'waiting')).toEqual([]);
  }
}

/** The parts of the state that must survive a restart, in a form toEqual compares fairly. */
export function comparableState(s: QueueState) {
  const sorted = <V>(m: Map<string, V>) => Object.fromEntries([...m.entries()].sort(([a], [b]) => a.localeCompare(b)));
  return {
    center: s.center,
    services: sorted(s.services),
    counters: sorted(s.counters),
    priorities: sorted(s.priorities),
    businessDay: s.businessDay,
    seq: s.seq,
    active: sorted(s.active),
    counterStates: sorted(s.counterStates),
    lastSeqNo: sorted(s.lastSeqNo),
    issuedToday: sorted(s.issuedToday),
    servedByService: sorted(s.servedByService),
    servedByCounter: sorted(s.servedByCounter),
    // Which calls, where and when; the ticket image inside is the one of the moment.
    // A call record is the ticket as called. The store rebuilds it from the event and the
    // current row, so after a transfer the service shown is the new one: not compared.
    recentCalls: s.recentCalls.map((c) => ({ ...c, ticket: { ...c.ticket, serviceId: undefined } })),
  };
}

/** Everything a command could write. */
export function dbSnapshot(rig: QueueRig) {
  const all = (sql: string) => rig.db.prepare(sql).all();
  return {
    tickets: all('SELECT * FROM tickets ORDER BY id'),
    counters: all('SELECT * FROM counters ORDER BY id'),
    centers: all('SELECT id, seq, business_day FROM centers'),
    events: rig.db.prepare('SELECT COUNT(*) FROM ticket_events').pluck().get(),
    idempotency: rig.db.prepare('SELECT COUNT(*) FROM idempotency_keys').pluck().get(),
  };
}

export function checkInvariants(session: Session): void {
  const { rig, model } = session;
  const state = session.state();
  const live = [...state.active.values()];

  // Each counter holds at most one ticket, each held ticket by exactly one counter.
  const heldIds = [...state.counterStates.values()].map((cs) => cs.currentTicketId).filter((id): id is string => id !== null);
  expect(new Set(heldIds).size, 'no ticket held by two counters').toBe(heldIds.length);
  for (const [counterId, cs] of state.counterStates) {
    const holding = live.filter((t) => (t.status === 'called' || t.status === 'serving') && t.counterId === counterId);
    expect(holding.length, `${counterId} holds at most one ticket`).toBeLessThanOrEqual(1);
    if (cs.currentTicketId === null) {
      expect(holding, `${counterId} holds nothing`).toEqual([]);
    } else {
      const t = state.active.get(cs.currentTicketId);
      expect(t && (t.status === 'called' || t.status === 'serving') && t.counterId === counterId, `${counterId} points to a ticket it has called`).toBe(true);
    }
  }
  // A called/serving ticket is always some counter's current ticket (none is orphaned).
  for (const t of live) if (t.status !== 'waiting') expect(heldIds).toContain(t.id);

  // Every waiting ticket can be called by at least one active counter, now or after a resume.
  for (const t of live.filter((x) => x.status === 'waiting')) {
    const can = [...state.counters.values()].some((c) => c.active && (t.targetCounterId ? t.targetCounterId === c.id : c.serviceIds.includes(t.serviceId)));
    expect(can, `${t.number} is callable somewhere`).toBe(true);
  }

  // Numbers are unique per issued service and day.
  const dupes = rig.db
    .prepare('SELECT issued_service_id, business_day, number, COUNT(*) AS n FROM tickets GROUP BY issued_service_id, business_day, number HAVING n > 1')
    .all();
  expect(dupes).toEqual([]);

  // Status of every ticket, in the database and in memory, matches the model.
  const dbStatus = Object.fromEntries((rig.db.prepare('SELECT id, status FROM tickets').all() as { id: string; status: string }[]).map((r) => [r.id, r.status]));
  expect(dbStatus).toEqual(Object.fromEntries(model.tickets.map((t) => [t.id, t.status])));
  const counts = Object.fromEntries(rig.db.prepare('SELECT status, COUNT(*) AS n FROM tickets GROUP BY status').all().map((r) => [(r as { status: string }).status, (r as { n: number }).n]));
  expect(counts).toEqual(model.countByStatus());
  expect(Object.fromEntries(live.map((t) => [t.id, t.status]))).toEqual(Object.fromEntries(model.tickets.filter((t) => ['waiting', 'called', 'serving'].includes(t.status)).map((t) => [t.id, t.status])));
  for (const c of COUNTER_IDS) {
    expect(state.counterStates.get(c)!.currentTicketId, `${c} current ticket`).toBe(model.held.get(c));
    expect(state.counterStates.get(c)!.paused, `${c} paused`).toBe(model.paused.get(c));
  }

  // The waiting index (counts per service and weight, oldest wait) agrees with a scan of the queue.
  for (const serviceId of state.services.keys()) {
    const waiting = live.filter((t) => t.status === 'waiting' && t.serviceId === serviceId);
    expect(waitingCount(state, serviceId), `${serviceId} waiting count`).toBe(waiting.length);
    expect(waitingCount(state, serviceId, 1), `${serviceId} priority count`).toBe(waiting.filter((t) => t.priorityWeight > 0).length);
    expect(oldestWaiting(state, serviceId), `${serviceId} oldest wait`).toBe(waiting.length ? Math.min(...waiting.map((t) => t.queuedAt)) : null);
  }

  // Restart equivalence: what the database rebuilds equals what memory holds.
  expectSame(comparableState(rig.store.loadState(CENTER_ID, rig.clock.now())), comparableState(state), 'state rebuilt from the database');
}

/** Deep equality, cheap when it holds (checked thousands of times), with vitest's diff when it does not. */
export function expectSame(actual: unknown, expected: unknown, what: string): void {
  if (!isDeepStrictEqual(actual, expected)) expect(actual, what).toEqual(expected);
}
