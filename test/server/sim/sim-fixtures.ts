/** Inputs for simulator tests: the demo center on a working Monday, and a bare one-service center for queueing theory. */
import type { Counter } from '../../../protocol/domain';
import type { SimInput } from '../../../server/sim/types';
import { DEMO_PRIORITIES, DEMO_SERVICES } from '../../../server/seed/demo-center';
import { demoConfig } from '../../helpers/queue-fixtures';

/** Monday 23/11/2026, the tests' day. */
export const SIM_DAY = '2026-11-23';

/** The demo center's hours: the counters pause over lunch. */
export const DEMO_SHIFTS = [
  { from: '07:30', to: '11:30' },
  { from: '13:30', to: '17:00' },
];

/** `perHour` citizens an hour for every demo service while the center is open, 8 % elderly, some no-shows. */
export function demoDayInput(perHour = 4): SimInput {
  const hours = Array.from({ length: 24 }, (_, h) => (h >= 7 && h < 17 && h !== 12 ? perHour : 0));
  return {
    config: demoConfig(),
    day: SIM_DAY,
    arrivalsPerHour: Object.fromEntries(DEMO_SERVICES.map((s) => [s.id, hours])),
    serviceTimes: Object.fromEntries(DEMO_SERVICES.map((s) => [s.id, { kind: 'lognormal', meanMinutes: s.defaultServiceMinutes, cv: 0.7 }])),
    priorityMix: { [DEMO_PRIORITIES[1].id]: 0.08 },
    walkUp: { kind: 'lognormal', meanMinutes: 0.5, cv: 0.5 },
    noShowShare: 0.05,
    defaultShifts: DEMO_SHIFTS,
  };
}

/**
 * M/M/c: one service on `counters` identical counters open all day, Poisson arrivals from midnight to
 * `arrivalsUntilHour` (the counters then empty the line before the day ends), exponential service.
 */
export function mmcInput(counters: number, utilisation: number, serviceMinutes: number, arrivalsUntilHour = 20): SimInput {
  const base = demoConfig();
  const service = { ...DEMO_SERVICES[0], openingHours: null, dailyQuota: null, numberEnd: 9999 };
  const perHour = (utilisation * counters * 60) / serviceMinutes;
  const counterList: Counter[] = Array.from({ length: counters }, (_, i) => ({
    id: `ctr-${i + 1}`,
    number: i + 1,
    name: `Quầy ${i + 1}`,
    serviceIds: [service.id],
    area: '',
    staffId: null,
    active: true,
  }));
  return {
    config: { ...base, center: { ...base.center, settings: { ...base.center.settings, numberDigits: 4 } }, services: [service], counters: counterList },
    day: SIM_DAY,
    arrivalsPerHour: { [service.id]: Array.from({ length: 24 }, (_, h) => (h < arrivalsUntilHour ? perHour : 0)) },
    serviceTimes: { [service.id]: { kind: 'exponential', meanMinutes: serviceMinutes } },
  };
}
