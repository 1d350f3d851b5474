/**
 * Bring the in-memory state in line with a committed decision. Called only
 * after the transaction that stored the same rows has committed.
 */
import type { Ticket } from '../../protocol/domain';
import type { StaffCallRecord } from '../../protocol/realtime';
import type { Decision } from './decide';
import { TERMINAL_STATUSES } from './events';
import { RECENT_CALLS_KEPT, type QueueState } from './state';
import { toStaffTicket } from './read-model';
import { emptyWaitingIndex, trackWaiting } from './waiting-index';

export function applyDecision(state: QueueState, d: Decision, seq: number): StaffCallRecord[] {
  state.seq = seq;
  if (d.businessDay && d.businessDay !== state.businessDay) startNewDay(state, d.businessDay);

  const calls: StaffCallRecord[] = [];
  for (const ticket of d.tickets) {
    const before = state.active.get(ticket.id);
    trackWaiting(state, before, ticket);
    if (TERMINAL_STATUSES.has(ticket.status)) state.active.delete(ticket.id);
    else state.active.set(ticket.id, ticket);
    if (!before && ticket.status === 'waiting' && !d.businessDay) countIssued(state, ticket);
    if (ticket.status === 'done' && before?.status !== 'done') countServed(state, ticket);
  }
  for (const cs of d.counters) state.counterStates.set(cs.counterId, cs);

  for (const e of d.events) {
    if (e.type !== 'ticket.called' && e.type !== 'ticket.recalled') continue;
    const ticket = d.tickets.find((t) => t.id === e.ticketId);
    const counter = state.counters.get(e.counterId);
    if (!ticket || !counter) continue;
    const call: StaffCallRecord = {
      ticket: toStaffTicket(ticket),
      counter: { id: counter.id, number: counter.number, name: counter.name },
      recall: e.type === 'ticket.recalled',
      at: e.at,
      seq,
    };
    calls.push(call);
    state.recentCalls.unshift(call);
  }
  if (state.recentCalls.length > RECENT_CALLS_KEPT) state.recentCalls.length = RECENT_CALLS_KEPT;
  return calls;
}

function countIssued(state: QueueState, ticket: Ticket): void {
  state.lastSeqNo.set(ticket.serviceId, Math.max(state.lastSeqNo.get(ticket.serviceId) ?? 0, ticket.seqNo));
  state.issuedToday.set(ticket.serviceId, (state.issuedToday.get(ticket.serviceId) ?? 0) + 1);
}

export function countServed(state: QueueState, ticket: Ticket): void {
  const totals = state.servedByService.get(ticket.serviceId) ?? { count: 0, serviceMs: 0 };
  const serviceMs = Math.max(0, (ticket.completedAt ?? 0) - (ticket.startedAt ?? ticket.completedAt ?? 0));
  state.servedByService.set(ticket.serviceId, { count: totals.count + 1, serviceMs: totals.serviceMs + serviceMs });
  if (ticket.counterId) state.servedByCounter.set(ticket.counterId, (state.servedByCounter.get(ticket.counterId) ?? 0) + 1);
}

function startNewDay(state: QueueState, day: string): void {
  state.businessDay = day;
  state.active.clear();
  state.waitingIndex = emptyWaitingIndex();
  state.lastSeqNo.clear();
  state.issuedToday.clear();
  state.servedByService.clear();
  state.servedByCounter.clear();
  state.recentCalls = [];
}
