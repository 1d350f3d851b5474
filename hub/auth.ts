/**
 * Province accounts and their sessions, kept in PostgreSQL so that every hub node knows every session. Same
 * rules as a center's (server/auth/*): the cookie holds a random token, the table only its SHA-256; scrypt
 * passwords; failed sign-ins throttled per (username, address). Roles: director (sees every center and the
 * reports) < admin (also creates centers, revokes their links, manages accounts).
 */
import { createHash, randomBytes } from 'node:crypto';
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { DomainError } from '../protocol/errors';
import { SESSION_COOKIE } from '../server/auth/sessions';
import { LoginThrottle } from '../server/auth/login-throttle';
import type { Queryable } from './db/db';

export type HubRole = 'admin' | 'director';

export interface HubAccount {
  id: string;
  username: string;
  displayName: string;
  role: HubRole;
  mustChangePassword: boolean;
}

export const HUB_DIRECTORS: HubRole[] = ['director', 'admin'];
export const HUB_ADMINS: HubRole[] = ['admin'];

/** What an account still on a one-time password may call. */
const PASSWORD_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export const accountFromRow = (r: Record<string, unknown>): HubAccount => ({
  id: r.id as string,
  username: r.username as string,
  displayName: r.display_name as string,
  role: r.role as HubRole,
  mustChangePassword: r.must_change_password as boolean,
});

export class HubSessions {
  constructor(
    private readonly db: Queryable,
    private readonly ttlMs: number,
  ) {}

  async create(accountId: string, now: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.db.query('DELETE FROM hub_sessions WHERE expires_at < $1', [now]);
    await this.db.query('INSERT INTO hub_sessions (token_hash, account_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [sha256(token), accountId, now, now + this.ttlMs]);
    return token;
  }

  async find(token: string | undefined, now: number): Promise<HubAccount | null> {
    if (!token || token.length > 100) return null;
    const r = await this.db.query(
      'SELECT a.* FROM hub_sessions s JOIN hub_accounts a ON a.id = s.account_id WHERE s.token_hash = $1 AND s.expires_at > $2 AND a.active',
      [sha256(token), now],
    );
    return r.rows[0] ? accountFromRow(r.rows[0]) : null;
  }

  async end(token: string | undefined): Promise<void> {
    if (!token || token.length > 100) return;
    await this.db.query('DELETE FROM hub_sessions WHERE token_hash = $1', [sha256(token)]);
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    hubSessions: HubSessions;
    loginThrottle: LoginThrottle;
    requireHubRole: (...roles: HubRole[]) => onRequestHookHandler;
  }
  interface FastifyRequest {
    account: HubAccount | null;
  }
}

export default fp(async function hubAuth(app) {
  await app.register(cookie);
  const sessions = new HubSessions(app.hubDb, app.hubConfig.SESSION_HOURS * 3600_000);
  app.decorate('hubSessions', sessions);
  app.decorate('loginThrottle', new LoginThrottle());
  app.decorateRequest('account', null);

  // Read only where a route asks for a role: the uplink (Bearer credential) never touches the sessions table.
  app.decorate('requireHubRole', (...roles: HubRole[]): onRequestHookHandler => {
    return async (req: FastifyRequest) => {
      const token = req.cookies[SESSION_COOKIE];
      req.account = token ? await sessions.find(token, app.clock.now()) : null;
      if (!req.account) throw new DomainError('UNAUTHENTICATED');
      // A one-time password opens only the way to replace it.
      if (req.account.mustChangePassword && !PASSWORD_ROUTES.has(req.routeOptions.url ?? '')) throw new DomainError('PASSWORD_CHANGE_REQUIRED');
      if (!roles.includes(req.account.role)) throw new DomainError('FORBIDDEN');
    };
  });
}, { name: 'hub-auth', dependencies: ['hub-core'] });
