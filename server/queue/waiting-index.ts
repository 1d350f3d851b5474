/**
 * Counts of waiting tickets per service and priority weight, kept as tickets move,
 * so ETAs, stats and a new ticket's position cost nothing however long the queue is.
 * The oldest waiting time is found lazily: recomputed only after the oldest ticket left.
 */
import type { Ticket } from '../../protocol/domain';
import type { QueueState } from './state';

export interface WaitingIndex {
  byWeight: Map<string, Map<number, number>>;
  /** Oldest queuedAt per service; absent = unknown, rescan on demand. */
  oldest: Map<string, number | null>;
}

export function emptyWaitingIndex(): WaitingIndex {
  return { byWeight: new Map(), oldest: new Map() };
}

function bump(index: WaitingIndex, t: Ticket, delta: number): void {
  let weights = index.byWeight.get(t.serviceId);
  if (!weights) index.byWeight.set(t.serviceId, (weights = new Map()));
  weights.set(t.priorityWeight, (weights.get(t.priorityWeight) ?? 0) + delta);
}

/** Record that a ticket changed from `before` to `after` (either may be absent). */
export function trackWaiting(state: QueueState, before: Ticket | undefined, after: Ticket | undefined): void {
  const index = state.waitingIndex;
  if (before?.status === 'waiting') {
    bump(index, before, -1);
    const oldest = index.oldest.get(before.serviceId);
    if (oldest === undefined || oldest === null || before.queuedAt <= oldest) index.oldest.delete(before.serviceId);
  }
  if (after?.status === 'waiting') {
    bump(index, after, +1);
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
