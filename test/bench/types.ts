/** One measured figure. Benches report; they never assert. */
export interface BenchResult {
  name: string;
  value: number | string;
  unit: string;
  /** The promise, e.g. '≥ 3000' or '< 25 ms'. */
  target?: string;
  /** The raw baseline measured in the same run, for a ratio. */
  baseline?: number | string;
  note?: string;
}

export type BenchModule = { run: () => Promise<BenchResult[]> };

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function round(n: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}
