/**
 * How long something takes (serving a citizen, walking up to the counter): a distribution in minutes,
 * its samples in milliseconds. Service times at a counter are skewed (most are quick, a few files take
 * very long), which a log-normal fits well; the exponential is for checking against queueing theory.
 */
import { exponential, standardNormal, type Random } from './random';

export type Duration =
  /** `cv` = standard deviation ÷ mean. */
  | { kind: 'lognormal'; meanMinutes: number; cv: number }
  | { kind: 'exponential'; meanMinutes: number }
  | { kind: 'fixed'; minutes: number };

const MINUTE_MS = 60_000;

export function meanMinutes(d: Duration): number {
  return d.kind === 'fixed' ? d.minutes : d.meanMinutes;
}

export function sampleMs(d: Duration, rng: Random): number {
  switch (d.kind) {
    case 'fixed':
      return d.minutes * MINUTE_MS;
    case 'exponential':
      return exponential(rng, d.meanMinutes * MINUTE_MS);
    case 'lognormal': {
      if (d.cv <= 0) return d.meanMinutes * MINUTE_MS;
      const sigma2 = Math.log(1 + d.cv * d.cv);
      const mu = Math.log(d.meanMinutes * MINUTE_MS) - sigma2 / 2;
      return Math.exp(mu + Math.sqrt(sigma2) * standardNormal(rng));
    }
  }
}

/**
 * The log-normal that best fits observed durations (maximum likelihood: mean and spread of the logs).
 * Null with fewer than `minSamples` positive samples: too little to say anything about the tail.
 */
export function fitLogNormal(durationsMs: number[], minSamples = 5): Duration | null {
  const logs = durationsMs.filter((x) => x > 0).map(Math.log);
  if (logs.length < minSamples) return null;
  const mu = logs.reduce((s, x) => s + x, 0) / logs.length;
  const sigma2 = logs.reduce((s, x) => s + (x - mu) ** 2, 0) / (logs.length - 1);
  return { kind: 'lognormal', meanMinutes: Math.exp(mu + sigma2 / 2) / MINUTE_MS, cv: Math.sqrt(Math.expm1(sigma2)) };
}
