/**
 * The simulated days of the queue-day bench (issue 13): the demo center as seeded (8 services on 5 shared
 * counters), open 07:30–11:30 and 13:30–17:00, Poisson arrivals with a morning peak, log-normal service
 * times whose means differ from the configured defaults, 8 % priority tickets, a short walk-up, a few
 * no-shows. `load` is the day's offered work ÷ the counters' working time (0.8 = 80 %).
 */
import type { RoutingMode } from '../../protocol/domain';
import { DEFAULT_SETTINGS, DEMO_COUNTERS, DEMO_PRIORITIES, DEMO_SERVICES, demoCenter } from '../../server/seed/demo-center';
import type { Duration } from '../../server/sim/durations';
import type { SimInput } from '../../server/sim/types';

/** A Monday. */
const BENCH_DAY = '2026-11-23';
export const CENTER_HOURS = [
  { from: '07:30', to: '11:30' },
  { from: '13:30', to: '17:00' },
];
const OPEN_MINUTES = 4 * 60 + 3.5 * 60;

/** Share of arrivals and the real mean minutes of each service (defaults: 10, 5, 15, 12, 12, 10, 8, 7). */
const DEMAND: Record<string, { share: number; meanMinutes: number }> = {
  'svc-hotich': { share: 0.18, meanMinutes: 12 },
  'svc-chungthuc': { share: 0.24, meanMinutes: 4 },
  'svc-datdai': { share: 0.08, meanMinutes: 19 },
  'svc-xaydung': { share: 0.05, meanMinutes: 9 },
  'svc-kinhdoanh': { share: 0.07, meanMinutes: 8 },
  'svc-baotro': { share: 0.08, meanMinutes: 13 },
  'svc-cutru': { share: 0.16, meanMinutes: 6 },
  'svc-bhyt': { share: 0.14, meanMinutes: 10 },
};
const SERVICE_CV = 0.7;

/** Relative arrival intensity by local hour while open: busier mornings. */
const HOUR_PROFILE: Record<number, number> = { 7: 1.1, 8: 1.25, 9: 1.25, 10: 1.1, 11: 0.9, 13: 0.8, 14: 0.95, 15: 0.9, 16: 0.75 };

/** 8 % priority tickets, half of them elderly. */
const PRIORITY_MIX = { 'pri-elderly': 0.04, 'pri-disability': 0.01, 'pri-pregnant': 0.01, 'pri-child': 0.01, 'pri-merit': 0.01 };

function openMinutesIn(hour: number): number {
  const from = hour * 60;
  return CENTER_HOURS.reduce((sum, w) => {
    const [a, b] = [w.from, w.to].map((x) => Number(x.slice(0, 2)) * 60 + Number(x.slice(3)));
    return sum + Math.max(0, Math.min(b, from + 60) - Math.max(a, from));
  }, 0);
}

export function benchDayInput(load: number, routing: RoutingMode): SimInput {
  const workPerCitizen = Object.values(DEMAND).reduce((s, d) => s + d.share * d.meanMinutes, 0);
  const citizensPerDay = (load * DEMO_COUNTERS.length * OPEN_MINUTES) / workPerCitizen;
  // Spread the day's citizens over the open minutes of each hour, weighted by the profile.
  const weightedMinutes = Object.entries(HOUR_PROFILE).reduce((s, [h, w]) => s + w * openMinutesIn(Number(h)), 0);
  const perOpenHour = (hour: number) => (citizensPerDay * (HOUR_PROFILE[hour] ?? 0) * 60) / weightedMinutes;
  const serviceTimes: Record<string, Duration> = {};
  const arrivalsPerHour: Record<string, number[]> = {};
  for (const [serviceId, d] of Object.entries(DEMAND)) {
    serviceTimes[serviceId] = { kind: 'lognormal', meanMinutes: d.meanMinutes, cv: SERVICE_CV };
    arrivalsPerHour[serviceId] = Array.from({ length: 24 }, (_, h) => d.share * perOpenHour(h));
  }
  const center = demoCenter('Asia/Ho_Chi_Minh');
  return {
    config: { center: { ...center, settings: { ...DEFAULT_SETTINGS, routing } }, services: DEMO_SERVICES, counters: DEMO_COUNTERS, priorities: DEMO_PRIORITIES },
    day: BENCH_DAY,
    arrivalsPerHour,
    arrivalWindows: CENTER_HOURS,
    serviceTimes,
    priorityMix: PRIORITY_MIX,
    walkUp: { kind: 'lognormal', meanMinutes: 0.5, cv: 0.5 },
    noShowShare: 0.03,
    recallInterval: { kind: 'fixed', minutes: 1 },
    defaultShifts: CENTER_HOURS,
  };
}
