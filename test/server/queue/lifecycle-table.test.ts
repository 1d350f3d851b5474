/** The rules follow the lifecycle table exactly: every command in every live status, accepted iff the table allows it. */
import { describe, expect, it } from 'vitest';
import type { TicketStatus } from '../../../protocol/domain';
import { TICKET_LIFECYCLE, allowedIn, type TicketCommand } from '../../../protocol/ticket-lifecycle';
import type { Command } from '../../../server/queue/commands';
import { RulesHarness } from '../../helpers/queue-fixtures';

const LIVE: TicketStatus[] = ['waiting', 'called', 'serving'];

/** A ticket in `status`, held by ctr-1 unless waiting; no recalls needed before a no-show. */
function ticketIn(status: TicketStatus) {
  const r = new RulesHarness({ settings: { recallsBeforeNoShow: 0 } });
  const t = r.issue('svc-hotich');
  if (status !== 'waiting') r.callNext('ctr-1');
  if (status === 'serving') r.run({ type: 'start', counterId: 'ctr-1', ticketId: t.id });
  return { r, id: t.id };
}

function command(type: TicketCommand, ticketId: string): Command {
  const counterId = 'ctr-1';
  if (type === 'cancel') return { type, ticketId };
  if (type === 'transfer') return { type, counterId, ticketId, toServiceId: 'svc-datdai' };
  return { type, counterId, ticketId };
}

describe('the lifecycle table drives the rules', () => {
  for (const type of Object.keys(TICKET_LIFECYCLE) as TicketCommand[]) {
    for (const status of LIVE) {
      // A counter never holds a waiting ticket: commands on the held ticket meet that refusal first.
      const held = type !== 'call-ticket' && type !== 'cancel';
      if (held && status === 'waiting') continue;
      // A counter holding a ticket calls another through "call next" (which completes it), not "call".
      if (type === 'call-ticket' && status !== 'waiting') continue;
      it(`${type} on a ${status} ticket: ${allowedIn(type, status) ? `→ ${TICKET_LIFECYCLE[type].to}` : 'refused'}`, () => {
        const { r, id } = ticketIn(status);
        if (allowedIn(type, status)) {
          expect(r.run(command(type, id)).ticket!.status).toBe(TICKET_LIFECYCLE[type].to);
        } else {
          expect(r.refuse(command(type, id))).toBe('INVALID_TRANSITION');
          expect(r.ticket(id)!.status).toBe(status);
        }
      });
    }
  }

  it('"call" refuses a ticket no longer waiting', () => {
    const { r, id } = ticketIn('called');
    r.run({ type: 'complete', counterId: 'ctr-1', ticketId: id });
    const other = r.issue('svc-hotich');
    r.callNext('ctr-2');
    expect(allowedIn('call-ticket', 'called')).toBe(false);
    expect(r.refuse({ type: 'call-ticket', counterId: 'ctr-1', ticketId: other.id })).toBe('TICKET_NOT_WAITING');
  });
});
