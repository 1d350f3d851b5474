/** The pure parts of the rollups: the center's rounding of durations, buckets, percentiles from a histogram. */
import { describe, expect, it } from 'vitest';
import { Samples, percentileInc } from '../../server/reports/stats';
import { BUCKETS, BUCKET_EDGES, RollupDeltas, bucketOf, histogramPercentile, ticketFacts, toSeconds } from '../../hub/ingest/rollup';

describe('rollup arithmetic', () => {
  it('rounds durations exactly as the center report does', () => {
    for (const ms of [-5000, 0, 1, 499, 500, 1499, 1500, 59_999, 3_600_400, 20_000_700]) {
      const s = new Samples();
      s.push(ms);
      expect(toSeconds(ms), String(ms)).toBe(s.stats().max);
    }
  });

  it('puts every second in the bucket whose edges hold it', () => {
    expect(BUCKET_EDGES[0]).toBe(0);
    for (let i = 1; i < BUCKETS; i++) expect(BUCKET_EDGES[i]).toBeGreaterThan(BUCKET_EDGES[i - 1]);
    for (const s of [0, 29, 30, 599, 600, 1799, 1800, 7199, 14_400, 100_000]) {
      const b = bucketOf(s);
      expect(BUCKET_EDGES[b]).toBeLessThanOrEqual(s);
      if (b + 1 < BUCKETS) expect(BUCKET_EDGES[b + 1]).toBeGreaterThan(s);
    }
    expect(bucketOf(100_000)).toBe(BUCKETS - 1);
  });

  it('reads percentiles from a histogram within one bucket of the exact PERCENTILE.INC', () => {
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const values = Array.from({ length: 2000 }, () => Math.floor(next() ** 2 * 5400));
    const hist = new Array<number>(BUCKETS).fill(0);
    for (const v of values) hist[bucketOf(v)]++;
    const sorted = [...values].sort((a, b) => a - b);
    const max = sorted[sorted.length - 1];
    for (const p of [0, 0.1, 0.5, 0.9, 0.99, 1]) {
      const exact = percentileInc(sorted, p);
      const b = bucketOf(Math.floor(exact));
      const width = b + 1 < BUCKETS ? BUCKET_EDGES[b + 1] - BUCKET_EDGES[b] : Infinity;
      expect(Math.abs(histogramPercentile(hist, p, max)! - exact), `p=${p}`).toBeLessThanOrEqual(width);
    }
    expect(histogramPercentile(new Array(BUCKETS).fill(0), 0.5, 0)).toBeNull();
  });

  it('a ticket row taken away and put back nets to nothing; a new row replaces the old one', () => {
    const called = ticketFacts({ id: 't', businessDay: '2026-03-10', issuedAt: Date.UTC(2026, 2, 10, 2), serviceId: 's', status: 'called', counterId: 'c', staffId: 'x', firstCalledAt: Date.UTC(2026, 2, 10, 2, 5), startedAt: null, completedAt: null })!;
    const d = new RollupDeltas();
    d.ticket(called, 'Asia/Ho_Chi_Minh', 1);
    d.ticket(called, 'Asia/Ho_Chi_Minh', -1);
    // Every count nets to 0; only the maximum stays (a maximum is never taken back).
    expect(d.rows()).toMatchObject([{ issued: 0, open: 0, called: 0, wait_count: 0, wait_sum: 0, wait_max: 300 }]);
    expect([...d.rows()[0].wh.values()].every((x) => x === 0)).toBe(true);
    const done = { ...called, status: 'done', startedAt: called.firstCalledAt! + 10_000, completedAt: called.firstCalledAt! + 610_000 };
    d.ticket(called, 'Asia/Ho_Chi_Minh', -1);
    d.ticket(done, 'Asia/Ho_Chi_Minh', 1);
    const [row] = d.rows();
    expect(row).toMatchObject({ day: '2026-03-10', service: 's', counter: 'c', staff: 'x', hour: 9, issued: 0, open: -1, served: 1, wait_count: 0, service_count: 1, service_sum: 600 });
    expect(ticketFacts({ id: 't' })).toBeNull();
  });
});
