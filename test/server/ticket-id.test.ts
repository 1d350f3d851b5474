/** Ticket ids: unguessable, url-safe, and exported to CSV exactly as they are. */
import { describe, expect, it } from 'vitest';
import { newTicketId } from '../../server/core/queue-service';
import { cell } from '../../server/reports/csv';

describe('newTicketId', () => {
  it('never starts like a spreadsheet formula, so an exported id is the id itself', () => {
    // Plain base64url starts with '-' once in 64 ids: among 20,000 some 300 would.
    const ids = Array.from({ length: 20_000 }, newTicketId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9][A-Za-z0-9_-]{15}$/);
      expect(cell(id)).toBe(id);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
