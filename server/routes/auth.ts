/**
 * Staff sign-in with scrypt passwords, a per-address rate limit, and a lockout per
 * (username, address) with growing waits (server/auth/login-throttle.ts). A name
 * that is no account is answered exactly like one: same codes, same locks, same
 * scrypt work, so answers never tell which usernames exist.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../protocol/errors';
import { ChangePasswordBody, ErrorSchema, LoginBody, MeSchema } from '../../protocol/schemas';
import { hashPassword, verifyPassword } from '../auth/password';
import { SESSION_COOKIE } from '../auth/sessions';
import { normalize } from '../auth/login-throttle';
import { appendAudit } from '../store/config-store';
import { ANY_STAFF } from '../plugins/auth';
import type { StaffAccount } from '../store/rows';

/** Verified in place of a missing account's hash: the same scrypt cost, and no password matches it. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const me = (s: StaffAccount) => ({ id: s.id, username: s.username, displayName: s.displayName, role: s.role, counterId: s.counterId, mustChangePassword: s.mustChangePassword });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const auditFailure = (row: { id: string; center_id: string }, action: string, address: string, at: number) => {
    try {
      appendAudit(app.db, { centerId: row.center_id, at, staffId: row.id, action, data: { address } });
    } catch (err) {
      // The server may be closing: losing one failure row must not crash it.
      app.log.warn({ err }, 'sign-in failure not audited');
    }
  };

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in; sets an httpOnly session cookie', body: LoginBody, response: { 200: MeSchema, 401: ErrorSchema, 429: ErrorSchema } },
    },
    async (req, reply) => {
      const now = app.clock.now();
      const username = normalize(req.body.username);
      const throttle = app.loginThrottle;
      const waitMinutes = throttle.lockedMinutes(username, req.ip, now);
      if (waitMinutes > 0) throw new DomainError('ACCOUNT_LOCKED', { minutes: waitMinutes });
      const row = app.db.prepare('SELECT id, password_hash, center_id FROM staff WHERE username = ? AND active = 1').get(username) as
        | { id: string; password_hash: string; center_id: string }
        | undefined;
      const ok = await verifyPassword(req.body.password, row?.password_hash ?? DUMMY_HASH);
      if (!row || !ok) {
        const { locked } = throttle.fail(username, req.ip, now);
        // Written after the answer is sent: the audit's fsync must not make a real account's refusal slower than a stranger's.
        if (row) setImmediate(() => auditFailure(row, locked ? 'auth.locked' : 'auth.failed', req.ip, now));
        throw new DomainError('INVALID_CREDENTIALS');
      }
      throttle.succeed(username, req.ip);
      const token = app.sessions.create(row.id, now);
      appendAudit(app.db, { centerId: row.center_id, at: now, staffId: row.id, action: 'auth.login' });
      reply.setCookie(SESSION_COOKIE, token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: app.config.COOKIE_SECURE,
        maxAge: app.config.SESSION_HOURS * 3600,
      });
      return me(app.sessions.find(token, now)!);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
    app.sessions.end(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.post(
    '/api/auth/password',
    {
      onRequest: app.requireRole(...ANY_STAFF),
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Change one’s own password (required after a one-time password)', body: ChangePasswordBody, response: { 200: MeSchema, 401: ErrorSchema } },
    },
    async (req) => {
      const staff = req.staff!;
      const row = app.db.prepare('SELECT password_hash FROM staff WHERE id = ?').get(staff.id) as { password_hash: string };
      if (!(await verifyPassword(req.body.currentPassword, row.password_hash))) throw new DomainError('WRONG_CURRENT_PASSWORD');
      const hash = await hashPassword(req.body.newPassword);
      app.db.prepare('UPDATE staff SET password_hash = ?, must_change_password = 0 WHERE id = ?').run(hash, staff.id);
      // Whoever else holds a session of this account (a forgotten PC, a copied cookie) is out now.
      // This session stays: its holder has just proved the current password, and the console's
      // own socket keeps running instead of being cut for a new cookie.
      app.sessions.endAllFor(staff.id, req.cookies[SESSION_COOKIE]);
      appendAudit(app.db, { centerId: staff.centerId, at: app.clock.now(), staffId: staff.id, action: 'auth.password-changed' });
      return me({ ...staff, mustChangePassword: false });
    },
  );

  app.get('/api/auth/me', { onRequest: app.requireRole(...ANY_STAFF), schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: MeSchema } } }, async (req) =>
    me(req.staff!),
  );
};

export default routes;
