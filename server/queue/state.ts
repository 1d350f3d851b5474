import type { Center, Counter, CounterState, PriorityCategory, Service, Ticket } from '../../protocol/domain';
import type { StaffCallRecord } from '../../protocol/realtime';
import { emptyWaitingIndex, type WaitingIndex } from './waiting-index';

/** Today's running service-time totals, for ETAs. */
export interface ServedTotals {
  count: number;
  serviceMs: number;
}

/**
 * Everything the rules need to decide, for one center. Only tickets still in the
 * queue (waiting, called, serving) are kept: memory stays bounded over a long day.
 */
export interface QueueState {
  center: Center;
  services: Map<string, Service>;
  counters: Map<string, Counter>;
  priorities: Map<string, PriorityCategory>;
  staffNames: Map<string, string>;
  businessDay: string;
  seq: number;
  active: Map<string, Ticket>;
  counterStates: Map<string, CounterState>;
  /** Last seqNo used today, per service. */
  lastSeqNo: Map<string, number>;
  issuedToday: Map<string, number>;
  servedByService: Map<string, ServedTotals>;
  servedByCounter: Map<string, number>;
  /** Kept with ids: the public snapshot takes them off (read-model.ts). */
  recentCalls: StaffCallRecord[];
  waitingIndex: WaitingIndex;
}

export const RECENT_CALLS_KEPT = 20;

export interface CenterConfig {
  center: Center;
  services: Service[];
  counters: Counter[];
  priorities: PriorityCategory[];
  /** Names shown on counter screens and the live floor ("Cán bộ: …"). */
  staffNames?: Record<string, string>;
}

export function emptyCounterState(counterId: string, now: number): CounterState {
  return { counterId, currentTicketId: null, paused: false, pauseReason: null, priorityStreak: 0, staffId: null, updatedAt: now };
}

export function createState(config: CenterConfig, businessDay: string, now: number): QueueState {
  const state: QueueState = {
    center: config.center,
    services: new Map(),
    counters: new Map(),
    priorities: new Map(),
    staffNames: new Map(),
    businessDay,
    seq: 0,
    active: new Map(),
    counterStates: new Map(),
    lastSeqNo: new Map(),
    issuedToday: new Map(),
    servedByService: new Map(),
    servedByCounter: new Map(),
    recentCalls: [],
    waitingIndex: emptyWaitingIndex(),
  };
  setConfig(state, config, now);
  return state;
}

/** Swap in new configuration (admin edits) keeping the live queue. */
export function setConfig(state: QueueState, config: CenterConfig, now: number): void {
  state.center = config.center;
  state.services = new Map(config.services.map((s) => [s.id, s]));
  state.counters = new Map(config.counters.map((c) => [c.id, c]));
  state.priorities = new Map(config.priorities.map((p) => [p.id, p]));
  state.staffNames = new Map(Object.entries(config.staffNames ?? {}));
  for (const c of config.counters) {
    if (!state.counterStates.has(c.id)) state.counterStates.set(c.id, emptyCounterState(c.id, now));
  }
}

export function counterStateOf(state: QueueState, counterId: string): CounterState {
  return state.counterStates.get(counterId) ?? emptyCounterState(counterId, 0);
}
