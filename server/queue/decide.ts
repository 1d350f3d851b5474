/**
 * The queue rules: (state, command, now) → the events and the new row images,
 * or a DomainError. Which command a ticket's status allows is the table in
 * protocol/ticket-lifecycle.ts; the rest (counters, settings, numbering) is here. Pure: no I/O, no clock, no randomness except the injected id maker.
 * The caller commits the result in one transaction, then applies it to memory.
 */
import type { CounterState, Ticket } from '../../protocol/domain';
import { DomainError } from '../../protocol/errors';
import { allowedIn, UNTOUCHED_TICKET } from '../../protocol/ticket-lifecycle';
import type { Actor, Command, HeldTicketCommand } from './commands';
import type { QueueEvent } from './events';
import { pickNext } from './routing';
import { counterStateOf, type QueueState } from './state';
import { isWithinOpeningHours, describeHours } from './opening-hours';
import { ticketNumber } from './numbering';
import { businessDay } from './calendar';

export interface DecideContext {
  now: number;
  actor: Actor;
  newTicketId: () => string;
}

export interface Decision {
  events: QueueEvent[];
  /** New images of every ticket the command changed. */
  tickets: Ticket[];
  counters: CounterState[];
  /** The ticket the caller asked about (issued, called, acted on), if any. */
  ticket: Ticket | null;
  /** Set by a day roll-over. */
  businessDay?: string;
}

export function decide(state: QueueState, cmd: Command, ctx: DecideContext): Decision {
  switch (cmd.type) {
    case 'issue':
      return issue(state, cmd, ctx);
    case 'call-next':
    case 'call-ticket':
      return call(state, cmd, ctx);
    case 'recall':
    case 'start':
    case 'complete':
    case 'no-show':
    case 'requeue':
    case 'transfer':
      return actOnHeld(state, cmd, ctx);
    case 'cancel':
      return cancel(state, cmd, ctx);
    case 'pause':
    case 'resume':
      return pauseOrResume(state, cmd, ctx);
    case 'roll-day':
      return rollDay(state, ctx);
  }
}

function decision(events: QueueEvent[], tickets: Ticket[], counters: CounterState[], ticket: Ticket | null): Decision {
  return { events, tickets, counters, ticket };
}

function issue(state: QueueState, cmd: Extract<Command, { type: 'issue' }>, ctx: DecideContext): Decision {
  const service = state.services.get(cmd.serviceId);
  if (!service) throw new DomainError('SERVICE_NOT_FOUND');
  if (!service.active) throw new DomainError('SERVICE_CLOSED', { service: service.name });
  if (!isWithinOpeningHours(service.openingHours, ctx.now, state.center.timeZone)) {
    throw new DomainError('OUTSIDE_OPENING_HOURS', { service: service.name, hours: describeHours(service) });
  }
  const issued = state.issuedToday.get(service.id) ?? 0;
  // A booking's place was counted when it was booked (its slot's capacity): the walk-in quota does not refuse it.
  if (!cmd.booking && service.dailyQuota !== null && issued >= service.dailyQuota) {
    throw new DomainError('DAILY_QUOTA_REACHED', { service: service.name, quota: service.dailyQuota });
  }
  let priorityWeight = 0;
  if (cmd.priorityId) {
    const category = state.priorities.get(cmd.priorityId);
    if (!category || !category.active) throw new DomainError('PRIORITY_NOT_FOUND');
    priorityWeight = Math.max(1, category.weight);
  }
  const seqNo = (state.lastSeqNo.get(service.id) ?? 0) + 1;
  const number = ticketNumber(service, seqNo, state.center.settings.numberDigits);
  if (number === null) throw new DomainError('NUMBER_RANGE_EXHAUSTED', { service: service.name });

  const ticket: Ticket = {
    id: ctx.newTicketId(),
    centerId: state.center.id,
    serviceId: service.id,
    businessDay: state.businessDay,
    seqNo,
    number,
    priorityId: cmd.priorityId ?? null,
    priorityWeight,
    status: 'waiting',
    issuedAt: ctx.now,
    queuedAt: cmd.booking ? bookedQueuedAt(cmd.booking, service.targetWaitMinutes) : ctx.now,
    ...UNTOUCHED_TICKET,
    kioskId: cmd.kioskId ?? null,
    note: null,
  };
  // Only a checked-in booking carries a slot; a walk-in keeps the shape tickets always had.
  if (cmd.booking) ticket.slotAt = cmd.booking.slotAt;
  const event: QueueEvent = {
    type: 'ticket.issued',
    ticketId: ticket.id,
    at: ctx.now,
    serviceId: service.id,
    number,
    priorityId: ticket.priorityId,
    kioskId: ticket.kioskId,
  };
  return decision([event], [ticket], [], ticket);
}

/**
 * Where a checked-in booking stands in its service's line (its queuedAt), whatever the time of the check-in:
 * 'slot' as if the citizen had come at the slot time; 'deadline' the service's target wait before the slot, so
 * that with 'target-wait' routing the ticket reaches its target (is due) exactly at its slot. Walk-ins who came
 * before that point stay ahead of it; those who came after it are behind it.
 */
export function bookedQueuedAt(booking: { slotAt: number; lineUp: 'deadline' | 'slot' }, targetWaitMinutes: number): number {
  return booking.lineUp === 'slot' ? booking.slotAt : booking.slotAt - Math.max(0, targetWaitMinutes) * 60_000;
}

function requireCounter(state: QueueState, counterId: string, ctx: DecideContext) {
  const counter = state.counters.get(counterId);
  if (!counter) throw new DomainError('COUNTER_NOT_FOUND');
  if (!counter.active) throw new DomainError('COUNTER_INACTIVE');
  requireNotBoundToOther(counter.staffId, ctx);
  return counter;
}

/** A counter an admin bound to one account is that account's: plain staff cannot act for it (directors and admins can). */
function requireNotBoundToOther(boundStaffId: string | null, ctx: DecideContext): void {
  if (boundStaffId && ctx.actor.role === 'staff' && boundStaffId !== ctx.actor.staffId) {
    throw new DomainError('COUNTER_BOUND_TO_OTHER_STAFF');
  }
}

function call(state: QueueState, cmd: Extract<Command, { type: 'call-next' | 'call-ticket' }>, ctx: DecideContext): Decision {
  const counter = requireCounter(state, cmd.counterId, ctx);
  let counterState = counterStateOf(state, counter.id);
  if (cmd.expectedCurrentTicketId !== undefined && cmd.expectedCurrentTicketId !== counterState.currentTicketId) {
    throw new DomainError('STALE_STATE');
  }
  if (counterState.paused) throw new DomainError('COUNTER_PAUSED');

  let next: Ticket | null;
  if (cmd.type === 'call-ticket') {
    next = state.active.get(cmd.ticketId) ?? null;
    if (!next) throw new DomainError('TICKET_NOT_FOUND');
    if (!allowedIn('call-ticket', next.status)) throw new DomainError('TICKET_NOT_WAITING', { number: next.number });
    const routable = next.targetCounterId ? next.targetCounterId === counter.id : counter.serviceIds.includes(next.serviceId);
    if (!routable) throw new DomainError('SERVICE_NOT_AT_COUNTER');
  } else {
    next = pickNext(state, counter, ctx.now);
  }

  const events: QueueEvent[] = [];
  const tickets: Ticket[] = [];
  const held = counterState.currentTicketId ? state.active.get(counterState.currentTicketId) : undefined;
  if (held) {
    if (state.center.settings.callNextWhileServing !== 'complete') throw new DomainError('COUNTER_BUSY', { number: held.number });
    // Refuse before touching the held ticket: an error changes nothing.
    if (!next) throw new DomainError('QUEUE_EMPTY');
    tickets.push(completed(held, ctx.now));
    events.push({ type: 'ticket.completed', ticketId: held.id, at: ctx.now, counterId: counter.id, staffId: ctx.actor.staffId, auto: true });
  }
  if (!next) throw new DomainError('QUEUE_EMPTY');

  const isPriority = next.priorityWeight > 0;
  const calledTicket: Ticket = {
    ...next,
    status: 'called',
    calledAt: ctx.now,
    firstCalledAt: next.firstCalledAt ?? ctx.now,
    counterId: counter.id,
    staffId: ctx.actor.staffId,
    targetCounterId: null,
    recallCount: 0,
  };
  tickets.push(calledTicket);
  events.push({
    type: 'ticket.called',
    ticketId: next.id,
    at: ctx.now,
    counterId: counter.id,
    staffId: ctx.actor.staffId,
    priority: isPriority,
    specific: cmd.type === 'call-ticket',
  });
  counterState = {
    ...counterState,
    currentTicketId: next.id,
    priorityStreak: isPriority ? counterState.priorityStreak + 1 : 0,
    staffId: ctx.actor.staffId,
    updatedAt: ctx.now,
  };
  return decision(events, tickets, [counterState], calledTicket);
}

function completed(ticket: Ticket, now: number): Ticket {
  return { ...ticket, status: 'done', startedAt: ticket.startedAt ?? ticket.calledAt ?? now, completedAt: now, targetCounterId: null };
}

function actOnHeld(state: QueueState, cmd: HeldTicketCommand, ctx: DecideContext): Decision {
  const counter = requireCounter(state, cmd.counterId, ctx);
  const counterState = counterStateOf(state, counter.id);
  const ticket = state.active.get(cmd.ticketId);
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
  if (ticket.counterId !== counter.id || counterState.currentTicketId !== ticket.id) {
    throw new DomainError('TICKET_NOT_AT_COUNTER', { number: ticket.number });
  }
  const base = { ticketId: ticket.id, at: ctx.now, counterId: counter.id, staffId: ctx.actor.staffId };
  const released: CounterState = { ...counterState, currentTicketId: null, updatedAt: ctx.now };
  if (!allowedIn(cmd.type, ticket.status)) throw new DomainError('INVALID_TRANSITION', { number: ticket.number, status: ticket.status });

  switch (cmd.type) {
    case 'recall': {
      const t = { ...ticket, recallCount: ticket.recallCount + 1, calledAt: ctx.now };
      return decision([{ type: 'ticket.recalled', ...base, recallCount: t.recallCount }], [t], [], t);
    }
    case 'start': {
      const t: Ticket = { ...ticket, status: 'serving', startedAt: ctx.now };
      return decision([{ type: 'ticket.started', ...base }], [t], [], t);
    }
    case 'complete': {
      const t = completed(ticket, ctx.now);
      return decision([{ type: 'ticket.completed', ...base, auto: false }], [t], [released], t);
    }
    case 'no-show': {
      const required = state.center.settings.recallsBeforeNoShow;
      if (ticket.recallCount < required) throw new DomainError('NO_SHOW_TOO_EARLY', { required, done: ticket.recallCount });
      const t: Ticket = { ...ticket, status: 'no-show', completedAt: ctx.now };
      return decision([{ type: 'ticket.no-show', ...base, recallCount: ticket.recallCount }], [t], [released], t);
    }
    case 'requeue': {
      const t: Ticket = { ...ticket, status: 'waiting', queuedAt: ctx.now, calledAt: null, counterId: null, staffId: null };
      return decision([{ type: 'ticket.requeued', ...base }], [t], [released], t);
    }
    case 'transfer':
      return transfer(state, cmd, ticket, released, ctx);
  }
}

function transfer(
  state: QueueState,
  cmd: Extract<Command, { type: 'transfer' }>,
  ticket: Ticket,
  released: CounterState,
  ctx: DecideContext,
): Decision {
  if (!cmd.toServiceId && !cmd.toCounterId) throw new DomainError('VALIDATION_ERROR', { detail: 'toServiceId | toCounterId' });
  let toServiceId = ticket.serviceId;
  if (cmd.toServiceId) {
    const service = state.services.get(cmd.toServiceId);
    if (!service) throw new DomainError('SERVICE_NOT_FOUND');
    if (!service.active) throw new DomainError('SERVICE_CLOSED', { service: service.name });
    toServiceId = service.id;
  }
  if (cmd.toCounterId) {
    const target = state.counters.get(cmd.toCounterId);
    if (!target) throw new DomainError('COUNTER_NOT_FOUND');
    if (!target.active) throw new DomainError('COUNTER_INACTIVE');
  }
  // The citizen keeps the paper number, the original place in line (queuedAt) and the priority.
  const t: Ticket = {
    ...ticket,
    status: 'waiting',
    serviceId: toServiceId,
    targetCounterId: cmd.toCounterId ?? null,
    counterId: null,
    staffId: null,
    calledAt: null,
    startedAt: null,
    recallCount: 0,
    transferCount: ticket.transferCount + 1,
    note: cmd.note ?? ticket.note,
  };
  const event: QueueEvent = {
    type: 'ticket.transferred',
    ticketId: ticket.id,
    at: ctx.now,
    counterId: released.counterId,
    staffId: ctx.actor.staffId,
    fromServiceId: ticket.serviceId,
    toServiceId,
    toCounterId: cmd.toCounterId ?? null,
    note: cmd.note ?? null,
  };
  return decision([event], [t], [released], t);
}

function cancel(state: QueueState, cmd: Extract<Command, { type: 'cancel' }>, ctx: DecideContext): Decision {
  const ticket = state.active.get(cmd.ticketId);
  if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
  if (!allowedIn('cancel', ticket.status)) throw new DomainError('INVALID_TRANSITION', { number: ticket.number, status: ticket.status });
  const holder = ticket.counterId ? counterStateOf(state, ticket.counterId) : null;
  const held = holder !== null && holder.currentTicketId === ticket.id;
  // A ticket a bound counter holds is that counter's work, like every other command on it.
  if (held) requireNotBoundToOther(state.counters.get(holder.counterId)?.staffId ?? null, ctx);
  const t: Ticket = { ...ticket, status: 'cancelled', completedAt: ctx.now };
  const counters: CounterState[] = held ? [{ ...holder, currentTicketId: null, updatedAt: ctx.now }] : [];
  const event: QueueEvent = { type: 'ticket.cancelled', ticketId: ticket.id, at: ctx.now, staffId: ctx.actor.staffId, reason: cmd.reason ?? 'staff' };
  return decision([event], [t], counters, t);
}

function pauseOrResume(state: QueueState, cmd: Extract<Command, { type: 'pause' | 'resume' }>, ctx: DecideContext): Decision {
  const counter = requireCounter(state, cmd.counterId, ctx);
  const cs = counterStateOf(state, counter.id);
  if (cmd.type === 'pause') {
    if (cs.paused) throw new DomainError('COUNTER_PAUSED');
    if (cs.currentTicketId) {
      const held = state.active.get(cs.currentTicketId);
      throw new DomainError('COUNTER_BUSY', { number: held?.number ?? '' });
    }
    const next: CounterState = { ...cs, paused: true, pauseReason: cmd.reason, staffId: ctx.actor.staffId, updatedAt: ctx.now };
    return decision([{ type: 'counter.paused', counterId: counter.id, at: ctx.now, staffId: ctx.actor.staffId, reason: cmd.reason }], [], [next], null);
  }
  if (!cs.paused) throw new DomainError('COUNTER_NOT_PAUSED');
  const next: CounterState = { ...cs, paused: false, pauseReason: null, staffId: ctx.actor.staffId, updatedAt: ctx.now };
  return decision([{ type: 'counter.resumed', counterId: counter.id, at: ctx.now, staffId: ctx.actor.staffId }], [], [next], null);
}

/** A new business day: yesterday's unfinished tickets expire, counters start clean. */
function rollDay(state: QueueState, ctx: DecideContext): Decision {
  const today = businessDay(ctx.now, state.center.timeZone);
  const tickets: Ticket[] = [...state.active.values()].map((t) => ({ ...t, status: 'cancelled' as const, completedAt: ctx.now }));
  const events: QueueEvent[] = tickets.map((t) => ({ type: 'ticket.cancelled', ticketId: t.id, at: ctx.now, staffId: null, reason: 'day-end' }));
  events.push({ type: 'day.rolled', at: ctx.now, from: state.businessDay, to: today, expired: tickets.length });
  const counters = [...state.counterStates.values()].map((cs) => ({ ...cs, currentTicketId: null, priorityStreak: 0, updatedAt: ctx.now }));
  return { events, tickets, counters, ticket: null, businessDay: today };
}
