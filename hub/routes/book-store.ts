/**
 * The hub's side of bookings relayed to centers (hub/README.md, "Bookings on the hub"): the snapshot each center
 * publishes, and the requests citizens make on /book/, waiting for their center's answer. Every change of a request
 * is one conditional UPDATE, so a center taking a request and the hub giving up on it cannot both win.
 *
 *   pending ──(the center's relay takes it; the ID number, phone and name are emptied in the same statement)──▶ taken
 *   taken ──(the center answers)──▶ answered
 *   pending ──(no center took it in time: the hub gives up)──▶ expired (never delivered, so never booked)
 */
import { randomUUID } from 'node:crypto';
import type { BookingAnswer, BookingRequest, BookingSnapshot } from '../../protocol/hub';
import { DomainError } from '../../protocol/errors';
import type { Queryable } from '../db/db';

export interface BookCenter {
  id: string;
  code: string;
  name: string;
}

/** An enrolled center whose credential still works, by its province code; CENTER_NOT_FOUND otherwise. */
export async function centerByCode(db: Queryable, code: string): Promise<BookCenter> {
  const r = await db.query<BookCenter>('SELECT id, code, name FROM centers WHERE code = $1 AND credential_hash IS NOT NULL AND revoked_at IS NULL', [code]);
  if (!r.rows[0]) throw new DomainError('CENTER_NOT_FOUND');
  return r.rows[0];
}

export interface BookCenterListed {
  code: string;
  name: string;
  /** The center's booking relay asked for requests recently: a booking made now reaches it. */
  online: boolean;
  /** It published a snapshot and takes bookings. */
  bookingOpen: boolean;
}

export async function listCenters(db: Queryable, now: number, onlineMs: number): Promise<BookCenterListed[]> {
  const r = await db.query<{ code: string; name: string; polled_at: number | null; enabled: boolean | null }>(
    `SELECT c.code, c.name, b.polled_at, (b.snapshot -> 'info' ->> 'enabled')::boolean AS enabled
     FROM centers c LEFT JOIN booking_centers b ON b.center_id = c.id
     WHERE c.credential_hash IS NOT NULL AND c.revoked_at IS NULL ORDER BY c.name, c.code`,
  );
  return r.rows.map((c) => ({ code: c.code, name: c.name, online: c.polled_at !== null && now - c.polled_at <= onlineMs, bookingOpen: c.enabled === true }));
}

export async function saveSnapshot(db: Queryable, centerId: string, snapshot: BookingSnapshot, now: number): Promise<void> {
  await db.query(
    `INSERT INTO booking_centers (center_id, snapshot, snapshot_at) VALUES ($1, $2::jsonb, $3)
     ON CONFLICT (center_id) DO UPDATE SET snapshot = EXCLUDED.snapshot, snapshot_at = EXCLUDED.snapshot_at`,
    [centerId, JSON.stringify(snapshot), now],
  );
}

export async function readSnapshot(db: Queryable, centerId: string): Promise<{ snapshot: BookingSnapshot | null; polledAt: number | null }> {
  const r = await db.query<{ snapshot: BookingSnapshot | null; polled_at: number | null }>('SELECT snapshot, polled_at FROM booking_centers WHERE center_id = $1', [centerId]);
  return { snapshot: r.rows[0]?.snapshot ?? null, polledAt: r.rows[0]?.polled_at ?? null };
}

export async function markPolled(db: Queryable, centerId: string, now: number): Promise<void> {
  await db.query(
    'INSERT INTO booking_centers (center_id, polled_at) VALUES ($1, $2) ON CONFLICT (center_id) DO UPDATE SET polled_at = EXCLUDED.polled_at',
    [centerId, now],
  );
}

export interface RequestRow {
  id: string;
  status: 'pending' | 'taken' | 'answered' | 'expired';
  answer_status: number | null;
  answer: BookingAnswer['body'] | null;
}

const ROW = 'id, status, answer_status, answer';

type Part = { kind: 'book'; lang: 'vi' | 'en'; serviceId: string; date: string; time: string } | { kind: 'cancel'; lang: 'vi' | 'en'; code: string };

/**
 * Stores a citizen's request, or finds the one made with the same Idempotency-Key: an answered one is answered
 * again, one still open is waited for again; one the hub gave up on (never delivered) is asked again.
 */
export async function openRequest(
  db: Queryable,
  o: { centerId: string; key: string; request: Part; person: Record<string, string> | null; now: number },
): Promise<RequestRow & { fresh: boolean }> {
  const person = o.person ? JSON.stringify(o.person) : null;
  const inserted = await db.query<RequestRow>(
    `INSERT INTO booking_requests (id, center_id, idempotency_key, kind, request, person, status, created_at)
     VALUES ($1, $2, $3, $4, $5::jsonb, $6::jsonb, 'pending', $7) ON CONFLICT (center_id, idempotency_key) DO NOTHING RETURNING ${ROW}`,
    [`bkr-${randomUUID()}`, o.centerId, o.key, o.request.kind, JSON.stringify(o.request), person, o.now],
  );
  if (inserted.rows[0]) return { ...inserted.rows[0], fresh: true };
  const again = await db.query<RequestRow>(
    `UPDATE booking_requests SET status = 'pending', request = $3::jsonb, person = $4::jsonb, created_at = $5, taken_at = NULL
     WHERE center_id = $1 AND idempotency_key = $2 AND status = 'expired' RETURNING ${ROW}`,
    [o.centerId, o.key, JSON.stringify(o.request), person, o.now],
  );
  if (again.rows[0]) return { ...again.rows[0], fresh: true };
  const found = await db.query<RequestRow>(`SELECT ${ROW} FROM booking_requests WHERE center_id = $1 AND idempotency_key = $2`, [o.centerId, o.key]);
  return { ...found.rows[0], fresh: false };
}

export async function findRequest(db: Queryable, centerId: string, key: string): Promise<RequestRow | null> {
  return (await db.query<RequestRow>(`SELECT ${ROW} FROM booking_requests WHERE center_id = $1 AND idempotency_key = $2`, [centerId, key])).rows[0] ?? null;
}

export async function readRequest(db: Queryable, id: string): Promise<RequestRow> {
  return (await db.query<RequestRow>(`SELECT ${ROW} FROM booking_requests WHERE id = $1`, [id])).rows[0];
}

/** The hub stops waiting: a request no center took is closed for good (and its personal part emptied). */
export async function giveUp(db: Queryable, id: string): Promise<boolean> {
  const r = await db.query(`UPDATE booking_requests SET status = 'expired', person = NULL WHERE id = $1 AND status = 'pending'`, [id]);
  return r.rowCount > 0;
}

/**
 * The center's relay takes its open requests: pending ones still inside the hub's wait, and taken ones left
 * unanswered for `redeliverMs` (the answer or the delivery was lost; they come without their personal part, and
 * the center answers from its own record of the request id). The personal part leaves the hub here.
 */
export async function takeRequests(db: Queryable, centerId: string, now: number, o: { waitMs: number; redeliverMs: number; limit: number }): Promise<BookingRequest[]> {
  const r = await db.query<{ id: string; request: Part; person: Record<string, string> | null }>(
    `UPDATE booking_requests b SET status = 'taken', taken_at = $2, person = NULL
     FROM (SELECT id, person FROM booking_requests
           WHERE center_id = $1 AND ((status = 'pending' AND created_at > $3) OR (status = 'taken' AND taken_at < $4))
           ORDER BY created_at LIMIT $5 FOR UPDATE SKIP LOCKED) s
     WHERE b.id = s.id RETURNING b.id, b.request, s.person`,
    [centerId, now, now - o.waitMs, now - o.redeliverMs, o.limit],
  );
  return r.rows.map((x) => ({ ...x.request, ...(x.person ?? {}), id: x.id }) as BookingRequest);
}

/**
 * The center's answers. 410 means "never received, so never booked" (a redelivery the center has no record of):
 * the request is closed like one the hub gave up on, and the citizen's retry asks again.
 */
export async function answerRequests(db: Queryable, centerId: string, answers: BookingAnswer[], now: number): Promise<string[]> {
  const done: string[] = [];
  for (const a of answers) {
    const r =
      a.status === 410
        ? await db.query(`UPDATE booking_requests SET status = 'expired', person = NULL WHERE id = $1 AND center_id = $2 AND status = 'taken'`, [a.id, centerId])
        : await db.query(
            `UPDATE booking_requests SET status = 'answered', answered_at = $3, answer_status = $4, answer = $5::jsonb, person = NULL
             WHERE id = $1 AND center_id = $2 AND status = 'taken'`,
            [a.id, centerId, now, a.status, JSON.stringify(a.body)],
          );
    if (r.rowCount > 0) done.push(a.id);
  }
  return done;
}

/**
 * Housekeeping on every booking or cancel: pending ones past the wait are closed (their node may have stopped
 * waiting without giving up: a crash), no personal part outlives `personMs` whatever happened, and requests are
 * deleted after `keepMs`.
 */
export async function sweepRequests(db: Queryable, now: number, o: { waitMs: number; personMs: number; keepMs: number }): Promise<void> {
  await db.query(`UPDATE booking_requests SET status = 'expired', person = NULL WHERE status = 'pending' AND created_at <= $1`, [now - o.waitMs - 5_000]);
  await db.query('UPDATE booking_requests SET person = NULL WHERE person IS NOT NULL AND created_at <= $1', [now - o.personMs]);
  // A retry comes within minutes; after a day a request and its answer (a booking code) are of no use here.
  await db.query('DELETE FROM booking_requests WHERE created_at <= $1', [now - o.keepMs]);
}
