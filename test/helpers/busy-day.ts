/**
 * A seeded busy day at a center, through the real queue writer: arrivals, calls, service, no-shows, transfers,
 * requeues, recalls and cancellations, with what counters still hold at the end left open. Two report tests drive
 * it (the center's rollups against its ticket-by-ticket summary, the hub's rollups against the center's report).
 */
import type { Actor } from '../../server/queue/commands';
import { BUCKET_EDGES, bucketOf } from '../../hub/ingest/rollup';
import type { TestApp } from './app';
import type { FakeClock } from './clock';

const KIOSK: Actor = { staffId: null, role: 'public' };
const STAFF: Actor[] = [
  { staffId: 'stf-staff1', role: 'staff' },
  { staffId: 'stf-staff2', role: 'staff' },
  { staffId: 'stf-staff3', role: 'staff' },
];
const SERVICES = ['svc-hotich', 'svc-chungthuc', 'svc-datdai', 'svc-cutru'];
const COUNTERS = ['ctr-1', 'ctr-2', 'ctr-3'];

export interface BusyDay {
  seed: number;
  steps: number;
  /** The longest pause between two steps. */
  maxGapMs: number;
  /** After each completed ticket, with the day's random source (e.g. a rating). */
  completed?: (ticketId: string, counterId: string, random: () => number) => void;
}

export function workBusyDay(app: TestApp['app'], clock: FakeClock, day: BusyDay): void {
  let s = day.seed;
  const r = () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const q = app.queue;
  const c = q.defaultCenterId;
  const held = new Map<string, { id: string; started: boolean }>();
  const tryDo = (fn: () => unknown) => {
    try {
      fn();
    } catch {
      // A refusal (empty queue, busy counter) changes nothing: the day goes on.
    }
  };
  const anyService = () => SERVICES[Math.floor(r() * SERVICES.length)];
  for (let step = 0; step < day.steps; step++) {
    clock.advance(Math.floor(r() * day.maxGapMs));
    if (r() < 0.3) {
      tryDo(() => q.execute(c, { type: 'issue', serviceId: anyService() }, KIOSK));
      continue;
    }
    const i = Math.floor(r() * COUNTERS.length);
    const counterId = COUNTERS[i];
    const actor = STAFF[i];
    const h = held.get(counterId);
    if (!h) {
      if (r() < 0.5) {
        tryDo(() => {
          const t = q.execute(c, { type: 'call-next', counterId }, actor).ticket;
          if (t) held.set(counterId, { id: t.id, started: false });
        });
      }
      continue;
    }
    const y = r();
    if (!h.started) {
      if (y < 0.6) tryDo(() => (q.execute(c, { type: 'start', counterId, ticketId: h.id }, actor), (h.started = true)));
      else if (y < 0.7) tryDo(() => (q.execute(c, { type: 'no-show', counterId, ticketId: h.id }, actor), held.delete(counterId)));
      else if (y < 0.8) tryDo(() => (q.execute(c, { type: 'transfer', counterId, ticketId: h.id, toServiceId: anyService() }, actor), held.delete(counterId)));
      else if (y < 0.85) tryDo(() => (q.execute(c, { type: 'requeue', counterId, ticketId: h.id }, actor), held.delete(counterId)));
      else tryDo(() => q.execute(c, { type: 'recall', counterId, ticketId: h.id }, actor));
    } else if (y < 0.4) {
      tryDo(() => {
        q.execute(c, { type: 'complete', counterId, ticketId: h.id }, actor);
        held.delete(counterId);
        day.completed?.(h.id, counterId, r);
      });
    }
    if (r() < 0.02) {
      const waiting = [...q.state(c).active.values()].find((t) => t.status === 'waiting');
      if (waiting) tryDo(() => q.execute(c, { type: 'cancel', ticketId: waiting.id }, KIOSK));
    }
  }
}

/** How wide the histogram bucket holding `seconds` is: a percentile from the rollups is exact to within it. */
export function bucketWidthAt(seconds: number): number {
  const b = bucketOf(Math.floor(seconds));
  return b + 1 < BUCKET_EDGES.length ? BUCKET_EDGES[b + 1] - BUCKET_EDGES[b] : Infinity;
}
