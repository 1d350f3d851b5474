/**
 * A copy of a live queue state that a simulation may change freely. Tickets, counter states and totals
 * are replaced (never mutated) by the rules, so copying the maps suffices; the waiting index and the
 * recent calls are mutated in place, so they are copied deeper.
 */
import type { QueueState } from '../queue/state';
import { copyWaitingIndex } from '../queue/waiting-index';

export function cloneState(s: QueueState): QueueState {
  return {
    ...s,
    services: new Map(s.services),
    counters: new Map(s.counters),
    priorities: new Map(s.priorities),
    staffNames: new Map(s.staffNames),
    active: new Map(s.active),
    counterStates: new Map(s.counterStates),
    lastSeqNo: new Map(s.lastSeqNo),
    issuedToday: new Map(s.issuedToday),
    servedByService: new Map(s.servedByService),
    servedByCounter: new Map(s.servedByCounter),
    recentCalls: [...s.recentCalls],
    waitingIndex: copyWaitingIndex(s.waitingIndex),
  };
}
