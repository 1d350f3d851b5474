/**
 * The citizens of a simulated day, drawn before anything is served: when each comes, for which service,
 * with which priority, how long their file takes, whether they answer the call. Drawing them up front
 * (one stream per service) gives every routing mode or staffing plan exactly the same citizens.
 */
import type { SimInput } from './types';
import { sampleMs, type Duration } from './durations';
import { exponential, type Random } from './random';
import { shiftWindows, WHOLE_DAY, withinWindows } from './shifts';

export interface Citizen {
  at: number;
  serviceId: string;
  priorityId: string | null;
  serviceMs: number;
  walkUpMs: number;
  showsUp: boolean;
}

const HOUR_MS = 3_600_000;

export function serviceTimeOf(input: SimInput, serviceId: string): Duration {
  return input.serviceTimes[serviceId] ?? { kind: 'exponential', meanMinutes: input.config.services.find((s) => s.id === serviceId)?.defaultServiceMinutes ?? 10 };
}

/**
 * A Poisson process per service and local hour between `from` and `until`. Hours count from the local
 * midnight `dayStart` (exact in zones without daylight saving time, such as Asia/Ho_Chi_Minh). Citizens drawn outside
 * the arrival windows are dropped after their traits are drawn, so the windows change nobody else's numbers.
 */
export function drawCitizens(input: SimInput, dayStart: number, from: number, until: number, rng: Random): Citizen[] {
  const citizens: Citizen[] = [];
  const open = shiftWindows(input.arrivalWindows ?? WHOLE_DAY, dayStart);
  for (const [serviceId, perHour] of Object.entries(input.arrivalsPerHour)) {
    const gaps = rng.fork(`arrivals/${serviceId}`);
    const traits = rng.fork(`citizens/${serviceId}`);
    for (let hour = 0; hour < 24; hour++) {
      const rate = perHour[hour] ?? 0;
      const start = Math.max(from, dayStart + hour * HOUR_MS);
      const end = Math.min(until, dayStart + (hour + 1) * HOUR_MS);
      if (rate <= 0 || start >= end) continue;
      // Memoryless: restarting the gaps at each hour's edge keeps it an exact Poisson process.
      for (let t = start + exponential(gaps, HOUR_MS / rate); t < end; t += exponential(gaps, HOUR_MS / rate)) {
        const c = citizen(input, serviceId, Math.round(t), traits);
        if (withinWindows(open, c.at)) citizens.push(c);
      }
    }
  }
  return citizens.sort((a, b) => a.at - b.at);
}

/** Every trait is drawn for every citizen, in one order, so one input's change never shifts the others' numbers. */
function citizen(input: SimInput, serviceId: string, at: number, rng: Random): Citizen {
  const priorityDraw = rng.next();
  const showDraw = rng.next();
  const serviceMs = sampleMs(serviceTimeOf(input, serviceId), rng);
  const walkUpMs = sampleMs(input.walkUp ?? { kind: 'fixed', minutes: 0 }, rng);
  return { at, serviceId, priorityId: pickPriority(input.priorityMix, priorityDraw), serviceMs, walkUpMs, showsUp: showDraw >= (input.noShowShare ?? 0) };
}

function pickPriority(mix: Record<string, number> | undefined, u: number): string | null {
  let cumulative = 0;
  for (const [priorityId, share] of Object.entries(mix ?? {})) {
    cumulative += share;
    if (u < cumulative) return priorityId;
  }
  return null;
}
