/** Center settings and the notice line shown on displays. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Center } from '../../protocol/domain';
import { DomainError } from '../../protocol/errors';
import { upsertCenter } from '../store/config-store';
import { applyChange, centerOf } from './change';
import { checkTimeZone, liveTickets } from './checks';
import { CenterInput, NoticeInput } from './schemas';

const tags = ['admin'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.put('/api/admin/center', { schema: { tags, summary: 'Center name, time zone and queue settings', body: CenterInput } }, async (req) => {
    const state = app.queue.state(centerOf(req));
    const before = state.center;
    checkTimeZone(req.body.timeZone);
    if (req.body.timeZone !== before.timeZone) {
      // Another zone can mean another business day: the queue would roll and cancel every live ticket.
      const live = liveTickets(state);
      if (live > 0) throw new DomainError('TIME_ZONE_LOCKED_WHILE_OPEN', { count: live });
    }
    const after: Center = { ...before, ...req.body, id: before.id, settings: { ...before.settings, ...req.body.settings } };
    applyChange(app, req, { action: 'center.update', target: before.id, before, after }, () => upsertCenter(app.db, after));
    return after;
  });

  app.put('/api/admin/notice', { schema: { tags, summary: 'Notice line scrolling on the displays (vi/en)', body: NoticeInput } }, async (req) => {
    const before = app.queue.state(centerOf(req)).center;
    const after: Center = { ...before, settings: { ...before.settings, noticeLine: req.body.noticeLine.normalize('NFC'), noticeLineEn: req.body.noticeLineEn.normalize('NFC') } };
    applyChange(
      app,
      req,
      { action: 'center.notice', target: before.id, before: { noticeLine: before.settings.noticeLine, noticeLineEn: before.settings.noticeLineEn }, after: req.body },
      () => upsertCenter(app.db, after),
    );
    return { noticeLine: after.settings.noticeLine, noticeLineEn: after.settings.noticeLineEn };
  });
};

export default routes;
