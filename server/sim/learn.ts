/**
 * A simulated day learned from logged ones: the tickets table's issue, call, start and complete times.
 * Service time = start → complete (what the reports call service), walk-up = first call → start of
 * citizens who came at the first call, arrivals = issued tickets per service and local hour, averaged
 * over the days seen. Services with too few served tickets keep their configured default.
 */
import type { Ticket } from '../../protocol/domain';
import { localTime } from '../queue/calendar';
import { fitLogNormal, type Duration } from './durations';
import type { SimInput } from './types';

export type LoggedTicket = Pick<Ticket, 'serviceId' | 'businessDay' | 'priorityId' | 'status' | 'issuedAt' | 'firstCalledAt' | 'startedAt' | 'completedAt' | 'recallCount'>;

export type LearnedDay = Pick<SimInput, 'arrivalsPerHour' | 'serviceTimes' | 'priorityMix' | 'walkUp' | 'noShowShare'>;

export function learnServiceTimes(tickets: LoggedTicket[], minSamples = 5): Record<string, Duration> {
  const samples = new Map<string, number[]>();
  for (const t of tickets) {
    if (t.status !== 'done' || t.startedAt === null || t.completedAt === null) continue;
    let list = samples.get(t.serviceId);
    if (!list) samples.set(t.serviceId, (list = []));
    list.push(t.completedAt - t.startedAt);
  }
  const learned: Record<string, Duration> = {};
  for (const [serviceId, durations] of samples) {
    const fit = fitLogNormal(durations, minSamples);
    if (fit) learned[serviceId] = fit;
  }
  return learned;
}

export function learnDay(tickets: LoggedTicket[], timeZone: string): LearnedDay {
  const days = Math.max(1, new Set(tickets.map((t) => t.businessDay)).size);
  const arrivalsPerHour: Record<string, number[]> = {};
  const priorityCounts = new Map<string, number>();
  for (const t of tickets) {
    const perHour = (arrivalsPerHour[t.serviceId] ??= new Array<number>(24).fill(0));
    perHour[localTime(t.issuedAt, timeZone).hour] += 1 / days;
    if (t.priorityId) priorityCounts.set(t.priorityId, (priorityCounts.get(t.priorityId) ?? 0) + 1);
  }
  const called = tickets.filter((t) => t.status === 'done' || t.status === 'no-show');
  const walkUps = called.filter((t) => t.status === 'done' && t.recallCount === 0 && t.firstCalledAt !== null && t.startedAt !== null).map((t) => t.startedAt! - t.firstCalledAt!);
  return {
    arrivalsPerHour,
    serviceTimes: learnServiceTimes(tickets),
    priorityMix: Object.fromEntries([...priorityCounts].map(([id, n]) => [id, n / Math.max(1, tickets.length)])),
    walkUp: fitLogNormal(walkUps) ?? { kind: 'fixed', minutes: 0 },
    noShowShare: called.length ? called.filter((t) => t.status === 'no-show').length / called.length : 0,
  };
}
