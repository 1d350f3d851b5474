/** Issuing and following tickets. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { DomainError } from '../../protocol/errors';
import { CancelBody, ErrorSchema, IdempotencyHeaders, IssueTicketBody, PublicTicketViewSchema, TicketIdParam, TicketViewSchema } from '../../protocol/schemas';
import { publicTicketView, ticketView } from '../queue/read-model';
import { publicUrl } from '../core/public-url';
import { ANY_STAFF } from '../plugins/auth';
import type { QueueState } from '../queue/state';
import { IssueLimits, issueSource } from '../limits/issue-limits';

/** A category by id ('pri-elderly'), its short name ('elderly') or its code ('NCT'), so integrations can use any. */
function resolvePriority(state: QueueState, value: string | null | undefined): string | null {
  if (!value) return null;
  if (state.priorities.has(value)) return value;
  const wanted = value.toLowerCase();
  const match = [...state.priorities.values()].find((p) => p.code.toLowerCase() === wanted || p.id.toLowerCase() === `pri-${wanted}`);
  if (!match) throw new DomainError('PRIORITY_NOT_FOUND');
  return match.id;
}

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const limits = new IssueLimits({
    kioskPerMinute: app.config.KIOSK_TICKETS_PER_MINUTE,
    visitorPerHour: app.config.VISITOR_TICKETS_PER_HOUR,
    visitorPerDay: app.config.VISITOR_TICKETS_PER_DAY,
    visitorSharePercent: app.config.VISITOR_SHARE_PERCENT,
  });

  app.post(
    '/api/tickets',
    {
      schema: {
        tags: ['tickets'],
        summary: 'Issue a ticket (kiosk). Send an Idempotency-Key so a retried tap returns the same ticket.',
        body: IssueTicketBody,
        headers: IdempotencyHeaders,
        response: { 201: TicketViewSchema, 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema },
      },
    },
    async (req, reply) => {
      const centerId = app.queue.defaultCenterId;
      const state = app.queue.state(centerId);
      const chosen = resolvePriority(state, req.body.priorityId ?? req.body.priority);
      // A scanned CCCD gives the elderly priority from the center's age (server/appointments/); a group the
      // citizen chose on the screen stays. The scanned text is read and dropped, never kept or logged.
      const scanned = req.body.cccd !== undefined ? app.appointments.priorityFromScan(req.body.cccd, state) : null;
      const priorityId = chosen ?? scanned;
      const key = req.headers['idempotency-key'];
      const pass = limits.take(issueSource(req), state.services.get(req.body.serviceId), app.clock.now(), state.businessDay);
      const result = await app.queue.submit(
        centerId,
        // The issuing device, not the body's kioskId (still accepted from old kiosks, no longer trusted).
        { type: 'issue', serviceId: req.body.serviceId, priorityId, kioskId: req.device?.id ?? null },
        { staffId: null, role: 'public' },
        key ? { scope: `issue:${centerId}`, key } : undefined,
      ).catch((err: unknown) => {
        pass.refund();
        throw err;
      });
      // A retried tap gets its ticket again and costs nothing.
      if (result.replayed) pass.refund();
      const ticket = result.ticket!;
      const view = ticketView(state, ticket, publicUrl(app), result.position);
      // Printed only after the commit, and only once even if the tap is retried (printTicket answers a ticket
      // that already has a job with that job's state, also after a restart).
      // Only an approved kiosk prints; a phone's ticket is valid without a slip (print.noPrintReason says why).
      view.print = app.printing.printTicket(ticket, view, req.body.lang ?? 'vi', result.replayed, req.device);
      await app.printing.written();
      if (result.replayed) reply.header('idempotent-replayed', 'true');
      return reply.status(201).send(view);
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      schema: {
        tags: ['tickets'],
        summary: 'A ticket with its live position and ETA; staff fields (staffId, note, kioskId) only for signed-in staff',
        params: TicketIdParam,
        response: { 200: Type.Union([TicketViewSchema, PublicTicketViewSchema]), 404: ErrorSchema },
      },
    },
    async (req) => {
      const ticket = app.queue.findTicket(req.params.id);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
      const view = ticketView(app.queue.state(ticket.centerId), ticket, publicUrl(app), undefined, app.clock.now());
      // Where its slip stands, kept across restarts: printed, still waiting, or dropped unprinted.
      view.print = app.printing.lastPrint(ticket.id, ticket.kioskId);
      // The id is the holder's link: whoever has it may follow the ticket, but only staff see staff notes.
      const signedIn = req.staff !== null && !req.staff.mustChangePassword;
      return signedIn ? view : publicTicketView(view);
    },
  );

  app.post(
    '/api/tickets/:id/cancel',
    {
      onRequest: app.requireRole(...ANY_STAFF),
      schema: { tags: ['tickets'], summary: 'Cancel a waiting or called ticket (staff)', params: TicketIdParam, body: Type.Optional(CancelBody), response: { 200: TicketViewSchema } },
    },
    async (req) => {
      const ticket = app.queue.findTicket(req.params.id);
      if (!ticket) throw new DomainError('TICKET_NOT_FOUND');
      const result = await app.queue.submit(ticket.centerId, { type: 'cancel', ticketId: ticket.id, reason: req.body?.reason ?? null }, { staffId: req.staff!.id, role: req.staff!.role });
      return ticketView(app.queue.state(ticket.centerId), result.ticket!, publicUrl(app), undefined, app.clock.now());
    },
  );
};

export default routes;
