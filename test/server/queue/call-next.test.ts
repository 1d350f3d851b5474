/** "Call next" with a ticket still held, on an empty queue, from a stale screen, by the wrong person. */
import { describe, expect, it } from 'vitest';
import { RulesHarness, STAFF, staffActor } from '../../helpers/queue-fixtures';

describe('call next', () => {
  it("completes the held ticket first when callNextWhileServing is 'complete'", () => {
    const r = new RulesHarness({ settings: { callNextWhileServing: 'complete' } });
    const a = r.issue('svc-hotich');
    const b = r.issue('svc-hotich');
    r.callNext('ctr-1');
    const d = r.run({ type: 'call-next', counterId: 'ctr-1' });
    expect(d.events.map((e) => e.type)).toEqual(['ticket.completed', 'ticket.called']);
    expect(d.events[0]).toMatchObject({ ticketId: a.id, auto: true });
    expect(d.ticket!.id).toBe(b.id);
    expect(r.state.active.has(a.id)).toBe(false);
    expect(r.state.servedByCounter.get('ctr-1')).toBe(1);
    expect(r.counter('ctr-1').currentTicketId).toBe(b.id);
  });

  it("refuses with COUNTER_BUSY when callNextWhileServing is 'refuse'", () => {
    const r = new RulesHarness({ settings: { callNextWhileServing: 'refuse' } });
    const a = r.issue('svc-hotich');
    r.issue('svc-hotich');
    r.callNext('ctr-1');
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' })).toBe('COUNTER_BUSY');
    expect(r.ticket(a.id)!.status).toBe('called');
  });

  it('on an empty queue refuses with QUEUE_EMPTY and leaves the held ticket alone', () => {
    const r = new RulesHarness({ settings: { callNextWhileServing: 'complete' } });
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' })).toBe('QUEUE_EMPTY');
    const a = r.issue('svc-hotich');
    r.callNext('ctr-1');
    r.run({ type: 'start', counterId: 'ctr-1', ticketId: a.id });
    const seq = r.state.seq;
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' })).toBe('QUEUE_EMPTY');
    expect(r.ticket(a.id)!.status).toBe('serving');
    expect(r.counter('ctr-1').currentTicketId).toBe(a.id);
    expect(r.state.seq).toBe(seq);
  });

  it('only sees tickets of its own services', () => {
    const r = new RulesHarness();
    r.issue('svc-datdai');
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' })).toBe('QUEUE_EMPTY');
    expect(r.callNext('ctr-3').number).toBe('C001');
  });

  it('refuses with STALE_STATE when the screen believes it holds another ticket', () => {
    const r = new RulesHarness();
    const a = r.issue('svc-hotich');
    r.issue('svc-hotich');
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1', expectedCurrentTicketId: 'someone-else' })).toBe('STALE_STATE');
    r.run({ type: 'call-next', counterId: 'ctr-1', expectedCurrentTicketId: null });
    // A double click: the second press still believes nothing is held.
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1', expectedCurrentTicketId: null })).toBe('STALE_STATE');
    expect(r.run({ type: 'call-next', counterId: 'ctr-1', expectedCurrentTicketId: a.id }).ticket!.number).toBe('A002');
  });

  it('refuses a counter bound to another staff member, but lets the bound one and directors work', () => {
    const r = new RulesHarness({ counters: { 'ctr-1': { staffId: 'stf-staff2' } } });
    r.issue('svc-hotich');
    r.issue('svc-hotich');
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' }, STAFF)).toBe('COUNTER_BOUND_TO_OTHER_STAFF');
    expect(r.refuse({ type: 'pause', counterId: 'ctr-1', reason: 'x' }, STAFF)).toBe('COUNTER_BOUND_TO_OTHER_STAFF');
    expect(r.callNext('ctr-1', staffActor(2)).number).toBe('A001');
    expect(r.refuse({ type: 'complete', counterId: 'ctr-1', ticketId: r.counter('ctr-1').currentTicketId! }, STAFF)).toBe('COUNTER_BOUND_TO_OTHER_STAFF');
    expect(r.callNext('ctr-1', { staffId: 'stf-director', role: 'director' }).number).toBe('A002');
  });

  describe('call a specific ticket', () => {
    it('calls a waiting ticket out of order', () => {
      const r = new RulesHarness();
      r.issue('svc-hotich');
      const b = r.issue('svc-hotich');
      const d = r.run({ type: 'call-ticket', counterId: 'ctr-1', ticketId: b.id });
      expect(d.ticket).toMatchObject({ id: b.id, status: 'called', counterId: 'ctr-1' });
      expect(d.events).toEqual([expect.objectContaining({ type: 'ticket.called', specific: true })]);
    });

    it('refuses tickets not waiting or not served here', () => {
      const r = new RulesHarness();
      const a = r.issue('svc-hotich');
      const c = r.issue('svc-datdai');
      r.callNext('ctr-2');
      expect(r.refuse({ type: 'call-ticket', counterId: 'ctr-1', ticketId: a.id })).toBe('TICKET_NOT_WAITING');
      expect(r.refuse({ type: 'call-ticket', counterId: 'ctr-1', ticketId: c.id })).toBe('SERVICE_NOT_AT_COUNTER');
      expect(r.refuse({ type: 'call-ticket', counterId: 'ctr-1', ticketId: 'missing' })).toBe('TICKET_NOT_FOUND');
    });
  });
});
