/**
 * The client-side picture of a center's queue, kept from the /public namespace.
 *
 * Pure transitions (state in → next state + what to do out), so the rules that
 * keep hundreds of wall screens honest are tested without a socket:
 * - a snapshot replaces everything (the server is the authority);
 * - an update applies only when its seq is exactly the next one, otherwise the
 *   caller must resync (a missed update would leave a counter showing a stale number);
 * - a call is added once (keyed like the voice queue) and is "fresh" — worth
 *   announcing — only if it is newer than what this screen already knew.
 */
import type { PriorityCategory, Service } from '../../protocol/domain';
import type {
  CallRecord,
  CounterView,
  PrinterStatusView,
  PublicSnapshot,
  QueueUpdate,
  ServiceQueueStats,
} from '../../protocol/realtime';

export interface QueueView {
  /** False until the first snapshot: nothing on screen is trustworthy before it. */
  ready: boolean;
  /** Last seq applied; -1 before the first snapshot. */
  seq: number;
  /** Server clock minus this machine's clock, so every screen shows the server's time. */
  serverOffsetMs: number;
  businessDay: string;
  center: PublicSnapshot['center'] | null;
  services: Service[];
  priorities: PriorityCategory[];
  counters: CounterView[];
  stats: ServiceQueueStats[];
  /** Newest first, at most `historyLimit`. */
  calls: CallRecord[];
  printers: PrinterStatusView[];
}

export interface StoreOptions {
  /** Calls kept in `calls`: a display runs all day, memory must not grow. */
  historyLimit: number;
  /**
   * A call older than this (server time) is history, not news: after a long
   * outage the screen shows it but must not read out a backlog.
   */
  freshCallMs: number;
}

export const DEFAULT_STORE_OPTIONS: StoreOptions = { historyLimit: 50, freshCallMs: 2 * 60_000 };

export function emptyView(): QueueView {
  return {
    ready: false,
    seq: -1,
    serverOffsetMs: 0,
    businessDay: '',
    center: null,
    services: [],
    priorities: [],
    counters: [],
    stats: [],
    calls: [],
    printers: [],
  };
}

/**
 * One call, whatever brings it (the event, a replay, a snapshot): a replay repeats the ticket's display key and
 * call time, a recall has a later call time. The voice queue keys its announcements the same way.
 */
export function callId(call: Pick<CallRecord, 'ticket' | 'at' | 'recall'>): string {
  return `${call.ticket.ref}@${call.at}${call.recall ? ':recall' : ''}`;
}

export interface SnapshotResult {
  view: QueueView;
  /** Calls this screen had not seen and that are recent enough to announce, oldest first. */
  freshCalls: CallRecord[];
}

export function applySnapshot(view: QueueView, snapshot: PublicSnapshot, receivedAt: number, options: StoreOptions = DEFAULT_STORE_OPTIONS): SnapshotResult {
  const known = new Set(view.calls.map(callId));
  // A first snapshot is all history; a lower seq means a different database (restore, reset): no news either.
  const continues = view.ready && snapshot.seq >= view.seq && snapshot.businessDay === view.businessDay;
  const freshCalls = continues
    ? snapshot.recentCalls
        .filter((c) => c.seq > view.seq && !known.has(callId(c)) && snapshot.serverTime - c.at <= options.freshCallMs)
        .reverse()
    : [];
  return {
    view: {
      ready: true,
      seq: snapshot.seq,
      serverOffsetMs: snapshot.serverTime - receivedAt,
      businessDay: snapshot.businessDay,
      center: snapshot.center,
      services: snapshot.services,
      priorities: snapshot.priorities,
      counters: snapshot.counters,
      stats: snapshot.stats,
      calls: snapshot.recentCalls.slice(0, options.historyLimit),
      printers: snapshot.printers,
    },
    freshCalls,
  };
}

export interface UpdateResult {
  view: QueueView;
  /** The update does not follow on from what we hold: fetch a snapshot. */
  resync: boolean;
}

export function applyUpdate(view: QueueView, update: QueueUpdate): UpdateResult {
  // Before the first snapshot: one is on its way (the server may commit, e.g. roll the day, just before sending it).
  if (!view.ready) return { view, resync: false };
  // A replay of something already applied (recovered connection): harmless, skip it.
  if (update.seq <= view.seq) return { view, resync: false };
  if (update.seq !== view.seq + 1) return { view, resync: true };
  const changed = new Map(update.counters.map((c) => [c.id, c]));
  const counters = view.counters.map((c) => changed.get(c.id) ?? c);
  for (const c of update.counters) if (!view.counters.some((old) => old.id === c.id)) counters.push(c);
  return {
    view: { ...view, seq: update.seq, counters, stats: update.stats.length > 0 ? update.stats : view.stats },
    resync: false,
  };
}

export interface CallResult {
  view: QueueView;
  /** New to this screen and recent: announce it. */
  fresh: boolean;
  /** The call is more than one commit ahead of the updates we applied: something was missed. */
  resync: boolean;
}

export function applyCall(view: QueueView, call: CallRecord, receivedAt: number, options: StoreOptions = DEFAULT_STORE_OPTIONS): CallResult {
  if (!view.ready) return { view, fresh: false, resync: false };
  const id = callId(call);
  if (view.calls.some((c) => callId(c) === id)) return { view, fresh: false, resync: false };
  const serverNow = receivedAt + view.serverOffsetMs;
  const calls = [call, ...view.calls].sort((a, b) => b.at - a.at || b.seq - a.seq).slice(0, options.historyLimit);
  return {
    view: { ...view, calls },
    fresh: serverNow - call.at <= options.freshCallMs,
    // The server sends a call just before the update of the same commit (seq + 1): only beyond that was something missed.
    resync: call.seq > view.seq + 1,
  };
}

export function applyPrinters(view: QueueView, printers: PrinterStatusView[]): QueueView {
  return { ...view, printers };
}
