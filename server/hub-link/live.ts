/** What the province dashboard shows of this center now, from the queue's memory (no database read). */
import type { CenterLive } from '../../protocol/hub';
import type { PrinterStatusView } from '../../protocol/realtime';
import type { QueueState } from '../queue/state';
import { oldestWaiting, waitingCount } from '../queue/waiting-index';

export function centerLive(state: QueueState, printers: readonly Pick<PrinterStatusView, 'status'>[], now: number): CenterLive {
  let waiting = 0;
  let oldest: number | null = null;
  for (const service of state.services.values()) {
    const n = waitingCount(state, service.id);
    if (n === 0) continue;
    waiting += n;
    const o = oldestWaiting(state, service.id);
    if (o !== null && (oldest === null || o < oldest)) oldest = o;
  }
  let openCounters = 0;
  for (const counter of state.counters.values()) {
    const cs = state.counterStates.get(counter.id);
    // Open: active, not paused, and an officer has worked it (a call, a pause or a resume names them).
    if (counter.active && cs && !cs.paused && cs.staffId !== null) openCounters++;
  }
  return {
    at: now,
    waiting,
    longestWaitSeconds: oldest === null ? 0 : Math.max(0, Math.round((now - oldest) / 1000)),
    openCounters,
    printerFaults: printers.filter((p) => p.status !== 'ok' && p.status !== 'paper-near-end').length,
  };
}
