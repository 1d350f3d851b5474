/** When the kiosk may issue a ticket: service open, inside its hours, under its quota. */
import { describe, expect, it } from 'vitest';
import { RulesHarness, KIOSK } from '../../helpers/queue-fixtures';

const issue = (serviceId: string, priorityId: string | null = null) => ({ type: 'issue' as const, serviceId, priorityId });
// Morning and afternoon windows, Monday–Friday, plus Saturday morning.
const HOURS = [
  { days: [1, 2, 3, 4, 5, 6], from: '07:30', to: '11:30' },
  { days: [1, 2, 3, 4, 5], from: '13:30', to: '17:00' },
];

describe('issuing a ticket', () => {
  it('records a waiting ticket with its issue time as its place in line', () => {
    const r = new RulesHarness();
    const d = r.run({ type: 'issue', serviceId: 'svc-hotich', kioskId: 'kiosk-1' }, KIOSK);
    expect(d.ticket).toMatchObject({ status: 'waiting', serviceId: 'svc-hotich', issuedAt: r.now, queuedAt: r.now, priorityWeight: 0, kioskId: 'kiosk-1', businessDay: '2026-11-23' });
    expect(d.events).toEqual([expect.objectContaining({ type: 'ticket.issued', ticketId: d.ticket!.id, number: 'A001' })]);
  });

  it('copies the priority category weight onto the ticket', () => {
    const r = new RulesHarness();
    expect(r.issue('svc-hotich', 'pri-merit')).toMatchObject({ priorityId: 'pri-merit', priorityWeight: 4 });
  });

  it('refuses an unknown or inactive priority category', () => {
    const r = new RulesHarness({ priorities: { 'pri-child': { active: false } } });
    expect(r.refuse(issue('svc-hotich', 'pri-nope'))).toBe('PRIORITY_NOT_FOUND');
    expect(r.refuse(issue('svc-hotich', 'pri-child'))).toBe('PRIORITY_NOT_FOUND');
    expect(r.state.active.size).toBe(0);
  });

  it('refuses an unknown service', () => {
    expect(new RulesHarness().refuse(issue('svc-nope'))).toBe('SERVICE_NOT_FOUND');
  });

  it('refuses an inactive service with SERVICE_CLOSED', () => {
    const r = new RulesHarness({ services: { 'svc-datdai': { active: false } } });
    expect(r.refuse(issue('svc-datdai'))).toBe('SERVICE_CLOSED');
    expect(r.state.issuedToday.get('svc-datdai')).toBeUndefined();
  });

  it('stops at the daily quota with DAILY_QUOTA_REACHED, counting every ticket issued today', () => {
    const r = new RulesHarness({ services: { 'svc-datdai': { dailyQuota: 2 } } });
    const first = r.issue('svc-datdai');
    r.issue('svc-datdai');
    // A ticket that already left the queue still used up a place of the quota.
    r.run({ type: 'cancel', ticketId: first.id });
    expect(r.refuse(issue('svc-datdai'))).toBe('DAILY_QUOTA_REACHED');
    expect(r.state.issuedToday.get('svc-datdai')).toBe(2);
  });

  describe('opening hours (weekday and time in Asia/Ho_Chi_Minh)', () => {
    const at = (iso: string) => new RulesHarness({ services: { 'svc-hotich': { openingHours: HOURS } } }, Date.parse(iso));

    it.each([
      ['Monday 07:30 local (00:30Z), first minute of the window', '2026-11-23T00:30:00Z'],
      ['Monday 11:29 local', '2026-11-23T04:29:59Z'],
      ['Friday 16:59 local', '2026-11-27T09:59:00Z'],
      ['Saturday 09:00 local', '2026-11-28T02:00:00Z'],
    ])('issues on %s', (_label, iso) => {
      expect(at(iso).issue('svc-hotich').number).toBe('A001');
    });

    it.each([
      ['Monday 07:29 local', '2026-11-23T00:29:59Z'],
      ['Monday 11:30 local (end is exclusive)', '2026-11-23T04:30:00Z'],
      ['Monday 12:00 local, the lunch break', '2026-11-23T05:00:00Z'],
      ['Saturday 14:00 local: Saturday has no afternoon window', '2026-11-28T07:00:00Z'],
      ['Sunday 09:00 local', '2026-11-29T02:00:00Z'],
      ['Monday 01:00 local (Sunday 18:00Z)', '2026-11-22T18:00:00Z'],
    ])('refuses with OUTSIDE_OPENING_HOURS on %s', (_label, iso) => {
      expect(at(iso).refuse(issue('svc-hotich'))).toBe('OUTSIDE_OPENING_HOURS');
    });

    it('judges by the center zone, not by UTC: 09:00Z Monday is 16:00 local (open), 10:30Z is 17:30 (closed)', () => {
      expect(at('2026-11-23T09:00:00Z').issue('svc-hotich').number).toBe('A001');
      expect(at('2026-11-23T10:30:00Z').refuse(issue('svc-hotich'))).toBe('OUTSIDE_OPENING_HOURS');
    });

    it('takes the weekday from the center zone: Sunday 23:30Z is Monday 06:30 in Hanoi', () => {
      const earlyMonday = [{ days: [1], from: '06:00', to: '07:00' }];
      const at2 = (iso: string) => new RulesHarness({ services: { 'svc-hotich': { openingHours: earlyMonday } } }, Date.parse(iso));
      expect(at2('2026-11-22T23:30:00Z').issue('svc-hotich').number).toBe('A001');
      // Monday 23:30Z is Tuesday 06:30 locally: closed although UTC says Monday.
      expect(at2('2026-11-23T23:30:00Z').refuse(issue('svc-hotich'))).toBe('OUTSIDE_OPENING_HOURS');
    });

    it('leaves services without hours open whenever the center runs', () => {
      expect(at('2026-11-29T15:00:00Z').issue('svc-chungthuc').number).toBe('B001');
    });
  });
});
