/**
 * The life of a ticket as one table: which command may act on a ticket in which status, and the
 * status it leaves the ticket in. The queue rules (server/queue/decide.ts) refuse any other
 * pairing, and the staff console enables its buttons from the same table, so the two cannot
 * disagree about what a counter may do with the ticket it holds.
 *
 * A ticket is issued `waiting`. "Call next" names no ticket: it takes the next waiting one
 * (server/queue/routing.ts) and, when the counter still holds one, completes it first — the
 * `complete` row below.
 *
 * Sending a called ticket to the back of the line is `requeue` in code. On the wire it keeps its
 * public names: the route POST /api/counters/:counterId/skip (`/requeue` answers too), the event
 * `ticket.requeued`, and the console's "skip" button ("Đưa về hàng chờ").
 *
 * Rules beyond the status (a no-show needs enough recalls, a counter must be open, the ticket
 * must be the one the counter holds) stay in decide.ts: they depend on settings and state.
 */
import type { TicketStatus } from './domain';

/** Commands that act on one named ticket. */
export type TicketCommand = 'call-ticket' | 'recall' | 'start' | 'complete' | 'no-show' | 'requeue' | 'transfer' | 'cancel';

export interface Transition {
  /** Statuses in which the command is allowed. */
  from: readonly TicketStatus[];
  /** Status of the ticket after it. */
  to: TicketStatus;
}

export const TICKET_LIFECYCLE: Readonly<Record<TicketCommand, Transition>> = {
  'call-ticket': { from: ['waiting'], to: 'called' },
  recall: { from: ['called'], to: 'called' },
  start: { from: ['called'], to: 'serving' },
  complete: { from: ['called', 'serving'], to: 'done' },
  'no-show': { from: ['called'], to: 'no-show' },
  requeue: { from: ['called'], to: 'waiting' },
  transfer: { from: ['called', 'serving'], to: 'waiting' },
  cancel: { from: ['waiting', 'called'], to: 'cancelled' },
};

export function allowedIn(command: TicketCommand, status: TicketStatus): boolean {
  return TICKET_LIFECYCLE[command].from.includes(status);
}

/** A ticket's fields as it enters the line, before any counter has touched it. */
export const UNTOUCHED_TICKET = {
  firstCalledAt: null,
  calledAt: null,
  startedAt: null,
  completedAt: null,
  counterId: null,
  staffId: null,
  targetCounterId: null,
  recallCount: 0,
  transferCount: 0,
} as const;
