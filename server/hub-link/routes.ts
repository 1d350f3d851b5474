/** The center admin's view of the province link: its state, and enrolment with a one-time code. */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { pickLang } from '../../protocol/i18n';
import { ADMINS } from '../plugins/auth';
import { errorBody } from '../plugins/errors';
import { applyChange } from '../admin/change';
import { HubHttpError, HubUnreachableError } from './client';
import { latestDownlink } from './store';

const tags = ['admin'];

const EnrolBody = Type.Object(
  {
    hubUrl: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$', maxLength: 500 })),
    enrolmentCode: Type.String({ minLength: 1, maxLength: 200 }),
  },
  { additionalProperties: false },
);

const MESSAGES = {
  unreachable: { vi: 'Không kết nối được máy chủ của tỉnh. Kiểm tra địa chỉ và đường truyền rồi thử lại.', en: 'The province hub cannot be reached. Check the address and the link, then try again.' },
  refused: { vi: 'Máy chủ của tỉnh không nhận mã đăng ký này (sai, đã dùng hoặc đã bị thu hồi).', en: 'The province hub refused this enrolment code (wrong, already used or revoked).' },
  noUrl: { vi: 'Cần nhập địa chỉ máy chủ của tỉnh.', en: 'The province hub address is required.' },
};

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.addHook('onRequest', app.requireRole(...ADMINS));

  app.get('/api/admin/hub', { schema: { tags, summary: 'The link to the province hub: enrolment, sync, what the province sent' } }, async () => {
    const centerId = app.queue.defaultCenterId;
    return {
      ...app.hubLink.status(),
      holidays: latestDownlink(app.db, centerId, 'holidays'),
      serviceTemplates: latestDownlink(app.db, centerId, 'service-templates'),
    };
  });

  app.post('/api/admin/hub/enrol', { schema: { tags, summary: 'Enrol this center at its province hub with a one-time code', body: EnrolBody } }, async (req, reply) => {
    const lang = pickLang(req.headers['accept-language']);
    const hubUrl = req.body.hubUrl ?? app.config.HUB_URL;
    if (!hubUrl) return reply.status(400).send({ ...errorBody(req, 'VALIDATION_ERROR'), message: MESSAGES.noUrl[lang] });
    try {
      await app.hubLink.enrol(hubUrl, req.body.enrolmentCode.trim(), (write, before, after) =>
        applyChange(app, req, { action: 'hub.enrol', target: (after as { hubCenterId: string }).hubCenterId, before, after }, write, { reload: false }),
      );
    } catch (err) {
      if (err instanceof HubHttpError && err.status >= 400 && err.status < 500) {
        return reply.status(422).send({ code: 'ENROLMENT_REFUSED', message: MESSAGES.refused[lang], details: { hubStatus: err.status } });
      }
      if (err instanceof HubUnreachableError || err instanceof HubHttpError) {
        return reply.status(502).send({ code: 'HUB_UNREACHABLE', message: MESSAGES.unreachable[lang] });
      }
      throw err;
    }
    app.hubLink.start();
    return app.hubLink.status();
  });
};

export default routes;
