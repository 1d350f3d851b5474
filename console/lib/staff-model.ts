/**
 * The console's picture of the queue, kept from the /staff namespace. Pure
 * transitions, tested without a socket: a snapshot replaces everything; an
 * update applies only when its seq is the next one, else the caller resyncs.
 */
import type { Counter, PriorityCategory, Service } from '../../protocol/domain';
import type { StaffCounterView, PrinterStatusView, StaffTicket, StaffQueueUpdate, ServiceQueueStats, StaffSnapshot, UnprintedTicket } from '../../protocol/realtime';
import { allowedIn, type TicketCommand } from '../../protocol/ticket-lifecycle';

export interface StaffView {
  ready: boolean;
  seq: number;
  /** Server clock minus this machine's clock. */
  serverOffsetMs: number;
  businessDay: string;
  center: StaffSnapshot['center'] | null;
  services: Service[];
  priorities: PriorityCategory[];
  counters: StaffCounterView[];
  stats: ServiceQueueStats[];
  /** Waiting tickets in calling order (FIFO as the server sent them). */
  waiting: StaffTicket[];
  printers: PrinterStatusView[];
  /** Today's tickets whose slip never printed (`printer:unprinted`); not part of the snapshot. */
  unprinted: UnprintedTicket[];
}

export function emptyStaffView(): StaffView {
  return { ready: false, seq: -1, serverOffsetMs: 0, businessDay: '', center: null, services: [], priorities: [], counters: [], stats: [], waiting: [], printers: [], unprinted: [] };
}

export function fromSnapshot(s: StaffSnapshot, receivedAt: number, unprinted: UnprintedTicket[] = []): StaffView {
  return {
    ready: true,
    seq: s.seq,
    serverOffsetMs: s.serverTime - receivedAt,
    businessDay: s.businessDay,
    center: s.center,
    services: s.services,
    priorities: s.priorities,
    counters: s.counters,
    stats: s.stats,
    waiting: s.waiting,
    printers: s.printers,
    unprinted,
  };
}

export interface UpdateResult {
  view: StaffView;
  /** True when an update was missed: the caller must fetch a snapshot. */
  resync: boolean;
}

export function applyStaffUpdate(view: StaffView, u: StaffQueueUpdate): UpdateResult {
  if (!view.ready || u.seq <= view.seq) return { view, resync: false };
  if (u.seq !== view.seq + 1) return { view, resync: true };
  const counters = view.counters.map((c) => u.counters.find((x) => x.id === c.id) ?? c);
  for (const c of u.counters) if (!counters.some((x) => x.id === c.id)) counters.push(c);
  let waiting = view.waiting;
  for (const t of u.tickets) {
    const at = waiting.findIndex((w) => w.id === t.id);
    if (t.status !== 'waiting') {
      if (at >= 0) waiting = waiting.filter((w) => w.id !== t.id);
    } else if (at >= 0) {
      waiting = waiting.map((w) => (w.id === t.id ? t : w));
    } else if (u.kinds.includes('ticket.requeued')) {
      // A requeue (the "skip" button) puts the ticket at the back of the line.
      waiting = [...waiting, t];
    } else {
      // New or transferred: transfers keep their place, which follows the issue time.
      const before = waiting.findIndex((w) => w.issuedAt > t.issuedAt);
      waiting = before < 0 ? [...waiting, t] : [...waiting.slice(0, before), t, ...waiting.slice(before)];
    }
  }
  return { view: { ...view, seq: u.seq, counters, stats: u.stats, waiting }, resync: false };
}

/** Whether the ticket the counter holds allows a command: the lifecycle table the server's rules use. */
export function heldAllows(counter: StaffCounterView, command: TicketCommand): boolean {
  const held = counter.currentTicket;
  return held !== null && allowedIn(command, held.status);
}

/** Waiting tickets a counter may call, in the order the server would consider them (priority first). */
export function callableAt(view: StaffView, counter: Counter): StaffTicket[] {
  const weight = new Map(view.priorities.map((p) => [p.id, p.weight]));
  return view.waiting
    .filter((t) => counter.serviceIds.includes(t.serviceId))
    .map((t, i) => ({ t, i, w: t.priorityId ? (weight.get(t.priorityId) ?? 1) : 0 }))
    .sort((a, b) => b.w - a.w || a.i - b.i)
    .map((x) => x.t);
}

export interface ServiceQueue {
  service: Service;
  stats: ServiceQueueStats | undefined;
  /** First few numbers in calling order. */
  next: StaffTicket[];
}

/** The queue of each service of a counter, in the counter's service order. */
export function counterQueues(view: StaffView, counter: Counter, show = 6): ServiceQueue[] {
  const callable = callableAt(view, counter);
  return counter.serviceIds
    .map((id) => view.services.find((s) => s.id === id))
    .filter((s): s is Service => s !== undefined)
    .map((service) => ({
      service,
      stats: view.stats.find((x) => x.serviceId === service.id),
      next: callable.filter((t) => t.serviceId === service.id).slice(0, show),
    }));
}

/** Minutes the oldest ticket has waited beyond the service's target, or null when within it. */
export function overTarget(stats: ServiceQueueStats | undefined, service: Service, now: number): number | null {
  if (!stats || stats.oldestQueuedAt === null) return null;
  const waited = (now - stats.oldestQueuedAt) / 60_000;
  return waited > service.targetWaitMinutes ? Math.floor(waited) : null;
}
