/** Staff sign-in with scrypt passwords, a per-IP rate limit and an account lockout. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DomainError } from '../../protocol/errors';
import { ChangePasswordBody, ErrorSchema, LoginBody, MeSchema } from '../../protocol/schemas';
import { hashPassword, verifyPassword } from '../auth/password';
import { SESSION_COOKIE } from '../auth/sessions';
import { appendAudit } from '../store/config-store';
import { ANY_STAFF } from '../plugins/auth';
import type { StaffAccount } from '../store/rows';

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

const me = (s: StaffAccount) => ({ id: s.id, username: s.username, displayName: s.displayName, role: s.role, counterId: s.counterId, mustChangePassword: s.mustChangePassword });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in; sets an httpOnly session cookie', body: LoginBody, response: { 200: MeSchema, 401: ErrorSchema, 429: ErrorSchema } },
    },
    async (req, reply) => {
      const now = app.clock.now();
      const row = app.db.prepare('SELECT * FROM staff WHERE username = ? AND active = 1').get(req.body.username.trim().toLowerCase()) as
        | { id: string; password_hash: string; failed_logins: number; locked_until: number; center_id: string }
        | undefined;
      if (row && row.locked_until > now) throw new DomainError('ACCOUNT_LOCKED', { minutes: Math.ceil((row.locked_until - now) / 60_000) });
      // Verify even for unknown users, so timing does not reveal which usernames exist.
      const ok = await verifyPassword(req.body.password, row?.password_hash ?? 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
      if (!row || !ok) {
        if (row) {
          const failures = row.failed_logins + 1;
          const lockedUntil = failures >= MAX_FAILURES ? now + LOCK_MINUTES * 60_000 : 0;
          app.db.prepare('UPDATE staff SET failed_logins = ?, locked_until = ? WHERE id = ?').run(lockedUntil ? 0 : failures, lockedUntil, row.id);
          appendAudit(app.db, { centerId: row.center_id, at: now, staffId: row.id, action: lockedUntil ? 'auth.locked' : 'auth.failed' });
        }
        throw new DomainError('INVALID_CREDENTIALS');
      }
      app.db.prepare('UPDATE staff SET failed_logins = 0, locked_until = 0 WHERE id = ?').run(row.id);
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
    app.sessions.destroy(req.cookies[SESSION_COOKIE]);
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
      appendAudit(app.db, { centerId: staff.centerId, at: app.clock.now(), staffId: staff.id, action: 'auth.password-changed' });
      return me({ ...staff, mustChangePassword: false });
    },
  );

  app.get('/api/auth/me', { onRequest: app.requireRole(...ANY_STAFF), schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: MeSchema } } }, async (req) =>
    me(req.staff!),
  );
};

export default routes;
