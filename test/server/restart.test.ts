/** Close the app, reopen the same SQLite file: the queue continues exactly. */
import { afterEach, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { publicSnapshot, staffSnapshot } from '../../server/queue/read-model';

let dataDir = '';
afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

const issue = (t: TestApp, serviceId: string, priority?: string) =>
  t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId, ...(priority ? { priority } : {}) } }).then((r) => r.json());

describe('restart', () => {
  it('rebuilds queues, counters, numbering and seq from the database', async () => {
    const clock = new FakeClock();
    const first = await createTestApp({ clock });
    dataDir = first.dataDir;
    const cookie = await loginCookie(first.app);
    for (const s of ['svc-hotich', 'svc-hotich', 'svc-chungthuc', 'svc-cutru']) await issue(first, s);
    await issue(first, 'svc-hotich', 'pri-elderly');
    clock.advance(60_000);
    const called = await first.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie } });
    expect(called.json().ticket.number).toBe('A003');
    await first.app.inject({ method: 'POST', url: '/api/counters/1/start', headers: { cookie }, payload: { ticketId: called.json().ticket.id } });
    await first.app.inject({ method: 'POST', url: '/api/counters/4/pause', headers: { cookie }, payload: { reason: 'Họp giao ban' } });
    const before = staffSnapshot(first.app.queue.state(), clock.now(), []);
    await first.close();

    const second = await createTestApp({ clock, dataDir });
    const after = staffSnapshot(second.app.queue.state(), clock.now(), []);
    expect(after).toEqual(before);
    expect(after.counters.find((c) => c.number === 4)?.state).toMatchObject({ paused: true, pauseReason: 'Họp giao ban' });

    // Numbering continues, no duplicates.
    expect((await issue(second, 'svc-hotich')).number).toBe('A004');
    const cookie2 = await loginCookie(second.app);
    const next = await second.app.inject({ method: 'POST', url: '/api/counters/2/call-next', headers: { cookie: cookie2 } });
    expect(next.json().ticket.number).toBe('B001');
    await second.destroy();
  });

  it('keeps sessions across a restart', async () => {
    const first = await createTestApp();
    dataDir = first.dataDir;
    const cookie = await loginCookie(first.app);
    await first.close();
    const second = await createTestApp({ dataDir });
    const me = await second.app.inject({ url: '/api/auth/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
    expect(me.json().username).toBe('staff1');
    await second.destroy();
  });

  it('starts a new business day at local midnight, not UTC midnight', async () => {
    const clock = new FakeClock(Date.parse('2026-11-23T16:30:00Z')); // 23:30 in Hà Nội
    const first = await createTestApp({ clock });
    dataDir = first.dataDir;
    expect((await issue(first, 'svc-hotich')).number).toBe('A001');
    clock.set('2026-11-23T16:59:59Z');
    expect((await issue(first, 'svc-hotich')).businessDay).toBe('2026-11-23');
    await first.close();

    clock.set('2026-11-23T17:00:00Z'); // 00:00 on the 24th locally
    const second = await createTestApp({ clock, dataDir });
    const ticket = await issue(second, 'svc-hotich');
    expect(ticket).toMatchObject({ number: 'A001', businessDay: '2026-11-24', waitingAhead: 0 });
    const snapshot = publicSnapshot(second.app.queue.state(), clock.now(), []);
    expect(snapshot.stats.find((s) => s.serviceId === 'svc-hotich')?.waiting).toBe(1);
    const expired = second.app.db.prepare("SELECT COUNT(*) FROM ticket_events WHERE type = 'ticket.cancelled' AND json_extract(data, '$.reason') = 'day-end'").pluck().get();
    expect(expired).toBe(2);
    // One roll when the first day opened, one at midnight: listeners reading the state never roll it again.
    expect(second.app.db.prepare("SELECT COUNT(*) FROM ticket_events WHERE type = 'day.rolled'").pluck().get()).toBe(2);
    await second.destroy();
  });
});
