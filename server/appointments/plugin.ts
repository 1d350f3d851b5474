/**
 * Appointments on the center (server/appointments/README.md): `app.appointments`, the booking, slot, check-in
 * and cancel routes, the admin's settings, the director's figures, the sweeps and the outbound webhook.
 */
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { ExecuteResult } from '../core/queue-service';
import { Type } from 'typebox';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { BookBody, BookedSchema, CodeParam, OfficerAppointmentSchema, SlotSchema, SlotsQuery } from '../../protocol/appointments';
import { DomainError } from '../../protocol/errors';
import { ErrorSchema, Id, IdempotencyHeaders, PublicTicketViewSchema, TicketViewSchema } from '../../protocol/schemas';
import { publicUrl } from '../core/public-url';
import { IssueLimits, issueSource } from '../limits/issue-limits';
import { ADMINS, ANY_STAFF, DIRECTORS } from '../plugins/auth';
import { errorBody, langOf } from '../plugins/errors';
import { publicTicketView, ticketView } from '../queue/read-model';
import { parseRange } from '../reports/dates';
import { silentNotifier, WebhookNotifier } from './notify';
import { appointmentReport } from './report';
import { AppointmentService } from './service';
import { AppointmentSettingsSchema } from './settings';

declare module 'fastify' {
  interface FastifyInstance {
    appointments: AppointmentService;
  }
}

const errors = { 400: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema };
const tags = ['appointments'];

export default fp(async function appointments(fastify) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const log = app.log.child({ module: 'appointments' });
  const notifier = app.config.NOTIFY_WEBHOOK_URL
    ? new WebhookNotifier({ url: app.config.NOTIFY_WEBHOOK_URL, logger: log, retryMs: app.config.NOTIFY_RETRY_MS })
    : silentNotifier;
  const service = new AppointmentService(app.db, app.queue, app.clock, log, notifier);
  app.decorate('appointments', service);
  const unsubscribe = app.queue.onCommitted(service.onCommitted);
  app.addHook('onReady', async () => service.start());
  app.addHook('onClose', async () => {
    unsubscribe();
    service.stop();
  });

  // Booking and cancelling from a phone at a person's pace (a kiosk or an officer: the kiosk pace).
  const requests = new IssueLimits({
    kioskPerMinute: app.config.KIOSK_TICKETS_PER_MINUTE,
    visitorPerHour: app.config.APPOINTMENT_REQUESTS_PER_HOUR,
    visitorPerDay: app.config.APPOINTMENT_REQUESTS_PER_HOUR * 3,
    visitorSharePercent: 100,
  });
  // Check-in issues a ticket: the issuing limits of POST /api/tickets.
  const checkIns = new IssueLimits({
    kioskPerMinute: app.config.KIOSK_TICKETS_PER_MINUTE,
    visitorPerHour: app.config.VISITOR_TICKETS_PER_HOUR,
    visitorPerDay: app.config.VISITOR_TICKETS_PER_DAY,
    visitorSharePercent: 100,
  });
  /**
   * A place from `limits`, given back when the request is refused for anything but an unknown code: a refusal
   * costs nothing, but guessing codes does (APPOINTMENT_NOT_FOUND keeps its cost).
   */
  async function limited<T>(limits: IssueLimits, req: FastifyRequest, run: () => Promise<T> | T): Promise<T> {
    let pass;
    try {
      pass = limits.take(issueSource(req), undefined, app.clock.now(), app.queue.state().businessDay);
    } catch (err) {
      if (err instanceof DomainError && err.code === 'ISSUE_LIMIT_REACHED' && limits === requests) {
        throw new DomainError('APPOINTMENT_LIMIT_REACHED', err.params);
      }
      throw err;
    }
    try {
      const result = await run();
      // A retry answered with what an earlier request made costs nothing either.
      const r = result as { replayed?: boolean; result?: { replayed?: boolean } };
      if (r?.replayed === true || r?.result?.replayed === true) pass.refund();
      return result;
    } catch (err) {
      if (!(err instanceof DomainError && err.code === 'APPOINTMENT_NOT_FOUND')) pass.refund();
      throw err;
    }
  }

  app.post(
    '/api/appointments',
    {
      schema: {
        tags,
        summary: 'Book a slot: 201 { code, serviceId, date, time }; refusals SLOT_FULL, PERSON_LIMIT_REACHED, ID_NUMBER_INVALID, SLOT_IN_PAST, BOOKING_OUTSIDE_HORIZON, SERVICE_CLOSED_ON_DAY, SLOT_NOT_OFFERED, SERVICE_NOT_BOOKABLE',
        body: BookBody,
        headers: IdempotencyHeaders,
        response: { 201: BookedSchema, ...errors },
      },
    },
    async (req, reply) => {
      // A retried request (same Idempotency-Key) gets its booking again, and costs nothing.
      const booked = await limited(requests, req, () => service.book(req.body, req.headers['idempotency-key']));
      if (booked.replayed) reply.header('idempotent-replayed', 'true');
      const { replayed: _replayed, ...answer } = booked;
      return reply.status(201).send(answer);
    },
  );

  app.get(
    '/api/appointments/info',
    {
      schema: {
        tags,
        summary: "What the booking page tells a citizen: booking open, the center's business day, the days ahead, the check-in window and how long personal data is kept",
        response: {
          200: Type.Object({
            enabled: Type.Boolean(),
            today: Type.String(),
            horizonDays: Type.Integer(),
            checkInEarlyMinutes: Type.Integer(),
            checkInLateMinutes: Type.Integer(),
            purgeAfterDays: Type.Integer(),
            windowFrom: Type.String(),
            windowTo: Type.String(),
            holidays: Type.Optional(Type.Array(Type.Object({ date: Type.String(), name: Type.String() }))),
          }),
        },
      },
    },
    async (_req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.publicInfo();
    },
  );

  app.get(
    '/api/appointments/slots',
    {
      schema: {
        tags,
        summary: "A service's slots still ahead on a day, with the places left: [{ time: 'HH:mm', free }] ([] on a closed day or outside the horizon)",
        querystring: SlotsQuery,
        response: { 200: Type.Array(SlotSchema), ...errors },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      return service.slots(req.query.serviceId, req.query.date);
    },
  );

  app.post(
    '/api/appointments/:code/check-in',
    {
      schema: {
        tags,
        summary: 'Check a booking in (any kiosk page, at a person’s pace): 201 with its ticket, called from its slot time on; CHECK_IN_TOO_EARLY / CHECK_IN_TOO_LATE outside the window',
        params: CodeParam,
        response: { 201: Type.Union([TicketViewSchema, PublicTicketViewSchema]), ...errors },
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      try {
        const { result } = await limited(checkIns, req, () => service.checkIn(req.params.code, req.device?.id ?? null, lang));
        return await sendTicket(req, reply, result, lang);
      } catch (err) {
        // Outside its window, the refusal also names the booking's service: the kiosk offers a normal ticket of it.
        if (err instanceof DomainError && (err.code === 'CHECK_IN_TOO_EARLY' || err.code === 'CHECK_IN_TOO_LATE')) {
          return reply.status(err.status).send({ ...errorBody(req, err.code, err.params), details: { serviceId: service.find(req.params.code).serviceId } });
        }
        throw err;
      }
    },
  );

  /** The checked-in ticket, printed like any ticket: only by an approved kiosk, once even if the check-in is retried. */
  async function sendTicket(req: FastifyRequest, reply: FastifyReply, result: ExecuteResult, lang: 'vi' | 'en') {
    const ticket = result.ticket!;
    const state = app.queue.state(ticket.centerId);
    const now = app.clock.now();
    // Not called before its slot: the estimate (server/queue/estimate.ts) covers the time left to it.
    const view = ticketView(state, ticket, publicUrl(app), result.replayed ? undefined : result.position, now);
    view.print = app.printing.printTicket(ticket, view, lang, result.replayed, req.device);
    await app.printing.written();
    if (result.replayed) reply.header('idempotent-replayed', 'true');
    const signedIn = req.staff !== null && !req.staff.mustChangePassword;
    return reply.status(201).send(signedIn ? view : publicTicketView(view));
  }

  app.post(
    '/api/appointments/check-in',
    {
      schema: {
        tags,
        summary: "Check in by a scanned CCCD instead of the code: today's booking of that ID number (the text is not kept)",
        body: Type.Object({ cccd: Type.String({ minLength: 1, maxLength: 512 }) }, { additionalProperties: false }),
        response: { 201: Type.Union([TicketViewSchema, PublicTicketViewSchema]), ...errors },
      },
    },
    async (req, reply) => {
      const lang = langOf(req);
      const { result } = await limited(checkIns, req, () => service.checkInByCccd(req.body.cccd, req.device?.id ?? null, lang));
      return sendTicket(req, reply, result, lang);
    },
  );

  app.delete(
    '/api/appointments/:code',
    { schema: { tags, summary: 'Cancel a booking (gives its place back)', params: CodeParam, response: { 200: BookedSchema, ...errors } } },
    async (req) => limited(requests, req, () => service.cancel(req.params.code, langOf(req))),
  );

  app.get(
    '/api/appointments/by-ticket/:id',
    {
      onRequest: app.requireRole(...ANY_STAFF),
      schema: { tags, summary: 'The booking behind a ticket, for the officer (the name only if the center shows it)', params: Type.Object({ id: Id }), response: { 200: OfficerAppointmentSchema, ...errors } },
    },
    async (req) => {
      const view = service.officerView(req.params.id);
      if (!view) throw new DomainError('APPOINTMENT_NOT_FOUND');
      return view;
    },
  );

  app.get(
    '/api/admin/appointment-settings',
    { onRequest: app.requireRole(...ADMINS), schema: { tags, summary: "The center's booking settings", response: { 200: AppointmentSettingsSchema, ...errors } } },
    async () => service.settings(),
  );

  app.put(
    '/api/admin/appointment-settings',
    {
      onRequest: app.requireRole(...ADMINS),
      schema: { tags, summary: 'Change booking settings (the given ones; the rest stay)', body: Type.Partial(AppointmentSettingsSchema), response: { 200: AppointmentSettingsSchema, ...errors } },
    },
    async (req) => service.saveSettings(req.body),
  );

  app.get(
    '/api/reports/appointments',
    {
      onRequest: app.requireRole(...DIRECTORS),
      schema: {
        tags: ['reports'],
        summary: 'Bookings, check-ins, punctuality, no-shows, and waits of booked tickets against walk-ins, for a period',
        querystring: Type.Object({ from: Type.Optional(Type.String({ maxLength: 32 })), to: Type.Optional(Type.String({ maxLength: 32 })) }),
        response: { 200: Type.Unsafe({ type: 'object', additionalProperties: true }), ...errors },
      },
    },
    async (req, reply) => {
      const state = app.queue.state();
      reply.header('cache-control', 'no-store');
      return appointmentReport(app.db, state.center.id, parseRange(req.query.from, req.query.to, state.businessDay, state.center.timeZone));
    },
  );
}, { name: 'appointments', dependencies: ['core', 'auth', 'devices', 'printing'] });
