/**
 * Where "now" comes from. Injected everywhere the server reads the time (queue, sessions,
 * printing, reports), so tests run on a fixed day and a fake clock can cross midnight.
 */
export interface Clock {
  /** Epoch milliseconds. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
