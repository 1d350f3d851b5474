/** What the admin screens read: the full configuration (inactive items included) and the audit log. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { listStaff } from '../store/config-store';
import { centerOf } from './change';
import { AuditQuery } from './schemas';
import { staffView } from './staff-store';

const tags = ['admin'];

export interface AuditEntry {
  id: number;
  at: number;
  staffId: string | null;
  username: string | null;
  action: string;
  target: string | null;
  data: unknown;
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/admin/config', { schema: { tags, summary: 'Center, services, counters, priorities and staff, inactive ones included' } }, async (req) => {
    const state = app.queue.state(centerOf(req));
    return {
      center: state.center,
      services: [...state.services.values()].sort((a, b) => a.sortOrder - b.sortOrder),
      counters: [...state.counters.values()].sort((a, b) => a.number - b.number),
      priorities: [...state.priorities.values()].sort((a, b) => a.sortOrder - b.sortOrder),
      staff: listStaff(app.db, state.center.id).map(staffView),
    };
  });

  app.get('/api/admin/audit', { schema: { tags, summary: 'Audit log, newest first', querystring: AuditQuery } }, async (req) => {
    const { limit, before, action } = req.query;
    const rows = app.db
      .prepare(
        `SELECT a.id, a.at, a.staff_id, s.username, a.action, a.target, a.data FROM audit_log a LEFT JOIN staff s ON s.id = a.staff_id
         WHERE a.center_id = ? AND (? IS NULL OR a.id < ?) AND (? IS NULL OR a.action LIKE ? || '%') ORDER BY a.id DESC LIMIT ?`,
      )
      .all(centerOf(req), before ?? null, before ?? null, action ?? null, action ?? null, limit) as Record<string, unknown>[];
    return rows.map(
      (r): AuditEntry => ({
        id: r.id as number,
        at: r.at as number,
        staffId: (r.staff_id as string | null) ?? null,
        username: (r.username as string | null) ?? null,
        action: r.action as string,
        target: (r.target as string | null) ?? null,
        data: JSON.parse((r.data as string) || '{}'),
      }),
    );
  });
};

export default routes;
