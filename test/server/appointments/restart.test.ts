/**
 * A check-in cut off between the ticket's commit and the booking's update (a crash): at the next start the
 * booking is found checked in with that ticket, and a retried check-in gets the same ticket, never a second.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { appointmentApp, book, ID_A } from './helpers';

const TEN_AM = Date.UTC(2026, 10, 23, 3, 0, 0);

let t: TestApp | undefined;
afterEach(async () => {
  await t?.destroy();
  t = undefined;
});

describe('check-in across a restart', () => {
  it('finishes a check-in whose ticket was committed, and never issues a second ticket', async () => {
    const r = await appointmentApp();
    t = r.t;
    const { code } = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    r.clock.ms = TEN_AM;
    const ticket = (await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` })).json();
    // As if the process died right after the ticket's commit: the booking row was never updated.
    r.app.db.prepare("UPDATE appointments SET status = 'booked', ticket_id = NULL, checked_in_at = NULL WHERE code = ?").run(code);
    await r.t.close();

    t = await createTestApp({ clock: new FakeClock(TEN_AM + 60_000), dataDir: r.t.dataDir });
    expect(t.app.db.prepare('SELECT status, ticket_id FROM appointments WHERE code = ?').get(code)).toEqual({ status: 'checked-in', ticket_id: ticket.id });
    const again = await t.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(ticket.id);
    expect(t.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get()).toBe(1);
    // Still carrying its slot after the restart.
    expect(t.app.queue.findTicket(ticket.id)!.slotAt).toBe(TEN_AM);
  });

  it('a retry that reaches the server before the restart finished its update gets the same ticket too', async () => {
    const r = await appointmentApp();
    t = r.t;
    const { code } = (await book(r.app, { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A })).json();
    r.clock.ms = TEN_AM;
    const ticket = (await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` })).json();
    r.app.db.prepare("UPDATE appointments SET status = 'booked', ticket_id = NULL, checked_in_at = NULL WHERE code = ?").run(code);
    // Same process: the check-in's key in the queue writer answers the ticket it already issued.
    const again = await r.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect(again.json().id).toBe(ticket.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(r.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get()).toBe(1);
  });
});
