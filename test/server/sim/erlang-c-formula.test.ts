import { describe, expect, it } from 'vitest';
import { erlangCMeanWait, erlangCWaitProbability } from '../../../server/sim/erlang-c';

describe('Erlang C', () => {
  it('is M/M/1 on one server: P(wait) = ρ, Wq = ρ / (μ − λ)', () => {
    expect(erlangCWaitProbability(1, 0.8, 1)).toBeCloseTo(0.8, 12);
    expect(erlangCMeanWait(1, 0.8, 1)).toBeCloseTo(4, 12);
  });

  it('matches tabulated values', () => {
    // M/M/2 at ρ = 0.5: C = 1/3, Wq = 1/3 service times.
    expect(erlangCWaitProbability(2, 1, 1)).toBeCloseTo(1 / 3, 12);
    expect(erlangCMeanWait(2, 1, 1)).toBeCloseTo(1 / 3, 12);
    // 3 servers, 2 erlangs: C = 4/9.
    expect(erlangCWaitProbability(3, 2, 1)).toBeCloseTo(4 / 9, 12);
    // 10 servers, 8 erlangs (call-centre tables): C ≈ 0.4092.
    expect(erlangCWaitProbability(10, 8, 1)).toBeCloseTo(0.4092, 4);
  });

  it('keeps its units: rates per hour give hours', () => {
    // 5 counters, 6-minute service (10 an hour), 40 citizens an hour.
    expect(erlangCMeanWait(5, 40, 10) * 60).toBeCloseTo(erlangCMeanWait(5, 40 / 60, 10 / 60), 9);
  });

  it('refuses an unstable queue', () => {
    expect(() => erlangCMeanWait(2, 2, 1)).toThrow(RangeError);
  });
});
