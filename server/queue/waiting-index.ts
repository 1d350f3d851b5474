/**
 * The waiting tickets, indexed as they move, so ETAs, stats, positions and estimates cost nothing like a pass
 * over the queue however long it is (a city center's line runs into the thousands):
 * - counts per service and priority weight;
 * - each service's line per weight, in FIFO order, for binary searches (`lines`);
 * - the oldest waiting time, found lazily: recomputed only after the oldest ticket left.
 */
import type { Ticket } from '../../protocol/domain';
import { compareFifo } from './fifo';
import type { QueueState } from './state';

export interface WaitingIndex {
  byWeight: Map<string, Map<number, number>>;
  /** Oldest queuedAt per service; absent = unknown, rescan on demand. */
  oldest: Map<string, number | null>;
  /**
   * Waiting tickets per service and weight in FIFO order, without those transferred to one counter (they are
   * in `targeted`, and few): the lines as any counter of the service calls them.
   */
  lines: Map<string, Map<number, Ticket[]>>;
  targeted: Map<string, Ticket>;
  /** Checked-in bookings waiting (they carry `slotAt`; few): also in their line. */
  booked: Map<string, Ticket>;
}

export function emptyWaitingIndex(): WaitingIndex {
  return { byWeight: new Map(), oldest: new Map(), lines: new Map(), targeted: new Map(), booked: new Map() };
}

/** A copy that can change without touching the original (simulations branch off a live state). */
export function copyWaitingIndex(index: WaitingIndex): WaitingIndex {
  return {
    byWeight: new Map([...index.byWeight].map(([service, weights]) => [service, new Map(weights)])),
    oldest: new Map(index.oldest),
    lines: new Map([...index.lines].map(([service, weights]) => [service, new Map([...weights].map(([w, line]) => [w, [...line]]))])),
    targeted: new Map(index.targeted),
    booked: new Map(index.booked),
  };
}

function bump(index: WaitingIndex, t: Ticket, delta: number): void {
  let weights = index.byWeight.get(t.serviceId);
  if (!weights) index.byWeight.set(t.serviceId, (weights = new Map()));
  weights.set(t.priorityWeight, (weights.get(t.priorityWeight) ?? 0) + delta);
}

/** How many tickets at the start of `line` satisfy `before`, which holds for a prefix of it (binary search). */
export function prefixLength(line: readonly Ticket[], before: (t: Ticket) => boolean): number {
  let lo = 0;
  let hi = line.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (before(line[mid])) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function lineOf(index: WaitingIndex, t: Ticket): Ticket[] {
  let weights = index.lines.get(t.serviceId);
  if (!weights) index.lines.set(t.serviceId, (weights = new Map()));
  let line = weights.get(t.priorityWeight);
  if (!line) weights.set(t.priorityWeight, (line = []));
  return line;
}

function enter(index: WaitingIndex, t: Ticket): void {
  if (t.slotAt != null) index.booked.set(t.id, t);
  if (t.targetCounterId) {
    index.targeted.set(t.id, t);
    return;
  }
  const line = lineOf(index, t);
  // New tickets join at the end: check it first.
  const at = line.length === 0 || compareFifo(line[line.length - 1], t) < 0 ? line.length : prefixLength(line, (x) => compareFifo(x, t) < 0);
  line.splice(at, 0, t);
}

function leave(index: WaitingIndex, t: Ticket): void {
  index.booked.delete(t.id);
  if (index.targeted.delete(t.id)) return;
  const line = index.lines.get(t.serviceId)?.get(t.priorityWeight);
  if (!line) return;
  // Called tickets leave from the head: check it first.
  const at = line[0]?.id === t.id ? 0 : prefixLength(line, (x) => compareFifo(x, t) < 0);
  if (line[at]?.id === t.id) line.splice(at, 1);
}

/** Record that a ticket changed from `before` to `after` (either may be absent). */
export function trackWaiting(state: QueueState, before: Ticket | undefined, after: Ticket | undefined): void {
  const index = state.waitingIndex;
  if (before?.status === 'waiting') {
    bump(index, before, -1);
    leave(index, before);
    const oldest = index.oldest.get(before.serviceId);
    if (oldest === undefined || oldest === null || before.queuedAt <= oldest) index.oldest.delete(before.serviceId);
  }
  if (after?.status === 'waiting') {
    bump(index, after, +1);
    enter(index, after);
    const oldest = index.oldest.get(after.serviceId);
    if (oldest === null) index.oldest.set(after.serviceId, after.queuedAt);
    else if (oldest !== undefined && after.queuedAt < oldest) index.oldest.set(after.serviceId, after.queuedAt);
  }
}

export function rebuildWaiting(state: QueueState): void {
  state.waitingIndex = emptyWaitingIndex();
  for (const t of state.active.values()) trackWaiting(state, undefined, t);
}

export function waitingCount(state: QueueState, serviceId: string, minWeight = 0): number {
  let n = 0;
  for (const [weight, count] of state.waitingIndex.byWeight.get(serviceId) ?? []) if (weight >= minWeight) n += count;
  return n;
}

/** Tickets of the same service that will be called before `ticket` (by priority, then FIFO). */
export function waitingAhead(state: QueueState, ticket: Ticket): number {
  if (ticket.status !== 'waiting') return 0;
  const index = state.waitingIndex;
  const ahead = (t: Ticket) => t.priorityWeight > ticket.priorityWeight || (t.priorityWeight === ticket.priorityWeight && compareFifo(t, ticket) < 0);
  let n = 0;
  for (const [weight, line] of index.lines.get(ticket.serviceId) ?? []) {
    if (weight > ticket.priorityWeight) n += line.length;
    else if (weight === ticket.priorityWeight) n += prefixLength(line, ahead);
  }
  for (const t of index.targeted.values()) if (t.serviceId === ticket.serviceId && t.id !== ticket.id && ahead(t)) n++;
  return n;
}

export function oldestWaiting(state: QueueState, serviceId: string): number | null {
  const known = state.waitingIndex.oldest.get(serviceId);
  if (known !== undefined) return known;
  let oldest: number | null = null;
  for (const t of state.active.values()) {
    if (t.status === 'waiting' && t.serviceId === serviceId && (oldest === null || t.queuedAt < oldest)) oldest = t.queuedAt;
  }
  state.waitingIndex.oldest.set(serviceId, oldest);
  return oldest;
}
