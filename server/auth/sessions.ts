/**
 * Server-side sessions in SQLite: the cookie holds a random token, the table
 * holds only its SHA-256, so a copied database cannot be used to log in, and
 * sessions survive a restart. Shared by HTTP routes and the /staff socket.
 *
 * Every way a session ends (logout, password change, an admin's reset, role change
 * or deactivation) goes through `end…` here and is announced to `onEnded`
 * listeners, so the sockets opened with those sessions close at once. (Expiry ends
 * nothing here: each /staff socket keeps its session's expiry and closes itself then.)
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../store/db';
import { staffFromRow, type StaffAccount } from '../store/rows';

export const SESSION_COOKIE = 'qm_session';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Sessions that just ended, by the SHA-256 of their tokens. */
export interface SessionsEnded {
  staffId: string;
  tokenHashes: string[];
}

export interface LiveSession {
  staff: StaffAccount;
  tokenHash: string;
  expiresAt: number;
}

export class SessionStore {
  private readonly endedListeners = new Set<(ended: SessionsEnded) => void>();

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
    return this.findSession(token, now)?.staff ?? null;
  }

  findSession(token: string | undefined, now: number): LiveSession | null {
    if (!token || token.length > 100) return null;
    return this.findByHash(hashToken(token), now);
  }

  /** The session behind a token hash, if it still stands (not ended, not expired, account active). */
  findByHash(tokenHash: string, now: number): LiveSession | null {
    const row = this.db
      .prepare('SELECT s.*, x.expires_at AS session_expires_at FROM sessions x JOIN staff s ON s.id = x.staff_id WHERE x.token_hash = ? AND x.expires_at > ? AND s.active = 1')
      .get(tokenHash, now) as Record<string, unknown> | undefined;
    return row ? { staff: staffFromRow(row), tokenHash, expiresAt: row.session_expires_at as number } : null;
  }

  /** Logout: this one session. */
  end(token: string | undefined): void {
    if (!token || token.length > 100) return;
    const tokenHash = hashToken(token);
    const row = this.db.prepare('DELETE FROM sessions WHERE token_hash = ? RETURNING staff_id').get(tokenHash) as { staff_id: string } | undefined;
    if (row) this.announce({ staffId: row.staff_id, tokenHashes: [tokenHash] });
  }

  /** Every session of an account, but the one whose token is `keep` (the caller's own, after a password change). */
  endAllFor(staffId: string, keep?: string): void {
    const kept = keep ? hashToken(keep) : '';
    const rows = this.db.prepare('DELETE FROM sessions WHERE staff_id = ? AND token_hash != ? RETURNING token_hash').all(staffId, kept) as { token_hash: string }[];
    if (rows.length > 0) this.announce({ staffId, tokenHashes: rows.map((r) => r.token_hash) });
  }

  onEnded(listener: (ended: SessionsEnded) => void): () => void {
    this.endedListeners.add(listener);
    return () => this.endedListeners.delete(listener);
  }

  private announce(ended: SessionsEnded): void {
    for (const listener of this.endedListeners) listener(ended);
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
