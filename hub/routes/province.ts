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
import { checkPublished, listPublished } from '../published';
import { langOf } from '../../server/plugins/errors';
import accountRoutes from './accounts';

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
  /**
   * The link's state, for the admin screens and the live list: 'linked' (holds a credential), 'pending' (an
   * enrolment code is out and still valid, not spent yet), 'revoked' (revoked, no valid code since), 'expired'
   * (never enrolled and its code ran out). `online` is never true unless 'linked'.
   */
  link: CenterLink;
  /** When the enrolment code that is out stops working ('pending'), else null. */
  enrolmentExpiresAt: number | null;
  enrolledAt: number | null;
}

export type CenterLink = 'linked' | 'pending' | 'revoked' | 'expired';

export function centerLink(c: { credential_hash: string | null; enrolment_code_hash: string | null; enrolment_expires_at: number | null; revoked_at: number | null }, now: number): CenterLink {
  if (c.credential_hash !== null) return 'linked';
  if (c.enrolment_code_hash !== null && (c.enrolment_expires_at ?? 0) > now) return 'pending';
  return c.revoked_at !== null ? 'revoked' : 'expired';
}

export async function listCenters(app: import('fastify').FastifyInstance, onlyId?: string): Promise<CenterListItem[]> {
  const now = app.clock.now();
  const r = await app.hubDb.query<{
    id: string;
    code: string;
    name: string;
    last_seen_at: number | null;
    last_seq: number;
    live: Record<string, number> | null;
    credential_hash: string | null;
    revoked_at: number | null;
    enrolment_code_hash: string | null;
    enrolment_expires_at: number | null;
    enrolled_at: number | null;
  }>(
    `SELECT id, code, name, last_seen_at, last_seq, live, credential_hash, revoked_at, enrolment_code_hash, enrolment_expires_at, enrolled_at
     FROM centers ${onlyId ? 'WHERE id = $1' : ''} ORDER BY code`,
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
    link: centerLink(c, now),
    enrolmentExpiresAt: centerLink(c, now) === 'pending' ? c.enrolment_expires_at : null,
    enrolledAt: c.enrolled_at,
  }));
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  // Province accounts (admins only), with the province's other admin routes.
  await app.register(accountRoutes);

  /** Every dashboard hears an admin's change at once (its row, as GET /api/hub/centers has it), not at its next refresh. */
  const announce = async (centerId: string) => {
    const [center] = await listCenters(app, centerId);
    if (center) app.io?.of('/province').emit('center:update', center);
  };

  app.post(
    '/api/hub/centers',
    { onRequest: app.requireHubRole(...HUB_ADMINS), schema: { tags: ['province'], summary: 'Create a center; its one-time enrolment code is shown once', body: CreateCenterBody, response: { 201: CenterCreated, 409: ErrorSchema } } },
    async (req, reply) => {
      const c = await createCenter(app.hubDb, req.body, app.clock.now(), app.hubConfig.HUB_ENROLMENT_DAYS);
      req.log.info({ centerId: c.id, code: c.code, by: req.account!.username }, 'center created');
      await announce(c.id);
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
      await announce(req.params.id);
      return { ok: true };
    },
  );

  app.post(
    '/api/hub/centers/:id/enrolment-code',
    { onRequest: app.requireHubRole(...HUB_ADMINS), schema: { tags: ['province'], summary: 'A new one-time enrolment code for a center (the previous code stops working)', params: CenterIdParam, response: { 201: Type.Object({ enrolmentCode: Type.String(), enrolmentExpiresAt: Type.Number() }), 404: ErrorSchema } } },
    async (req, reply) => {
      const code = await renewEnrolmentCode(app.hubDb, req.params.id, app.clock.now(), app.hubConfig.HUB_ENROLMENT_DAYS);
      req.log.info({ centerId: req.params.id, by: req.account!.username }, 'enrolment code issued');
      await announce(req.params.id);
      return reply.status(201).send(code);
    },
  );

  app.post(
    '/api/hub/downlink',
    { onRequest: app.requireHubRole(...HUB_ADMINS), schema: { tags: ['province'], summary: 'Publish a catalog, templates, holidays or a notice line to every center (or one)', body: PublishBody } },
    async (req, reply) => {
      if (req.body.centerId) {
        const found = await app.hubDb.query('SELECT 1 FROM centers WHERE id = $1', [req.body.centerId]);
        if (found.rows.length === 0) throw new DomainError('CENTER_NOT_FOUND');
      }
      // What no center could take is refused here, in the caller's language, rather than refused by every center.
      const problem = checkPublished(req.body.kind, req.body.data);
      if (problem) throw new DomainError('VALIDATION_ERROR', { detail: langOf(req) === 'en' ? problem.en : problem.vi });
      const r = await app.hubDb.query<{ version: number }>('INSERT INTO downlink_items (center_id, kind, published_at, data) VALUES ($1, $2, $3, $4::jsonb) RETURNING version', [
        req.body.centerId ?? null,
        req.body.kind,
        app.clock.now(),
        JSON.stringify(req.body.data ?? null),
      ]);
      req.log.info({ version: r.rows[0].version, kind: req.body.kind, centerId: req.body.centerId ?? null, by: req.account!.username }, 'published to centers');
      return reply.status(201).send({ version: r.rows[0].version });
    },
  );

  app.get(
    '/api/hub/downlink/items',
    {
      onRequest: app.requireHubRole(...HUB_ADMINS),
      schema: { tags: ['province'], summary: 'The newest published items (newest first), with what each center reported back: applied, refused or not yet', querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200 })) }) },
    },
    async (req) => listPublished(app.hubDb, app.clock.now(), req.query.limit ?? 50),
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
