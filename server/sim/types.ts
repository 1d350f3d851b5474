/** What a simulated center day takes and gives. Times are epoch ms on the center's clock; hours are local. */
import type { Ticket } from '../../protocol/domain';
import type { ErrorCode } from '../../protocol/errors';
import type { CenterConfig, QueueState } from '../queue/state';
import type { Duration } from './durations';
import type { Citizen } from './arrivals';

/** A working window of a counter, local 'HH:mm' (07:30–11:30). Outside its windows a counter is paused. */
export interface Shift {
  from: string;
  to: string;
}

export interface SimInput {
  /** Services (targets, prefixes, opening hours), counters (ordered services), priorities, settings (routing…). */
  config: CenterConfig;
  /** The business day simulated, 'YYYY-MM-DD' in the center's zone. */
  day: string;
  /** Mean citizens per hour for each service, by local hour (index 0–23; missing = none): a Poisson process per hour. */
  arrivalsPerHour: Record<string, number[]>;
  /**
   * Exactly these citizens instead of drawn ones (a logged day replayed: replay.ts). The arrival rates, the
   * priority mix, walk-up and no-show share are then unused.
   */
  citizens?: Citizen[];
  /** Citizens come only within these windows (the hall's opening hours); default: whenever their hour's rate says. */
  arrivalWindows?: Shift[];
  /** Service time (start → complete) per service; a service missing here uses an exponential of its default minutes. */
  serviceTimes: Record<string, Duration>;
  /** Share of citizens taking each priority category (e.g. { 'pri-elderly': 0.05 }); the rest take none. */
  priorityMix?: Record<string, number>;
  /** Called → start: walking to the counter. Default: none. */
  walkUp?: Duration;
  /** Share of called citizens who never come: recalled per the center's rule, then marked no-show. Default 0. */
  noShowShare?: number;
  /** Between two calls of a citizen who does not come. Default 1 minute. */
  recallInterval?: Duration;
  /** Working windows per counter id; a counter not listed works `defaultShifts`. */
  counterShifts?: Record<string, Shift[]>;
  /** Default: the whole day. */
  defaultShifts?: Shift[];
}

export type SimOutcome = Extract<Ticket['status'], 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled'>;

export interface SimTicket {
  id: string;
  number: string;
  serviceId: string;
  priorityId: string | null;
  priority: boolean;
  issuedAt: number;
  /** The ETA the product showed when the ticket was issued, in minutes (null: none shown, or not recorded). */
  shownEtaMinutes: number | null;
  /** The likely range shown with it, when the read model gives one. */
  shownEtaRange: { low: number; high: number } | null;
  shownWaitingAhead: number | null;
  firstCalledAt: number | null;
  /** Issue → first call, ms; null while never called. */
  waitMs: number | null;
  startedAt: number | null;
  completedAt: number | null;
  counterId: string | null;
  /** Its status when the simulation stopped. */
  outcome: SimOutcome;
  /** Already in the queue when a simulation started from a live state. */
  preexisting: boolean;
}

export interface SimRefusal {
  at: number;
  serviceId: string;
  code: ErrorCode;
}

export interface SimDay {
  tickets: SimTicket[];
  /** Arrivals the rules refused (outside the service's hours, quota reached…). */
  refused: SimRefusal[];
  from: number;
  until: number;
  /** The queue as it stood when the simulation stopped. */
  state: QueueState;
}

export interface SimOptions {
  /** Record the ETA shown at issue (default true). Off for inner simulations of an estimate, which must not recurse. */
  recordEstimates?: boolean;
  /** Stop here (default: the end of the day). */
  until?: number;
  /** Called right after each ticket is issued, with the live state (benches time the estimate here). */
  onIssued?: (state: QueueState, ticket: Ticket) => void;
}

/** What a ticket needs to be measured as a simulated one, from the simulator's queue or from the log. */
type Measured = Pick<Ticket, 'serviceId' | 'priorityId' | 'issuedAt' | 'firstCalledAt' | 'startedAt' | 'completedAt' | 'counterId' | 'status'> & Partial<Pick<Ticket, 'id' | 'number'>>;

/** A ticket in the simulator's terms, so simulated and logged days are measured by one rule (summary.ts). */
export function toSimTicket(t: Measured, extra: { priority: boolean; shown?: Pick<SimTicket, 'shownEtaMinutes' | 'shownEtaRange' | 'shownWaitingAhead'>; preexisting?: boolean }): SimTicket {
  return {
    id: t.id ?? '',
    number: t.number ?? '',
    serviceId: t.serviceId,
    priorityId: t.priorityId,
    priority: extra.priority,
    issuedAt: t.issuedAt,
    shownEtaMinutes: extra.shown?.shownEtaMinutes ?? null,
    shownEtaRange: extra.shown?.shownEtaRange ?? null,
    shownWaitingAhead: extra.shown?.shownWaitingAhead ?? null,
    firstCalledAt: t.firstCalledAt,
    waitMs: t.firstCalledAt === null ? null : t.firstCalledAt - t.issuedAt,
    startedAt: t.startedAt,
    completedAt: t.completedAt,
    counterId: t.counterId,
    outcome: t.status,
    preexisting: extra.preexisting ?? false,
  };
}
