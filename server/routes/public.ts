/** Read-only routes for kiosks, displays and phones (no login). */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { publicSnapshot, serviceStats, counterViews } from '../queue/read-model';

const tags = ['public'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/health', { schema: { tags, summary: 'Liveness, database and printer status' } }, async () => {
    const state = app.queue.state();
    app.db.prepare('SELECT 1').get();
    return {
      status: 'ok',
      time: app.clock.now(),
      businessDay: state.businessDay,
      seq: state.seq,
      db: 'ok',
      uptimeSeconds: Math.round(process.uptime()),
      printers: app.printing.statuses(),
      // The link to the province hub (server/hub-link/): linked, offline or unlinked, and what the hub still lacks.
      hub: app.hubLink.health(),
    };
  });

  app.get('/api/center', { schema: { tags, summary: 'The center and its public settings' } }, async () => {
    return publicSnapshot(app.queue.state(), app.clock.now(), []).center;
  });

  app.get('/api/services', { schema: { tags, summary: 'Active services with live queue figures' } }, async () => {
    const state = app.queue.state();
    const stats = new Map(serviceStats(state, app.clock.now()).map((s) => [s.serviceId, s]));
    return [...state.services.values()]
      .filter((s) => s.active)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map((s) => ({ ...s, waiting: stats.get(s.id)?.waiting ?? 0, etaMinutes: stats.get(s.id)?.etaMinutes ?? 0, etaRange: stats.get(s.id)?.etaRange }));
  });

  app.get('/api/counters', { schema: { tags, summary: 'Counters with their services and live state' } }, async () => {
    return counterViews(app.queue.state()).filter((c) => c.active);
  });

  app.get('/api/priorities', { schema: { tags, summary: 'Priority categories offered at the kiosk' } }, async () => {
    return [...app.queue.state().priorities.values()].filter((p) => p.active).sort((a, b) => a.sortOrder - b.sortOrder);
  });

  app.get(
    '/api/queue/snapshot',
    { schema: { tags, summary: 'Full public snapshot (same as the queue:snapshot socket event)', response: { 200: Type.Object({ seq: Type.Integer() }, { additionalProperties: true }) } } },
    async () => publicSnapshot(app.queue.state(), app.clock.now(), app.printing.statuses()),
  );
};

export default routes;
