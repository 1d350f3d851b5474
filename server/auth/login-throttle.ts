/**
 * Failed sign-ins counted per (username, address), never per account alone: a
 * stranger's wrong guesses slow down that stranger, not the real admin signing in
 * from another PC. After FREE_FAILURES the pair waits 1 minute, and each further
 * failure doubles the wait up to MAX_LOCK_MINUTES. Usernames that do not exist are
 * counted exactly the same way, so a lock tells nothing about which accounts exist.
 *
 * Kept in memory (bounded, least recently used first out): a restart forgets the
 * counts, which costs an attacker's restart nothing they could cause.
 */
import { LRUCache } from 'lru-cache';

export const FREE_FAILURES = 5;
export const FIRST_LOCK_MINUTES = 1;
export const MAX_LOCK_MINUTES = 15;
/** A pair with no failure for this long starts again from zero. */
const FORGET_AFTER_MS = 24 * 3600_000;
const MAX_PAIRS = 10_000;

interface Failures {
  count: number;
  lockedUntil: number;
  lastFailureAt: number;
}

export class LoginThrottle {
  private readonly pairs = new LRUCache<string, Failures>({ max: MAX_PAIRS });

  /** Minutes the pair must still wait (rounded up), or 0 when it may try. */
  lockedMinutes(username: string, address: string, now: number): number {
    const entry = this.current(username, address, now);
    return entry && entry.lockedUntil > now ? Math.ceil((entry.lockedUntil - now) / 60_000) : 0;
  }

  /** Counts a failure; answers whether it starts a lock. */
  fail(username: string, address: string, now: number): { locked: boolean } {
    const entry = this.current(username, address, now) ?? { count: 0, lockedUntil: 0, lastFailureAt: now };
    entry.count += 1;
    entry.lastFailureAt = now;
    const beyond = entry.count - FREE_FAILURES;
    if (beyond >= 0) entry.lockedUntil = now + Math.min(MAX_LOCK_MINUTES, FIRST_LOCK_MINUTES * 2 ** beyond) * 60_000;
    this.pairs.set(key(username, address), entry);
    return { locked: beyond >= 0 };
  }

  /** A correct password from this address ends its count. */
  succeed(username: string, address: string): void {
    this.pairs.delete(key(username, address));
  }

  /** An admin gave the account a new password: every address may try again. */
  forgetUsername(username: string): void {
    const prefix = `${normalize(username)}\u0000`;
    for (const k of [...this.pairs.keys()]) if (k.startsWith(prefix)) this.pairs.delete(k);
  }

  private current(username: string, address: string, now: number): Failures | undefined {
    const entry = this.pairs.get(key(username, address));
    if (entry && now - entry.lastFailureAt > FORGET_AFTER_MS) {
      this.pairs.delete(key(username, address));
      return undefined;
    }
    return entry;
  }
}

export const normalize = (username: string) => username.trim().toLowerCase();
const key = (username: string, address: string) => `${normalize(username)}\u0000${address}`;
