/**
 * Admin-only configuration API (/api/admin/*). Every change goes through
 * server/admin/change.ts: written with its audit row in one transaction, then the
 * queue reloads its configuration and every screen is told to refetch.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { ADMINS } from '../plugins/auth';
import catalogRoutes from '../admin/catalog-routes';
import staffRoutes from '../admin/staff-routes';
import centerRoutes from '../admin/center-routes';
import procedureRoutes from '../admin/procedure-routes';
import readRoutes from '../admin/read-routes';

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Before validation: an anonymous or non-admin caller learns nothing about the payload rules.
  app.addHook('onRequest', app.requireRole(...ADMINS));
  await app.register(readRoutes);
  await app.register(catalogRoutes);
  await app.register(staffRoutes);
  await app.register(centerRoutes);
  await app.register(procedureRoutes);
};

export default routes;
