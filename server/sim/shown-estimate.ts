/**
 * The wait the product shows a citizen at issue: the ticket view POST /api/tickets answers, built by the
 * read model from the position the writer measured at commit. Read here, in one place, so the simulator
 * and the bench measure whatever estimate the read model currently makes.
 */
import type { Ticket } from '../../protocol/domain';
import type { ExecuteResult } from '../core/queue-service';
import { ticketView } from '../queue/read-model';
import type { QueueState } from '../queue/state';

export interface ShownEstimate {
  etaMinutes: number | null;
  /** The likely range, when the read model gives one. */
  etaRange: { low: number; high: number } | null;
  waitingAhead: number | null;
}

export function shownAtIssue(state: QueueState, ticket: Ticket, position: ExecuteResult['position']): ShownEstimate {
  const view: { etaMinutes?: number | null; etaRange?: { low: number; high: number } | null; waitingAhead?: number } = ticketView(state, ticket, '', position);
  return { etaMinutes: view.etaMinutes ?? null, etaRange: view.etaRange ?? null, waitingAhead: view.waitingAhead ?? null };
}
