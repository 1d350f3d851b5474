/** A ticket's way through one counter: called → serving → done, and the side exits. */
import { describe, expect, it } from 'vitest';
import { MINUTE, RulesHarness } from '../../helpers/queue-fixtures';

const held = (type: 'recall' | 'start' | 'complete' | 'no-show' | 'requeue', ticketId: string, counterId = 'ctr-1') => ({ type, counterId, ticketId });

describe('ticket lifecycle at a counter', () => {
  it('goes called → serving → done, timestamps each step and frees the counter', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    r.tick(5 * MINUTE);
    const calledAt = r.now;
    r.callNext('ctr-1');
    expect(r.ticket(t.id)).toMatchObject({ status: 'called', counterId: 'ctr-1', staffId: 'stf-staff1', calledAt, firstCalledAt: calledAt });
    expect(r.counter('ctr-1').currentTicketId).toBe(t.id);

    const startedAt = r.now;
    r.run(held('start', t.id));
    expect(r.ticket(t.id)).toMatchObject({ status: 'serving', startedAt });

    r.tick(7 * MINUTE);
    const d = r.run(held('complete', t.id));
    expect(d.ticket).toMatchObject({ status: 'done', startedAt, completedAt: r.now });
    expect(r.ticket(t.id)).toBeUndefined(); // finished tickets leave the live state
    expect(r.counter('ctr-1').currentTicketId).toBeNull();
    expect(r.state.servedByService.get('svc-hotich')).toEqual({ count: 1, serviceMs: 7 * MINUTE });
    expect(r.state.servedByCounter.get('ctr-1')).toBe(1);
  });

  it('completes a called ticket that was never started, counting service from the call', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    const calledAt = r.now;
    r.callNext('ctr-1');
    expect(r.run(held('complete', t.id)).ticket).toMatchObject({ status: 'done', startedAt: calledAt });
  });

  it('recall keeps the ticket at the counter and counts each recall', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    r.run(held('recall', t.id));
    r.tick(1000);
    const d = r.run(held('recall', t.id));
    expect(d.ticket).toMatchObject({ status: 'called', recallCount: 2, calledAt: r.now, counterId: 'ctr-1' });
    expect(d.events).toEqual([expect.objectContaining({ type: 'ticket.recalled', recallCount: 2 })]);
    expect(r.state.recentCalls.map((c) => c.recall)).toEqual([true, true, false]);
  });

  it('recall, no-show and requeue are only for a called ticket, not one being served', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    r.run(held('start', t.id));
    for (const type of ['recall', 'no-show', 'requeue', 'start'] as const) expect(r.refuse(held(type, t.id))).toBe('INVALID_TRANSITION');
  });

  it('allows no-show only after the configured number of recalls', () => {
    const r = new RulesHarness({ settings: { recallsBeforeNoShow: 2 } });
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    expect(r.refuse(held('no-show', t.id))).toBe('NO_SHOW_TOO_EARLY');
    r.run(held('recall', t.id));
    expect(r.refuse(held('no-show', t.id))).toBe('NO_SHOW_TOO_EARLY');
    r.run(held('recall', t.id));
    expect(r.run(held('no-show', t.id)).ticket).toMatchObject({ status: 'no-show', recallCount: 2, completedAt: r.now });
    expect(r.counter('ctr-1').currentTicketId).toBeNull();
    expect(r.state.active.has(t.id)).toBe(false);
  });

  it('refuses to act on a ticket the counter does not hold', () => {
    const r = new RulesHarness();
    const a = r.issue('svc-hotich');
    const b = r.issue('svc-hotich');
    r.callNext('ctr-1');
    expect(r.refuse(held('complete', b.id))).toBe('TICKET_NOT_AT_COUNTER'); // still waiting
    expect(r.refuse(held('complete', a.id, 'ctr-2'))).toBe('TICKET_NOT_AT_COUNTER'); // held elsewhere
    expect(r.refuse(held('complete', 'missing'))).toBe('TICKET_NOT_FOUND');
    expect(r.ticket(a.id)!.status).toBe('called');
  });

  describe('requeue (skip)', () => {
    it('sends the ticket back to waiting at the back of its line, keeping its priority', () => {
      const r = new RulesHarness();
      const a = r.issue('svc-hotich', 'pri-child');
      const b = r.issue('svc-hotich', 'pri-child');
      r.callNext('ctr-1');
      const d = r.run(held('requeue', a.id));
      expect(d.ticket).toMatchObject({ status: 'waiting', queuedAt: r.now, issuedAt: a.issuedAt, counterId: null, calledAt: null, priorityWeight: 2 });
      expect(r.counter('ctr-1').currentTicketId).toBeNull();
      r.tick(1000);
      expect(r.callNext('ctr-1').id).toBe(b.id);
      r.run(held('complete', b.id));
      expect(r.callNext('ctr-1').id).toBe(a.id);
      expect(r.ticket(a.id)!.firstCalledAt).toBeLessThan(r.ticket(a.id)!.calledAt!);
    });
  });

  describe('cancel', () => {
    it('cancels a waiting ticket', () => {
      const r = new RulesHarness();
      const t = r.issue('svc-hotich');
      expect(r.run({ type: 'cancel', ticketId: t.id, reason: 'left' }).ticket).toMatchObject({ status: 'cancelled', completedAt: r.now });
      expect(r.state.active.size).toBe(0);
    });

    it('cancels a called ticket and frees its counter', () => {
      const r = new RulesHarness();
      const t = r.issue('svc-hotich');
      r.callNext('ctr-2');
      r.run({ type: 'cancel', ticketId: t.id });
      expect(r.counter('ctr-2').currentTicketId).toBeNull();
    });

    it('refuses to cancel a ticket being served, or one already finished', () => {
      const r = new RulesHarness();
      const t = r.issue('svc-hotich');
      r.callNext('ctr-1');
      r.run(held('start', t.id));
      expect(r.refuse({ type: 'cancel', ticketId: t.id })).toBe('INVALID_TRANSITION');
      r.run(held('complete', t.id));
      expect(r.refuse({ type: 'cancel', ticketId: t.id })).toBe('TICKET_NOT_FOUND');
    });
  });

  describe('pause and resume', () => {
    it('pauses with a reason, refuses calls while paused, resumes', () => {
      const r = new RulesHarness();
      r.issue('svc-hotich');
      const d = r.run({ type: 'pause', counterId: 'ctr-1', reason: 'Nghỉ trưa' });
      expect(d.events).toEqual([expect.objectContaining({ type: 'counter.paused', reason: 'Nghỉ trưa' })]);
      expect(r.counter('ctr-1')).toMatchObject({ paused: true, pauseReason: 'Nghỉ trưa' });
      expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' })).toBe('COUNTER_PAUSED');
      expect(r.refuse({ type: 'pause', counterId: 'ctr-1', reason: 'again' })).toBe('COUNTER_PAUSED');
      r.run({ type: 'resume', counterId: 'ctr-1' });
      expect(r.counter('ctr-1')).toMatchObject({ paused: false, pauseReason: null });
      expect(r.refuse({ type: 'resume', counterId: 'ctr-1' })).toBe('COUNTER_NOT_PAUSED');
      expect(r.callNext('ctr-1').number).toBe('A001');
    });

    it('refuses to pause while holding a ticket (it would be stranded)', () => {
      const r = new RulesHarness();
      r.issue('svc-hotich');
      r.callNext('ctr-1');
      expect(r.refuse({ type: 'pause', counterId: 'ctr-1', reason: 'x' })).toBe('COUNTER_BUSY');
    });

    it('refuses commands at an unknown or inactive counter', () => {
      const r = new RulesHarness({ counters: { 'ctr-5': { active: false } } });
      r.issue('svc-cutru');
      expect(r.refuse({ type: 'call-next', counterId: 'ctr-9' })).toBe('COUNTER_NOT_FOUND');
      expect(r.refuse({ type: 'call-next', counterId: 'ctr-5' })).toBe('COUNTER_INACTIVE');
    });
  });
});
