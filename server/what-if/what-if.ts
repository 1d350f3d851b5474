/**
 * Staffing what-if: each logged day of a period replayed with other counters — the citizens who came, at the
 * times they came, each with the service time, walk-up and no-show the log gives them — through the real
 * rules in the simulator; the days are combined. A counter left as it is ("open" omitted or true) works the
 * hours it worked that day (logged-day.ts; closed if it did nothing, a new counter: the hours the center
 * worked), and an officer's time between finishing one citizen and calling the next travels with the
 * citizen finished; so replaying the real counters reproduces the logged waits.
 */
import type { Counter } from '../../protocol/domain';
import type { WaitFigures, WhatIfBasis, WhatIfCounter, WhatIfFigures, WhatIfResult } from '../../protocol/what-if';
import { DomainError } from '../../protocol/errors';
import type { CenterConfig } from '../queue/state';
import { localTime, startOfDay } from '../queue/calendar';
import type { ReportRange } from '../reports/dates';
import type { Db } from '../store/db';
import { learnDay, learnServiceTimes } from '../sim/learn';
import { seededRandom } from '../sim/random';
import { citizensFromLog } from '../sim/replay';
import { simulateDay } from '../sim/simulate';
import { waitStats, type WaitStats } from '../sim/summary';
import { toSimTicket, type Shift, type SimTicket } from '../sim/types';
import { minutesOf, toShifts, validShifts } from './hours';
import { daySpan, readWhatIfTickets, turnaroundsMs, workedWindows, type WhatIfTicket } from './logged-day';

/** A month of days: each is a whole simulated day, and the director waits for the answer. */
export const MAX_WHAT_IF_DAYS = 31;

/** Typical days simulated: enough that one unlucky morning does not make the answer. */
export const TYPICAL_DAYS = 8;

export interface WhatIfInput {
  centerId: string;
  range: ReportRange;
  /** The center as configured now: services, priorities, routing; its counters are replaced by `counters`. */
  config: CenterConfig;
  counters: WhatIfCounter[];
  /** 'logged' (default): each logged day replayed; 'typical': days drawn from what the period's days were like. */
  basis?: WhatIfBasis;
}

export function checkCounters(config: CenterConfig, counters: WhatIfCounter[]): void {
  const services = new Set(config.services.map((s) => s.id));
  const numbers = new Set<number>();
  for (const c of counters) {
    if (numbers.has(c.number)) throw new DomainError('WHAT_IF_COUNTER_DUPLICATE', { number: c.number });
    numbers.add(c.number);
    const unknown = c.serviceIds.find((id) => !services.has(id));
    if (unknown) throw new DomainError('WHAT_IF_SERVICE_UNKNOWN', { serviceId: unknown });
    if (Array.isArray(c.open) && !validShifts(c.open)) throw new DomainError('WHAT_IF_HOURS_INVALID', { number: c.number });
  }
  const opens = (c: WhatIfCounter) => c.serviceIds.length > 0 && c.open !== false && !(Array.isArray(c.open) && c.open.length === 0);
  if (!counters.some(opens)) throw new DomainError('WHAT_IF_NO_COUNTER_OPEN');
}

/**
 * A busy day takes a quarter of a second to replay: the event loop gets a turn between days, so a month's
 * what-if never holds a kiosk's ticket for longer than one day's replay.
 */
export async function runWhatIf(db: Db, input: WhatIfInput): Promise<WhatIfResult> {
  const started = performance.now();
  const { config, range } = input;
  if (range.days > MAX_WHAT_IF_DAYS) throw new DomainError('WHAT_IF_RANGE_TOO_LONG', { days: range.days, max: MAX_WHAT_IF_DAYS });
  checkCounters(config, input.counters);
  const logged = readWhatIfTickets(db, input.centerId, range.from, range.to);
  const serviceTimes = learnServiceTimes(logged);
  const counters = replayCounters(config, input.counters);
  const realIds = new Set(config.counters.map((c) => c.id));
  // The citizens came: the rules of the day (hours, quotas, a service since closed) must not turn them away now.
  const services = config.services.map((s) => ({ ...s, active: true, openingHours: null, dailyQuota: null }));
  const replayConfig: CenterConfig = { ...config, services, counters };
  const timeZone = config.center.timeZone;

  const predicted: SimTicket[] = [];
  const byDay = new Map<string, WhatIfTicket[]>();
  for (const t of logged) {
    const day = byDay.get(t.businessDay);
    if (day) day.push(t);
    else byDay.set(t.businessDay, [t]);
  }
  const shiftsOn = (tickets: WhatIfTicket[], dayStart: number) =>
    Object.fromEntries(counters.map((c, i) => [c.id, shiftsOf(input.counters[i], c, !realIds.has(c.id), tickets, dayStart)]));
  const days = [...byDay].map(([day, tickets]) => ({ day, tickets, shifts: shiftsOn(tickets, startOfDay(day, timeZone)) }));
  if (input.basis === 'typical' && days.length > 0) {
    // Arrivals, service times, priorities, walk-up and no-shows learned over the period; each counter works
    // the hours of its middle day (by hours worked), so a usual lunch break is kept.
    const learned = learnDay(logged, timeZone);
    const counterShifts = Object.fromEntries(counters.map((c) => [c.id, middleDay(days.map((d) => d.shifts[c.id]))]));
    for (let i = 0; i < TYPICAL_DAYS; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      const sim = simulateDay({ config: replayConfig, day: range.to, ...learned, counterShifts }, `typical/${i}`, { recordEstimates: false });
      predicted.push(...sim.tickets);
    }
  } else {
    for (const { day, tickets, shifts } of days) {
      await new Promise((resolve) => setImmediate(resolve));
      // `tickets` are in issue order, as citizensFromLog puts its citizens: the i-th citizen is the i-th ticket.
      const pace = turnaroundsMs(tickets);
      const citizens = citizensFromLog(tickets, serviceTimes, seededRandom(`what-if/${day}`)).map((c, i) => ({ ...c, serviceMs: c.serviceMs + pace[i] }));
      const sim = simulateDay({ config: replayConfig, day, arrivalsPerHour: {}, citizens, serviceTimes, counterShifts: shifts }, `what-if/${day}`, { recordEstimates: false });
      predicted.push(...sim.tickets);
    }
  }

  const asLogged = logged.map(loggedWait);
  const hourOf = (t: { issuedAt: number }) => localTime(t.issuedAt, timeZone).hour;
  const figures = (mine: (t: Waited) => boolean): WhatIfFigures => ({
    ...pick(waitStats(predicted.filter(mine))),
    logged: pick(waitStats(asLogged.filter(mine))),
  });
  const serviceIds = [...new Set(logged.map((t) => t.serviceId))].sort();
  const hours = [...new Set(logged.map(hourOf))].sort((a, b) => a - b);
  return {
    from: range.from,
    to: range.to,
    basis: input.basis ?? 'logged',
    days: byDay.size,
    tickets: logged.length,
    simulatedDays: input.basis === 'typical' && days.length > 0 ? TYPICAL_DAYS : days.length,
    overall: figures(() => true),
    byService: serviceIds.map((serviceId) => ({ serviceId, ...figures((t) => t.serviceId === serviceId) })),
    byHour: hours.map((hour) => ({ hour, ...figures((t) => hourOf(t) === hour) })),
    elapsedMs: Math.round(performance.now() - started),
  };
}

type Waited = Pick<SimTicket, 'serviceId' | 'issuedAt'>;

const pick = (s: WaitStats): WaitFigures => ({ meanWaitSeconds: s.meanWaitSeconds, p90WaitSeconds: s.p90WaitSeconds, called: s.called, uncalled: s.uncalled });

/** A logged ticket in the simulator's terms, so both sides are measured by one rule (summary.ts). */
function loggedWait(t: WhatIfTicket): SimTicket {
  return toSimTicket(t, { priority: t.priorityId !== null });
}

/** The asked counters as configured counters: a number the center has keeps that counter's id (and its log). */
function replayCounters(config: CenterConfig, asked: WhatIfCounter[]): Counter[] {
  const byNumber = new Map(config.counters.map((c) => [c.number, c]));
  return asked.map((a) => {
    const real = byNumber.get(a.number);
    return { id: real?.id ?? `what-if-${a.number}`, number: a.number, name: real?.name ?? `Quầy ${a.number}`, serviceIds: a.serviceIds, area: real?.area ?? '', staffId: null, active: true };
  });
}

function shiftsOf(asked: WhatIfCounter, counter: Counter, isNew: boolean, tickets: WhatIfTicket[], dayStart: number): Shift[] {
  if (asked.open === false || asked.serviceIds.length === 0) return [];
  if (Array.isArray(asked.open)) return asked.open;
  const span = daySpan(tickets);
  if (!span) return [];
  // A counter of the center that did nothing that day was closed; a new one works the center's day.
  return toShifts(isNew ? [span] : (workedWindows(tickets, counter.id, counter.serviceIds, span) ?? []), dayStart);
}

/** The windows of the day with the median hours worked (a counter's usual day). */
function middleDay(perDay: Shift[][]): Shift[] {
  const worked = (shifts: Shift[]) => shifts.reduce((sum, w) => sum + minutesOf(w.to) - minutesOf(w.from), 0);
  const sorted = [...perDay].sort((a, b) => worked(a) - worked(b));
  return sorted[Math.floor(sorted.length / 2)] ?? [];
}
