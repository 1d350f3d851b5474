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
import type { StaffAccount } from '../store/rows';

declare module 'fastify' {
  interface FastifyInstance {
    sessions: SessionStore;
    requireRole: (...roles: Role[]) => onRequestHookHandler;
  }
  interface FastifyRequest {
    staff: StaffAccount | null;
  }
}

export const ANY_STAFF: Role[] = ['staff', 'director', 'admin'];
export const DIRECTORS: Role[] = ['director', 'admin'];
export const ADMINS: Role[] = ['admin'];

export default fp(async function auth(app) {
  await app.register(cookie);
  const sessions = new SessionStore(app.db, app.config.SESSION_HOURS * 3600_000);
  app.decorate('sessions', sessions);
  app.decorateRequest('staff', null);

  app.addHook('onRequest', async (req: FastifyRequest) => {
    const token = req.cookies[SESSION_COOKIE];
    req.staff = token ? sessions.find(token, app.clock.now()) : null;
  });

  app.decorate('requireRole', (...roles: Role[]): onRequestHookHandler => {
    return async (req: FastifyRequest, _reply: FastifyReply) => {
      if (!req.staff) throw new DomainError('UNAUTHENTICATED');
      if (!roles.includes(req.staff.role)) throw new DomainError('FORBIDDEN');
    };
  });
});
