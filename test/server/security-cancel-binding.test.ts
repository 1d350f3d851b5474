/**
 * Cancel respects a counter's binding like every other counter command: a staff
 * account cannot cancel the ticket a counter bound to someone else holds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { RulesHarness, STAFF, staffActor } from '../helpers/queue-fixtures';

describe('cancel on a bound counter (rules)', () => {
  it('refuses another staff account the ticket the counter holds; the bound account and directors may', () => {
    const r = new RulesHarness({ counters: { 'ctr-1': { staffId: 'stf-staff2' } } });
    const a = r.issue('svc-hotich');
    const b = r.issue('svc-hotich');
    r.callNext('ctr-1', staffActor(2));
    expect(r.refuse({ type: 'cancel', ticketId: a.id }, STAFF)).toBe('COUNTER_BOUND_TO_OTHER_STAFF');
    expect(r.ticket(a.id)?.status).toBe('called');
    // A waiting ticket belongs to no counter yet: any staff account may cancel it.
    expect(r.run({ type: 'cancel', ticketId: b.id }, STAFF).ticket?.status).toBe('cancelled');
    expect(r.run({ type: 'cancel', ticketId: a.id }, { staffId: 'stf-director', role: 'director' }).counters[0]).toMatchObject({ counterId: 'ctr-1', currentTicketId: null });
  });

  it('lets the bound account cancel its own ticket', () => {
    const r = new RulesHarness({ counters: { 'ctr-1': { staffId: 'stf-staff2' } } });
    const a = r.issue('svc-hotich');
    r.callNext('ctr-1', staffActor(2));
    expect(r.run({ type: 'cancel', ticketId: a.id }, staffActor(2)).ticket?.status).toBe('cancelled');
  });
});

describe('POST /api/tickets/:id/cancel on a bound counter', () => {
  let t: TestApp;
  afterEach(() => t?.destroy());

  it('answers 403 COUNTER_BOUND_TO_OTHER_STAFF, translated, and the ticket stays called', async () => {
    t = await createTestApp();
    const admin = await loginCookie(t.app, 'admin');
    const counter = { number: 1, name: 'Quầy 1', serviceIds: ['svc-hotich'], area: '', staffId: 'stf-staff2', active: true };
    expect((await t.app.inject({ method: 'PUT', url: '/api/admin/counters/ctr-1', headers: { cookie: admin }, payload: counter })).statusCode).toBe(200);
    const ticket = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } })).json();
    const bound = await loginCookie(t.app, 'staff2');
    expect((await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: bound } })).statusCode).toBe(200);

    const other = await loginCookie(t.app, 'staff1');
    const res = await t.app.inject({ method: 'POST', url: `/api/tickets/${ticket.id}/cancel`, headers: { cookie: other }, payload: {} });
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ code: 'COUNTER_BOUND_TO_OTHER_STAFF', message: expect.any(String) });
    expect(t.app.queue.findTicket(ticket.id)?.status).toBe('called');
  });
});
