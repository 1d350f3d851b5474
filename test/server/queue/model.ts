/**
 * A tiny independent model of the queue, written from the documented rules
 * (not from decide.ts), plus the random operations the property tests run.
 * For each command the model predicts success or the exact refusal, and for
 * "call next" which ticket comes.
 */
import fc from 'fast-check';
import type { CenterSettings, TicketStatus } from '../../../protocol/domain';
import type { ErrorCode } from '../../../protocol/errors';
import type { Command } from '../../../server/queue/commands';
import { DEMO_COUNTERS, DEMO_PRIORITIES, DEMO_SERVICES } from '../../../server/seed/demo-center';

export const SERVICE_IDS = DEMO_SERVICES.map((s) => s.id);
export const COUNTER_IDS = DEMO_COUNTERS.map((c) => c.id);
/** A few categories of different weights; most tickets carry none. */
export const PRIORITY_IDS = ['pri-merit', 'pri-elderly', 'pri-child'];

const PREFIX = new Map(DEMO_SERVICES.map((s) => [s.id, s.prefix]));
const WEIGHT = new Map(DEMO_PRIORITIES.map((p) => [p.id, p.weight]));
const SERVES = new Map(DEMO_COUNTERS.map((c) => [c.id, c.serviceIds]));
const TARGET_MS = new Map(DEMO_SERVICES.map((s) => [s.id, s.targetWaitMinutes * 60_000]));

export interface ModelTicket {
  id: string;
  number: string;
  issuedServiceId: string;
  serviceId: string;
  day: string;
  seqNo: number;
  status: TicketStatus;
  weight: number;
  queuedAt: number;
  issuedAt: number;
  heldBy: string | null;
  target: string | null;
  recalls: number;
}

export type Outcome = { ok: true; ticketId?: string } | { ok: false; code: ErrorCode };
const ok = (ticketId?: string): Outcome => ({ ok: true, ticketId });
const no = (code: ErrorCode): Outcome => ({ ok: false, code });

type Settings = Pick<CenterSettings, 'callNextWhileServing' | 'routing' | 'recallsBeforeNoShow' | 'maxPriorityStreak'>;

const LIVE: TicketStatus[] = ['waiting', 'called', 'serving'];

export class QueueModel {
  /** Every ticket ever issued, in issue order. */
  readonly tickets: ModelTicket[] = [];
  readonly held = new Map<string, string | null>(COUNTER_IDS.map((c) => [c, null]));
  readonly paused = new Map<string, boolean>(COUNTER_IDS.map((c) => [c, false]));
  readonly streak = new Map<string, number>(COUNTER_IDS.map((c) => [c, 0]));
  private lastSeq = new Map<string, number>();
  /** The clock of the session: 'target-wait' routing depends on how long tickets have waited. */
  now = 0;

  constructor(
    readonly settings: Settings,
    public day: string,
  ) {}

  find(id: string): ModelTicket | undefined {
    return this.tickets.find((t) => t.id === id);
  }

  private live(id: string): ModelTicket | undefined {
    const t = this.find(id);
    return t && LIVE.includes(t.status) ? t : undefined;
  }

  callable(counterId: string): ModelTicket[] {
    return this.tickets.filter((t) => t.status === 'waiting' && (t.target ? t.target === counterId : SERVES.get(counterId)!.includes(t.serviceId)));
  }

  /**
   * The documented call order: transfers to this counter, then priority (unless the streak is used up), then
   * between services by the routing mode, then FIFO. 'target-wait' looks at the head of each service's line
   * (of the top weight): the one most past its service's target (relative to it) first, else service order.
   */
  expectedNext(counterId: string): ModelTicket | null {
    const all = this.callable(counterId);
    const fifo = (a: ModelTicket, b: ModelTicket) => a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.seqNo - b.seqNo || a.id.localeCompare(b.id);
    const targeted = all.filter((t) => t.target === counterId).sort(fifo);
    if (targeted.length) return targeted[0];
    const priority = all.filter((t) => t.weight > 0);
    const normal = all.filter((t) => t.weight === 0);
    const mayTakePriority = normal.length === 0 || this.streak.get(counterId)! < this.settings.maxPriorityStreak;
    const pool = priority.length && mayTakePriority ? priority : normal.length ? normal : priority;
    const order = SERVES.get(counterId)!;
    const rank = (t: ModelTicket) => (this.settings.routing === 'earliest' ? 0 : order.indexOf(t.serviceId));
    const top = pool.sort((a, b) => b.weight - a.weight || rank(a) - rank(b) || fifo(a, b));
    if (this.settings.routing !== 'target-wait' || top.length === 0) return top[0] ?? null;
    const heads = order.map((id) => top.find((t) => t.weight === top[0].weight && t.serviceId === id)).filter((t): t is ModelTicket => t !== undefined);
    const pastTarget = (t: ModelTicket) => (this.now - t.queuedAt) / TARGET_MS.get(t.serviceId)! - 1;
    const late = heads.filter((t) => pastTarget(t) > 0);
    return late.length === 0 ? heads[0] : late.reduce((best, t) => (pastTarget(t) > pastTarget(best) ? t : best));
  }

  // Predictions. Each returns what the real service must answer; `apply*` then records it.

  predictIssue(serviceId: string, priorityId: string | null): Outcome {
    if (!PREFIX.has(serviceId)) return no('SERVICE_NOT_FOUND');
    if (priorityId && !WEIGHT.has(priorityId)) return no('PRIORITY_NOT_FOUND');
    return ok(); // demo services are open all day, without quota, with 999 numbers
  }

  applyIssue(id: string, serviceId: string, priorityId: string | null, now: number): ModelTicket {
    const seqNo = (this.lastSeq.get(serviceId) ?? 0) + 1;
    this.lastSeq.set(serviceId, seqNo);
    const t: ModelTicket = {
      id,
      number: PREFIX.get(serviceId)! + String(seqNo).padStart(3, '0'),
      issuedServiceId: serviceId,
      serviceId,
      day: this.day,
      seqNo,
      status: 'waiting',
      weight: priorityId ? WEIGHT.get(priorityId)! : 0,
      queuedAt: now,
      issuedAt: now,
      heldBy: null,
      target: null,
      recalls: 0,
    };
    this.tickets.push(t);
    return t;
  }

  predictCall(counterId: string, ticketId: string | null, expected: string | null | undefined): Outcome {
    if (!SERVES.has(counterId)) return no('COUNTER_NOT_FOUND');
    if (expected !== undefined && expected !== this.held.get(counterId)) return no('STALE_STATE');
    if (this.paused.get(counterId)) return no('COUNTER_PAUSED');
    let next: ModelTicket | null;
    if (ticketId !== null) {
      const t = this.live(ticketId);
      if (!t) return no('TICKET_NOT_FOUND');
      if (t.status !== 'waiting') return no('TICKET_NOT_WAITING');
      if (!this.callable(counterId).includes(t)) return no('SERVICE_NOT_AT_COUNTER');
      next = t;
    } else {
      next = this.expectedNext(counterId);
    }
    if (this.held.get(counterId) && this.settings.callNextWhileServing === 'refuse') return no('COUNTER_BUSY');
    if (!next) return no('QUEUE_EMPTY');
    return ok(next.id);
  }

  applyCall(counterId: string, ticketId: string): void {
    const heldId = this.held.get(counterId);
    if (heldId) this.find(heldId)!.status = 'done';
    const t = this.find(ticketId)!;
    Object.assign(t, { status: 'called', heldBy: counterId, target: null, recalls: 0 });
    this.held.set(counterId, t.id);
    this.streak.set(counterId, t.weight > 0 ? this.streak.get(counterId)! + 1 : 0);
  }

  predictHeld(action: HeldAction, counterId: string, ticketId: string): Outcome {
    if (!SERVES.has(counterId)) return no('COUNTER_NOT_FOUND');
    const t = this.live(ticketId);
    if (!t) return no('TICKET_NOT_FOUND');
    if (this.held.get(counterId) !== t.id) return no('TICKET_NOT_AT_COUNTER');
    if (action === 'complete') return ok(t.id);
    if (t.status !== 'called') return no('INVALID_TRANSITION');
    if (action === 'no-show' && t.recalls < this.settings.recallsBeforeNoShow) return no('NO_SHOW_TOO_EARLY');
    return ok(t.id);
  }

  applyHeld(action: HeldAction, counterId: string, ticketId: string, now: number): void {
    const t = this.find(ticketId)!;
    const release = () => {
      this.held.set(counterId, null);
      t.heldBy = null;
    };
    if (action === 'recall') t.recalls++;
    else if (action === 'start') t.status = 'serving';
    else if (action === 'complete') (t.status = 'done'), release();
    else if (action === 'no-show') (t.status = 'no-show'), release();
    else if (action === 'requeue') (t.status = 'waiting'), (t.queuedAt = now), release();
  }

  predictTransfer(counterId: string, ticketId: string, toServiceId: string | null, toCounterId: string | null): Outcome {
    if (!SERVES.has(counterId)) return no('COUNTER_NOT_FOUND');
    const t = this.live(ticketId);
    if (!t) return no('TICKET_NOT_FOUND');
    if (this.held.get(counterId) !== t.id) return no('TICKET_NOT_AT_COUNTER');
    if (!toServiceId && !toCounterId) return no('VALIDATION_ERROR');
    if (toServiceId && !PREFIX.has(toServiceId)) return no('SERVICE_NOT_FOUND');
    if (toCounterId && !SERVES.has(toCounterId)) return no('COUNTER_NOT_FOUND');
    return ok(t.id);
  }

  applyTransfer(counterId: string, ticketId: string, toServiceId: string | null, toCounterId: string | null): void {
    const t = this.find(ticketId)!;
    Object.assign(t, { status: 'waiting', serviceId: toServiceId ?? t.serviceId, target: toCounterId, heldBy: null, recalls: 0 });
    this.held.set(counterId, null);
  }

  predictCancel(ticketId: string): Outcome {
    const t = this.live(ticketId);
    if (!t) return no('TICKET_NOT_FOUND');
    if (t.status === 'serving') return no('INVALID_TRANSITION');
    return ok(t.id);
  }

  applyCancel(ticketId: string): void {
    const t = this.find(ticketId)!;
    if (t.heldBy) this.held.set(t.heldBy, null);
    Object.assign(t, { status: 'cancelled', heldBy: null });
  }

  predictPause(counterId: string): Outcome {
    if (!SERVES.has(counterId)) return no('COUNTER_NOT_FOUND');
    if (this.paused.get(counterId)) return no('COUNTER_PAUSED');
    if (this.held.get(counterId)) return no('COUNTER_BUSY');
    return ok();
  }

  predictResume(counterId: string): Outcome {
    if (!SERVES.has(counterId)) return no('COUNTER_NOT_FOUND');
    return this.paused.get(counterId) ? ok() : no('COUNTER_NOT_PAUSED');
  }

  /** Local midnight passed: everything unfinished expires, numbering restarts, pauses stay. */
  rollDay(day: string): void {
    for (const t of this.tickets) if (LIVE.includes(t.status)) Object.assign(t, { status: 'cancelled', heldBy: null });
    for (const c of COUNTER_IDS) this.held.set(c, null), this.streak.set(c, 0);
    this.lastSeq.clear();
    this.day = day;
  }

  countByStatus(): Record<string, number> {
    const out: Record<string, number> = {};
    for (const t of this.tickets) out[t.status] = (out[t.status] ?? 0) + 1;
    return out;
  }
}

export type HeldAction = 'recall' | 'start' | 'complete' | 'no-show' | 'requeue';

/** A step of a random session. Ticket picks index into the tickets issued so far (finished ones included). */
export type Op =
  | { kind: 'issue'; service: number; priority: number | null }
  | { kind: 'call-next'; counter: number; expect: 'omit' | 'current' | 'stale' }
  | { kind: 'call-ticket'; counter: number; pick: number }
  | { kind: 'held'; action: HeldAction; counter: number; pick: number | null }
  | { kind: 'transfer'; counter: number; toService: number | null; toCounter: number | null }
  | { kind: 'cancel'; pick: number }
  | { kind: 'pause'; counter: number }
  | { kind: 'resume'; counter: number }
  | { kind: 'tick'; ms: number }
  | { kind: 'next-day' };

const counter = fc.nat(COUNTER_IDS.length - 1);
const pick = fc.nat(200);
/** `value` in one case of `1 + nullWeight`, else null. */
const mostlyNull = <T>(value: fc.Arbitrary<T>, nullWeight: number) => fc.oneof({ weight: nullWeight, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: value });

export const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: fc.nat(SERVICE_IDS.length - 1), priority: mostlyNull(fc.nat(PRIORITY_IDS.length - 1), 2) }) },
  { weight: 12, arbitrary: fc.record({ kind: fc.constant('call-next' as const), counter, expect: fc.constantFrom('omit' as const, 'omit' as const, 'current' as const, 'stale' as const) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('call-ticket' as const), counter, pick }) },
  {
    weight: 16,
    arbitrary: fc.record({
      kind: fc.constant('held' as const),
      action: fc.constantFrom<HeldAction>('recall', 'start', 'complete', 'no-show', 'requeue'),
      counter,
      // Mostly the ticket the counter holds; sometimes any ticket, to be refused.
      pick: mostlyNull(pick, 5),
    }),
  },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('transfer' as const), counter, toService: fc.option(fc.nat(SERVICE_IDS.length - 1)), toCounter: fc.option(counter) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('cancel' as const), pick }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('pause' as const), counter }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('resume' as const), counter }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 20 * 60_000 }) }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'next-day' as const }) },
);

/** Sessions long enough for queues to build up (fast-check's default size keeps arrays short). */
export const opsArb = fc.array(opArb, { minLength: 1, maxLength: 60, size: 'max' });

export const settingsArb: fc.Arbitrary<Settings> = fc.record({
  callNextWhileServing: fc.constantFrom('complete' as const, 'refuse' as const),
  routing: fc.constantFrom('target-wait' as const, 'service-order' as const, 'earliest' as const),
  recallsBeforeNoShow: fc.integer({ min: 0, max: 2 }),
  maxPriorityStreak: fc.integer({ min: 1, max: 3 }),
});

/** The real command an op stands for, given the model's view of who holds what. */
export function toCommand(op: Op, model: QueueModel): Command | null {
  const ticketAt = (n: number) => (model.tickets.length ? model.tickets[n % model.tickets.length].id : 'missing');
  // "The held ticket" ops go to a counter that holds one when there is any, so they mostly act.
  const holders = COUNTER_IDS.filter((c) => model.held.get(c));
  const holder = (n: number) => (holders.length ? holders[n % holders.length] : COUNTER_IDS[n]);
  switch (op.kind) {
    case 'issue':
      return { type: 'issue', serviceId: SERVICE_IDS[op.service], priorityId: op.priority === null ? null : PRIORITY_IDS[op.priority] };
    case 'call-next': {
      const c = COUNTER_IDS[op.counter];
      const expected = op.expect === 'omit' ? undefined : op.expect === 'current' ? model.held.get(c)! : 'not-the-current-one';
      return { type: 'call-next', counterId: c, ...(expected === undefined ? {} : { expectedCurrentTicketId: expected }) };
    }
    case 'call-ticket':
      return { type: 'call-ticket', counterId: COUNTER_IDS[op.counter], ticketId: ticketAt(op.pick) };
    case 'held': {
      const c = op.pick === null ? holder(op.counter) : COUNTER_IDS[op.counter];
      return { type: op.action, counterId: c, ticketId: op.pick === null ? (model.held.get(c) ?? ticketAt(0)) : ticketAt(op.pick) };
    }
    case 'transfer': {
      const c = holder(op.counter);
      return {
        type: 'transfer',
        counterId: c,
        ticketId: model.held.get(c) ?? ticketAt(0),
        toServiceId: op.toService === null ? null : SERVICE_IDS[op.toService],
        toCounterId: op.toCounter === null ? null : COUNTER_IDS[op.toCounter],
      };
    }
    case 'cancel':
      return { type: 'cancel', ticketId: ticketAt(op.pick) };
    case 'pause':
      return { type: 'pause', counterId: COUNTER_IDS[op.counter], reason: 'Nghỉ giải lao' };
    case 'resume':
      return { type: 'resume', counterId: COUNTER_IDS[op.counter] };
    default:
      return null;
  }
}

/** Model prediction for a command (null for ops that are not commands). */
export function predict(model: QueueModel, cmd: Command): Outcome {
  switch (cmd.type) {
    case 'issue':
      return model.predictIssue(cmd.serviceId, cmd.priorityId ?? null);
    case 'call-next':
      return model.predictCall(cmd.counterId, null, cmd.expectedCurrentTicketId);
    case 'call-ticket':
      return model.predictCall(cmd.counterId, cmd.ticketId, cmd.expectedCurrentTicketId);
    case 'recall':
    case 'start':
    case 'complete':
    case 'no-show':
    case 'requeue':
      return model.predictHeld(cmd.type, cmd.counterId, cmd.ticketId);
    case 'transfer':
      return model.predictTransfer(cmd.counterId, cmd.ticketId, cmd.toServiceId ?? null, cmd.toCounterId ?? null);
    case 'cancel':
      return model.predictCancel(cmd.ticketId);
    case 'pause':
      return model.predictPause(cmd.counterId);
    case 'resume':
      return model.predictResume(cmd.counterId);
    case 'roll-day':
      return ok();
  }
}

/** Record a command the real service accepted. */
export function applyToModel(model: QueueModel, cmd: Command, ticketId: string | null, now: number): void {
  switch (cmd.type) {
    case 'issue':
      model.applyIssue(ticketId!, cmd.serviceId, cmd.priorityId ?? null, now);
      return;
    case 'call-next':
    case 'call-ticket':
      model.applyCall(cmd.counterId, ticketId!);
      return;
    case 'recall':
    case 'start':
    case 'complete':
    case 'no-show':
    case 'requeue':
      model.applyHeld(cmd.type, cmd.counterId, cmd.ticketId, now);
      return;
    case 'transfer':
      model.applyTransfer(cmd.counterId, cmd.ticketId, cmd.toServiceId ?? null, cmd.toCounterId ?? null);
      return;
    case 'cancel':
      model.applyCancel(cmd.ticketId);
      return;
    case 'pause':
      model.paused.set(cmd.counterId, true);
      return;
    case 'resume':
      model.paused.set(cmd.counterId, false);
      return;
    case 'roll-day':
      return;
  }
}
