/**
 * Socket.IO event maps for both namespaces, plus the snapshot shapes.
 * Every broadcast carries the center's `seq` (one per committed command): a client
 * that sees seq jump by more than one, or reconnects without recovery, resyncs.
 *
 * Two audiences, two sets of shapes. The plain and `Public…` shapes are what anyone may see (/public, anonymous
 * REST): they carry no ticket id — a ticket's id is the capability behind its phone page (/t/:id), which its
 * holder alone should have — and no staff account ids. The `Staff…` shapes (/staff, signed-in routes) add the
 * ids staff commands name.
 */
import type { Center, Counter, CounterState, KioskLayout, PriorityCategory, Service, Ticket } from './domain';
import type { EtaRange } from './wait-estimate';

/** What anyone in the hall may see of a ticket. */
export interface PublicTicket {
  /**
   * Tells this ticket from the others on a screen (list keys, "already announced"): unique in the center and
   * fixed for the ticket's life. Made of its number and issue time, both shown anyway, so it leads to nothing;
   * clients compare it and never take it apart.
   */
  ref: string;
  number: string;
  serviceId: string;
  priorityId: string | null;
  status: Ticket['status'];
  counterId: string | null;
  issuedAt: number;
  calledAt: number | null;
  recallCount: number;
}

/** What staff see of a ticket: the public view plus its id, which their commands name. */
export interface StaffTicket extends PublicTicket {
  id: string;
}

export interface ServiceQueueStats {
  serviceId: string;
  waiting: number;
  waitingPriority: number;
  /** queuedAt of the longest-waiting ticket, or null. */
  oldestQueuedAt: number | null;
  /** Estimated minutes a ticket taken now would wait; at least 1 while every counter of the service is busy. */
  etaMinutes: number;
  /** Likely range of that wait, whole minutes (protocol/wait-estimate.ts says when it is shown). */
  etaRange?: EtaRange;
  avgServiceMinutes: number;
  issuedToday: number;
  servedToday: number;
}

/** A counter's state as anyone may see it: not the id of the ticket it holds, nor the account working it. */
export type PublicCounterState = Omit<CounterState, 'currentTicketId' | 'staffId'>;

/** A counter as anyone may see it (displays, rating tablets, GET /api/counters). */
export interface CounterView extends Omit<Counter, 'staffId'> {
  state: PublicCounterState;
  currentTicket: PublicTicket | null;
  servedToday: number;
  /** Display name of the officer working the counter now, if any. */
  staffName: string | null;
}

/** A counter as staff see it: the bound account, the full state and the held ticket's id. */
export interface StaffCounterView extends CounterView {
  staffId: string | null;
  state: CounterState;
  currentTicket: StaffTicket | null;
}

export interface CallRecord {
  ticket: PublicTicket;
  counter: { id: string; number: number; name: string };
  recall: boolean;
  at: number;
  seq: number;
}

export interface StaffCallRecord extends CallRecord {
  ticket: StaffTicket;
}

export interface PrinterStatusView {
  id: string;
  status: 'ok' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'error';
  detail?: string;
  /** 'write-stalled': the printer stopped taking data and a write timed out (status is 'error'). */
  reason?: 'write-stalled';
}

/**
 * A ticket whose slip never came out: its latest print job failed or expired (printer offline too long, or
 * too old when the server restarted). Staff only; staff can reprint it.
 */
export interface UnprintedTicket {
  ticketId: string;
  number: string;
  /** The ticket's status now: a slip matters most while it is still waiting. */
  ticketStatus: Ticket['status'];
  printerId: string;
  jobId: string;
  state: 'failed' | 'expired';
  expiredReason: 'printer-unavailable' | 'too-old-at-restart' | 'printer-removed' | null;
  error: string | null;
  createdAt: number;
}

export interface PublicSnapshot {
  seq: number;
  serverTime: number;
  businessDay: string;
  center: Pick<Center, 'id' | 'name' | 'nameEn' | 'address' | 'timeZone'> & {
    noticeLine: string;
    noticeLineEn: string;
    voiceVariant: 'north' | 'south';
    voiceDigitByDigit: boolean;
    announceEnglish: boolean;
    recallsBeforeNoShow: number;
    kioskVoice: boolean;
    kioskVolume: number;
    kioskLayout: KioskLayout;
  };
  services: Service[];
  priorities: PriorityCategory[];
  counters: CounterView[];
  stats: ServiceQueueStats[];
  /** Newest first, bounded. */
  recentCalls: CallRecord[];
  printers: PrinterStatusView[];
}

/** Staff also see who is waiting (numbers only: no personal data exists), and every ticket's id. */
export interface StaffSnapshot extends PublicSnapshot {
  counters: StaffCounterView[];
  recentCalls: StaffCallRecord[];
  waiting: StaffTicket[];
}

/** One per commit. The public one leaves out waiting tickets altogether. */
export interface QueueUpdate {
  seq: number;
  at: number;
  /** Event types committed by the command, e.g. ['ticket.issued']. */
  kinds: string[];
  tickets: PublicTicket[];
  counters: CounterView[];
  stats: ServiceQueueStats[];
}

export interface StaffQueueUpdate extends QueueUpdate {
  tickets: StaffTicket[];
  counters: StaffCounterView[];
}

/** Sent to the room of one ticket (the phone page, which holds the id already: the update need not repeat it). */
export interface TicketUpdate {
  seq: number;
  ticket: PublicTicket;
  waitingAhead: number;
  etaMinutes: number | null;
  /** Likely range of the wait while the ticket waits, whole minutes. */
  etaRange?: EtaRange | null;
  counter: { id: string; number: number; name: string } | null;
}

export interface PublicServerToClient {
  'queue:snapshot': (snapshot: PublicSnapshot) => void;
  'queue:update': (update: QueueUpdate) => void;
  'ticket:called': (call: CallRecord) => void;
  'ticket:updated': (update: TicketUpdate) => void;
  'config:changed': (info: { seq: number }) => void;
  'printer:status': (printers: PrinterStatusView[]) => void;
}

export type Ack<T> = (reply: { ok: true; data: T } | { ok: false; code: string; message: string }) => void;

export interface PublicClientToServer {
  /** Follow one ticket (phone page): joins its room and answers its current view. */
  'ticket:watch': (ticketId: string, ack: Ack<TicketUpdate>) => void;
  'queue:resync': (ack: Ack<PublicSnapshot>) => void;
}

export interface StaffServerToClient extends Omit<PublicServerToClient, 'queue:snapshot' | 'queue:update' | 'ticket:called'> {
  'queue:snapshot': (snapshot: StaffSnapshot) => void;
  'queue:update': (update: StaffQueueUpdate) => void;
  'ticket:called': (call: StaffCallRecord) => void;
  /** Today's tickets whose slip never printed, newest first: sent on connect and whenever the list changes. */
  'printer:unprinted': (tickets: UnprintedTicket[]) => void;
}

export interface StaffClientToServer {
  'queue:resync': (ack: Ack<StaffSnapshot>) => void;
}

/*
 * The event names as runtime lists, for the AsyncAPI document's drift test (docs/realtime.asyncapi.yaml).
 * Each object must name every key of its map and nothing else (the compiler refuses a missing or unknown key).
 */
type EveryKey<M> = Record<keyof M, true>;
const publicServerEvents: EveryKey<PublicServerToClient> = {
  'queue:snapshot': true, 'queue:update': true, 'ticket:called': true, 'ticket:updated': true, 'config:changed': true, 'printer:status': true,
};
const publicClientEvents: EveryKey<PublicClientToServer> = { 'ticket:watch': true, 'queue:resync': true };
const staffServerEvents: EveryKey<StaffServerToClient> = {
  'queue:snapshot': true, 'queue:update': true, 'ticket:called': true, 'ticket:updated': true, 'config:changed': true, 'printer:status': true,
  'printer:unprinted': true,
};
const staffClientEvents: EveryKey<StaffClientToServer> = { 'queue:resync': true };

export const PUBLIC_SERVER_EVENTS = Object.keys(publicServerEvents) as (keyof PublicServerToClient)[];
export const PUBLIC_CLIENT_EVENTS = Object.keys(publicClientEvents) as (keyof PublicClientToServer)[];
export const STAFF_SERVER_EVENTS = Object.keys(staffServerEvents) as (keyof StaffServerToClient)[];
export const STAFF_CLIENT_EVENTS = Object.keys(staffClientEvents) as (keyof StaffClientToServer)[];
