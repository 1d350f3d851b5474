/**
 * How well the shown ETA predicted the real wait, over the tickets that were called (a ticket still
 * waiting at the end has no known wait). The figures issue 13 sets targets for:
 * - relative mean absolute error: Σ|shown − waited| ÷ Σ waited (a ratio of sums: short waits do not blow it up);
 * - bias: Σ(shown − waited) ÷ Σ waited (negative: the product promised shorter waits than it gave);
 * - share called within ±max(5 min, 25 % of the estimate) of it;
 * - share whose wait fell within the range shown, when a range was shown.
 */
import type { SimTicket } from './types';

export interface EstimateAccuracy {
  tickets: number;
  meanWaitMinutes: number;
  meanShownMinutes: number;
  relativeMeanAbsoluteError: number;
  bias: number;
  withinTolerance: number;
  /** Null when no range was shown. */
  withinRange: number | null;
}

export const TOLERANCE_FLOOR_MINUTES = 5;
export const TOLERANCE_SHARE = 0.25;

export function estimateAccuracy(tickets: SimTicket[]): EstimateAccuracy {
  const judged = tickets.filter((t) => t.waitMs !== null && t.shownEtaMinutes !== null);
  let waited = 0;
  let shown = 0;
  let absolute = 0;
  let within = 0;
  let ranged = 0;
  let inRange = 0;
  for (const t of judged) {
    const w = t.waitMs! / 60_000;
    const e = t.shownEtaMinutes!;
    waited += w;
    shown += e;
    absolute += Math.abs(e - w);
    if (Math.abs(w - e) <= Math.max(TOLERANCE_FLOOR_MINUTES, TOLERANCE_SHARE * e)) within++;
    if (t.shownEtaRange) {
      ranged++;
      if (w >= t.shownEtaRange.low && w <= t.shownEtaRange.high) inRange++;
    }
  }
  const n = judged.length;
  return {
    tickets: n,
    meanWaitMinutes: n ? waited / n : 0,
    meanShownMinutes: n ? shown / n : 0,
    relativeMeanAbsoluteError: waited > 0 ? absolute / waited : 0,
    bias: waited > 0 ? (shown - waited) / waited : 0,
    withinTolerance: n ? within / n : 0,
    withinRange: ranged ? inRange / ranged : null,
  };
}
