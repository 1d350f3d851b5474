/**
 * Five counters pressing "call next" at once, over real HTTP: the single writer
 * must hand every ticket out exactly once, skip none, and the event log must
 * tell the same story as the answers.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { MONDAY_9AM } from '../../helpers/queue-fixtures';
import { COUNTER_IDS, PRIORITY_IDS, SERVICE_IDS } from './model';

const TICKETS = 200;
const PARALLEL_PER_COUNTER = 8;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(MONDAY_9AM) });
  await t.listen();
});
afterAll(() => t.destroy());

const post = (path: string, body: object, headers: Record<string, string> = {}) =>
  fetch(`${t.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });

const scalar = (sql: string) => t.app.db.prepare(sql).pluck().get() as number;

describe('parallel call-next over HTTP', () => {
  // The time limit only guards against a hang: the suite shares the CPUs with other files.
  it('calls every ticket exactly once across five counters', async () => {
    // Issued in parallel too: numbers must come out unique per service.
    const issued = await Promise.all(
      Array.from({ length: TICKETS }, async (_, i) => {
        const res = await post('/api/tickets', { serviceId: SERVICE_IDS[i % SERVICE_IDS.length], priorityId: i % 7 === 0 ? PRIORITY_IDS[i % PRIORITY_IDS.length] : null });
        expect(res.status).toBe(201);
        return (await res.json()) as { id: string; number: string; serviceId: string };
      }),
    );
    expect(new Set(issued.map((x) => `${x.serviceId}/${x.number}`)).size).toBe(TICKETS);

    const cookies = await Promise.all(COUNTER_IDS.map((_, i) => loginCookie(t.app, `staff${i + 1}`)));

    const calls: { ticketId: string; counterId: string }[] = [];
    let rounds = 0;
    for (;;) {
      rounds++;
      expect(rounds, 'the queue drains in a bounded number of rounds').toBeLessThan(100);
      const answers = await Promise.all(
        COUNTER_IDS.flatMap((counterId, i) =>
          Array.from({ length: PARALLEL_PER_COUNTER }, async () => {
            const res = await post(`/api/counters/${counterId}/call-next`, {}, { cookie: cookies[i] });
            return { counterId, status: res.status, body: (await res.json()) as { code?: string; ticket?: { id: string; counterId: string; status: string } } };
          }),
        ),
      );
      for (const a of answers) {
        if (a.status === 404) {
          expect(a.body.code).toBe('QUEUE_EMPTY');
          continue;
        }
        expect(a.status, JSON.stringify(a.body)).toBe(200);
        expect(a.body.ticket).toMatchObject({ counterId: a.counterId, status: 'called' });
        calls.push({ ticketId: a.body.ticket!.id, counterId: a.counterId });
      }
      if (answers.every((a) => a.status === 404)) break;
    }

    // Every ticket called at most once, and none skipped.
    const calledIds = calls.map((c) => c.ticketId);
    expect(new Set(calledIds).size).toBe(calledIds.length);
    expect([...calledIds].sort()).toEqual(issued.map((x) => x.id).sort());

    // The event log agrees with the answers, ticket by ticket.
    const calledEvents = t.app.db.prepare("SELECT ticket_id AS ticketId, counter_id AS counterId FROM ticket_events WHERE type = 'ticket.called' ORDER BY id").all();
    expect(calledEvents).toHaveLength(TICKETS);
    expect(new Set(calledEvents.map((e) => (e as { ticketId: string }).ticketId)).size).toBe(TICKETS);
    expect([...calledEvents].sort(byTicket)).toEqual([...calls].sort(byTicket));

    // Each counter has a service no other counter serves, so each called at least once and
    // still holds its last ticket; every other call was completed by the next call.
    const holding = scalar("SELECT COUNT(*) FROM counters WHERE current_ticket_id IS NOT NULL");
    expect(holding).toBe(COUNTER_IDS.length);
    expect(scalar("SELECT COUNT(*) FROM ticket_events WHERE type = 'ticket.issued'")).toBe(TICKETS);
    expect(scalar("SELECT COUNT(*) FROM ticket_events WHERE type = 'ticket.completed'")).toBe(TICKETS - holding);
    expect(scalar("SELECT COUNT(*) FROM tickets WHERE status = 'done'")).toBe(TICKETS - holding);
    expect(scalar("SELECT COUNT(*) FROM tickets WHERE status = 'called'")).toBe(holding);
    expect(scalar("SELECT COUNT(*) FROM tickets WHERE status = 'waiting'")).toBe(0);

    // One seq per committed command, no gaps: what lets clients detect a missed broadcast.
    const seq = scalar("SELECT seq FROM centers WHERE id = 'demo'");
    expect(scalar('SELECT COUNT(DISTINCT seq) FROM ticket_events')).toBe(seq);
    expect(scalar('SELECT MAX(seq) FROM ticket_events')).toBe(seq);
    expect(t.app.queue.state().seq).toBe(seq);
  }, 120_000);
});

function byTicket(a: unknown, b: unknown): number {
  return (a as { ticketId: string }).ticketId.localeCompare((b as { ticketId: string }).ticketId);
}
