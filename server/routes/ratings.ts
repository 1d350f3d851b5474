/**
 * Satisfaction ratings from the tablet at each counter. The tablet has no login: it is a known
 * device (kind `rating`, bound to one counter), and only it rates, only tickets finished at its
 * counter in the last two hours, once each. A phone or any other browser cannot rate, nor read
 * which ticket a counter just finished: knowing a ticket id is not enough to rate it.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../../protocol/errors';
import { Type } from 'typebox';
import { RATING_LEVEL_LABELS, RATING_REASONS, type LastCompleted, type RatingLevel } from '../../protocol/reports';
import { CounterParam, ErrorSchema, Id } from '../../protocol/schemas';
import { resolveCounterId } from './counters';
import { addRating, findRating, lastCompleted, RATING_WINDOW_MS } from '../reports/ratings-store';
import { resolveReasons } from '../reports/reasons';

const tags = ['ratings'];

const RatingBody = Type.Object(
  {
    ticketId: Id,
    level: Type.Integer({ minimum: 1, maximum: 4, description: '4 Rất hài lòng, 3 Hài lòng, 2 Bình thường, 1 Không hài lòng' }),
    reasons: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 60 }), { maxItems: 6, description: 'Reason chip ids or their text (see GET /api/ratings/reasons)' })),
  },
  { additionalProperties: false },
);

const RatingReply = Type.Object({
  ticketId: Type.String(),
  level: Type.Integer(),
  reasons: Type.Array(Type.String()),
  at: Type.Integer(),
});

const LastCompletedQuery = Type.Object({
  withinMinutes: Type.Optional(Type.Integer({ minimum: 1, maximum: RATING_WINDOW_MS / 60_000, default: 5, description: 'How far back a finished ticket still counts' })),
});

const LastCompletedReply = Type.Unsafe<LastCompleted>({ type: 'object', additionalProperties: true, description: 'LastCompleted, see protocol/reports.ts' });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/api/ratings/reasons', { schema: { tags, summary: 'Rating levels and reason chips, split into positive and negative' } }, async () => ({
    levels: ([4, 3, 2, 1] as RatingLevel[]).map((level) => ({ level, ...RATING_LEVEL_LABELS[level] })),
    positive: RATING_REASONS.filter((r) => r.positive),
    negative: RATING_REASONS.filter((r) => !r.positive),
  }));

  app.post(
    '/api/ratings',
    {
      onRequest: app.requireDevice('rating'),
      // A tablet rates one citizen every few minutes; 30 a minute only stops a runaway client.
      config: { rateLimit: { max: 30, timeWindow: '1 minute', keyGenerator: (req: FastifyRequest) => req.device?.id ?? req.ip } },
      schema: {
        tags,
        summary: "Rate a ticket finished at this rating tablet's counter (approved rating devices only; once, within 2 hours)",
        body: RatingBody,
        response: { 201: RatingReply, 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req, reply) => {
      const reasons = resolveReasons(req.body.reasons ?? []);
      const rating = addRating(app.db, { ticketId: req.body.ticketId, counterId: req.device!.counterId, level: req.body.level as RatingLevel, reasons, now: app.clock.now() });
      req.log.info({ ticketId: rating.ticketId, level: rating.level }, 'rating stored');
      return reply.status(201).send(rating);
    },
  );

  app.get(
    '/api/counters/:counterId/last-completed',
    {
      schema: {
        tags,
        summary: "The counter's ticket finished in the last minutes, and its rating if any: for that counter's rating tablet (after a reload) and for staff",
        params: CounterParam,
        querystring: LastCompletedQuery,
        response: { 200: LastCompletedReply, 403: ErrorSchema, 404: ErrorSchema },
      },
    },
    async (req) => {
      const staff = req.staff && !req.staff.mustChangePassword;
      if (!staff && !req.device) throw new DomainError('DEVICE_NOT_PAIRED');
      const state = app.queue.state();
      const counter = state.counters.get(resolveCounterId(state, req.params.counterId))!;
      // The ticket id it answers is what rating needs: only this counter's own tablet learns it.
      if (!staff && (req.device!.kind !== 'rating' || req.device!.counterId !== counter.id)) throw new DomainError('DEVICE_KIND_MISMATCH');
      const now = app.clock.now();
      const within = (req.query.withinMinutes ?? 5) * 60_000;
      const t = lastCompleted(app.db, state.center.id, counter.id, now - within);
      const service = t ? state.services.get(t.service_id) : undefined;
      const staffName = t?.staff_id ? ((app.db.prepare('SELECT display_name FROM staff WHERE id = ?').pluck().get(t.staff_id) as string | undefined) ?? null) : null;
      return {
        counter: { id: counter.id, number: counter.number, name: counter.name },
        ticket: t
          ? { id: t.id, number: t.number, serviceId: t.service_id, serviceName: service?.name ?? t.service_id, serviceNameEn: service?.nameEn ?? t.service_id, staffName, completedAt: t.completed_at }
          : null,
        rating: t ? findRating(app.db, t.id) : null,
        rateUntil: t ? t.completed_at + RATING_WINDOW_MS : null,
      };
    },
  );
};

export default routes;
