/** Staff accounts: list, create, edit (role, active), reset password. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { randomUUID } from 'node:crypto';
import { DomainError } from '../../protocol/errors';
import { generatePassword, hashPassword } from '../auth/password';
import { insertStaff, listStaff } from '../store/config-store';
import type { StaffAccount } from '../store/rows';
import { applyChange, centerOf } from './change';
import { IdParam, StaffCreate, StaffUpdate } from './schemas';
import { activeAdminCount, findStaff, setPassword, staffView, updateStaff, usernameTaken } from './staff-store';

const tags = ['admin'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const load = (req: FastifyRequest, id: string): StaffAccount => {
    const s = findStaff(app.db, centerOf(req), id);
    if (!s) throw new DomainError('STAFF_NOT_FOUND');
    return s;
  };

  app.get('/api/admin/staff', { schema: { tags, summary: 'Staff accounts of the center' } }, async (req) => listStaff(app.db, centerOf(req)).map(staffView));

  app.post('/api/admin/staff', { schema: { tags, summary: 'Create an account; answers its one-time password', body: StaffCreate } }, async (req, reply) => {
    const username = req.body.username.trim().toLowerCase();
    if (usernameTaken(app.db, username)) throw new DomainError('USERNAME_TAKEN', { username });
    const password = generatePassword();
    const passwordHash = await hashPassword(password);
    const id = `stf-${randomUUID()}`;
    const after = { id, username, displayName: req.body.displayName, role: req.body.role };
    // Staff are not part of the queue's configuration: no reload, no broadcast.
    applyChange(
      app,
      req,
      { action: 'staff.create', target: id, before: null, after },
      () => insertStaff(app.db, { id, centerId: centerOf(req), username, displayName: req.body.displayName, role: req.body.role, passwordHash, mustChangePassword: true, createdAt: app.clock.now() }),
      { reload: false },
    );
    return reply.status(201).send({ account: staffView(load(req, id)), password });
  });

  app.put('/api/admin/staff/:id', { schema: { tags, summary: 'Edit name, role, active; deactivating signs the account out', params: IdParam, body: StaffUpdate } }, async (req) => {
    const before = load(req, req.params.id);
    const demotes = before.role === 'admin' && (req.body.role !== 'admin' || !req.body.active);
    if (before.id === req.staff!.id && (demotes || !req.body.active)) throw new DomainError('CANNOT_CHANGE_OWN_ACCOUNT');
    if (demotes && before.active && activeAdminCount(app.db, centerOf(req)) <= 1) throw new DomainError('LAST_ADMIN');
    const after = { ...staffView(before), ...req.body };
    applyChange(
      app,
      req,
      { action: req.body.active ? 'staff.update' : 'staff.deactivate', target: before.id, before: staffView(before), after },
      () => {
        updateStaff(app.db, before.id, req.body);
        // A role change or deactivation takes effect now, not at the session's expiry.
        if (!req.body.active || req.body.role !== before.role) app.sessions.endAllFor(before.id);
        // A deactivated account must not keep a counter reserved for it.
        if (!req.body.active && before.counterId) {
          app.db.prepare('UPDATE counters SET staff_id = NULL WHERE center_id = ? AND staff_id = ?').run(centerOf(req), before.id);
          app.db.prepare('UPDATE staff SET counter_id = NULL WHERE id = ?').run(before.id);
        }
      },
      { reload: !req.body.active && before.counterId !== null },
    );
    return staffView(load(req, before.id));
  });

  app.post('/api/admin/staff/:id/reset-password', { schema: { tags, summary: 'New one-time password; signs the account out everywhere', params: IdParam } }, async (req) => {
    const target = load(req, req.params.id);
    const password = generatePassword();
    const hash = await hashPassword(password);
    applyChange(
      app,
      req,
      // The audit records that a reset happened, never the password.
      { action: 'staff.reset-password', target: target.id, before: null, after: { username: target.username } },
      () => {
        setPassword(app.db, target.id, hash, true);
        app.sessions.endAllFor(target.id);
        // The admin has just verified who is asking: no address stays locked out of the new password.
        app.loginThrottle.forgetUsername(target.username);
      },
      { reload: false },
    );
    return { account: staffView(load(req, target.id)), password };
  });
};

export default routes;
