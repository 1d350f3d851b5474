/**
 * Centers and their trust. An admin creates a center and gets a one-time enrolment code (shown once, kept as a
 * SHA-256, valid HUB_ENROLMENT_DAYS); the center spends it once and receives a long-lived credential
 * `<centerId>.<token>` (32 random bytes; the hub keeps only the SHA-256 of the token, compared in constant time).
 * The credential alone says which center is calling: nothing in a request body ever does. Revoking clears the
 * hash, so the old credential gets 401 at once on every node; a new enrolment code lets the center join again.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { DomainError } from '../protocol/errors';
import type { Queryable } from './db/db';
import { sha256 } from './auth';

/** No 0/O, 1/I/L: read over the phone to a commune's admin. */
const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrolmentCode(): string {
  const bytes = randomBytes(12);
  const chars = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4, 8)}-${chars.slice(8, 12)}`;
}

/** Case, spaces and dashes do not matter when the code is typed. */
export const normalizeEnrolmentCode = (code: string) => code.toUpperCase().replace(/[\s-]/g, '');

export interface CenterRow {
  id: string;
  code: string;
  name: string;
}

export async function createCenter(db: Queryable, input: { code: string; name: string }, now: number, enrolmentDays: number): Promise<CenterRow & { enrolmentCode: string; enrolmentExpiresAt: number }> {
  const id = `ctr-${randomUUID()}`;
  const enrolmentCode = newEnrolmentCode();
  const expiresAt = now + enrolmentDays * 86_400_000;
  const r = await db.query(
    `INSERT INTO centers (id, code, name, created_at, enrolment_code_hash, enrolment_expires_at) VALUES ($1, $2, $3, $4, $5, $6)
     ON CONFLICT (code) DO NOTHING RETURNING id`,
    [id, input.code, input.name, now, sha256(normalizeEnrolmentCode(enrolmentCode)), expiresAt],
  );
  if (r.rows.length === 0) throw new DomainError('CODE_TAKEN', { code: input.code });
  return { id, code: input.code, name: input.name, enrolmentCode, enrolmentExpiresAt: expiresAt };
}

/** A new one-time code for an existing center (lost credential, revoked link); the old code stops working. */
export async function renewEnrolmentCode(db: Queryable, centerId: string, now: number, enrolmentDays: number): Promise<{ enrolmentCode: string; enrolmentExpiresAt: number }> {
  const enrolmentCode = newEnrolmentCode();
  const expiresAt = now + enrolmentDays * 86_400_000;
  const r = await db.query('UPDATE centers SET enrolment_code_hash = $2, enrolment_expires_at = $3 WHERE id = $1', [centerId, sha256(normalizeEnrolmentCode(enrolmentCode)), expiresAt]);
  if (r.rowCount === 0) throw new DomainError('CENTER_NOT_FOUND');
  return { enrolmentCode, enrolmentExpiresAt: expiresAt };
}

/** Spends a code: the center gets a fresh credential (any earlier one stops working). */
export async function enrol(db: Queryable, enrolmentCode: string, now: number): Promise<CenterRow & { credential: string }> {
  const token = randomBytes(32).toString('base64url');
  const r = await db.query<{ id: string; code: string; name: string }>(
    `UPDATE centers SET enrolment_code_hash = NULL, enrolment_expires_at = NULL, credential_hash = $2, enrolled_at = $3, revoked_at = NULL
     WHERE enrolment_code_hash = $1 AND enrolment_expires_at > $3 RETURNING id, code, name`,
    [sha256(normalizeEnrolmentCode(enrolmentCode)), sha256(token), now],
  );
  const row = r.rows[0];
  if (!row) throw new DomainError('ENROLMENT_CODE_INVALID');
  return { id: row.id, code: row.code, name: row.name, credential: `${row.id}.${token}` };
}

/** The center a `Bearer` credential belongs to, or HUB_CREDENTIAL_INVALID. */
export async function centerOfCredential(db: Queryable, authorization: string | undefined): Promise<string> {
  const m = /^Bearer\s+(ctr-[0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/.exec(authorization ?? '');
  if (!m) throw new DomainError('HUB_CREDENTIAL_INVALID');
  const [, centerId, token] = m;
  const r = await db.query<{ credential_hash: string | null }>('SELECT credential_hash FROM centers WHERE id = $1', [centerId]);
  const stored = r.rows[0]?.credential_hash;
  // Compared even when there is no row or no hash, so the answer takes the same time either way.
  const expected = Buffer.from(stored ?? '0'.repeat(64), 'hex');
  const actual = Buffer.from(sha256(token), 'hex');
  if (!stored || !timingSafeEqual(actual, expected)) throw new DomainError('HUB_CREDENTIAL_INVALID');
  return centerId;
}

export async function revokeCredential(db: Queryable, centerId: string, now: number): Promise<void> {
  const r = await db.query('UPDATE centers SET credential_hash = NULL, revoked_at = $2 WHERE id = $1', [centerId, now]);
  if (r.rowCount === 0) throw new DomainError('CENTER_NOT_FOUND');
}
