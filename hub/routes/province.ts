/**
 * The province's own routes (roles admin and director): centers and their links, what is published down to
 * them, and the province summary from the rollups.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../protocol/errors';
import { ErrorSchema } from '../../protocol/schemas';
import { businessDay } from '../../server/queue/calendar';
import { parseRange } from '../../server/reports/dates';
import { HUB_ADMINS, HUB_DIRECTORS } from '../auth';
import { createCenter, renewEnrolmentCode, revokeCredential } from '../centers';
import { attachment } from '../../server/reports/csv';
import { centerFloor } from '../reports/floor';
import { provinceSummary } from '../reports/summary';
import { provinceSummaryCsv } from '../reports/summary-csv';
import { CenterIdParam, CreateCenterBody, PublishBody, SummaryCsvQuery, SummaryQuery } from '../schemas';

/** The province's zone: Vietnam has one. A center's own zone is kept on its row. */
export const PROVINCE_TZ = 'Asia/Ho_Chi_Minh';

const CenterCreated = Type.Object({ id: Type.String(), code: Type.String(), name: Type.String(), enrolmentCode: Type.String(), enrolmentExpiresAt: Type.Number() });

export interface CenterListItem {
  id: string;
  code: string;
  name: string;
  online: boolean;
  lastSeenAt: number | null;
  lastSeq: number;
  waiting: number;
  longestWaitSeconds: number;
  openCounters: number;
  printerFaults: number;
  /** When the center took the figures above (its clock), null before its first report. */
  liveAt: number | null;
  enrolled: boolean;
  revokedAt: number | null;
}

export async function listCenters(app: import('fastify').FastifyInstance, onlyId?: string): Promise<CenterListItem[]> {
  const now = app.clock.now();
  const r = await app.hubDb.query<{ id: string; code: string; name: string; last_seen_at: number | null; last_seq: number; live: Record<string, number> | null; credential_hash: string | null; revoked_at: number | null }>(
    `SELECT id, code, name, last_seen_at, last_seq, live, credential_hash, revoked_at FROM centers ${onlyId ? 'WHERE id = $1' : ''} ORDER BY code`,
    onlyId ? [onlyId] : [],
  );
  const windowMs = app.hubConfig.HUB_ONLINE_SECONDS * 1000;
  return r.rows.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    online: c.credential_hash !== null && c.last_seen_at !== null && now - c.last_seen_at <= windowMs,
    lastSeenAt: c.last_seen_at,
    lastSeq: c.last_seq,
    waiting: c.live?.waiting ?? 0,
    longestWaitSeconds: c.live?.longestWaitSeconds ?? 0,
    openCounters: c.live?.openCounters ?? 0,
    printerFaults: c.live?.printerFaults ?? 0,
    liveAt: c.live?.at ?? null,
    enrolled: c.credential_hash !== null,
    revokedAt: c.revoked_at,
  }));
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/hub/centers',
    { onRequest: app.requireHubRole(...HUB_ADMINS), schema: { tags: ['province'], summary: 'Create a center; its one-time enrolment code is shown once', body: CreateCenterBody, response: { 201: CenterCreated, 409: ErrorSchema } } },
    async (req, reply) => {
      const c = await createCenter(app.hubDb, req.body, app.clock.now(), app.hubConfig.HUB_ENROLMENT_DAYS);
      req.log.info({ centerId: c.id, code: c.code, by: req.account!.username }, 'center created');
      return reply.status(201).send(c);
    },
  );

  app.get('/api/hub/centers', { onRequest: app.requireHubRole(...HUB_DIRECTORS), schema: { tags: ['province'], summary: 'Every center, live: online, waiting, longest wait, open counters, printer faults' } }, async () =>
    listCenters(app),
  );

  app.post(
    '/api/hub/centers/:id/revoke',
    { onRequest: app.requireHubRole(...HUB_ADMINS), schema: { tags: ['province'], summary: 'Revoke a center’s link credential (it gets 401 at once)', params: CenterIdParam, response: { 200: Type.Object({ ok: Type.Boolean() }), 404: ErrorSchema } } },
    async (req) => {
      await revokeCredential(app.hubDb, req.params.id, app.clock.now());
      req.log.info({ centerId: req.params.id, by: req.account!.username }, 'center credential revoked');
      return { ok: true };
    },
  );

  app.post(
    '/api/hub/centers/:id/enrolment-code',
    { onRequest: app.requireHubRole(...HUB_ADMINS), schema: { tags: ['province'], summary: 'A new one-time enrolment code for a center (the previous code stops working)', params: CenterIdParam, response: { 201: Type.Object({ enrolmentCode: Type.String(), enrolmentExpiresAt: Type.Number() }), 404: ErrorSchema } } },
    async (req, reply) => reply.status(201).send(await renewEnrolmentCode(app.hubDb, req.params.id, app.clock.now(), app.hubConfig.HUB_ENROLMENT_DAYS)),
  );

  app.post(
    '/api/hub/downlink',
    { onRequest: app.requireHubRole(...HUB_ADMINS), schema: { tags: ['province'], summary: 'Publish a catalog, templates, holidays or a notice line to every center (or one)', body: PublishBody } },
    async (req, reply) => {
      if (req.body.centerId) {
        const found = await app.hubDb.query('SELECT 1 FROM centers WHERE id = $1', [req.body.centerId]);
        if (found.rows.length === 0) throw new DomainError('CENTER_NOT_FOUND');
      }
      const r = await app.hubDb.query<{ version: number }>('INSERT INTO downlink_items (center_id, kind, published_at, data) VALUES ($1, $2, $3, $4::jsonb) RETURNING version', [
        req.body.centerId ?? null,
        req.body.kind,
        app.clock.now(),
        JSON.stringify(req.body.data ?? null),
      ]);
      return reply.status(201).send({ version: r.rows[0].version });
    },
  );

  const summaryOf = async (query: { from?: string; to?: string; centerId?: string }) => {
    const now = app.clock.now();
    const range = parseRange(query.from, query.to, businessDay(now, PROVINCE_TZ), PROVINCE_TZ);
    const centerId = query.centerId ?? null;
    if (centerId) {
      const found = await app.hubDb.query('SELECT 1 FROM centers WHERE id = $1', [centerId]);
      if (found.rows.length === 0) throw new DomainError('CENTER_NOT_FOUND');
    }
    return provinceSummary(app.hubDb, { range, centerId, now, timeZone: PROVINCE_TZ });
  };

  app.get(
    '/api/hub/reports/summary',
    { onRequest: app.requireHubRole(...HUB_DIRECTORS), schema: { tags: ['province'], summary: 'The center report’s figures for the province (or one center), from the rollups, with byCenter and byField', querystring: SummaryQuery } },
    async (req) => summaryOf(req.query),
  );

  app.get(
    '/api/hub/reports/summary.csv',
    { onRequest: app.requireHubRole(...HUB_DIRECTORS), schema: { tags: ['province'], summary: 'The province summary as one CSV table (UTF-8 with BOM), from the rollups', querystring: SummaryCsvQuery } },
    async (req, reply) => {
      const s = await summaryOf(req.query);
      const scope = s.scope.centerId ? (s.byCenter[0]?.code ?? 'trung-tam') : 'tinh';
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', attachment(`hang-cho-${scope}-tong-hop-${s.from}_${s.to}.csv`))
        .header('cache-control', 'no-store')
        .send(provinceSummaryCsv(s, req.query.header ?? 'vi'));
    },
  );

  app.get(
    '/api/hub/centers/:id/floor',
    { onRequest: app.requireHubRole(...HUB_DIRECTORS), schema: { tags: ['province'], summary: 'One center’s floor as the hub knows it: per service waiting and longest wait, per counter its state and number', params: CenterIdParam } },
    async (req) => {
      const [center] = await listCenters(app, req.params.id);
      if (!center) throw new DomainError('CENTER_NOT_FOUND');
      const tz = await app.hubDb.query<{ time_zone: string }>('SELECT time_zone FROM centers WHERE id = $1', [center.id]);
      return centerFloor(app.hubDb, { ...center, timeZone: tz.rows[0]?.time_zone ?? PROVINCE_TZ }, app.clock.now());
    },
  );
};

export default routes;
