import type { Ticket } from '../../protocol/domain';

/**
 * What a command did, as stored in the append-only ticket_events table.
 * Ticket events name the ticket; counter events name the counter.
 */
export type QueueEvent =
  | { type: 'ticket.issued'; ticketId: string; at: number; serviceId: string; number: string; priorityId: string | null; kioskId: string | null }
  | { type: 'ticket.called'; ticketId: string; at: number; counterId: string; staffId: string | null; priority: boolean; specific: boolean }
  | { type: 'ticket.recalled'; ticketId: string; at: number; counterId: string; staffId: string | null; recallCount: number }
  | { type: 'ticket.started'; ticketId: string; at: number; counterId: string; staffId: string | null }
  | { type: 'ticket.completed'; ticketId: string; at: number; counterId: string; staffId: string | null; auto: boolean }
  | { type: 'ticket.no-show'; ticketId: string; at: number; counterId: string; staffId: string | null; recallCount: number }
  | { type: 'ticket.requeued'; ticketId: string; at: number; counterId: string; staffId: string | null }
  | {
      type: 'ticket.transferred';
      ticketId: string;
      at: number;
      counterId: string;
      staffId: string | null;
      fromServiceId: string;
      toServiceId: string;
      toCounterId: string | null;
      note: string | null;
    }
  | { type: 'ticket.cancelled'; ticketId: string; at: number; staffId: string | null; reason: string }
  | { type: 'counter.paused'; counterId: string; at: number; staffId: string | null; reason: string }
  | { type: 'counter.resumed'; counterId: string; at: number; staffId: string | null }
  | { type: 'day.rolled'; at: number; from: string; to: string; expired: number };

export type QueueEventType = QueueEvent['type'];

export const TERMINAL_STATUSES: ReadonlySet<Ticket['status']> = new Set(['done', 'no-show', 'cancelled']);
