/**
 * Duration statistics on whole seconds, the unit of tickets.csv: percentiles interpolate
 * between ranks exactly like Excel's PERCENTILE.INC / MEDIAN, so a director who recomputes a
 * figure from the CSV in Excel gets the same number.
 *
 * Samples are counted in a per-second histogram rather than kept and sorted: a year of
 * tickets lands in several groups each, and counting is far cheaper than sorting millions
 * of values. Waits beyond the dense range (hours) are rare and kept in a small map.
 */
import type { DurationStats } from '../../protocol/reports';

const DENSE_SECONDS = 4 * 3600;

export class Samples {
  private dense = new Uint32Array(256);
  private readonly sparse = new Map<number, number>();
  length = 0;
  private sum = 0;
  private max = 0;

  /** A duration in ms; negative ones (clock corrections) count as 0. */
  push(ms: number): void {
    const s = ms <= 0 ? 0 : Math.round(ms / 1000);
    if (s < DENSE_SECONDS) {
      if (s >= this.dense.length) {
        const next = new Uint32Array(Math.min(DENSE_SECONDS, Math.max(this.dense.length * 2, s + 1)));
        next.set(this.dense);
        this.dense = next;
      }
      this.dense[s]++;
    } else {
      this.sparse.set(s, (this.sparse.get(s) ?? 0) + 1);
    }
    this.length++;
    this.sum += s;
    if (s > this.max) this.max = s;
  }

  /** The k-th smallest value (0-based), in seconds. */
  nth(k: number): number {
    let seen = 0;
    for (let s = 0; s < this.dense.length; s++) {
      seen += this.dense[s];
      if (seen > k) return s;
    }
    for (const s of [...this.sparse.keys()].sort((a, b) => a - b)) {
      seen += this.sparse.get(s)!;
      if (seen > k) return s;
    }
    return this.max;
  }

  /** PERCENTILE.INC; p in 0..1. */
  percentile(p: number): number {
    const rank = p * (this.length - 1);
    const lo = Math.floor(rank);
    const a = this.nth(lo);
    return rank === lo ? a : a + (this.nth(lo + 1) - a) * (rank - lo);
  }

  stats(): DurationStats {
    if (this.length === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
    return { count: this.length, mean: tenth(this.sum / this.length), median: tenth(this.percentile(0.5)), p90: tenth(this.percentile(0.9)), max: this.max };
  }
}

const tenth = (x: number) => Math.round(x * 10) / 10;

/** PERCENTILE.INC on an ascending array; p in 0..1 (the reference the histogram is tested against). */
export function percentileInc(sorted: ArrayLike<number>, p: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const rank = p * (n - 1);
  const lo = Math.floor(rank);
  const hi = Math.min(n - 1, lo + 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
}

export function durationStats(samples: Samples): DurationStats {
  return samples.stats();
}
