/** Transfers: the citizen keeps the paper number, the place in line and the priority. */
import { describe, expect, it } from 'vitest';
import { MINUTE, RulesHarness } from '../../helpers/queue-fixtures';

const transfer = (ticketId: string, to: { toServiceId?: string; toCounterId?: string }, counterId = 'ctr-1') => ({ type: 'transfer' as const, counterId, ticketId, ...to });

describe('transfer', () => {
  it('to another service keeps issuedAt, queuedAt, number and priority', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich', 'pri-elderly');
    r.tick(10 * MINUTE);
    r.callNext('ctr-1');
    r.run({ type: 'start', counterId: 'ctr-1', ticketId: t.id });
    const d = r.run({ ...transfer(t.id, { toServiceId: 'svc-datdai' }), note: 'hồ sơ đất' });
    expect(d.ticket).toMatchObject({
      status: 'waiting',
      serviceId: 'svc-datdai',
      number: t.number,
      issuedAt: t.issuedAt,
      queuedAt: t.queuedAt,
      priorityId: 'pri-elderly',
      priorityWeight: 3,
      counterId: null,
      startedAt: null,
      recallCount: 0,
      transferCount: 1,
      note: 'hồ sơ đất',
    });
    expect(r.counter('ctr-1').currentTicketId).toBeNull();
    // Its old place in line puts it ahead of anyone who came later to the new service.
    r.issue('svc-datdai', 'pri-elderly');
    expect(r.callNext('ctr-3').id).toBe(t.id);
  });

  it('to a counter: only that counter may call it, and it comes first there', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    r.run(transfer(t.id, { toCounterId: 'ctr-3' }));
    expect(r.ticket(t.id)).toMatchObject({ status: 'waiting', serviceId: 'svc-hotich', targetCounterId: 'ctr-3', queuedAt: t.queuedAt });

    // ctr-1 and ctr-2 serve Hộ tịch but may not take it any more.
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-1' })).toBe('QUEUE_EMPTY');
    expect(r.refuse({ type: 'call-ticket', counterId: 'ctr-2', ticketId: t.id })).toBe('SERVICE_NOT_AT_COUNTER');

    // ctr-3 has an older priority ticket of its own, yet the transferred one goes first.
    r.issue('svc-datdai', 'pri-merit');
    const called = r.callNext('ctr-3');
    expect(called.id).toBe(t.id);
    expect(called.targetCounterId).toBeNull();
  });

  it('to a counter and a service at once', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    r.run(transfer(t.id, { toServiceId: 'svc-bhyt', toCounterId: 'ctr-5' }));
    expect(r.refuse({ type: 'call-next', counterId: 'ctr-4' })).toBe('QUEUE_EMPTY');
    expect(r.callNext('ctr-5')).toMatchObject({ id: t.id, serviceId: 'svc-bhyt' });
  });

  it('refuses without a destination, or to a closed service or inactive counter, and keeps the ticket held', () => {
    const r = new RulesHarness({ services: { 'svc-xaydung': { active: false } }, counters: { 'ctr-4': { active: false } } });
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    expect(r.refuse(transfer(t.id, {}))).toBe('VALIDATION_ERROR');
    expect(r.refuse(transfer(t.id, { toServiceId: 'svc-xaydung' }))).toBe('SERVICE_CLOSED');
    expect(r.refuse(transfer(t.id, { toServiceId: 'svc-nope' }))).toBe('SERVICE_NOT_FOUND');
    expect(r.refuse(transfer(t.id, { toCounterId: 'ctr-4' }))).toBe('COUNTER_INACTIVE');
    expect(r.refuse(transfer(t.id, { toCounterId: 'ctr-9' }))).toBe('COUNTER_NOT_FOUND');
    expect(r.ticket(t.id)).toMatchObject({ status: 'called', counterId: 'ctr-1' });
    expect(r.counter('ctr-1').currentTicketId).toBe(t.id);
  });

  it('counts the ticket as issued once, for the service it was issued for', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    r.run(transfer(t.id, { toServiceId: 'svc-cutru' }));
    expect(r.state.issuedToday.get('svc-hotich')).toBe(1);
    expect(r.state.issuedToday.get('svc-cutru')).toBeUndefined();
    // The next Cư trú ticket is still H001: a transfer takes no number.
    expect(r.issue('svc-cutru').number).toBe('H001');
  });
});
