import type { Counter, Ticket } from '../../protocol/domain';
import { compareFifo } from './fifo';
import { counterStateOf, type QueueState } from './state';

/**
 * Waiting tickets this counter may call: its services, or sent to it by a transfer. Given `now`, a checked-in
 * booking whose slot has not come yet is left waiting (it is called at or after its slot time).
 */
export function callableAt(state: QueueState, counter: Counter, now?: number): Ticket[] {
  const served = new Set(counter.serviceIds);
  const out: Ticket[] = [];
  for (const t of state.active.values()) {
    if (t.status !== 'waiting') continue;
    if (now !== undefined && isBookedForLater(t, now)) continue;
    if (t.targetCounterId ? t.targetCounterId === counter.id : served.has(t.serviceId)) out.push(t);
  }
  return out;
}

/**
 * Order for "call next":
 * 1. tickets transferred to this very counter (the citizen was already served once);
 * 2. priority tickets by weight — unless the counter already called `maxPriorityStreak`
 *    priority tickets in a row while normal tickets wait (anti-starvation);
 * 3. between services, by the center's routing mode (`betweenServices`);
 * 4. FIFO by queuedAt, then by number.
 * A checked-in booking takes part only from its slot time on (`isBookedForLater`); its queuedAt already puts it
 * in its line by its slot (decide.ts `bookedQueuedAt`).
 *
 * `now` is the moment of the call: with 'target-wait' routing, how long a line's head has waited decides.
 * A few linear passes over the callable tickets and no sort: it runs on every call.
 */
export function pickNext(state: QueueState, counter: Counter, now: number): Ticket | null {
  const candidates = callableAt(state, counter, now);
  if (candidates.length === 0) return null;

  const targeted = candidates.filter((t) => t.targetCounterId === counter.id);
  if (targeted.length > 0) return first(targeted, compareFifo);

  const priority = candidates.filter((t) => t.priorityWeight > 0);
  const normal = candidates.filter((t) => t.priorityWeight <= 0);
  const streak = counterStateOf(state, counter.id).priorityStreak;
  const priorityAllowed = normal.length === 0 || streak < state.center.settings.maxPriorityStreak;

  const pool = priority.length > 0 && priorityAllowed ? priority : normal.length > 0 ? normal : priority;
  const between = betweenServices(state, counter, now);
  return first(pool, (a, b) => b.priorityWeight - a.priorityWeight || between(a, b) || compareFifo(a, b));
}

/**
 * How the routing mode orders two tickets of the same weight at this counter (0 = leave it to FIFO).
 * Exported for estimates that replay the counters' choices.
 *
 * 'target-wait' ranks a ticket past its service's target wait before any ticket within its target, the most
 * overdue against its target first, and otherwise keeps the counter's service order. Waits count from
 * queuedAt, the very key of FIFO, so within one service an earlier ticket has always waited at least as
 * long: a service's line never reorders, and only its head can be the one chosen.
 */
export function betweenServices(state: QueueState, counter: Counter, now: number): (a: Ticket, b: Ticket) => number {
  const mode = state.center.settings.routing;
  if (mode === 'earliest') return () => 0;
  const serviceRank = new Map(counter.serviceIds.map((id, i) => [id, i]));
  const rank = (t: Ticket) => serviceRank.get(t.serviceId) ?? 999;
  if (mode === 'service-order') return (a, b) => rank(a) - rank(b);
  const overdue = (t: Ticket) => overdueRatio(state, t, now);
  return (a, b) => {
    const late = overdue(b) - overdue(a);
    return late !== 0 ? late : rank(a) - rank(b);
  };
}

/** A checked-in booking whose slot is still ahead: not to be called yet. */
export function isBookedForLater(ticket: Ticket, now: number): boolean {
  return ticket.slotAt != null && ticket.slotAt > now;
}

/**
 * How far past its service's target wait a waiting ticket is, as a share of that target
 * (0.5 = waited 1.5× the target); 0 while within the target.
 */
export function overdueRatio(state: QueueState, ticket: Ticket, now: number): number {
  const targetMs = (state.services.get(ticket.serviceId)?.targetWaitMinutes ?? 0) * 60_000;
  if (targetMs <= 0) return 0;
  return Math.max(0, (now - ticket.queuedAt - targetMs) / targetMs);
}

/** The smallest element by `compare`, in one pass. */
function first<T>(items: T[], compare: (a: T, b: T) => number): T {
  let best = items[0];
  for (let i = 1; i < items.length; i++) if (compare(items[i], best) < 0) best = items[i];
  return best;
}

