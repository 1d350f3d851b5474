import { describe, expect, it } from 'vitest';
import { ticketNumber } from '../../../server/queue/numbering';
import { DEMO_SERVICES } from '../../../server/seed/demo-center';
import { RulesHarness } from '../../helpers/queue-fixtures';

const hotich = DEMO_SERVICES[0];

describe('ticket numbers', () => {
  it('pads the sequence after the service prefix', () => {
    expect(ticketNumber(hotich, 1, 3)).toBe('A001');
    expect(ticketNumber(hotich, 42, 3)).toBe('A042');
    expect(ticketNumber(hotich, 7, 4)).toBe('A0007');
  });

  it('counts from numberStart and stops after numberEnd (inclusive)', () => {
    const plain = { ...hotich, prefix: '', numberStart: 1001, numberEnd: 1003 };
    expect([1, 2, 3, 4].map((n) => ticketNumber(plain, n, 3))).toEqual(['1001', '1002', '1003', null]);
  });

  it('numbers each service on its own, in issue order', () => {
    const r = new RulesHarness();
    const issued = ['svc-hotich', 'svc-chungthuc', 'svc-hotich', 'svc-datdai', 'svc-hotich'].map((s) => r.issue(s).number);
    expect(issued).toEqual(['A001', 'B001', 'A002', 'C001', 'A003']);
    expect(r.state.lastSeqNo.get('svc-hotich')).toBe(3);
  });

  it('keeps counting after tickets leave the queue (a number is never reused in a day)', () => {
    const r = new RulesHarness();
    const first = r.issue('svc-hotich');
    r.run({ type: 'cancel', ticketId: first.id });
    const second = r.issue('svc-hotich');
    expect(second.number).toBe('A002');
  });

  it('refuses with NUMBER_RANGE_EXHAUSTED past numberEnd and issues nothing', () => {
    const r = new RulesHarness({ services: { 'svc-hotich': { numberStart: 998, numberEnd: 999 } } });
    expect([r.issue('svc-hotich').number, r.issue('svc-hotich').number]).toEqual(['A998', 'A999']);
    expect(r.refuse({ type: 'issue', serviceId: 'svc-hotich' })).toBe('NUMBER_RANGE_EXHAUSTED');
    expect(r.state.active.size).toBe(2);
    // Other services are unaffected by one service running out.
    expect(r.issue('svc-chungthuc').number).toBe('B001');
  });
});
