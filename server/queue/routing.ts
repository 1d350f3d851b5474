import type { Counter, Ticket } from '../../protocol/domain';
import { counterStateOf, type QueueState } from './state';

/** Waiting tickets this counter may call: its services, or sent to it by a transfer. */
export function callableAt(state: QueueState, counter: Counter): Ticket[] {
  const served = new Set(counter.serviceIds);
  const out: Ticket[] = [];
  for (const t of state.active.values()) {
    if (t.status !== 'waiting') continue;
    if (t.targetCounterId ? t.targetCounterId === counter.id : served.has(t.serviceId)) out.push(t);
  }
  return out;
}

/**
 * Order for "call next":
 * 1. tickets transferred to this very counter (the citizen was already served once);
 * 2. priority tickets by weight — unless the counter already called `maxPriorityStreak`
 *    priority tickets in a row while normal tickets wait (anti-starvation);
 * 3. by the counter's service order (or earliest-queued across services, per settings);
 * 4. FIFO by queuedAt, then by number.
 */
export function pickNext(state: QueueState, counter: Counter): Ticket | null {
  const candidates = callableAt(state, counter);
  if (candidates.length === 0) return null;

  const targeted = candidates.filter((t) => t.targetCounterId === counter.id);
  if (targeted.length > 0) return targeted.sort(compareFifo)[0];

  const priority = candidates.filter((t) => t.priorityWeight > 0);
  const normal = candidates.filter((t) => t.priorityWeight <= 0);
  const streak = counterStateOf(state, counter.id).priorityStreak;
  const priorityAllowed = normal.length === 0 || streak < state.center.settings.maxPriorityStreak;

  const pool = priority.length > 0 && priorityAllowed ? priority : normal.length > 0 ? normal : priority;
  const serviceRank = new Map(counter.serviceIds.map((id, i) => [id, i]));
  const byServiceOrder = state.center.settings.routing === 'service-order';

  return pool.sort((a, b) => {
    if (b.priorityWeight !== a.priorityWeight) return b.priorityWeight - a.priorityWeight;
    if (byServiceOrder) {
      const rank = (serviceRank.get(a.serviceId) ?? 999) - (serviceRank.get(b.serviceId) ?? 999);
      if (rank !== 0) return rank;
    }
    return compareFifo(a, b);
  })[0];
}

export function compareFifo(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.seqNo - b.seqNo || a.id.localeCompare(b.id);
}

/** Tickets of the same service that will be called before `ticket` (by priority, then FIFO). */
export function waitingAhead(state: QueueState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  let ahead = 0;
  for (const t of state.active.values()) {
    if (t.status !== 'waiting' || t.id === ticket.id || t.serviceId !== ticket.serviceId) continue;
    if (t.priorityWeight > ticket.priorityWeight || (t.priorityWeight === ticket.priorityWeight && compareFifo(t, ticket) < 0)) ahead++;
  }
  return ahead;
}
