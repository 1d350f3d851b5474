import type { Ticket } from '../../protocol/domain';

/**
 * First come, first served within a line: by queuedAt (the issue time, kept across transfers, reset by a
 * requeue), then issue time, number and id, so the order is total.
 */
export function compareFifo(a: Ticket, b: Ticket): number {
  return a.queuedAt - b.queuedAt || a.issuedAt - b.issuedAt || a.seqNo - b.seqNo || a.id.localeCompare(b.id);
}
