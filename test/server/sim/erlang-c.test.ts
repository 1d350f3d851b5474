/**
 * The simulator against queueing theory: one service on c counters, Poisson arrivals, exponential service,
 * no walk-up, no no-shows, is an M/M/c queue, whose mean wait is Erlang C. Each simulated day is one batch
 * (days are independent): the first hours are discarded (the day starts empty), the mean waits of the
 * batches give a 95 % confidence interval, and the formula must lie inside it. The formula for one counter
 * more or fewer must lie outside: a simulator that miscounted its counters would fail.
 */
import { describe, expect, it } from 'vitest';
import { erlangCMeanWait } from '../../../server/sim/erlang-c';
import { simulateDay } from '../../../server/sim/simulate';
import { startOfDay } from '../../../server/queue/calendar';
import { mmcInput, SIM_DAY } from './sim-fixtures';

const HOUR_MS = 3_600_000;
const WARM_UP_HOURS = 4;
const ARRIVALS_UNTIL_HOUR = 20;

/** Two-sided 95 % Student t quantiles by degrees of freedom. */
const T_975: Record<number, number> = { 9: 2.262, 14: 2.145, 19: 2.093, 23: 2.069, 29: 2.045 };

function meanWaitOfDay(counters: number, utilisation: number, serviceMinutes: number, seed: string): number {
  const input = mmcInput(counters, utilisation, serviceMinutes, ARRIVALS_UNTIL_HOUR);
  const dayStart = startOfDay(SIM_DAY, input.config.center.timeZone);
  const day = simulateDay(input, seed, { recordEstimates: false });
  const measured = day.tickets.filter((t) => t.issuedAt >= dayStart + WARM_UP_HOURS * HOUR_MS && t.issuedAt < dayStart + ARRIVALS_UNTIL_HOUR * HOUR_MS);
  // Every measured ticket is called before the day ends: a censored wait would bias the mean down.
  expect(measured.every((t) => t.waitMs !== null)).toBe(true);
  return measured.reduce((s, t) => s + t.waitMs!, 0) / measured.length / 60_000;
}

function confidenceInterval(batches: number[]): { mean: number; low: number; high: number } {
  const n = batches.length;
  const mean = batches.reduce((s, x) => s + x, 0) / n;
  const sd = Math.sqrt(batches.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
  const half = T_975[n - 1] * (sd / Math.sqrt(n));
  return { mean, low: mean - half, high: mean + half };
}

describe('simulator vs Erlang C (M/M/c)', () => {
  const cases = [
    { counters: 1, utilisation: 0.7, serviceMinutes: 2, days: 24 },
    { counters: 3, utilisation: 0.8, serviceMinutes: 2, days: 24 },
    { counters: 5, utilisation: 0.85, serviceMinutes: 2, days: 24 },
  ];
  for (const { counters, utilisation, serviceMinutes, days } of cases) {
    it(`${counters} counter(s) at ρ = ${utilisation}: the mean wait matches Erlang C within sampling error`, () => {
      const perMinute = (utilisation * counters) / serviceMinutes;
      const theory = erlangCMeanWait(counters, perMinute, 1 / serviceMinutes);
      const batches = Array.from({ length: days }, (_, d) => meanWaitOfDay(counters, utilisation, serviceMinutes, `erlang-${counters}-${d}`));
      const ci = confidenceInterval(batches);

      expect(theory).toBeGreaterThanOrEqual(ci.low);
      expect(theory).toBeLessThanOrEqual(ci.high);
      // Sanity: the interval is narrow enough to mean something, and the simulated mean is near the formula.
      expect((ci.high - ci.low) / 2 / theory).toBeLessThan(0.25);
      expect(Math.abs(ci.mean - theory) / theory).toBeLessThan(0.15);
      // One counter more (or fewer, where that queue is stable) is told apart.
      expect(erlangCMeanWait(counters + 1, perMinute, 1 / serviceMinutes)).toBeLessThan(ci.low);
      if (perMinute < (counters - 1) / serviceMinutes) expect(erlangCMeanWait(counters - 1, perMinute, 1 / serviceMinutes)).toBeGreaterThan(ci.high);
    });
  }
});
