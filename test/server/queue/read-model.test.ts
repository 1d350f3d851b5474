/** Position and ETA shown on the ticket page and the hall display. */
import { describe, expect, it } from 'vitest';
import { waitingAhead } from '../../../server/queue/waiting-index';
import { avgServiceMinutes, counterView, serviceStats, ticketPosition } from '../../../server/queue/read-model';
import { estimateWait } from '../../../server/queue/estimate';
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
  it('comes from the estimate, with its range, and drops the shared counter that is paused', () => {
    const r = new RulesHarness({ settings: { routing: 'service-order' } });
    // Hộ tịch: 10 min by default, served at ctr-1 and ctr-2.
    for (let i = 0; i < 4; i++) r.issue('svc-hotich');
    const last = [...r.state.active.values()].at(-1)!;
    const both = ticketPosition(r.state, last, false, r.now);
    expect(both).toMatchObject({ waitingAhead: 3, etaMinutes: Math.round(estimateWait(r.state, last, r.now).minutes) });
    expect(both.etaRange!.low).toBeLessThanOrEqual(both.etaMinutes!);
    expect(both.etaRange!.high).toBeGreaterThanOrEqual(both.etaMinutes!);
    r.run({ type: 'pause', counterId: 'ctr-2', reason: 'họp' });
    expect(ticketPosition(r.state, last, false, r.now).etaMinutes).toBeGreaterThan(both.etaMinutes!);
  });

  it('shows today’s mean service time after three served tickets', () => {
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
  });

  it('summarises each service for the hall display', () => {
    const r = new RulesHarness();
    r.issue('svc-cutru');
    r.issue('svc-cutru', 'pri-child');
    const stats = serviceStats(r.state, r.now).find((s) => s.serviceId === 'svc-cutru')!;
    expect(stats).toMatchObject({ waiting: 2, waitingPriority: 1, issuedToday: 2, servedToday: 0 });
    expect(stats.etaMinutes).toBeGreaterThan(0);
    expect(stats.etaRange).toBeDefined();
    expect(counterView(r.state, 'ctr-5')).toMatchObject({ number: 5, currentTicket: null, servedToday: 0 });
  });

  it('never says zero while every counter of the service is busy', () => {
    const r = new RulesHarness({ counters: { 'ctr-4': { active: false } } });
    // Cư trú is served at ctr-5 only.
    r.issue('svc-cutru');
    r.callNext('ctr-5');
    r.tick(30 * MINUTE);
    expect(serviceStats(r.state, r.now).find((s) => s.serviceId === 'svc-cutru')!.etaMinutes).toBeGreaterThanOrEqual(1);
    const t = r.issue('svc-cutru');
    expect(ticketPosition(r.state, r.ticket(t.id)!, true)).toMatchObject({ waitingAhead: 0 });
    expect(ticketPosition(r.state, r.ticket(t.id)!, true).etaMinutes).toBeGreaterThanOrEqual(1);
  });
});
