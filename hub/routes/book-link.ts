/**
 * What a center's booking relay calls (protocol/hub.ts, server/hub-link/bookings.ts), with its credential like
 * every link call: publish its snapshot, take the citizens' requests (a long poll), give its answers.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { HUB_PATHS, type BookingAnswer, type BookingSnapshot } from '../../protocol/hub';
import { ErrorSchema } from '../../protocol/schemas';
import { centerOfCredential } from '../centers';
import { BookingAnswersBody, BookingSnapshotSchema, BookingWaitQuery } from '../schemas';
import { answerRequests, markPolled, saveSnapshot, takeRequests } from './book-store';
import { bookingOptions, nextSignal } from './book-options';

const tags = ['uplink'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const o = bookingOptions(app);
  const asCenter = async (req: FastifyRequest) => {
    req.centerId = await centerOfCredential(app.hubDb, req.headers.authorization);
  };
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
    app.hubEvents.emit('booking-close');
  });

  app.post(
    HUB_PATHS.bookingSnapshot,
    { onRequest: asCenter, schema: { tags, summary: "The calling center's bookable services and free places, for the hub's /book/", body: BookingSnapshotSchema, response: { 200: Type.Any(), 204: Type.Null(), 401: ErrorSchema } } },
    async (req, reply) => {
      await saveSnapshot(app.hubDb, req.centerId!, req.body as BookingSnapshot, app.clock.now());
      return reply.status(204).send(null);
    },
  );

  app.get(
    HUB_PATHS.bookingRequests,
    {
      onRequest: asCenter,
      schema: { tags, summary: 'A long poll: the requests citizens made for the calling center, as soon as there are any (at most `wait` seconds)', querystring: BookingWaitQuery, response: { 200: Type.Any(), 204: Type.Null(), 401: ErrorSchema } },
    },
    async (req) => {
      const centerId = req.centerId!;
      const until = Date.now() + (req.query.wait ?? 0) * 1000;
      // Once per poll (not per turn below): "seen recently" is what /book/ shows as bookings possible now.
      await markPolled(app.hubDb, centerId, app.clock.now());
      for (;;) {
        // A relay that hung up would never receive what is taken now: leave it for the next poll.
        if (req.raw.socket?.destroyed) return { requests: [] };
        const requests = await takeRequests(app.hubDb, centerId, app.clock.now(), { waitMs: o.waitMs, redeliverMs: o.redeliverMs, limit: 20 });
        if (requests.length > 0 || closing || Date.now() >= until) return { requests };
        // Woken at once by a request made on this node; a request made on another node is seen at the next turn.
        await nextSignal(app.hubEvents, 'booking-request', (id) => id === centerId, Math.min(o.pollMs, until - Date.now()));
      }
    },
  );

  app.post(
    HUB_PATHS.bookingAnswers,
    { onRequest: asCenter, schema: { tags, summary: 'What the calling center did with the requests it took', body: BookingAnswersBody, response: { 200: Type.Any(), 204: Type.Null(), 401: ErrorSchema } } },
    async (req) => {
      const accepted = await answerRequests(app.hubDb, req.centerId!, req.body.answers as BookingAnswer[], app.clock.now());
      for (const id of accepted) app.hubEvents.emit('booking-answer', id);
      return { accepted };
    },
  );
};

export default routes;
