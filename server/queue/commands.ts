import type { Role } from '../../protocol/domain';

/** Who asks: staff commands carry the account; kiosk/public commands carry none. */
export interface Actor {
  staffId: string | null;
  role: Role | 'public';
}

export type Command =
  | { type: 'issue'; serviceId: string; priorityId?: string | null; kioskId?: string | null }
  | { type: 'call-next'; counterId: string; expectedCurrentTicketId?: string | null }
  | { type: 'call-ticket'; counterId: string; ticketId: string; expectedCurrentTicketId?: string | null }
  | { type: 'recall'; counterId: string; ticketId: string }
  | { type: 'start'; counterId: string; ticketId: string }
  | { type: 'complete'; counterId: string; ticketId: string }
  | { type: 'no-show'; counterId: string; ticketId: string }
  | { type: 'requeue'; counterId: string; ticketId: string }
  | { type: 'transfer'; counterId: string; ticketId: string; toServiceId?: string | null; toCounterId?: string | null; note?: string | null }
  | { type: 'cancel'; ticketId: string; reason?: string | null }
  | { type: 'pause'; counterId: string; reason: string }
  | { type: 'resume'; counterId: string }
  | { type: 'roll-day' };

export type CommandType = Command['type'];

/** Counter commands that act on a ticket the counter holds. */
export type HeldTicketCommand = Extract<Command, { type: 'recall' | 'start' | 'complete' | 'no-show' | 'requeue' | 'transfer' }>;
