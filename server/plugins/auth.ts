/**
 * Who is asking: `req.staff` from the session cookie, and `app.requireRole(...)`
 * guards. Roles: staff (counter work) < director (reports, live floor) < admin (configuration).
 */
import fp from 'fastify-plugin';
import cookie from '@fastify/cookie';
import type { FastifyReply, FastifyRequest, onRequestHookHandler } from 'fastify';
import type { Role } from '../../protocol/domain';
import { DomainError } from '../../protocol/errors';
import { SESSION_COOKIE, SessionStore } from '../auth/sessions';
import { LoginThrottle } from '../auth/login-throttle';
import type { StaffAccount } from '../store/rows';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionStore;
    /** Failed sign-ins per (username, address). */
    loginThrottle: LoginThrottle;
    requireRole: (...roles: Role[]) => onRequestHookHandler;
  }
  interface FastifyRequest {
    staff: StaffAccount | null;
  }
}

export const ANY_STAFF: Role[] = ['staff', 'director', 'admin'];
export const DIRECTORS: Role[] = ['director', 'admin'];
export const ADMINS: Role[] = ['admin'];

/** What an account still on a one-time password may call. */
const PASSWORD_ROUTES = new Set(['/api/auth/me', '/api/auth/password', '/api/auth/logout']);

export default fp(async function auth(app) {
  await app.register(cookie);
  const sessions = new SessionStore(app.db, app.config.SESSION_HOURS * 3600_000);
  app.decorate('sessions', sessions);
  app.decorate('loginThrottle', new LoginThrottle());
  app.decorateRequest('staff', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const token = req.cookies[SESSION_COOKIE];
    req.staff = token ? sessions.find(token, app.clock.now()) : null;
  });

  app.decorate('requireRole', (...roles: Role[]): onRequestHookHandler => {
    return async (req: FastifyRequest, _reply: FastifyReply) => {
      if (!req.staff) throw new DomainError('UNAUTHENTICATED');
      // A one-time password opens only the way to replace it.
      if (req.staff.mustChangePassword && !PASSWORD_ROUTES.has(req.routeOptions.url ?? '')) throw new DomainError('PASSWORD_CHANGE_REQUIRED');
      if (!roles.includes(req.staff.role)) throw new DomainError('FORBIDDEN');
    };
  });
}, { name: 'auth', dependencies: ['core'] });
