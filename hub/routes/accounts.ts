/**
 * Province accounts, for province admins: list, add a director or an admin with a temporary password (shown once;
 * the account must choose its own at first sign-in, see hub/auth.ts), reset a password the same way, deactivate
 * and reactivate. An admin cannot deactivate their own account nor the last active admin. Deactivating or
 * resetting ends the account's sessions at once.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../protocol/errors';
import { ErrorSchema } from '../../protocol/schemas';
import { generatePassword, hashPassword } from '../../server/auth/password';
import { normalize } from '../../server/auth/login-throttle';
import { HUB_ADMINS } from '../auth';
import { CenterIdParam } from '../schemas';

const AccountRow = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  active: Type.Boolean(),
  mustChangePassword: Type.Boolean(),
  createdAt: Type.Number(),
});

const AccountWithPassword = Type.Object({ ...AccountRow.properties, temporaryPassword: Type.String() });

const CreateAccountBody = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[A-Za-z0-9._-]+$' }),
    displayName: Type.String({ minLength: 1, maxLength: 100 }),
    role: Type.Union([Type.Literal('director'), Type.Literal('admin')]),
  },
  { additionalProperties: false },
);

interface Row {
  id: string;
  username: string;
  display_name: string;
  role: string;
  active: boolean;
  must_change_password: boolean;
  created_at: number;
}

const toAccount = (r: Row) => ({ id: r.id, username: r.username, displayName: r.display_name, role: r.role, active: r.active, mustChangePassword: r.must_change_password, createdAt: r.created_at });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = { onRequest: app.requireHubRole(...HUB_ADMINS) };

  app.get('/api/hub/accounts', { ...admin, schema: { tags: ['accounts'], summary: 'Province accounts (admins and directors)', response: { 200: Type.Array(AccountRow) } } }, async () => {
    const r = await app.hubDb.query<Row>('SELECT id, username, display_name, role, active, must_change_password, created_at FROM hub_accounts ORDER BY active DESC, role, username');
    return r.rows.map(toAccount);
  });

  app.post(
    '/api/hub/accounts',
    {
      ...admin,
      schema: { tags: ['accounts'], summary: 'Add an account with a temporary password, shown once; it must be changed at first sign-in', body: CreateAccountBody, response: { 201: AccountWithPassword, 409: ErrorSchema } },
    },
    async (req, reply) => {
      const username = normalize(req.body.username);
      const temporaryPassword = generatePassword();
      const hash = await hashPassword(temporaryPassword);
      const r = await app.hubDb.query<Row>(
        `INSERT INTO hub_accounts (id, username, display_name, role, password_hash, must_change_password, created_at) VALUES ($1, $2, $3, $4, $5, true, $6)
         ON CONFLICT (username) DO NOTHING RETURNING id, username, display_name, role, active, must_change_password, created_at`,
        [`acc-${randomUUID()}`, username, req.body.displayName.trim(), req.body.role, hash, app.clock.now()],
      );
      if (!r.rows[0]) throw new DomainError('USERNAME_TAKEN', { username });
      req.log.info({ accountId: r.rows[0].id, username, role: req.body.role, by: req.account!.username }, 'province account created');
      return reply.status(201).send({ ...toAccount(r.rows[0]), temporaryPassword });
    },
  );

  /** Deactivating: never one's own account, never the last active admin. */
  app.post(
    '/api/hub/accounts/:id/deactivate',
    { ...admin, schema: { tags: ['accounts'], summary: 'Deactivate an account; its sessions end at once', params: CenterIdParam, response: { 200: AccountRow, 404: ErrorSchema, 409: ErrorSchema } } },
    async (req) => {
      if (req.params.id === req.account!.id) throw new DomainError('CANNOT_CHANGE_OWN_ACCOUNT');
      const row = await app.hubDb.transaction(async (tx) => {
        // One admin at a time decides about the last admin.
        await tx.query('SELECT pg_advisory_xact_lock(4815164)');
        const found = (await tx.query<Row>('SELECT * FROM hub_accounts WHERE id = $1', [req.params.id])).rows[0];
        if (!found) throw new DomainError('NOT_FOUND');
        if (found.role === 'admin' && found.active) {
          const others = await tx.query<{ n: number }>("SELECT count(*)::int AS n FROM hub_accounts WHERE role = 'admin' AND active AND id <> $1", [found.id]);
          if (others.rows[0].n === 0) throw new DomainError('LAST_ADMIN');
        }
        await tx.query('DELETE FROM hub_sessions WHERE account_id = $1', [found.id]);
        return (await tx.query<Row>('UPDATE hub_accounts SET active = false WHERE id = $1 RETURNING *', [found.id])).rows[0];
      });
      req.log.info({ accountId: row.id, by: req.account!.username }, 'province account deactivated');
      return toAccount(row);
    },
  );

  app.post(
    '/api/hub/accounts/:id/activate',
    { ...admin, schema: { tags: ['accounts'], summary: 'Reactivate an account', params: CenterIdParam, response: { 200: AccountRow, 404: ErrorSchema } } },
    async (req) => {
      const r = await app.hubDb.query<Row>('UPDATE hub_accounts SET active = true WHERE id = $1 RETURNING *', [req.params.id]);
      if (!r.rows[0]) throw new DomainError('NOT_FOUND');
      req.log.info({ accountId: r.rows[0].id, by: req.account!.username }, 'province account reactivated');
      return toAccount(r.rows[0]);
    },
  );

  app.post(
    '/api/hub/accounts/:id/reset-password',
    {
      ...admin,
      schema: { tags: ['accounts'], summary: 'A new temporary password (shown once), to be changed at the next sign-in; the account’s sessions end', params: CenterIdParam, response: { 200: AccountWithPassword, 404: ErrorSchema, 409: ErrorSchema } },
    },
    async (req) => {
      if (req.params.id === req.account!.id) throw new DomainError('CANNOT_CHANGE_OWN_ACCOUNT');
      const temporaryPassword = generatePassword();
      const hash = await hashPassword(temporaryPassword);
      const row = await app.hubDb.transaction(async (tx) => {
        const r = await tx.query<Row>('UPDATE hub_accounts SET password_hash = $2, must_change_password = true WHERE id = $1 RETURNING *', [req.params.id, hash]);
        if (!r.rows[0]) throw new DomainError('NOT_FOUND');
        await tx.query('DELETE FROM hub_sessions WHERE account_id = $1', [req.params.id]);
        return r.rows[0];
      });
      req.log.info({ accountId: row.id, by: req.account!.username }, 'province account password reset');
      return { ...toAccount(row), temporaryPassword };
    },
  );
};

export default routes;
