/**
 * How an estimated wait is put into words, the same on the kiosk, the printed ticket and the phone page.
 * The server estimates (server/queue/estimate.ts); this says which wording fits, each surface translates it.
 */

/** Likely range of a wait, whole minutes. */
export interface EtaRange {
  low: number;
  high: number;
}

export type WaitWording =
  /** No estimate (the ticket is no longer waiting, or figures are still coming). */
  | { kind: 'unknown' }
  /** A counter is free and nobody is ahead. Never while every counter of the service is busy. */
  | { kind: 'none' }
  /** A few minutes at most: "Sắp đến lượt". */
  | { kind: 'soon' }
  | { kind: 'minutes'; minutes: number }
  /** The uncertainty is large: "khoảng 25–40 phút". */
  | { kind: 'range'; low: number; high: number };

/** A range this wide (minutes) is said as a range; a narrower one as its point. */
export const RANGE_SHOWN_FROM_MINUTES = 5;
/** Up to this many minutes the wait is said as "soon" rather than a number. */
export const SOON_UP_TO_MINUTES = 3;

/**
 * `etaMinutes` is at least 1 whenever the counters are all busy (the server rounds it so), so 0 means a
 * counter is free for this ticket now.
 */
export function waitWording(etaMinutes: number | null | undefined, etaRange?: EtaRange | null): WaitWording {
  if (etaMinutes === null || etaMinutes === undefined) return { kind: 'unknown' };
  const minutes = Math.round(etaMinutes);
  if (minutes < 1) return { kind: 'none' };
  if (etaRange && etaRange.high - etaRange.low >= RANGE_SHOWN_FROM_MINUTES && etaRange.high > SOON_UP_TO_MINUTES) {
    return { kind: 'range', low: Math.max(1, etaRange.low), high: etaRange.high };
  }
  if (minutes <= SOON_UP_TO_MINUTES) return { kind: 'soon' };
  return { kind: 'minutes', minutes };
}
