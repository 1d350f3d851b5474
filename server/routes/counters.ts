/**
 * Counter commands (staff). Each names the ticket it acts on, so a double click
 * or a stale tab cannot act twice; call-next may also carry the ticket the console
 * believes the counter holds, and an Idempotency-Key.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type, type TSchema } from 'typebox';
import { DomainError } from '../../protocol/errors';
import {
  CallNextBody,
  CallTicketBody,
  CounterCommandReplySchema,
  CounterParam,
  ErrorSchema,
  HeldTicketBody,
  IdempotencyHeaders,
  PauseBody,
  TransferBody,
  type CounterCommandReply,
} from '../../protocol/schemas';
import type { Command, HeldTicketCommand } from '../queue/commands';
import type { QueueState } from '../queue/state';
import { staffCounterView, ticketView } from '../queue/read-model';
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

const responses = { 200: CounterCommandReplySchema, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 409: ErrorSchema };

/** Route schema of a counter command; the body schema types `req.body` in the handler. */
function schema<B extends TSchema>(summary: string, body: B) {
  return { tags: ['counters'], summary, params: CounterParam, headers: IdempotencyHeaders, response: responses, body };
}

/**
 * Commands on the ticket a counter holds, by the path that posts them. `skip` is the public name of
 * `requeue` (the console's button and the documented route); `/requeue` answers too.
 */
const HELD_TICKET_ROUTES = {
  recall: 'recall',
  start: 'start',
  complete: 'complete',
  'no-show': 'no-show',
  requeue: 'requeue',
  skip: 'requeue',
} as const satisfies Record<string, Exclude<HeldTicketCommand['type'], 'transfer'>>;

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const guard = app.requireRole(...ANY_STAFF);
  // Commands without options may be posted with no body at all.
  app.addHook('preValidation', async (req) => {
    if (req.body === undefined || req.body === null) req.body = {};
  });

  async function run(req: FastifyRequest, param: string, build: (counterId: string) => Command, idempotencyKey?: string): Promise<CounterCommandReply> {
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
      ticket: result.ticket ? ticketView(state, result.ticket, publicUrl(app), undefined, app.clock.now()) : null,
      counter: staffCounterView(state, counterId)!,
    };
  }

  app.post('/api/counters/:counterId/call-next', { onRequest: guard, schema: schema('Call the next ticket for this counter', Type.Optional(CallNextBody)) }, async (req) => {
    const { expectedCurrentTicketId } = req.body ?? {};
    return run(req, req.params.counterId, (counterId) => ({ type: 'call-next', counterId, expectedCurrentTicketId }), req.headers['idempotency-key']);
  });

  app.post('/api/counters/:counterId/call', { onRequest: guard, schema: schema('Call a specific waiting ticket', CallTicketBody) }, async (req) => {
    const { ticketId, expectedCurrentTicketId } = req.body;
    return run(req, req.params.counterId, (counterId) => ({ type: 'call-ticket', counterId, ticketId, expectedCurrentTicketId }), req.headers['idempotency-key']);
  });

  for (const [path, type] of Object.entries(HELD_TICKET_ROUTES)) {
    const summary = path === 'skip' ? 'Send the held ticket back to the queue' : `${path} the ticket held by this counter`;
    app.post(`/api/counters/:counterId/${path}`, { onRequest: guard, schema: schema(summary, HeldTicketBody) }, async (req) => {
      const { ticketId } = req.body;
      return run(req, req.params.counterId, (counterId) => ({ type, counterId, ticketId }));
    });
  }

  app.post('/api/counters/:counterId/transfer', { onRequest: guard, schema: schema('Transfer the held ticket to another service or counter', TransferBody) }, async (req) => {
    const { ticketId, toServiceId, toCounterId, note } = req.body;
    const target = toCounterId ? resolveCounterId(app.queue.state(), toCounterId) : null;
    return run(req, req.params.counterId, (counterId) => ({ type: 'transfer', counterId, ticketId, toServiceId: toServiceId ?? null, toCounterId: target, note: note ?? null }));
  });

  app.post('/api/counters/:counterId/pause', { onRequest: guard, schema: schema('Pause the counter with a reason', PauseBody) }, async (req) => {
    const { reason } = req.body;
    return run(req, req.params.counterId, (counterId) => ({ type: 'pause', counterId, reason }));
  });

  app.post('/api/counters/:counterId/resume', { onRequest: guard, schema: { tags: ['counters'], summary: 'Resume a paused counter', params: CounterParam, headers: IdempotencyHeaders, response: responses } }, async (req) => {
    return run(req, req.params.counterId, (counterId) => ({ type: 'resume', counterId }));
  });
};

export default routes;
