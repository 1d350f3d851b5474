/**
 * Retry delays after a failed push or poll: exponential from `baseMs`, capped at `capMs`, with "equal jitter"
 * (half the delay fixed, half random) so a province's centers coming back after a cut do not all call at once,
 * and no retry comes sooner than half its step.
 */
export interface BackoffPolicy {
  baseMs: number;
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1000, capMs: 60_000 };

/** @param failures failures in a row so far (1 after the first) @param random a number in [0, 1) */
export function backoffDelay(failures: number, random: number, policy: BackoffPolicy = DEFAULT_BACKOFF): number {
  const step = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, Math.min(failures - 1, 30)));
  return Math.round(step / 2 + random * (step / 2));
}
