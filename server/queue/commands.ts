import type { Role } from '../../protocol/domain';

/** Who asks: staff commands carry the account; kiosk/public commands carry none. */
export interface Actor {
  staffId: string | null;
  role: Role | 'public';
}

export type Command =
  | { type: 'issue'; serviceId: string; priorityId?: string | null; kioskId?: string | null; booking?: BookingCheckIn | null }
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

/**
 * A booking checked in at the kiosk (server/appointments/): its slot, and how it lines up with walk-ins —
 * 'deadline' (its place in line is its slot minus the service's target wait, so under 'target-wait' routing it is
 * due exactly at its slot), or 'slot' (it lines up as if the citizen had come at the slot time).
 * Either way "call next" leaves it waiting until its slot.
 */
export interface BookingCheckIn {
  slotAt: number;
  lineUp: 'deadline' | 'slot';
}

export type CommandType = Command['type'];

/** Counter commands that act on a ticket the counter holds. */
export type HeldTicketCommand = Extract<Command, { type: 'recall' | 'start' | 'complete' | 'no-show' | 'requeue' | 'transfer' }>;
