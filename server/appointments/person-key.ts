/**
 * The person behind a booking, without keeping who they are: HMAC-SHA-256 of the 12-digit ID number under a
 * per-center key of 32 random bytes, made once and kept in the center's database (appointment_settings). The
 * same number always gives the same key at one center, so the per-person limits hold across services and days;
 * without the database's key the hash cannot be turned back into a number by trying the ~10^12 possible ones.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';

export function personKeySecret(db: Db, centerId: string): Buffer {
  const read = () => db.prepare('SELECT person_key_secret FROM appointment_settings WHERE center_id = ?').pluck().get(centerId) as string | undefined;
  let secret = read();
  if (!secret) {
    // INSERT OR IGNORE: two callers at once still end with one key.
    db.prepare("INSERT OR IGNORE INTO appointment_settings (center_id, settings, person_key_secret) VALUES (?, '{}', ?)").run(centerId, randomBytes(32).toString('hex'));
    secret = read()!;
  }
  return Buffer.from(secret, 'hex');
}

export function personKey(secret: Buffer, idNumber: string): string {
  return createHmac('sha256', secret).update(idNumber, 'utf8').digest('hex');
}
