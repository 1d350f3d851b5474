/** Read models built from the state: what sockets and REST answers show. */
import type { Service, Ticket } from '../../protocol/domain';
import type { CounterView, PublicTicket, ServiceQueueStats } from '../../protocol/realtime';
import { counterStateOf, type QueueState } from './state';
import { waitingAhead } from './routing';
import { oldestWaiting, waitingCount } from './waiting-index';

export function toPublicTicket(t: Ticket): PublicTicket {
  return {
    id: t.id,
    number: t.number,
    serviceId: t.serviceId,
    priorityId: t.priorityId,
    status: t.status,
    counterId: t.counterId,
    issuedAt: t.issuedAt,
    calledAt: t.calledAt,
    recallCount: t.recallCount,
  };
}

/** Today's mean service time once a few tickets are done, else the service's configured default. */
export function avgServiceMinutes(state: QueueState, service: Service): number {
  const totals = state.servedByService.get(service.id);
  if (!totals || totals.count < 3) return service.defaultServiceMinutes;
  return Math.max(1, totals.serviceMs / totals.count / 60_000);
}

/** Open, unpaused counters serving the service (at least 1, so an ETA exists). */
function servingCounters(state: QueueState, serviceId: string): number {
  let n = 0;
  for (const c of state.counters.values()) {
    if (c.active && c.serviceIds.includes(serviceId) && !counterStateOf(state, c.id).paused) n++;
  }
  return Math.max(1, n);
}

export function etaMinutes(state: QueueState, serviceId: string, ahead: number): number {
  const service = state.services.get(serviceId);
  if (!service) return 0;
  return Math.round((ahead * avgServiceMinutes(state, service)) / servingCounters(state, serviceId));
}

/** Waiting counts and ETAs for every service, from the waiting index (no scan of the queue). */
export function serviceStats(state: QueueState): ServiceQueueStats[] {
  return [...state.services.values()].map((service) => {
    const waiting = waitingCount(state, service.id);
    return {
      serviceId: service.id,
      waiting,
      waitingPriority: waitingCount(state, service.id, 1),
      oldestQueuedAt: waiting > 0 ? oldestWaiting(state, service.id) : null,
      etaMinutes: etaMinutes(state, service.id, waiting),
      avgServiceMinutes: Math.round(avgServiceMinutes(state, service) * 10) / 10,
      issuedToday: state.issuedToday.get(service.id) ?? 0,
      servedToday: state.servedByService.get(service.id)?.count ?? 0,
    };
  });
}

export function counterView(state: QueueState, counterId: string): CounterView | null {
  const counter = state.counters.get(counterId);
  if (!counter) return null;
  const cs = counterStateOf(state, counterId);
  const current = cs.currentTicketId ? state.active.get(cs.currentTicketId) : undefined;
  return {
    ...counter,
    state: cs,
    currentTicket: current ? toPublicTicket(current) : null,
    servedToday: state.servedByCounter.get(counterId) ?? 0,
    staffName: cs.staffId ? (state.staffNames.get(cs.staffId) ?? null) : null,
  };
}

export function counterViews(state: QueueState): CounterView[] {
  return [...state.counters.values()]
    .sort((a, b) => a.number - b.number)
    .map((c) => counterView(state, c.id))
    .filter((v): v is CounterView => v !== null);
}

/**
 * Position and ETA. `newest`: the ticket was queued just now, so everything of its service
 * with at least its weight is ahead — counted from the index instead of scanning the queue.
 */
export function ticketPosition(state: QueueState, ticket: Ticket, newest = false): { waitingAhead: number; etaMinutes: number | null } {
  if (ticket.status !== 'waiting') return { waitingAhead: 0, etaMinutes: null };
  const ahead = newest ? waitingCount(state, ticket.serviceId, ticket.priorityWeight) - 1 : waitingAhead(state, ticket);
  return { waitingAhead: ahead, etaMinutes: etaMinutes(state, ticket.serviceId, ahead) };
}
