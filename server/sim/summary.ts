/**
 * Waits of a simulated day, per service and per local hour of issue: the same definitions as the reports
 * (wait = issue → first call), over the tickets that were called. Tickets never called (still waiting at
 * the end) are counted apart: their wait is unknown, only longer than what they had waited.
 */
import { percentileInc } from '../reports/stats';
import type { SimTicket } from './types';

export interface WaitStats {
  /** Tickets called (their wait is known). */
  called: number;
  /** Tickets still waiting when the simulation stopped. */
  uncalled: number;
  meanWaitSeconds: number;
  p90WaitSeconds: number;
}

export interface DaySummary {
  overall: WaitStats;
  byService: (WaitStats & { serviceId: string })[];
  /** By the local hour of issue (0–23). */
  byHour: (WaitStats & { hour: number })[];
}

export function waitStats(tickets: SimTicket[]): WaitStats {
  const waits = tickets.filter((t) => t.waitMs !== null).map((t) => t.waitMs! / 1000).sort((a, b) => a - b);
  const mean = waits.length ? waits.reduce((s, w) => s + w, 0) / waits.length : 0;
  return {
    called: waits.length,
    uncalled: tickets.filter((t) => t.waitMs === null && t.outcome === 'waiting').length,
    meanWaitSeconds: mean,
    // PERCENTILE.INC, as the reports compute it.
    p90WaitSeconds: waits.length ? percentileInc(waits, 0.9) : 0,
  };
}

export function summarizeDay(tickets: SimTicket[], dayStart: number): DaySummary {
  const services = [...new Set(tickets.map((t) => t.serviceId))].sort();
  const hourOf = (t: SimTicket) => Math.floor((t.issuedAt - dayStart) / 3_600_000);
  const hours = [...new Set(tickets.map(hourOf))].sort((a, b) => a - b);
  return {
    overall: waitStats(tickets),
    byService: services.map((serviceId) => ({ serviceId, ...waitStats(tickets.filter((t) => t.serviceId === serviceId)) })),
    byHour: hours.map((hour) => ({ hour, ...waitStats(tickets.filter((t) => hourOf(t) === hour)) })),
  };
}
