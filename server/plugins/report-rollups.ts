/**
 * The summary rollups' maintainer (server/reports/rollup-maintainer.ts), as `app.reportRollups`: woken at start,
 * by the roll-over to a new business day, and by a summary that met a closed day without a fresh rollup.
 */
import fp from 'fastify-plugin';
import { RollupMaintainer } from '../reports/rollup-maintainer';

declare module 'fastify' {
  interface FastifyInstance {
    reportRollups: RollupMaintainer;
  }
}

export default fp(async function reportRollups(app) {
  const centerId = app.queue.defaultCenterId;
  const maintainer = new RollupMaintainer({
    db: app.db,
    centerId,
    timeZone: () => app.queue.state(centerId).center.timeZone,
    now: () => app.clock.now(),
    logger: app.log.child({ module: 'report-rollups' }),
  });
  app.decorate('reportRollups', maintainer);
  // Only a flag for a later turn: the commit path never builds anything.
  const off = app.queue.onCommitted((c) => {
    if (c.command === 'roll-day') maintainer.wake();
  });
  app.addHook('onReady', async () => maintainer.start());
  app.addHook('onClose', async () => {
    off();
    await maintainer.stop();
  });
}, { name: 'report-rollups', dependencies: ['core'] });
