/**
 * Erlang C: the M/M/c queue (Poisson arrivals, exponential service, c identical servers, FIFO). The
 * simulator is checked against it; an estimate or a staffing rule of thumb may use it too.
 * Rates in any one unit of time; results in that unit.
 */

/** Probability that an arriving customer has to wait (all c servers busy). Requires λ < cμ. */
export function erlangCWaitProbability(servers: number, arrivalRate: number, serviceRate: number): number {
  const load = arrivalRate / serviceRate; // offered load a = λ/μ, in erlangs
  const utilisation = load / servers;
  if (!(servers >= 1) || !Number.isInteger(servers)) throw new RangeError('servers must be a positive integer');
  if (!(utilisation < 1)) throw new RangeError('unstable queue: λ must be below cμ');
  // Erlang B by its recurrence (no factorials, no overflow), then C from B.
  let blocking = 1;
  for (let k = 1; k <= servers; k++) blocking = (load * blocking) / (k + load * blocking);
  return blocking / (1 - utilisation * (1 - blocking));
}

/** Mean time in queue before service starts: Wq = C(c, a) / (cμ − λ). */
export function erlangCMeanWait(servers: number, arrivalRate: number, serviceRate: number): number {
  return erlangCWaitProbability(servers, arrivalRate, serviceRate) / (servers * serviceRate - arrivalRate);
}
