/**
 * Counter commands (staff). Each names the ticket it acts on, so a double click
 * or a stale tab cannot act twice; call-next may also carry the ticket the console
 * believes the counter holds, and an Idempotency-Key.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { DomainError } from '../../protocol/errors';
import {
  CallNextBody,
  CallTicketBody,
  CounterParam,
  ErrorSchema,
  HeldTicketBody,
  IdempotencyHeaders,
  PauseBody,
  TicketViewSchema,
  TransferBody,
} from '../../protocol/schemas';
import type { Command } from '../queue/commands';
import type { QueueState } from '../queue/state';
import { counterView, ticketView } from '../queue/read-model';
import { publicUrl } from '../core/public-url';
import { ANY_STAFF } from '../plugins/auth';

/** By id ('ctr-3') or by the number on the wall ('3'). */
export function resolveCounterId(state: QueueState, param: string): string {
  if (state.counters.has(param)) return param;
  if (/^\d+$/.test(param)) {
    const byNumber = [...state.counters.values()].find((c) => c.number === Number(param));
    if (byNumber) return byNumber.id;
  }
  throw new DomainError('COUNTER_NOT_FOUND');
}

const Reply = Type.Object({
  ticket: Type.Union([TicketViewSchema, Type.Null()]),
  counter: Type.Object({ id: Type.String(), number: Type.Integer() }, { additionalProperties: true }),
});
const responses = { 200: Reply, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const guard = app.requireRole(...ANY_STAFF);
  // Commands without options may be posted with no body at all.
  app.addHook('preValidation', async (req) => {
    if (req.body === undefined || req.body === null) req.body = {};
  });

  async function run(req: FastifyRequest, param: string, build: (counterId: string) => Command, idempotencyKey?: string) {
    const centerId = app.queue.defaultCenterId;
    const state = app.queue.state(centerId);
    const counterId = resolveCounterId(state, param);
    const staff = req.staff!;
    const result = await app.queue.submit(
      centerId,
      build(counterId),
      { staffId: staff.id, role: staff.role },
      idempotencyKey ? { scope: `counter:${counterId}`, key: idempotencyKey } : undefined,
    );
    return {
      ticket: result.ticket ? ticketView(state, result.ticket, publicUrl(app)) : null,
      counter: counterView(state, counterId)!,
    };
  }

  const schema = (summary: string, body?: object) => ({ tags: ['counters'], summary, params: CounterParam, headers: IdempotencyHeaders, response: responses, ...(body ? { body } : {}) });

  app.post('/api/counters/:counterId/call-next', { onRequest: guard, schema: schema('Call the next ticket for this counter', Type.Optional(CallNextBody)) }, async (req) => {
    const body = (req.body ?? {}) as { expectedCurrentTicketId?: string | null };
    const result = run(req, req.params.counterId, (counterId) => ({ type: 'call-next', counterId, expectedCurrentTicketId: body.expectedCurrentTicketId }), req.headers['idempotency-key']);
    return result;
  });

  app.post('/api/counters/:counterId/call', { onRequest: guard, schema: schema('Call a specific waiting ticket', CallTicketBody) }, async (req) => {
    const body = req.body as { ticketId: string; expectedCurrentTicketId?: string | null };
    return run(req, req.params.counterId, (counterId) => ({ type: 'call-ticket', counterId, ticketId: body.ticketId, expectedCurrentTicketId: body.expectedCurrentTicketId }), req.headers['idempotency-key']);
  });

  for (const action of ['recall', 'start', 'complete', 'no-show', 'requeue'] as const) {
    app.post(`/api/counters/:counterId/${action}`, { onRequest: guard, schema: schema(`${action} the ticket held by this counter`, HeldTicketBody) }, async (req) => {
      const { ticketId } = req.body as { ticketId: string };
      return run(req, req.params.counterId, (counterId) => ({ type: action, counterId, ticketId }));
    });
  }
  // "skip" is the console's word for requeue.
  app.post('/api/counters/:counterId/skip', { onRequest: guard, schema: schema('Send the held ticket back to the queue', HeldTicketBody) }, async (req) => {
    const { ticketId } = req.body as { ticketId: string };
    return run(req, req.params.counterId, (counterId) => ({ type: 'requeue', counterId, ticketId }));
  });

  app.post('/api/counters/:counterId/transfer', { onRequest: guard, schema: schema('Transfer the held ticket to another service or counter', TransferBody) }, async (req) => {
    const body = req.body as { ticketId: string; toServiceId?: string | null; toCounterId?: string | null; note?: string | null };
    const state = app.queue.state();
    const toCounterId = body.toCounterId ? resolveCounterId(state, body.toCounterId) : null;
    return run(req, req.params.counterId, (counterId) => ({ type: 'transfer', counterId, ticketId: body.ticketId, toServiceId: body.toServiceId ?? null, toCounterId, note: body.note ?? null }));
  });

  app.post('/api/counters/:counterId/pause', { onRequest: guard, schema: schema('Pause the counter with a reason', PauseBody) }, async (req) => {
    const { reason } = req.body as { reason: string };
    return run(req, req.params.counterId, (counterId) => ({ type: 'pause', counterId, reason }));
  });

  app.post('/api/counters/:counterId/resume', { onRequest: guard, schema: schema('Resume a paused counter') }, async (req) => {
    return run(req, req.params.counterId, (counterId) => ({ type: 'resume', counterId }));
  });
};

export default routes;
