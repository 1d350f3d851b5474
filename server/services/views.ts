/** REST and socket read models, built from the live state. */
import type { Ticket } from '../../protocol/domain';
import type { PublicSnapshot, StaffSnapshot, QueueUpdate, TicketUpdate, PrinterStatusView, ServiceQueueStats } from '../../protocol/realtime';
import type { TicketView } from '../../protocol/schemas';
import type { QueueState } from '../queue/state';
import { counterView, counterViews, serviceStats, ticketPosition, toPublicTicket } from '../queue/views';
import { compareFifo } from '../queue/routing';
import type { Committed } from './queue-service';

export function ticketView(
  state: QueueState,
  ticket: Ticket,
  publicUrl: string,
  /** Position measured when the ticket was issued (exact, and free of a queue scan). */
  position?: { waitingAhead: number; etaMinutes: number | null },
): TicketView {
  const service = state.services.get(ticket.serviceId);
  const priority = ticket.priorityId ? state.priorities.get(ticket.priorityId) : undefined;
  const counter = ticket.counterId ? state.counters.get(ticket.counterId) : undefined;
  // Finished or other-day tickets are not in the live queue: no position.
  const live = state.active.get(ticket.id) ?? null;
  const where = position ?? (live ? ticketPosition(state, live) : { waitingAhead: 0, etaMinutes: null });
  return {
    ...(live ?? ticket),
    ...where,
    serviceName: service?.name ?? '',
    serviceNameEn: service?.nameEn ?? '',
    priorityName: priority?.name ?? null,
    counterNumber: counter?.number ?? null,
    counterName: counter?.name ?? null,
    phoneUrl: `${publicUrl}/t/${ticket.id}`,
  };
}

export function publicSnapshot(state: QueueState, now: number, printers: PrinterStatusView[]): PublicSnapshot {
  const s = state.center.settings;
  return {
    seq: state.seq,
    serverTime: now,
    businessDay: state.businessDay,
    center: {
      id: state.center.id,
      name: state.center.name,
      nameEn: state.center.nameEn,
      address: state.center.address,
      timeZone: state.center.timeZone,
      noticeLine: s.noticeLine,
      noticeLineEn: s.noticeLineEn,
      voiceVariant: s.voiceVariant,
      voiceDigitByDigit: s.voiceDigitByDigit,
      announceEnglish: s.announceEnglish,
      recallsBeforeNoShow: s.recallsBeforeNoShow,
    },
    services: [...state.services.values()].sort((a, b) => a.sortOrder - b.sortOrder),
    priorities: [...state.priorities.values()].filter((p) => p.active).sort((a, b) => a.sortOrder - b.sortOrder),
    counters: counterViews(state),
    stats: serviceStats(state),
    recentCalls: [...state.recentCalls],
    printers,
  };
}

export function staffSnapshot(state: QueueState, now: number, printers: PrinterStatusView[]): StaffSnapshot {
  const waiting = [...state.active.values()].filter((t) => t.status === 'waiting').sort(compareFifo).map(toPublicTicket);
  return { ...publicSnapshot(state, now, printers), waiting };
}

/** One update per commit. Public updates omit waiting tickets (their ids stay private to their holders). */
export function queueUpdate(state: QueueState, c: Committed, audience: 'public' | 'staff', stats: ServiceQueueStats[] = serviceStats(state)): QueueUpdate {
  const counterIds = new Set(c.decision.counters.map((x) => x.counterId));
  for (const t of c.decision.tickets) if (t.counterId) counterIds.add(t.counterId);
  const tickets = c.decision.tickets.filter((t) => audience === 'staff' || t.status !== 'waiting').map(toPublicTicket);
  return {
    seq: c.seq,
    at: c.decision.events[0]?.at ?? 0,
    kinds: [...new Set(c.decision.events.map((e) => e.type))],
    tickets,
    counters: [...counterIds].map((id) => counterView(state, id)).filter((v) => v !== null),
    stats,
  };
}

export function ticketUpdate(state: QueueState, ticket: Ticket, seq: number): TicketUpdate {
  const counter = ticket.counterId ? state.counters.get(ticket.counterId) : undefined;
  const live = state.active.get(ticket.id);
  const pos = live ? ticketPosition(state, live) : { waitingAhead: 0, etaMinutes: null };
  return {
    seq,
    ticket: toPublicTicket(live ?? ticket),
    ...pos,
    counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
  };
}
