/** Position and ETA shown on the ticket page and the hall display. */
import { describe, expect, it } from 'vitest';
import { waitingAhead } from '../../../server/queue/routing';
import { avgServiceMinutes, counterView, etaMinutes, serviceStats, ticketPosition } from '../../../server/queue/read-model';
import { MINUTE, RulesHarness } from '../../helpers/queue-fixtures';

describe('waiting ahead', () => {
  it('counts earlier tickets of the same service, and priority tickets even if later', () => {
    const r = new RulesHarness();
    const a1 = r.issue('svc-hotich');
    r.issue('svc-chungthuc'); // another line: not ahead
    const a2 = r.issue('svc-hotich');
    const p = r.issue('svc-hotich', 'pri-elderly');
    const a3 = r.issue('svc-hotich');
    expect([a1, a2, p, a3].map((t) => waitingAhead(r.state, r.ticket(t.id)!))).toEqual([1, 2, 0, 3]);
  });

  it('drops to zero once called', () => {
    const r = new RulesHarness();
    const t = r.issue('svc-hotich');
    r.callNext('ctr-1');
    expect(ticketPosition(r.state, r.ticket(t.id)!)).toEqual({ waitingAhead: 0, etaMinutes: null });
  });
});

describe('ETA', () => {
  it('uses the default service time divided among open counters for the service', () => {
    const r = new RulesHarness();
    // Hộ tịch: 10 min by default, served at ctr-1 and ctr-2.
    for (let i = 0; i < 4; i++) r.issue('svc-hotich');
    const last = [...r.state.active.values()].at(-1)!;
    expect(ticketPosition(r.state, last)).toEqual({ waitingAhead: 3, etaMinutes: 15 });
    r.run({ type: 'pause', counterId: 'ctr-2', reason: 'họp' });
    expect(etaMinutes(r.state, 'svc-hotich', 3)).toBe(30);
  });

  it('switches to today’s mean service time after three served tickets', () => {
    const r = new RulesHarness();
    const hotich = r.state.services.get('svc-hotich')!;
    for (let i = 0; i < 3; i++) {
      r.issue('svc-hotich');
      const t = r.callNext('ctr-1');
      r.run({ type: 'start', counterId: 'ctr-1', ticketId: t.id });
      r.tick(4 * MINUTE);
      r.run({ type: 'complete', counterId: 'ctr-1', ticketId: t.id });
      if (i < 2) expect(avgServiceMinutes(r.state, hotich)).toBe(10);
    }
    expect(avgServiceMinutes(r.state, hotich)).toBe(4);
    expect(etaMinutes(r.state, 'svc-hotich', 5)).toBe(10);
  });

  it('summarises each service for the hall display', () => {
    const r = new RulesHarness();
    r.issue('svc-cutru');
    r.issue('svc-cutru', 'pri-child');
    const stats = serviceStats(r.state).find((s) => s.serviceId === 'svc-cutru')!;
    expect(stats).toMatchObject({ waiting: 2, waitingPriority: 1, issuedToday: 2, servedToday: 0, etaMinutes: 16 });
    expect(counterView(r.state, 'ctr-5')).toMatchObject({ number: 5, currentTicket: null, servedToday: 0 });
  });
});
