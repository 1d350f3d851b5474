/**
 * A center day as a discrete-event simulation through the real queue writer and rules, on a fake clock.
 * Counters call next when free (the real call-next: routing, priority, streaks), the citizen walks up and
 * is served, or never comes and is recalled, then marked no-show, per the center's rule. Counters pause
 * outside their working windows with the real pause command, so the read model sees what it would see.
 *
 * Entry points: `simulateDay` (an empty morning) and `simulateFrom` (the queue as it stands now).
 */
import type { Counter, Ticket } from '../../protocol/domain';
import { DomainError } from '../../protocol/errors';
import type { Actor, Command } from '../queue/commands';
import { addDays, startOfDay } from '../queue/calendar';
import { counterStateOf, createState, setConfig, type QueueState } from '../queue/state';
import { waitingCount } from '../queue/waiting-index';
import { drawCitizens, serviceTimeOf, type Citizen } from './arrivals';
import { cloneState } from './clone-state';
import { sampleMs } from './durations';
import { EventQueue } from './event-queue';
import { seededRandom, type Random } from './random';
import { shiftWindows, WHOLE_DAY, withinWindows } from './shifts';
import { shownAtIssue, type ShownEstimate } from './shown-estimate';
import { rulesQueue, serviceQueue, type SimQueue } from './sim-queue';
import { toSimTicket, type SimDay, type SimInput, type SimOptions, type SimRefusal, type SimTicket } from './types';

/** A whole business day from an empty morning. */
export function simulateDay(input: SimInput, seed: number | string, options: SimOptions = {}): SimDay {
  const dayStart = startOfDay(input.day, input.config.center.timeZone);
  const state = createState(input.config, input.day, dayStart);
  return new DaySimulation(state, input, seed, dayStart, dayStart, options).run();
}

/**
 * The rest of the live day from `now`: the tickets already in line and the counters as they stand
 * (a copy: the live state is not touched), then the input's arrivals from `now` on. `input.config`
 * replaces the live configuration (a what-if's counters); `input.day` is taken from the live state.
 */
export function simulateFrom(live: QueueState, now: number, input: SimInput, seed: number | string, options: SimOptions = {}): SimDay {
  const state = cloneState(live);
  setConfig(state, input.config, now);
  const dayStart = startOfDay(state.businessDay, state.center.timeZone);
  return new DaySimulation(state, { ...input, day: state.businessDay }, seed, dayStart, now, options).run();
}

/** A counter as the simulation drives it. */
interface Desk {
  counter: Counter;
  actor: Actor;
  windows: [number, number][];
  /** Inside a working window. */
  open: boolean;
  /** The ticket it called and has not finished. */
  holding: string | null;
  idleSince: number;
}

type SimEvent =
  | { at: number; kind: 'arrive'; citizen: Citizen }
  | { at: number; kind: 'open' | 'close'; desk: Desk }
  | { at: number; kind: 'start' | 'complete' | 'recall' | 'no-show'; desk: Desk; ticketId: string };

/** What happens to one called citizen: drawn at arrival, or at the call for a ticket already in line. */
type Plan = Pick<Citizen, 'serviceMs' | 'walkUpMs' | 'showsUp'>;

const KIOSK: Actor = { staffId: null, role: 'public' };

class DaySimulation {
  private now: number;
  private readonly until: number;
  private readonly queue: SimQueue;
  private readonly events = new EventQueue<SimEvent>();
  private readonly desks: Desk[];
  private readonly plans = new Map<string, Plan>();
  private readonly shown = new Map<string, ShownEstimate>();
  private readonly refused: SimRefusal[] = [];
  private readonly preexisting: Set<string>;
  private readonly transfersInLine: boolean;
  private readonly liveRandom: Random;
  private readonly recallRandom: Random;
  private ids = 0;

  constructor(
    private readonly state: QueueState,
    private readonly input: SimInput,
    seed: number | string,
    dayStart: number,
    private readonly from: number,
    private readonly options: SimOptions,
  ) {
    this.now = from;
    this.until = options.until ?? startOfDay(addDays(input.day, 1), state.center.timeZone) - 1;
    const clock = { now: () => this.now };
    // Unique beside the tickets already in line (a simulation may continue a simulated state).
    const prefix = `sim${state.seq}-`;
    const makeId = (): string => {
      const id = `${prefix}${String(++this.ids).padStart(5, '0')}`;
      return state.active.has(id) ? makeId() : id;
    };
    this.queue = options.recordEstimates === false ? rulesQueue(state, clock, makeId) : serviceQueue(state, clock, makeId);
    this.preexisting = new Set(state.active.keys());
    this.transfersInLine = [...state.active.values()].some((t) => t.targetCounterId !== null);
    const rng = seededRandom(seed);
    this.liveRandom = rng.fork('live');
    this.recallRandom = rng.fork('recalls');
    const citizens = input.citizens?.filter((c) => c.at >= from && c.at <= this.until) ?? drawCitizens(input, dayStart, from, this.until, rng);
    for (const citizen of citizens) this.events.push({ at: citizen.at, kind: 'arrive', citizen });
    this.desks = [...state.counters.values()]
      .filter((c) => c.active)
      .sort((a, b) => a.number - b.number)
      .map((counter) => {
        const windows = shiftWindows(input.counterShifts?.[counter.id] ?? input.defaultShifts ?? WHOLE_DAY, dayStart);
        const held = counterStateOf(state, counter.id).currentTicketId;
        return { counter, actor: { staffId: counter.staffId ?? `sim-${counter.id}`, role: 'staff' }, windows, open: false, holding: held, idleSince: from };
      });
  }

  run(): SimDay {
    this.startCounters();
    for (let e = this.events.pop(); e && e.at <= this.until; e = this.events.pop()) {
      this.now = e.at;
      this.handle(e);
    }
    return { tickets: this.results(), refused: this.refused, from: this.from, until: this.until, state: this.state };
  }

  /** Each counter as it stands at the start: working or paused, finishing what it holds, then its windows ahead. */
  private startCounters(): void {
    for (const desk of this.desks) {
      desk.open = withinWindows(desk.windows, this.now);
      const paused = counterStateOf(this.state, desk.counter.id).paused;
      if (!desk.open && !paused && !desk.holding) this.command({ type: 'pause', counterId: desk.counter.id, reason: 'ngoài giờ làm việc' }, desk.actor);
      if (desk.holding) this.continueHeld(desk, this.state.active.get(desk.holding));
      for (const [a, b] of desk.windows) {
        if (a > this.now) this.events.push({ at: a, kind: 'open', desk });
        if (b > this.now) this.events.push({ at: b, kind: 'close', desk });
      }
    }
    // A counter paused in the live state is not idle: it stays paused until its next window opens.
    for (const desk of this.idleDesks()) this.callNext(desk);
  }

  /** A ticket a counter already holds at the start: the rest of its walk-up, then the rest of its service. */
  private continueHeld(desk: Desk, ticket: Ticket | undefined): void {
    if (!ticket) return;
    const plan = this.planOf(ticket);
    if (ticket.status === 'serving') {
      const elapsed = this.now - (ticket.startedAt ?? this.now);
      this.events.push({ at: this.now + this.remaining(ticket.serviceId, elapsed), kind: 'complete', desk, ticketId: ticket.id });
    } else {
      const walked = this.now - (ticket.calledAt ?? this.now);
      this.events.push({ at: this.now + Math.max(0, Math.round(plan.walkUpMs - walked)), kind: 'start', desk, ticketId: ticket.id });
    }
  }

  private handle(e: SimEvent): void {
    switch (e.kind) {
      case 'arrive':
        return this.arrive(e.citizen);
      case 'open': {
        e.desk.open = true;
        if (counterStateOf(this.state, e.desk.counter.id).paused) this.command({ type: 'resume', counterId: e.desk.counter.id }, e.desk.actor);
        if (!e.desk.holding) this.callNext(e.desk);
        return;
      }
      case 'close':
        e.desk.open = false;
        if (!e.desk.holding) this.pauseIfWorking(e.desk);
        return;
      case 'start':
        this.command({ type: 'start', counterId: e.desk.counter.id, ticketId: e.ticketId }, e.desk.actor);
        this.events.push({ at: this.now + Math.round(this.plans.get(e.ticketId)!.serviceMs), kind: 'complete', desk: e.desk, ticketId: e.ticketId });
        return;
      case 'complete':
        this.command({ type: 'complete', counterId: e.desk.counter.id, ticketId: e.ticketId }, e.desk.actor);
        return this.free(e.desk);
      case 'recall': {
        const t = this.command({ type: 'recall', counterId: e.desk.counter.id, ticketId: e.ticketId }, e.desk.actor)!;
        this.awaitCitizen(e.desk, t);
        return;
      }
      case 'no-show':
        this.command({ type: 'no-show', counterId: e.desk.counter.id, ticketId: e.ticketId }, e.desk.actor);
        return this.free(e.desk);
    }
  }

  private arrive(citizen: Citizen): void {
    let result;
    try {
      result = this.queue.run({ type: 'issue', serviceId: citizen.serviceId, priorityId: citizen.priorityId }, KIOSK);
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      this.refused.push({ at: this.now, serviceId: citizen.serviceId, code: err.code });
      return;
    }
    const ticket = result.ticket!;
    this.plans.set(ticket.id, citizen);
    if (this.options.recordEstimates !== false) this.shown.set(ticket.id, shownAtIssue(this.state, ticket, result.position));
    this.options.onIssued?.(this.state, ticket);
    // The counter idle longest answers first, as the officer who has waited longest would.
    for (const desk of this.idleDesks()) if (this.callNext(desk)) break;
  }

  private idleDesks(): Desk[] {
    return this.desks.filter((d) => d.open && !d.holding && !counterStateOf(this.state, d.counter.id).paused).sort((a, b) => a.idleSince - b.idleSince);
  }

  /** Call next if anything is waiting for this counter; true when it called. */
  private callNext(desk: Desk): boolean {
    if (!this.hasWaitingFor(desk)) return false;
    let ticket: Ticket;
    try {
      ticket = this.queue.run({ type: 'call-next', counterId: desk.counter.id, expectedCurrentTicketId: null }, desk.actor).ticket!;
    } catch (err) {
      // A waiting ticket of its service may be bound to another counter by a transfer.
      if (err instanceof DomainError && err.code === 'QUEUE_EMPTY') return false;
      throw err;
    }
    desk.holding = ticket.id;
    const plan = this.planOf(ticket);
    if (plan.showsUp) this.events.push({ at: this.now + Math.round(plan.walkUpMs), kind: 'start', desk, ticketId: ticket.id });
    else this.awaitCitizen(desk, ticket);
    return true;
  }

  /** Nobody came: call again until the center's rule allows "no-show". */
  private awaitCitizen(desk: Desk, ticket: Ticket): void {
    const interval = Math.round(sampleMs(this.input.recallInterval ?? { kind: 'fixed', minutes: 1 }, this.recallRandom));
    const kind = ticket.recallCount < this.state.center.settings.recallsBeforeNoShow ? 'recall' : 'no-show';
    this.events.push({ at: this.now + interval, kind, desk, ticketId: ticket.id });
  }

  private free(desk: Desk): void {
    desk.holding = null;
    desk.idleSince = this.now;
    if (desk.open) this.callNext(desk);
    else this.pauseIfWorking(desk);
  }

  private pauseIfWorking(desk: Desk): void {
    if (!counterStateOf(this.state, desk.counter.id).paused) this.command({ type: 'pause', counterId: desk.counter.id, reason: 'ngoài giờ làm việc' }, desk.actor);
  }

  private hasWaitingFor(desk: Desk): boolean {
    return desk.counter.serviceIds.some((id) => waitingCount(this.state, id) > 0) || this.hasTransferTo(desk);
  }

  /** Only tickets already in line can be bound to a counter: the simulated citizens are never transferred. */
  private hasTransferTo(desk: Desk): boolean {
    if (!this.transfersInLine) return false;
    for (const id of this.preexisting) {
      const t = this.state.active.get(id);
      if (t?.status === 'waiting' && t.targetCounterId === desk.counter.id) return true;
    }
    return false;
  }

  private command(cmd: Command, actor: Actor): Ticket | null {
    return this.queue.run(cmd, actor).ticket;
  }

  /** A ticket that was in line before the simulation started has no drawn citizen: draw one now. */
  private planOf(ticket: Ticket): Plan {
    let plan = this.plans.get(ticket.id);
    if (!plan) {
      const rng = this.liveRandom;
      const showDraw = rng.next();
      plan = {
        serviceMs: sampleMs(serviceTimeOf(this.input, ticket.serviceId), rng),
        walkUpMs: sampleMs(this.input.walkUp ?? { kind: 'fixed', minutes: 0 }, rng),
        // Already recalled without coming: it is more likely than others that this citizen left.
        showsUp: ticket.recallCount === 0 ? showDraw >= (this.input.noShowShare ?? 0) : true,
      };
      this.plans.set(ticket.id, plan);
    }
    return plan;
  }

  /** The rest of a service already `elapsedMs` long: a duration drawn given it lasts longer than that. */
  private remaining(serviceId: string, elapsedMs: number): number {
    const d = serviceTimeOf(this.input, serviceId);
    for (let i = 0; i < 32; i++) {
      const total = sampleMs(d, this.liveRandom);
      if (total > elapsedMs) return Math.round(total - elapsedMs);
    }
    // Far into the tail: about to end.
    return 60_000;
  }

  private results(): SimTicket[] {
    return [...this.queue.written.values()].map((t) => {
      const shown = this.shown.get(t.id);
      return toSimTicket(t, {
        priority: t.priorityWeight > 0,
        shown: shown && { shownEtaMinutes: shown.etaMinutes, shownEtaRange: shown.etaRange, shownWaitingAhead: shown.waitingAhead },
        preexisting: this.preexisting.has(t.id),
      });
    });
  }
}
