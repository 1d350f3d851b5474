/**
 * What a center's link calls (protocol/hub.ts): enrol once with the one-time code, then, with
 * `Authorization: Bearer <credential>`, read where to resume, push batches, pull what the province published.
 * The credential decides the center; no id in a body or a query ever does.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { HUB_PATHS, type Downlink, type UplinkBatch } from '../../protocol/hub';
import { ErrorSchema } from '../../protocol/schemas';
import { centerOfCredential, enrol } from '../centers';
import { ingestBatch, linkState } from '../ingest/ingest';
import { recordFetch } from '../published';
import { DownlinkQuery, EnrolBody, EnrolResponse, LinkStateSchema, UplinkBatchSchema } from '../schemas';

declare module 'fastify' {
  interface FastifyRequest {
    /** The center whose credential signed this request. */
    centerId: string | null;
    /** The JSON body's bytes as they came (uplink routes only). */
    rawBody?: Buffer;
  }
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.decorateRequest('centerId', null);
  // The batch's bytes are kept as well as parsed (same checks as Fastify's own JSON parser): ingest stores them as
  // the log's chunk instead of serializing thousands of commits again. Only the routes of this plugin parse so.
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (req, body, done) => {
    const bytes = body as Buffer;
    req.rawBody = bytes;
    // Fastify's parser scans the whole text with two regular expressions for "__proto__" and "constructor", spelled
    // plainly or with \u escapes. A batch with neither word and no escape at all cannot hold them: a plain parse
    // is the same, without the scans (a few percent of a node's ingest time). Anything else takes the full check.
    if (bytes.indexOf('proto') === -1 && bytes.indexOf('constructor') === -1 && bytes.indexOf('\\u') === -1) {
      try {
        done(null, JSON.parse(bytes.toString('utf8')));
      } catch {
        parseJson(req, bytes as unknown as string, done);
      }
      return;
    }
    parseJson(req, bytes as unknown as string, done);
  });
  const asCenter = async (req: FastifyRequest) => {
    req.centerId = await centerOfCredential(app.hubDb, req.headers.authorization);
  };

  app.post(
    HUB_PATHS.enrol,
    {
      config: { rateLimit: { max: app.hubConfig.HUB_ENROL_PER_MINUTE, timeWindow: '1 minute' } },
      schema: { tags: ['uplink'], summary: 'A center spends its one-time enrolment code for a long-lived credential', body: EnrolBody, response: { 201: EnrolResponse, 401: ErrorSchema } },
    },
    async (req, reply) => {
      const c = await enrol(app.hubDb, req.body.enrolmentCode, app.clock.now());
      req.log.info({ centerId: c.id, code: c.code }, 'center enrolled');
      return reply.status(201).send({ centerId: c.id, code: c.code, name: c.name, credential: c.credential });
    },
  );

  app.get(
    HUB_PATHS.link,
    { onRequest: asCenter, schema: { tags: ['uplink'], summary: 'Where the hub stands for the calling center', response: { 200: LinkStateSchema, 401: ErrorSchema } } },
    async (req) => linkState(app.hubDb, req.centerId!, app.clock.now()),
  );

  app.post(
    HUB_PATHS.ingest,
    {
      onRequest: asCenter,
      bodyLimit: app.hubConfig.HUB_BODY_LIMIT_MB * 1024 * 1024,
      schema: {
        tags: ['uplink'],
        summary: 'One uplink batch, applied idempotently; 409 with the hub’s state when it leaves a gap',
        body: UplinkBatchSchema,
        response: { 200: LinkStateSchema, 409: LinkStateSchema, 401: ErrorSchema },
      },
    },
    async (req, reply) => {
      const centerId = req.centerId!;
      const result = await ingestBatch(app.hubDb, centerId, req.body as UplinkBatch, app.clock.now(), req.rawBody);
      if (result.status === 200) app.hubEvents.emit('ingested', { centerId, inserted: result.inserted, state: result.state });
      return reply.status(result.status).send(result.state);
    },
  );

  app.get(
    HUB_PATHS.downlink,
    { onRequest: asCenter, schema: { tags: ['uplink'], summary: 'What the province published for the calling center after `since`', querystring: DownlinkQuery } },
    async (req): Promise<Downlink> => {
      const since = req.query.since ?? 0;
      const r = await app.hubDb.query<{ version: number; kind: Downlink['items'][number]['kind']; published_at: number; data: unknown }>(
        'SELECT version, kind, published_at, data FROM downlink_items WHERE version > $2 AND (center_id IS NULL OR center_id = $1) ORDER BY version LIMIT 1000',
        [req.centerId!, since],
      );
      const items = r.rows.map((x) => ({ version: x.version, kind: x.kind, publishedAt: x.published_at, data: x.data }));
      const version = items.length > 0 ? items[items.length - 1].version : since;
      if (items.length > 0) await recordFetch(app.hubDb, req.centerId!, version, app.clock.now());
      return { version, items };
    },
  );
};

export default routes;
