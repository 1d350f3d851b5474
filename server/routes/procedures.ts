/**
 * Procedure lookup for the kiosk (no login): ranked, diacritic-insensitive search,
 * fields to browse, the full record, and printing a dossier checklist.
 *
 * The search index lives in memory (a few thousand records at most) and is built
 * from SQLite at start. It is exposed as `app.procedures` so catalog imports
 * (admin routes) can call `reload()` after `replaceCatalog`; this plugin is
 * therefore not encapsulated (fastify-plugin), or the decorator would stay private.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../protocol/errors';
import { ErrorSchema, Id, PrintInfoSchema } from '../../protocol/schemas';
import { ProcedureSchema, type Procedure } from '../../protocol/procedure';
import { buildSearchIndex, type FieldCount, type ProcedureSearchIndex, type SearchOptions, type SearchResult } from '../procedures/search';
import { ensureProcedureSchema, loadCatalog } from '../procedures/store';

export interface ProcedureCatalog {
  /** Ranked search in a center's catalog (default: the site's center). */
  search(query: string, options?: SearchOptions, centerId?: string): SearchResult;
  get(id: string, centerId?: string): Procedure | undefined;
  fields(centerId?: string): FieldCount[];
  /** Rebuild a center's index from SQLite; call after replacing its catalog. */
  reload(centerId?: string): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    procedures: ProcedureCatalog;
  }
}

const tags = ['procedures'];
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const SearchQuery = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 200 })),
    field: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
    limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
    offset: Type.Integer({ minimum: 0, maximum: 100_000, default: 0 }),
  },
  { additionalProperties: false },
);

const HitSchema = Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  field: Type.String(),
  level: Type.String(),
  online: Type.String(),
  serviceId: Nullable(Type.String()),
  score: Type.Number(),
  match: Nullable(Type.Object({ part: Type.String(), text: Type.String() })),
});

const PrintBody = Type.Object(
  {
    kioskId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', description: 'Accepted from old kiosks and ignored: the printer is the asking device\'s' })),
    lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
  },
  { additionalProperties: false },
);

const IdParam = Type.Object({ id: Id });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Every start, not only the seeding one: a database made before the catalog existed lacks the table.
  ensureProcedureSchema(app.db);

  const indexes = new Map<string, ProcedureSearchIndex>();
  const indexOf = (centerId: string = app.queue.defaultCenterId): ProcedureSearchIndex => {
    let index = indexes.get(centerId);
    if (!index) {
      index = buildSearchIndex(loadCatalog(app.db, centerId));
      indexes.set(centerId, index);
    }
    return index;
  };
  const catalog: ProcedureCatalog = {
    search: (query, options, centerId) => indexOf(centerId).search(query, options),
    get: (id, centerId) => indexOf(centerId).get(id),
    fields: (centerId) => indexOf(centerId).listFields(),
    reload: (centerId = app.queue.defaultCenterId) => {
      indexes.set(centerId, buildSearchIndex(loadCatalog(app.db, centerId)));
    },
  };
  app.decorate('procedures', catalog);
  catalog.reload();

  app.get(
    '/api/procedures',
    {
      schema: {
        tags,
        summary: 'Procedures ranked by relevance to q (ignores case and diacritics; đ = d), optionally in one field. Total in x-total-count.',
        querystring: SearchQuery,
        response: { 200: Type.Array(HitSchema), 400: ErrorSchema },
      },
    },
    async (req, reply) => {
      const { q = '', field, limit, offset } = req.query;
      const result = catalog.search(q, { field, limit, offset });
      reply.header('x-total-count', String(result.total));
      return result.hits;
    },
  );

  app.get(
    '/api/procedures/fields',
    {
      schema: {
        tags,
        summary: 'Fields (lĩnh vực) with their number of procedures, in Vietnamese alphabetical order',
        response: { 200: Type.Array(Type.Object({ field: Type.String(), count: Type.Integer() })) },
      },
    },
    async () => catalog.fields(),
  );

  app.get(
    '/api/procedures/:id',
    { schema: { tags, summary: 'One procedure, complete', params: IdParam, response: { 200: ProcedureSchema, 400: ErrorSchema, 404: ErrorSchema } } },
    async (req) => {
      const record = catalog.get(req.params.id);
      if (!record) throw new DomainError('PROCEDURE_NOT_FOUND');
      return record;
    },
  );

  app.post(
    '/api/procedures/:id/print',
    {
      // Paper is the kiosk's: only an approved kiosk device prints, and a citizen prints a few lists, not dozens.
      onRequest: app.requireDevice('kiosk'),
      config: { rateLimit: { max: 10, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.device?.id ?? req.ip } },
      schema: {
        tags,
        summary: 'Print the dossier checklist ("In danh mục hồ sơ") at the printer of the kiosk asking (approved kiosk devices only)',
        params: IdParam,
        body: Type.Optional(PrintBody),
        response: { 200: PrintInfoSchema, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req) => {
      const record = catalog.get(req.params.id);
      if (!record) throw new DomainError('PROCEDURE_NOT_FOUND');
      const checklist = {
        code: record.code,
        name: record.name,
        field: record.field,
        documents: record.documents.map((d) => ({ name: d.name, copies: d.copies })),
        timeLimit: record.timeLimit,
        fee: record.fees,
        onlineUrl: record.onlineUrl,
        lang: req.body?.lang ?? 'vi',
      };
      return app.printing.printChecklist(checklist, req.device!);
    },
  );
};

export default fp(routes, { name: 'procedure-routes' });
