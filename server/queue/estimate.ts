/**
 * How long a waiting ticket will wait before a counter calls it: a calibrated queueing model, pure and cheap
 * (it runs for every issued ticket, every stats broadcast and every phone update).
 *
 * 1. The counters that can call the ticket: active, serving its service.
 * 2. Each one is free at once, or after the remaining time of the ticket it holds (its service's mean minus
 *    what has already elapsed, never less than a floor: a long service is a sign of a longer one), or after
 *    its pause.
 * 3. The work ahead, in counter-minutes: the tickets of its own service ahead of it (priority, then FIFO), and,
 *    for every other service those counters also serve, the tickets the counters would call first by the
 *    routing rules (`callOrder`: service order, deadlines, earliest), each taken at the share of that
 *    service's counters that are among ours.
 * 4. The counters drain that work together ("water filling" over their free times); random service times let
 *    the next counter free up earlier than evenly sized work would, which the order-statistics term corrects.
 *
 * 5. Lines keep growing while the ticket waits. With 'service-order' routing, the lines a shared counter puts
 *    first; with 'target-wait', the lines with a shorter target, whose later tickets become more overdue than
 *    this one (`targetCutIn`). With 'target-wait' the lines are also weighed as they will stand midway through
 *    the wait (the tickets ahead are called all through it), not as they stand now.
 * 6. Working minutes become clock minutes: a wait that runs into the midday break lasts it (working-hours.ts).
 *
 * Service times are today's served tickets per service, blended with the configured default until a few are
 * done. The range comes from the spread of service times over the number of tickets ahead and the counters.
 */
import type { Counter, Ticket } from '../../protocol/domain';
import { compareFifo } from './fifo';
import { betweenServices } from './routing';
import { counterStateOf, type QueueState } from './state';
import { prefixLength, waitingCount } from './waiting-index';
import { clockMinutes, localMinute, withinWindows, workedMinutes, workingWindows, type Window } from './working-hours';

/** The ticket whose wait is estimated; a ticket not yet issued (service figures) has no id. */
export type EstimatedTicket = Pick<Ticket, 'serviceId' | 'priorityWeight' | 'queuedAt'> & Partial<Pick<Ticket, 'id' | 'issuedAt' | 'seqNo' | 'slotAt'>>;

export interface WaitEstimate {
  /** Point estimate, minutes (fractional). */
  minutes: number;
  /** Likely range, whole minutes, low ≤ minutes ≤ high. */
  low: number;
  high: number;
  /** Every counter able to call the ticket holds a ticket now: the wait is never "none". */
  allBusy: boolean;
}

/** Calibration, fitted on simulated days of the demo center (test/bench/queue-day.bench.ts). */
export const ESTIMATE_TUNING = {
  /** Served tickets of today worth as much as the configured default when blending the two. */
  priorWeight: 3,
  /** Counter time of a ticket beyond its measured service: the call, the walk to the counter. */
  overheadMinutes: 0.5,
  /** A ticket in service past its mean still has at least this share of the mean to go. */
  residualFloor: 0.3,
  /** Coefficient of variation assumed for service times (log-normal days measure 0.5–0.8). */
  serviceCv: 0.6,
  /** Share of a mean service time that the next free counter comes earlier than even work predicts. */
  orderStatistics: 0.5,
  /** Share of the arrivals of services put first that is taken as cutting in. */
  cutInWeight: 1,
  /**
   * With 'target-wait' routing, the work ahead is counted again with the lines ordered as they will stand at
   * this share of the first estimate of the wait (0: only as they stand now).
   */
  callHorizon: 0.5,
  /** Arrival rates are counted over at least this many working minutes (the first tickets of a day say little). */
  minRateWindowMinutes: 60,
  /** Arrivals never take more than this share of the counters. */
  maxCutInShare: 0.6,
  /** A counter paused during working hours is back after this long (a short break)… */
  breakMinutes: 15,
  /** …or, once that is past, soon. */
  breakFloorMinutes: 3,
  /** Model error on top of the service-time spread, as a share of the estimate (low, high). */
  modelSpread: [0.2, 0.3] as const,
};

/** Mean counter minutes per ticket of a service: today's mean blended with the default. */
export function serviceMinutes(state: QueueState, serviceId: string): number {
  const service = state.services.get(serviceId);
  const fallback = service?.defaultServiceMinutes ?? 8;
  const totals = state.servedByService.get(serviceId);
  const k = ESTIMATE_TUNING.priorWeight;
  const learned = totals && totals.count > 0 ? (totals.serviceMs / 60_000 + k * fallback) / (totals.count + k) : fallback;
  return Math.max(0.5, learned) + ESTIMATE_TUNING.overheadMinutes;
}

/** Counters that call tickets of the service today (transfers aside), paused ones included: they come back. */
export function countersFor(state: QueueState, serviceId: string): Counter[] {
  const out: Counter[] = [];
  for (const c of state.counters.values()) if (c.active && c.serviceIds.includes(serviceId)) out.push(c);
  return out;
}

/**
 * Working minutes until the counter can call: after the ticket it holds (0 when it holds none), or after a
 * pause. A pause outside working hours ends when they open (the clock conversion adds that); one inside them
 * is a short break, already partly taken.
 */
function freeInMinutes(state: QueueState, counter: Counter, now: number, working: boolean): number {
  const cs = counterStateOf(state, counter.id);
  if (cs.paused) return working ? Math.max(ESTIMATE_TUNING.breakMinutes - (now - cs.updatedAt) / 60_000, ESTIMATE_TUNING.breakFloorMinutes) : 0;
  const ticket = cs.currentTicketId ? state.active.get(cs.currentTicketId) : undefined;
  if (!ticket) return 0;
  const mean = serviceMinutes(state, ticket.serviceId);
  const since = ticket.startedAt ?? ticket.calledAt ?? now;
  const elapsed = Math.max(0, (now - since) / 60_000);
  return Math.max(mean - elapsed, ESTIMATE_TUNING.residualFloor * mean);
}

/** Whether `other` is called before `ticket` at `counter` (same rules as pickNext, anti-starvation aside). */
function callsFirst(other: Ticket, ticket: EstimatedTicket, newest: boolean, between: (a: Ticket, b: Ticket) => number): boolean {
  if (other.priorityWeight !== ticket.priorityWeight) return other.priorityWeight > ticket.priorityWeight;
  const asTicket = ticket as Ticket;
  const order = between(other, asTicket);
  if (order !== 0) return order < 0;
  return newest || compareFifo(other, asTicket) < 0;
}

interface WorkAhead {
  /** Counter-minutes to be done before the ticket is called. */
  minutes: number;
  /** Tickets (whole or shared) in that work, for the spread. */
  tickets: number;
}

/**
 * The work ahead of the ticket at its counters, from the waiting lines (waiting-index.ts). Within one line and
 * weight, whether a counter calls a ticket before this one holds for a prefix of the line: FIFO, the deadline
 * (queued + target) and the overdue ratio all follow the queue order, and a line keeps one rank at a counter.
 * So each counter's share of a line is found by a binary search, and the cost does not grow with the queue.
 * The newest ticket in line (one not issued yet, or issued just now) counts its own line from the counts.
 */
function workAhead(state: QueueState, ticket: EstimatedTicket, counters: Counter[], newest: boolean, betweens: ((a: Ticket, b: Ticket) => number)[]): WorkAhead {
  const own = ticket.serviceId;
  const ownMinutes = serviceMinutes(state, own);
  const index = state.waitingIndex;

  let minutes = 0;
  let tickets = 0;
  const add = (count: number, perTicket: number) => {
    minutes += count * perTicket;
    tickets += count;
  };
  if (newest) {
    // An issued ticket is in the counts itself.
    add(waitingCount(state, own, ticket.priorityWeight) - (ticket.id === undefined ? 0 : 1), ownMinutes);
  } else {
    const first = (t: Ticket) => t.id !== ticket.id && callsFirst(t, ticket, false, () => 0);
    for (const [weight, line] of index.lines.get(own) ?? []) {
      if (weight > ticket.priorityWeight) add(line.length, ownMinutes);
      else if (weight === ticket.priorityWeight) add(prefixLength(line, first), ownMinutes);
    }
  }

  const shared = new Set<string>();
  for (const c of counters) for (const s of c.serviceIds) if (s !== own) shared.add(s);
  for (const serviceId of shared) {
    const theirs = countersFor(state, serviceId).length;
    if (theirs === 0) continue;
    const perTicket = serviceMinutes(state, serviceId);
    // Our counters that serve the line, with the routing each of them applies.
    const callers: number[] = [];
    counters.forEach((c, i) => c.serviceIds.includes(serviceId) && callers.push(i));
    for (const [weight, line] of index.lines.get(serviceId) ?? []) {
      if (weight < ticket.priorityWeight || line.length === 0) continue;
      // How far down the line each of our counters calls before this ticket.
      const reach = callers.map((i) => (weight > ticket.priorityWeight ? line.length : prefixLength(line, (t) => callsFirst(t, ticket, newest, betweens[i]))));
      reach.sort((a, b) => a - b);
      // A ticket that k of our counters call first is ours at k of the line's `theirs` counters (at most whole).
      let from = 0;
      reach.forEach((to, j) => {
        add(Math.min(1, (reach.length - j) / theirs) * (to - from), perTicket);
        from = to;
      });
    }
  }
  return { minutes, tickets };
}

/**
 * The work of the checked-in bookings counted ahead of the ticket in its own line whose slot comes after `calledBy`:
 * call next leaves a booking waiting until its slot (routing.ts `isBookedForLater`), so the ticket, called before
 * then, does not wait for them. (In other services' lines they count by share and are left as they are.)
 */
function bookedAfter(state: QueueState, ticket: EstimatedTicket, newest: boolean, calledBy: number): WorkAhead {
  let tickets = 0;
  for (const b of state.waitingIndex.booked.values()) {
    if (b.serviceId !== ticket.serviceId || b.id === ticket.id || b.targetCounterId || (b.slotAt ?? 0) <= calledBy) continue;
    const ahead = b.priorityWeight > ticket.priorityWeight || (b.priorityWeight === ticket.priorityWeight && (newest || compareFifo(b, ticket as Ticket) < 0));
    if (ahead) tickets++;
  }
  return { minutes: tickets * serviceMinutes(state, ticket.serviceId), tickets };
}

/**
 * The moment the work is drained by counters free at `freeAt` (sorted ascending): the level t at which
 * Σ max(0, t − freeAt[k]) = work.
 */
export function drainTime(freeAt: number[], work: number): number {
  let sum = 0;
  for (let j = 0; j < freeAt.length; j++) {
    sum += freeAt[j];
    const level = (work + sum) / (j + 1);
    if (j === freeAt.length - 1 || level <= freeAt[j + 1]) return level;
  }
  return 0;
}

/** Rounds a range outwards, to 5 minutes once it is long enough that minutes are noise. */
function roundRange(low: number, high: number): { low: number; high: number } {
  const step = high >= 30 ? 5 : 1;
  return { low: Math.max(0, Math.floor(low / step) * step), high: Math.ceil(high / step) * step };
}

/**
 * How a counter orders two waiting tickets of one weight from different lines, as the estimate replays it:
 * the routing mode's own rule (`betweenServices`), except for 'target-wait'. That mode calls a line's head
 * once it is past its target, the most overdue first, so over the length of a wait the lines are served
 * about in order of their deadlines (queued + target). The order at this instant (nobody overdue yet) would
 * mistake a fair counter for a service-order one; on simulated days the deadline order comes closer.
 */
function callOrder(state: QueueState, counter: Counter, now: number): (a: Ticket, b: Ticket) => number {
  if (state.center.settings.routing !== 'target-wait') return betweenServices(state, counter, now);
  const deadline = (t: Ticket) => t.queuedAt + (state.services.get(t.serviceId)?.targetWaitMinutes ?? 0) * 60_000;
  return (a, b) => Math.sign(deadline(a) - deadline(b));
}

/**
 * Share of the counters' time that tickets arriving from now on will take before this one, with
 * 'service-order' routing: tickets of services a shared counter puts first (at today's arrival rate of
 * each). None for a priority ticket, nor in the other modes, where a later ticket rarely passes.
 */
function cutInShare(state: QueueState, ticket: EstimatedTicket, counters: Counter[], workedMinutes: number): number {
  if (state.center.settings.routing !== 'service-order' || ticket.priorityWeight > 0 || counters.length === 0) return 0;
  const firstAt = new Map<string, number>();
  for (const c of counters) {
    const ownRank = c.serviceIds.indexOf(ticket.serviceId);
    for (let i = 0; i < ownRank; i++) firstAt.set(c.serviceIds[i], (firstAt.get(c.serviceIds[i]) ?? 0) + 1);
  }
  let busy = 0;
  for (const [serviceId, ours] of firstAt) {
    const perMinute = (state.issuedToday.get(serviceId) ?? 0) / Math.max(ESTIMATE_TUNING.minRateWindowMinutes, workedMinutes);
    busy += (perMinute * serviceMinutes(state, serviceId) * ours) / countersFor(state, serviceId).length;
  }
  return Math.min(ESTIMATE_TUNING.maxCutInShare, (ESTIMATE_TUNING.cutInWeight * busy) / counters.length);
}

/**
 * With 'target-wait' routing, the counter minutes that tickets arriving from now on take before this one if it
 * waits `wait` working minutes: a line with a shorter target than its own, at today's arrival rate, taken at
 * the share of its counters that are ours. Once both are past their targets, the most overdue against its
 * target goes first, so such a line's tickets arriving in the first (1 − its target ÷ ours) of the wait pass
 * this one; before this one is overdue, those overdue by then (arrived more than their target before the call).
 * Null when no line can pass (another mode, a priority ticket, no shorter target among its counters' lines).
 */
function targetCutIn(state: QueueState, ticket: EstimatedTicket, counters: Counter[], workedMinutes: number): ((wait: number) => number) | null {
  if (state.center.settings.routing !== 'target-wait' || ticket.priorityWeight > 0 || counters.length === 0) return null;
  const own = state.services.get(ticket.serviceId)?.targetWaitMinutes ?? 0;
  if (own <= 0) return null;
  const ours = new Map<string, number>();
  for (const c of counters) for (const s of c.serviceIds) if (s !== ticket.serviceId) ours.set(s, (ours.get(s) ?? 0) + 1);
  const lines: { target: number; busy: number }[] = [];
  for (const [serviceId, n] of ours) {
    const target = state.services.get(serviceId)?.targetWaitMinutes ?? 0;
    if (target <= 0 || target >= own) continue;
    const perMinute = (state.issuedToday.get(serviceId) ?? 0) / Math.max(ESTIMATE_TUNING.minRateWindowMinutes, workedMinutes);
    const share = Math.min(1, n / countersFor(state, serviceId).length);
    const busy = (ESTIMATE_TUNING.cutInWeight * perMinute * serviceMinutes(state, serviceId) * share) / counters.length;
    if (busy > 0) lines.push({ target, busy });
  }
  if (lines.length === 0) return null;
  return (wait) => {
    let minutes = 0;
    for (const { target, busy } of lines) minutes += busy * (wait >= own ? wait * (1 - target / own) : Math.max(0, wait - target));
    return minutes;
  };
}

/**
 * Whether counters are working at this hour: inside the working windows, or outside them with a counter of the
 * service calling anyway (idle and unpaused, or holding a ticket it called after the last window closed).
 */
function workingNow(state: QueueState, counters: Counter[], now: number, minute: number, windows: Window[]): boolean {
  if (withinWindows(minute, windows)) return true;
  const lastClose = windows.filter(([, to]) => to <= minute).at(-1)?.[1];
  const closedAt = lastClose === undefined ? -Infinity : now - (minute - lastClose) * 60_000;
  return counters.some((c) => {
    const cs = counterStateOf(state, c.id);
    if (cs.paused) return false;
    const held = cs.currentTicketId ? state.active.get(cs.currentTicketId) : undefined;
    return !held || (held.calledAt ?? 0) > closedAt;
  });
}

/**
 * `newest`: the ticket was queued just now, or is not issued yet (no id), so every waiting ticket of its
 * weight is earlier.
 */
export function estimateWait(state: QueueState, ticket: EstimatedTicket, now: number, newest = ticket.id === undefined): WaitEstimate {
  const service = state.services.get(ticket.serviceId);
  const counters = countersFor(state, ticket.serviceId);
  const local = localMinute(now, state.center.timeZone);
  const windows = workingWindows(service, local.weekday);
  const working = workingNow(state, counters, now, local.minute, windows);
  // Working minutes become clock minutes: a wait that runs into the midday break lasts the break too.
  // (Outside the windows with counters calling anyway, the center keeps other hours: minutes stay minutes.)
  const byWindows = !working || withinWindows(local.minute, windows);
  const onClock = (minutes: number) => (byWindows ? clockMinutes(local.minute, minutes, windows) : minutes);

  const freeAt = counters.map((c) => freeInMinutes(state, c, now, working)).sort((a, b) => a - b);
  // No counter serves it today: estimate as if one came, rather than promise no wait.
  if (freeAt.length === 0) freeAt.push(serviceMinutes(state, ticket.serviceId));
  const allBusy = freeAt[0] > 0 || !working;

  const c = freeAt.length;
  const mean = serviceMinutes(state, ticket.serviceId);
  /** Working minutes until the work is drained and a counter is free for this ticket. */
  const drained = (work: WorkAhead) => {
    // With work queued, the next counter frees up sooner than even work says; never before the first free one.
    const correction = work.tickets > 0 ? (ESTIMATE_TUNING.orderStatistics * mean * (c - 1)) / c : 0;
    return Math.max(freeAt[0], drainTime(freeAt, work.minutes) - correction);
  };
  const worked = workedMinutes(local.minute, windows);
  const cutIn = targetCutIn(state, ticket, counters, worked);
  /** Working minutes until it is called: the work ahead drained, with the tickets that arrive and pass it. */
  const waitFor = (work: WorkAhead) => {
    const base = drained(work) / (1 - cutInShare(state, ticket, counters, worked));
    if (!cutIn) return base;
    // The passing work grows with the wait: a few rounds settle it (it is capped below the wait itself).
    let wait = base;
    for (let i = 0; i < 4; i++) wait = base + Math.min(cutIn(wait), ESTIMATE_TUNING.maxCutInShare * wait);
    return wait;
  };
  let work = workAhead(state, ticket, counters, newest, counters.map((k) => callOrder(state, k, now)));
  let point = waitFor(work);
  if (state.center.settings.routing === 'target-wait' && ESTIMATE_TUNING.callHorizon > 0 && point > 0 && counters.some((k) => k.serviceIds.length > 1)) {
    const midway = now + onClock(point * ESTIMATE_TUNING.callHorizon) * 60_000;
    work = workAhead(state, ticket, counters, newest, counters.map((k) => betweenServices(state, k, midway)));
    point = waitFor(work);
  }
  if (state.waitingIndex.booked.size > 0 && point > 0) {
    const later = bookedAfter(state, ticket, newest, now + onClock(point) * 60_000);
    if (later.tickets > 0) {
      work = { minutes: Math.max(0, work.minutes - later.minutes), tickets: work.tickets - later.tickets };
      point = waitFor(work);
    }
  }

  const [lowShare, highShare] = ESTIMATE_TUNING.modelSpread;
  const spread = (ESTIMATE_TUNING.serviceCv * mean * Math.sqrt(work.tickets + (allBusy ? 1 : 0))) / c;
  // A booking is not called before its slot, however short the line.
  const untilSlot = ticket.slotAt != null && ticket.slotAt > now ? (ticket.slotAt - now) / 60_000 : 0;
  const minutes = Math.max(onClock(point), untilSlot);
  const range = roundRange(onClock(Math.max(0, point * (1 - lowShare) - spread)), onClock(point * (1 + highShare) + spread));
  const low = Math.max(Math.min(range.low, Math.floor(minutes)), Math.floor(untilSlot));
  const high = Math.max(range.high, Math.ceil(minutes), allBusy ? 1 : 0);
  return { minutes, low, high, allBusy };
}
