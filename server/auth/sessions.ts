/**
 * Server-side sessions in SQLite: the cookie holds a random token, the table
 * holds only its SHA-256, so a copied database cannot be used to log in, and
 * sessions survive a restart. Shared by HTTP routes and the /staff socket.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { staffFromRow, type StaffAccount } from '../store/rows';

export const SESSION_COOKIE = 'qm_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export class SessionStore {
  constructor(
    private readonly db: Db,
    private readonly ttlMs: number,
  ) {}

  create(staffId: string, now: number): string {
    const token = randomBytes(32).toString('base64url');
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now);
    this.db.prepare('INSERT INTO sessions (token_hash, staff_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(hashToken(token), staffId, now, now + this.ttlMs);
    return token;
  }

  find(token: string | undefined, now: number): StaffAccount | null {
    if (!token || token.length > 100) return null;
    const row = this.db
      .prepare('SELECT s.* FROM sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ? AND x.expires_at > ? AND s.active = 1')
      .get(hashToken(token), now) as Record<string, unknown> | undefined;
    return row ? staffFromRow(row) : null;
  }

  destroy(token: string | undefined): void {
    if (token) this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(hashToken(token));
  }

  destroyAllFor(staffId: string): void {
    this.db.prepare('DELETE FROM sessions WHERE staff_id = ?').run(staffId);
  }
}

/** Read one cookie from a raw Cookie header (for the socket handshake). */
export function cookieFromHeader(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      try {
        return decodeURIComponent(part.slice(eq + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
