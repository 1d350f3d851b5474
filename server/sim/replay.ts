/**
 * A logged day as the citizens who came: each logged ticket becomes a citizen arriving at its issue time for
 * the service it was issued for, with its priority, and — when the log says — its own walk-up and service
 * time and whether it came when called. Replayed with the same counters and hours, the day comes out close
 * to the real one (officers' own rhythm aside); replayed with other counters, it answers "what if".
 */
import type { Citizen } from './arrivals';
import { sampleMs, type Duration } from './durations';
import type { LoggedTicket } from './learn';
import type { Random } from './random';

/**
 * `serviceTimes` stands in for what the log does not say (a ticket cancelled or still waiting at day end
 * was never served: how long it would have taken is drawn).
 */
export function citizensFromLog(tickets: LoggedTicket[], serviceTimes: Record<string, Duration>, rng: Random): Citizen[] {
  return [...tickets]
    .sort((a, b) => a.issuedAt - b.issuedAt)
    .map((t) => {
      const served = t.status === 'done' && t.startedAt !== null && t.completedAt !== null;
      const fallback = serviceTimes[t.serviceId] ?? { kind: 'exponential', meanMinutes: 10 };
      return {
        at: t.issuedAt,
        serviceId: t.serviceId,
        priorityId: t.priorityId,
        serviceMs: served ? t.completedAt! - t.startedAt! : sampleMs(fallback, rng),
        // Call → start as it happened, recalls included: the counter waited that long.
        walkUpMs: served && t.firstCalledAt !== null ? t.startedAt! - t.firstCalledAt : 0,
        showsUp: t.status !== 'no-show',
      };
    });
}
