/**
 * The read model: what REST answers and socket messages show, built from the live state.
 * Pure, like the rules: the caller passes the state, the commit and the public URL.
 * Two audiences (protocol/realtime.ts): anyone (no ticket ids, no staff account ids) and staff.
 */
import type { Service, Ticket } from '../../protocol/domain';
import type {
  CallRecord,
  CounterView,
  PrinterStatusView,
  PublicSnapshot,
  PublicTicket,
  QueueUpdate,
  ServiceQueueStats,
  StaffCallRecord,
  StaffCounterView,
  StaffQueueUpdate,
  StaffSnapshot,
  StaffTicket,
  TicketUpdate,
} from '../../protocol/realtime';
import { STAFF_ONLY_TICKET_FIELDS, type PublicTicketView, type TicketView } from '../../protocol/schemas';
import type { Decision } from './decide';
import { counterStateOf, type QueueState } from './state';
import { compareFifo } from './fifo';
import { estimateWait, type WaitEstimate } from './estimate';
import type { EtaRange } from '../../protocol/wait-estimate';
import { oldestWaiting, waitingAhead, waitingCount } from './waiting-index';

/**
 * A ticket's display key (PublicTicket.ref): its number is unique in the center's business day (services that
 * share a prefix may not share a range) and the issue time tells the days apart. Nothing in it leads to the id.
 */
export function ticketRef(t: Pick<Ticket, 'number' | 'issuedAt'>): string {
  return `${t.number}.${t.issuedAt.toString(36)}`;
}

export function toPublicTicket(t: Ticket): PublicTicket {
  return {
    ref: ticketRef(t),
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

export function toStaffTicket(t: Ticket): StaffTicket {
  return { id: t.id, ...toPublicTicket(t) };
}

/** A staff shape shown to anyone: the same ticket without its id. */
function withoutId({ id: _id, ...ticket }: StaffTicket): PublicTicket {
  return ticket;
}

export function publicCall(call: StaffCallRecord): CallRecord {
  return { ...call, ticket: withoutId(call.ticket) };
}

/** Today's mean service time once a few tickets are done, else the service's configured default (shown on the floor). */
export function avgServiceMinutes(state: QueueState, service: Service): number {
  const totals = state.servedByService.get(service.id);
  if (!totals || totals.count < 3) return service.defaultServiceMinutes;
  return Math.max(1, totals.serviceMs / totals.count / 60_000);
}

/** A ticket's place in line and its estimated wait, as every view shows it. */
export interface TicketPosition {
  waitingAhead: number;
  /** Point estimate, whole minutes; at least 1 while every counter able to call the ticket is busy. */
  etaMinutes: number | null;
  etaRange?: EtaRange | null;
}

/** The estimate in the shape views carry (protocol/wait-estimate.ts says how it is worded). */
function shownEstimate(estimate: WaitEstimate): { etaMinutes: number; etaRange: EtaRange } {
  const minutes = Math.round(estimate.minutes);
  return { etaMinutes: estimate.allBusy ? Math.max(1, minutes) : minutes, etaRange: { low: estimate.low, high: estimate.high } };
}

/**
 * The latest instant the state knows of, for a reader that was not given the time: the last call, pause
 * or completion at any counter. Estimates need "now" only for how long held tickets have been served.
 */
function knownNow(state: QueueState): number {
  let latest = 0;
  for (const cs of state.counterStates.values()) latest = Math.max(latest, cs.updatedAt);
  return latest;
}

/** Waiting counts and ETAs for every service ("a ticket taken now"), from the waiting index. */
export function serviceStats(state: QueueState, now: number = knownNow(state)): ServiceQueueStats[] {
  return [...state.services.values()].map((service) => {
    const waiting = waitingCount(state, service.id);
    const estimate = shownEstimate(estimateWait(state, { serviceId: service.id, priorityWeight: 0, queuedAt: now }, now));
    return {
      serviceId: service.id,
      waiting,
      waitingPriority: waitingCount(state, service.id, 1),
      oldestQueuedAt: waiting > 0 ? oldestWaiting(state, service.id) : null,
      ...estimate,
      avgServiceMinutes: Math.round(avgServiceMinutes(state, service) * 10) / 10,
      issuedToday: state.issuedToday.get(service.id) ?? 0,
      servedToday: state.servedByService.get(service.id)?.count ?? 0,
    };
  });
}

export function staffCounterView(state: QueueState, counterId: string): StaffCounterView | null {
  const counter = state.counters.get(counterId);
  if (!counter) return null;
  const cs = counterStateOf(state, counterId);
  const current = cs.currentTicketId ? state.active.get(cs.currentTicketId) : undefined;
  return {
    ...counter,
    state: cs,
    currentTicket: current ? toStaffTicket(current) : null,
    servedToday: state.servedByCounter.get(counterId) ?? 0,
    staffName: cs.staffId ? (state.staffNames.get(cs.staffId) ?? null) : null,
  };
}

/** The counter as anyone may see it: no held ticket's id, no staff account ids (the officer's name stays). */
function publicCounter(view: StaffCounterView): CounterView {
  const { staffId: _bound, state, currentTicket, ...counter } = view;
  const { currentTicketId: _held, staffId: _working, ...publicState } = state;
  return { ...counter, state: publicState, currentTicket: currentTicket && withoutId(currentTicket) };
}

export function counterView(state: QueueState, counterId: string): CounterView | null {
  const view = staffCounterView(state, counterId);
  return view && publicCounter(view);
}

export function staffCounterViews(state: QueueState): StaffCounterView[] {
  return [...state.counters.values()]
    .sort((a, b) => a.number - b.number)
    .map((c) => staffCounterView(state, c.id))
    .filter((v): v is StaffCounterView => v !== null);
}

export function counterViews(state: QueueState): CounterView[] {
  return staffCounterViews(state).map(publicCounter);
}

/**
 * Position and ETA. `newest`: the ticket was queued just now, so everything of its service
 * with at least its weight is ahead — counted from the index instead of scanning the queue.
 */
export function ticketPosition(state: QueueState, ticket: Ticket, newest = false, now: number = newest ? ticket.queuedAt : knownNow(state)): TicketPosition {
  if (ticket.status !== 'waiting') return { waitingAhead: 0, etaMinutes: null };
  const ahead = newest ? waitingCount(state, ticket.serviceId, ticket.priorityWeight) - 1 : waitingAhead(state, ticket);
  // A booking's place in line may lie ahead of now (its slot): its estimate runs from now, and covers the slot.
  const from = ticket.slotAt != null ? now : Math.max(now, ticket.queuedAt);
  return { waitingAhead: ahead, ...shownEstimate(estimateWait(state, ticket, from, newest)) };
}

export function ticketView(
  state: QueueState,
  ticket: Ticket,
  publicUrl: string,
  /** Position measured when the ticket was issued (exact, and free of a queue scan). */
  position?: TicketPosition,
  now?: number,
): TicketView {
  const service = state.services.get(ticket.serviceId);
  const priority = ticket.priorityId ? state.priorities.get(ticket.priorityId) : undefined;
  const counter = ticket.counterId ? state.counters.get(ticket.counterId) : undefined;
  // Finished or other-day tickets are not in the live queue: no position.
  const live = state.active.get(ticket.id) ?? null;
  const where = position ?? (live ? ticketPosition(state, live, false, now) : { waitingAhead: 0, etaMinutes: null });
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

/** A ticket view for a caller who is not signed in: without what only staff see. */
export function publicTicketView(view: TicketView): PublicTicketView {
  const shown: Partial<TicketView> = { ...view };
  for (const field of STAFF_ONLY_TICKET_FIELDS) delete shown[field];
  return shown as PublicTicketView;
}

export function publicSnapshot(state: QueueState, now: number, printers: PrinterStatusView[]): PublicSnapshot {
  return { ...snapshotOf(state, now, printers), counters: counterViews(state), recentCalls: state.recentCalls.map(publicCall) };
}

/** Staff also get the waiting line, and every ticket with its id. */
export function staffSnapshot(state: QueueState, now: number, printers: PrinterStatusView[]): StaffSnapshot {
  const waiting = [...state.active.values()].filter((t) => t.status === 'waiting').sort(compareFifo).map(toStaffTicket);
  return { ...snapshotOf(state, now, printers), counters: staffCounterViews(state), recentCalls: [...state.recentCalls], waiting };
}

/** What both audiences' snapshots share; counters and calls are each audience's own. */
function snapshotOf(state: QueueState, now: number, printers: PrinterStatusView[]): Omit<PublicSnapshot, 'counters' | 'recentCalls'> {
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
      kioskVoice: s.kioskVoice,
      kioskVolume: s.kioskVolume,
      kioskLayout: s.kioskLayout,
    },
    services: [...state.services.values()].sort((a, b) => a.sortOrder - b.sortOrder),
    priorities: [...state.priorities.values()].filter((p) => p.active).sort((a, b) => a.sortOrder - b.sortOrder),
    stats: serviceStats(state, now),
    printers,
  };
}

/**
 * One update per commit. The public one leaves out waiting tickets altogether (a screen shows only their
 * counts) and shows the others without ids.
 */
export function queueUpdate(state: QueueState, c: { seq: number; decision: Decision }, audience: 'public', stats?: ServiceQueueStats[]): QueueUpdate;
export function queueUpdate(state: QueueState, c: { seq: number; decision: Decision }, audience: 'staff', stats?: ServiceQueueStats[]): StaffQueueUpdate;
export function queueUpdate(state: QueueState, c: { seq: number; decision: Decision }, audience: 'public' | 'staff', stats: ServiceQueueStats[] = serviceStats(state)): QueueUpdate {
  const counterIds = new Set(c.decision.counters.map((x) => x.counterId));
  for (const t of c.decision.tickets) if (t.counterId) counterIds.add(t.counterId);
  const counters = [...counterIds].map((id) => staffCounterView(state, id)).filter((v) => v !== null);
  const common = { seq: c.seq, at: c.decision.events[0]?.at ?? 0, kinds: [...new Set(c.decision.events.map((e) => e.type))], stats };
  if (audience === 'staff') return { ...common, tickets: c.decision.tickets.map(toStaffTicket), counters } satisfies StaffQueueUpdate;
  return { ...common, tickets: c.decision.tickets.filter((t) => t.status !== 'waiting').map(toPublicTicket), counters: counters.map(publicCounter) };
}

export function ticketUpdate(state: QueueState, ticket: Ticket, seq: number, now?: number): TicketUpdate {
  const counter = ticket.counterId ? state.counters.get(ticket.counterId) : undefined;
  const live = state.active.get(ticket.id);
  const pos = live ? ticketPosition(state, live, false, now) : { waitingAhead: 0, etaMinutes: null };
  return {
    seq,
    ticket: toPublicTicket(live ?? ticket),
    ...pos,
    counter: counter ? { id: counter.id, number: counter.number, name: counter.name } : null,
  };
}
