/**
 * The business day is local to the center (Asia/Ho_Chi_Minh, UTC+7): it turns at
 * 17:00Z, never at UTC midnight. The process runs with TZ=UTC, so a rule that used
 * the host's zone or UTC would roll seven hours off.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { addDays, businessDay, localTime, startOfDay } from '../../../server/queue/calendar';
import { FakeClock } from '../../helpers/clock';
import { CENTER_ID, KIOSK, STAFF, openQueueRig, type QueueRig } from '../../helpers/queue-fixtures';

describe('business day in the center zone', () => {
  it('turns at local midnight: 16:59:59Z is still Monday, 17:00:00Z is Tuesday', () => {
    expect(businessDay(Date.parse('2026-11-23T16:59:59Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-23');
    expect(businessDay(Date.parse('2026-11-23T17:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-24');
  });

  it('does not turn at UTC midnight (07:00 in Hanoi)', () => {
    expect(businessDay(Date.parse('2026-11-23T23:59:59Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-24');
    expect(businessDay(Date.parse('2026-11-24T00:00:00Z'), 'Asia/Ho_Chi_Minh')).toBe('2026-11-24');
  });

  it('gives weekday and time in the center zone', () => {
    // Sunday 23:30Z is Monday 06:30 in Hanoi.
    expect(localTime(Date.parse('2026-11-22T23:30:00Z'), 'Asia/Ho_Chi_Minh')).toMatchObject({ day: '2026-11-23', time: '06:30', weekday: 1, hour: 6 });
  });

  it('finds the instant of local midnight and steps calendar days', () => {
    expect(new Date(startOfDay('2026-11-24', 'Asia/Ho_Chi_Minh')).toISOString()).toBe('2026-11-23T17:00:00.000Z');
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});

describe('day roll-over in the queue service (SQLite)', () => {
  let rig: QueueRig;
  afterEach(() => rig.close());

  const issue = (serviceId: string) => rig.queue.execute(CENTER_ID, { type: 'issue', serviceId }, KIOSK).ticket!;
  const statusOf = (id: string) => rig.db.prepare('SELECT status FROM tickets WHERE id = ?').pluck().get(id);

  it('keeps numbering across UTC midnight, then restarts it at local midnight and expires leftovers', () => {
    const clock = new FakeClock(Date.parse('2026-11-23T16:00:00Z')); // 23:00 Monday in Hanoi
    rig = openQueueRig({ clock });
    const a1 = issue('svc-hotich');
    const a2 = issue('svc-hotich');
    const b1 = issue('svc-chungthuc');
    rig.queue.execute(CENTER_ID, { type: 'call-next', counterId: 'ctr-1' }, STAFF);
    expect(rig.queue.state().businessDay).toBe('2026-11-23');

    clock.set('2026-11-23T16:59:59Z');
    expect(issue('svc-hotich').number).toBe('A003');

    clock.set('2026-11-23T17:00:00Z');
    const fresh = issue('svc-hotich');
    expect(fresh).toMatchObject({ number: 'A001', businessDay: '2026-11-24' });
    expect(issue('svc-chungthuc').number).toBe('B001');

    // Yesterday's tickets, called or waiting, were expired and the counter released.
    for (const t of [a1, a2, b1]) expect(statusOf(t.id)).toBe('cancelled');
    const state = rig.queue.state();
    expect(state.counterStates.get('ctr-1')!.currentTicketId).toBeNull();
    expect(state.active.size).toBe(2);
    expect(state.issuedToday.get('svc-hotich')).toBe(1);

    const rolled = rig.db.prepare("SELECT data FROM ticket_events WHERE type = 'day.rolled' ORDER BY id DESC LIMIT 1").pluck().get() as string;
    expect(JSON.parse(rolled)).toMatchObject({ from: '2026-11-23', to: '2026-11-24', expired: 4 });

    // UTC midnight (07:00 local) is just another morning: no roll, numbering continues.
    clock.set('2026-11-24T00:00:00Z');
    expect(issue('svc-hotich').number).toBe('A002');
    expect(statusOf(fresh.id)).toBe('waiting');
  });

  it('rolls when only read: a display never shows yesterday’s queue', () => {
    const clock = new FakeClock(Date.parse('2026-11-23T10:00:00Z'));
    rig = openQueueRig({ clock });
    const t = issue('svc-cutru');
    clock.set('2026-11-23T17:00:01Z');
    const state = rig.queue.state();
    expect(state.businessDay).toBe('2026-11-24');
    expect(state.active.size).toBe(0);
    expect(statusOf(t.id)).toBe('cancelled');
  });

  it('never rolls back when the clock steps back across midnight (e.g. an NTP correction)', () => {
    const clock = new FakeClock(Date.parse('2026-11-23T16:59:58Z'));
    rig = openQueueRig({ clock });
    expect(issue('svc-hotich').number).toBe('A001');
    clock.set('2026-11-23T17:00:01Z');
    const tuesday = issue('svc-hotich');
    expect(tuesday).toMatchObject({ number: 'A001', businessDay: '2026-11-24' });
    clock.set('2026-11-23T16:59:59Z');
    // Monday's A001 is taken: going back would collide with it and expire Tuesday's queue.
    expect(issue('svc-hotich')).toMatchObject({ number: 'A002', businessDay: '2026-11-24' });
    expect(statusOf(tuesday.id)).toBe('waiting');
    expect(rig.queue.state().businessDay).toBe('2026-11-24');
  });

  it('a restarted service continues the numbering of the day from the database', () => {
    rig = openQueueRig();
    issue('svc-hotich');
    issue('svc-hotich');
    const again = rig.restart();
    expect(again.execute(CENTER_ID, { type: 'issue', serviceId: 'svc-hotich' }, KIOSK).ticket!.number).toBe('A003');
  });

  it('a service restarted on the next day expires the old queue and starts at 001', () => {
    const clock = new FakeClock(Date.parse('2026-11-23T09:00:00Z'));
    rig = openQueueRig({ clock });
    const old = issue('svc-hotich');
    clock.set('2026-11-24T02:00:00Z');
    const again = rig.restart();
    expect(again.execute(CENTER_ID, { type: 'issue', serviceId: 'svc-hotich' }, KIOSK).ticket!.number).toBe('A001');
    expect(statusOf(old.id)).toBe('cancelled');
  });
});
