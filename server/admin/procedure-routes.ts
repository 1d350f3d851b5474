/** Procedure catalog import/export through the catalog module's parser and store. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { exportCsv, exportJson, importCatalog } from '../procedures/import';
import { ensureProcedureSchema, loadCatalog, replaceCatalog } from '../procedures/store';
import { errorBody } from '../plugins/errors';
import { applyChange, centerOf } from './change';
import { ExportQuery, ImportBody } from './schemas';

const tags = ['admin'];

/** The kiosk's in-memory search index, when the procedures plugin is loaded. */
type MaybeProcedures = { procedures?: { reload?: () => unknown } };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Idempotent: the table may not exist yet on a database seeded before the catalog existed.
  ensureProcedureSchema(app.db);

  app.get('/api/admin/procedures/export', { schema: { tags, summary: 'The whole catalog as CSV (Excel-ready) or JSON', querystring: ExportQuery } }, async (req, reply) => {
    const records = loadCatalog(app.db, centerOf(req));
    const csv = req.query.format === 'csv';
    reply.header('content-disposition', `attachment; filename="thu-tuc.${csv ? 'csv' : 'json'}"`);
    reply.type(csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    return csv ? exportCsv(records) : exportJson(records);
  });

  app.post(
    '/api/admin/procedures/import',
    { bodyLimit: 5 * 1024 * 1024, schema: { tags, summary: 'Replace the whole catalog (all or nothing)', body: ImportBody } },
    async (req, reply) => {
      const result = importCatalog(req.body.content, req.body.format);
      if ('errors' in result) {
        return reply.status(400).send({ ...errorBody(req, 'IMPORT_INVALID', { count: result.errors.length }), details: result.errors.slice(0, 200) });
      }
      const centerId = centerOf(req);
      const beforeCount = loadCatalog(app.db, centerId).length;
      applyChange(
        app,
        req,
        // The catalog is large: the audit keeps counts, the file itself can be exported again.
        { action: 'procedures.import', target: centerId, before: { count: beforeCount }, after: { count: result.ok.length, format: req.body.format } },
        () => replaceCatalog(app.db, centerId, result.ok, app.clock.now()),
        { reload: false },
      );
      await (app as unknown as MaybeProcedures).procedures?.reload?.();
      app.broadcastConfigChanged(centerId);
      return { imported: result.ok.length };
    },
  );
};

export default routes;
