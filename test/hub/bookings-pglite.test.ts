/**
 * The booking relay's statements on the embedded PGlite (the hub's default without DATABASE_URL): a request stored,
 * taken once with its personal part (emptied in the same statement), redelivered without it, answered, found again
 * by its key; one never taken is closed for good by the hub giving up.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPglite, type HubDb } from '../../hub/db/db';
import { migrate } from '../../hub/db/migrations';
import { answerRequests, findRequest, giveUp, openRequest, takeRequests } from '../../hub/routes/book-store';

let db: HubDb;

beforeAll(async () => {
  db = await openPglite(null);
  await migrate(db);
  await db.query("INSERT INTO centers (id, code, name, created_at) VALUES ('c1', 'XA01', 'Xã Một', 0)");
}, 60_000);

afterAll(async () => {
  await db?.close();
});

const part = { kind: 'book' as const, lang: 'vi' as const, serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00' };
const o = { waitMs: 15_000, redeliverMs: 20_000, limit: 20 };

it('takes, redelivers, answers and gives up as on PostgreSQL', async () => {
  const now = 1_000_000;
  const row = await openRequest(db, { centerId: 'c1', key: 'k1', request: part, person: { idNumber: '001190012345' }, now });
  expect(row).toMatchObject({ status: 'pending', fresh: true });
  const taken = await takeRequests(db, 'c1', now + 100, o);
  expect(taken).toEqual([{ ...part, idNumber: '001190012345', id: row.id }]);
  expect((await db.query('SELECT person FROM booking_requests WHERE id = $1', [row.id])).rows).toEqual([{ person: null }]);
  expect(await takeRequests(db, 'c1', now + 200, o)).toEqual([]);
  expect(await giveUp(db, row.id)).toBe(false);
  expect(await takeRequests(db, 'c1', now + 100 + o.redeliverMs + 1, o)).toEqual([{ ...part, id: row.id }]);
  const body = { code: 'K7M2QX', serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00' };
  expect(await answerRequests(db, 'c1', [{ id: row.id, status: 201, body }], now + 500)).toEqual([row.id]);
  expect(await findRequest(db, 'c1', 'k1')).toEqual({ id: row.id, status: 'answered', answer_status: 201, answer: body });

  const never = await openRequest(db, { centerId: 'c1', key: 'k2', request: part, person: { idNumber: '079285001122' }, now });
  expect(await giveUp(db, never.id)).toBe(true);
  expect(await takeRequests(db, 'c1', now + 1_000, o)).toEqual([]);
  expect((await db.query('SELECT status, person FROM booking_requests WHERE id = $1', [never.id])).rows).toEqual([{ status: 'expired', person: null }]);
  // Asked again with the same key: a new delivery of the same request.
  const again = await openRequest(db, { centerId: 'c1', key: 'k2', request: part, person: { idNumber: '079285001122' }, now: now + 2_000 });
  expect(again).toMatchObject({ id: never.id, status: 'pending', fresh: true });
});
