/**
 * Province accounts sign in like a center's (server/routes/auth.ts): scrypt, a per-address rate limit, a lock per
 * (username, address) with growing waits, and an unknown name answered exactly like a wrong password.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../protocol/errors';
import { ChangePasswordBody, ErrorSchema, LoginBody } from '../../protocol/schemas';
import { hashPassword, verifyPassword } from '../../server/auth/password';
import { SESSION_COOKIE } from '../../server/auth/sessions';
import { normalize } from '../../server/auth/login-throttle';
import { HUB_DIRECTORS, accountFromRow, sha256 as sha, type HubAccount } from '../auth';

/** Verified in place of a missing account's hash: the same scrypt cost, and no password matches it. */
const DUMMY_HASH = 'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA';

const AccountSchema = Type.Object({ id: Type.String(), username: Type.String(), displayName: Type.String(), role: Type.String(), mustChangePassword: Type.Boolean() });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Sign in; sets an httpOnly session cookie', body: LoginBody, response: { 200: AccountSchema, 401: ErrorSchema, 429: ErrorSchema } },
    },
    async (req, reply) => {
      const now = app.clock.now();
      const username = normalize(req.body.username);
      const waitMinutes = app.loginThrottle.lockedMinutes(username, req.ip, now);
      if (waitMinutes > 0) throw new DomainError('ACCOUNT_LOCKED', { minutes: waitMinutes });
      const row = (await app.hubDb.query('SELECT * FROM hub_accounts WHERE username = $1 AND active', [username])).rows[0];
      const ok = await verifyPassword(req.body.password, (row?.password_hash as string | undefined) ?? DUMMY_HASH);
      if (!row || !ok) {
        app.loginThrottle.fail(username, req.ip, now);
        throw new DomainError('INVALID_CREDENTIALS');
      }
      app.loginThrottle.succeed(username, req.ip);
      const token = await app.hubSessions.create(row.id as string, now);
      reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: app.hubConfig.COOKIE_SECURE, maxAge: app.hubConfig.SESSION_HOURS * 3600 });
      return accountFromRow(row);
    },
  );

  app.post('/api/auth/logout', { schema: { tags: ['auth'], summary: 'Sign out' } }, async (req, reply) => {
    await app.hubSessions.end(req.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return { ok: true };
  });

  app.get('/api/auth/me', { onRequest: app.requireHubRole(...HUB_DIRECTORS), schema: { tags: ['auth'], summary: 'The signed-in account', response: { 200: AccountSchema } } }, async (req) => req.account as HubAccount);

  app.post(
    '/api/auth/password',
    {
      onRequest: app.requireHubRole(...HUB_DIRECTORS),
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: { tags: ['auth'], summary: 'Change one’s own password (required after a one-time password)', body: ChangePasswordBody, response: { 200: AccountSchema, 401: ErrorSchema } },
    },
    async (req) => {
      const account = req.account!;
      const row = (await app.hubDb.query<{ password_hash: string }>('SELECT password_hash FROM hub_accounts WHERE id = $1', [account.id])).rows[0];
      if (!(await verifyPassword(req.body.currentPassword, row.password_hash))) throw new DomainError('WRONG_CURRENT_PASSWORD');
      const hash = await hashPassword(req.body.newPassword);
      await app.hubDb.transaction(async (tx) => {
        await tx.query('UPDATE hub_accounts SET password_hash = $2, must_change_password = false WHERE id = $1', [account.id, hash]);
        // Every other session of this account ends; this one stays (its holder just proved the password).
        await tx.query('DELETE FROM hub_sessions WHERE account_id = $1 AND token_hash <> $2', [account.id, sha(req.cookies[SESSION_COOKIE] ?? '')]);
      });
      return { ...account, mustChangePassword: false };
    },
  );
};

export default routes;
