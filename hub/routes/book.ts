/**
 * The hub's booking API for its /book/ page, shaped like a center's (server/appointments/plugin.ts) under
 * /api/book/:center/…. The hub is a relay: reads come from the center's last snapshot; a booking or a cancel is
 * stored as a request and waits for the center's own answer (the center is the system of record), which is given
 * to the citizen as the center gave it. No answer in time → 503 CENTER_UNREACHABLE, and nothing can be booked later.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { BookBody, BookedSchema, CodeParam, SlotsQuery, normalizeBookingCode } from '../../protocol/appointments';
import { DomainError, ERROR_STATUS, type ErrorCode } from '../../protocol/errors';
import { ErrorSchema, IdempotencyHeaders } from '../../protocol/schemas';
import { randomId } from '../../protocol/random-id';
import { langOf } from '../../server/plugins/errors';
import { BookCenterParam } from '../schemas';
import { bookingOptions, nextSignal } from './book-options';
import { AddressLimits } from './book-limits';
import { centerByCode, findRequest, giveUp, listCenters, openRequest, readRequest, readSnapshot, sweepRequests, type BookCenter, type RequestRow } from './book-store';

const tags = ['book'];
const errors = { 400: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema, 429: ErrorSchema, 503: ErrorSchema };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const o = bookingOptions(app);
  const limits = new AddressLimits(o.perHour, o.perHour * 3);
  const onlineMs = app.hubConfig.HUB_ONLINE_SECONDS * 1000;
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });

  async function snapshotOf(code: string) {
    const center = await centerByCode(app.hubDb, code);
    const { snapshot, polledAt } = await readSnapshot(app.hubDb, center.id);
    if (!snapshot) throw new DomainError('CENTER_UNREACHABLE');
    return { center, snapshot, online: polledAt !== null && app.clock.now() - polledAt <= onlineMs };
  }

  const noStore = (reply: FastifyReply) => reply.header('cache-control', 'no-store');

  app.get('/api/book/centers', { schema: { tags, summary: 'Enrolled centers: name, whether a booking made now reaches them' } }, async (_req, reply) => {
    noStore(reply);
    return listCenters(app.hubDb, app.clock.now(), onlineMs);
  });

  app.get('/api/book/:center/center', { schema: { tags, summary: "The center's name (as the center's GET /api/center)", params: BookCenterParam, response: { 200: Type.Any(), 404: ErrorSchema, 503: ErrorSchema } } }, async (req, reply) => {
    noStore(reply);
    const { snapshot, center } = await snapshotOf(req.params.center);
    return { name: center.name, nameEn: snapshot.center.nameEn ?? '', code: center.code };
  });

  app.get('/api/book/:center/services', { schema: { tags, summary: "The center's bookable services (its last snapshot)", params: BookCenterParam, response: { 200: Type.Any(), 404: ErrorSchema, 503: ErrorSchema } } }, async (req, reply) => {
    noStore(reply);
    return (await snapshotOf(req.params.center)).snapshot.services;
  });

  app.get('/api/book/:center/info', { schema: { tags, summary: "The center's public booking info (its GET /api/appointments/info)", params: BookCenterParam, response: { 200: Type.Any(), 404: ErrorSchema, 503: ErrorSchema } } }, async (req, reply) => {
    noStore(reply);
    const { snapshot, online } = await snapshotOf(req.params.center);
    return { ...snapshot.info, online };
  });

  app.get(
    '/api/book/:center/slots',
    { schema: { tags, summary: "A service's free places on a day, as the center last published them", params: BookCenterParam, querystring: SlotsQuery, response: { 200: Type.Any(), 404: ErrorSchema, 503: ErrorSchema } } },
    async (req, reply) => {
      noStore(reply);
      const { snapshot } = await snapshotOf(req.params.center);
      if (!snapshot.services.some((s) => s.id === req.query.serviceId)) throw new DomainError('SERVICE_NOT_FOUND');
      return snapshot.slots[req.query.serviceId]?.[req.query.date] ?? [];
    },
  );

  /** Waits for the center's answer to a request; the hub gives up at the deadline unless the center took it just then. */
  async function answerOf(row: RequestRow & { fresh: boolean }, center: BookCenter, started: number): Promise<RequestRow> {
    if (row.fresh) app.hubEvents.emit('booking-request', center.id);
    const deadline = started + o.waitMs;
    let current: RequestRow = row;
    while (current.status === 'pending' || current.status === 'taken') {
      const left = deadline - Date.now();
      if (left <= 0 || closing) break;
      await nextSignal(app.hubEvents, 'booking-answer', (id) => id === row.id, Math.min(o.pollMs, left));
      current = await readRequest(app.hubDb, row.id);
    }
    if (current.status === 'pending' && (await giveUp(app.hubDb, row.id))) return { ...current, status: 'expired' };
    // Taken just as the hub gave up, or earlier and not answered yet: its answer is near, wait a little for it.
    const graceEnd = Date.now() + o.graceMs;
    current = await readRequest(app.hubDb, row.id);
    while (current.status === 'taken' && Date.now() < graceEnd && !closing) {
      await nextSignal(app.hubEvents, 'booking-answer', (id) => id === row.id, Math.min(o.pollMs, graceEnd - Date.now()));
      current = await readRequest(app.hubDb, row.id);
    }
    return current;
  }

  /** The center's answer as the citizen gets it: its booking, or its refusal translated in the citizen's language. */
  function send(reply: FastifyReply, row: RequestRow, replayed: boolean) {
    if (row.status === 'expired') throw new DomainError('CENTER_UNREACHABLE');
    // Delivered, not answered yet: the same Idempotency-Key later gives the answer (never a second booking).
    if (row.status !== 'answered' || !row.answer) throw new DomainError('CENTER_ANSWER_PENDING');
    const body = row.answer;
    if ((row.answer_status ?? 500) >= 300) {
      const code = (body.code in ERROR_STATUS ? body.code : 'INTERNAL') as ErrorCode;
      throw new DomainError(code, body.params ?? {});
    }
    if (replayed) reply.header('idempotent-replayed', 'true');
    return reply.status(row.answer_status ?? 200).send({ code: body.code, serviceId: body.serviceId, date: body.date, time: body.time });
  }

  type Part = Parameters<typeof openRequest>[1]['request'];

  async function relay(req: FastifyRequest, reply: FastifyReply, centerCode: string, key: string, request: Part, person: Record<string, string> | null) {
    const center = await centerByCode(app.hubDb, centerCode);
    const now = app.clock.now();
    await sweepRequests(app.hubDb, now, o);
    const earlier = await findRequest(app.hubDb, center.id, key);
    // A retry of a request the center answered gets that answer, costs nothing, and needs no center online.
    if (earlier?.status === 'answered') return send(reply, earlier, true);
    const pass = limits.take(req.ip, Date.now());
    try {
      // A center not heard from for a while is not waited for: the citizen learns it now, and nothing is stored.
      const { polledAt } = await readSnapshot(app.hubDb, center.id);
      const offline = polledAt === null || now - polledAt > onlineMs;
      if (offline && earlier?.status !== 'pending' && earlier?.status !== 'taken') throw new DomainError('CENTER_UNREACHABLE');
      const row = await openRequest(app.hubDb, { centerId: center.id, key, request, person, now });
      if (row.status === 'answered') return send(reply, row, true);
      return send(reply, await answerOf(row, center, Date.now()), !row.fresh);
    } catch (err) {
      // A refusal costs nothing; a wrong code does (guessing codes stays slow), as on the center.
      if (!(err instanceof DomainError && err.code === 'APPOINTMENT_NOT_FOUND')) pass.refund();
      throw err;
    }
  }

  app.post(
    '/api/book/:center/appointments',
    {
      schema: {
        tags,
        summary: "Book at a center through the hub: 201 { code, serviceId, date, time } as the center answered, or its refusal; 503 CENTER_UNREACHABLE when it did not answer in time (nothing booked)",
        params: BookCenterParam,
        body: BookBody,
        headers: IdempotencyHeaders,
        response: { 201: BookedSchema, ...errors },
      },
    },
    async (req, reply) => {
      const b = req.body;
      const person: Record<string, string> = { idNumber: b.idNumber };
      if (b.phone) person.phone = b.phone;
      if (b.name) person.name = b.name;
      const key = req.headers['idempotency-key'] ?? randomId();
      return relay(req, reply, req.params.center, `book:${key}`, { kind: 'book', lang: langOf(req), serviceId: b.serviceId, date: b.date, time: b.time }, person);
    },
  );

  app.delete(
    '/api/book/:center/appointments/:code',
    {
      schema: {
        tags,
        summary: 'Cancel a booking at a center through the hub (the place is free again), as the center answered',
        params: Type.Intersect([BookCenterParam, CodeParam]),
        response: { 200: BookedSchema, ...errors },
      },
    },
    async (req, reply) => relay(req, reply, req.params.center, `cancel:${randomId()}`, { kind: 'cancel', lang: langOf(req), code: normalizeBookingCode(req.params.code) }, null),
  );
};

export default routes;
