/**
 * The center's link to its province hub (server/hub-link/): a background worker woken by the queue writer's
 * commits, and the admin routes to enrol and see it. `app.hubLink.health()` is the `hub` part of /api/health.
 */
import fp from 'fastify-plugin';
import { openReader } from '../reports/read-connection';
import { applyChangeAs } from '../admin/change';
import { HubLinkWorker } from '../hub-link/worker';
import { applyDownlink } from '../hub-link/downlink';
import { centerLive } from '../hub-link/live';
import hubRoutes from '../hub-link/routes';
import { BookingRelay } from '../hub-link/bookings';
import { bookingSnapshot } from '../hub-link/booking-snapshot';

declare module 'fastify' {
  interface FastifyInstance {
    hubLink: HubLinkWorker;
    /** Bookings made on the province hub's /book/, relayed here (server/hub-link/bookings.ts). */
    hubBookings: BookingRelay;
  }
}

export default fp(async function hubLink(app) {
  const centerId = app.queue.defaultCenterId;
  const reader = openReader(app.db);
  const worker = new HubLinkWorker({
    db: app.db,
    reader,
    centerId,
    clock: app.clock,
    logger: app.log.child({ module: 'hub-link' }),
    hubUrl: app.config.HUB_URL,
    enrolmentCode: app.config.HUB_ENROLMENT_CODE,
    live: () => centerLive(app.queue.state(centerId), app.printing.statuses(), app.clock.now()),
    applyDownlink: (applied, items) => {
      applyDownlink(app, centerId, applied, items);
    },
    commitEnrolment: (write, before, after) =>
      applyChangeAs(app, { centerId, staffId: null }, { action: 'hub.enrol', target: (after as { hubCenterId: string }).hubCenterId, before, after }, write, { reload: false }),
  });
  app.decorate('hubLink', worker);
  // Only a flag and, when idle, a short timer: the commit path never waits on the hub.
  const off = app.queue.onCommitted(() => worker.wake());
  // appointments registers after this plugin: read when the relay runs, never at registration.
  const relay = new BookingRelay({
    address: () => worker.hubAddress,
    appointments: () => app.appointments,
    snapshot: () => bookingSnapshot(app.queue, app.appointments, app.clock),
    db: app.db,
    bookScope: () => `book:${centerId}`,
    now: () => app.clock.now(),
    logger: app.log.child({ module: 'hub-bookings' }),
  });
  app.decorate('hubBookings', relay);
  // A booking or cancel on the center's own page changes the places the hub shows.
  app.addHook('onResponse', async (req, reply) => {
    if (req.method !== 'GET' && reply.statusCode < 400 && req.url.startsWith('/api/appointments')) relay.changed();
  });
  app.addHook('onReady', async () => {
    worker.start();
    relay.start();
  });
  app.addHook('onClose', async () => {
    off();
    await relay.stop();
    await worker.stop();
    if (reader !== app.db) reader.close();
  });
  await app.register(hubRoutes);
}, { name: 'hub-link', dependencies: ['core', 'auth', 'printing', 'realtime'] });
