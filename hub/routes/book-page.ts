/**
 * `/book/` on the hub: the center's booking page (book/, built by Vite into dist/web/book/), with one marker in
 * its head that turns it to the hub's API (book/lib/api-base.ts): a first step chooses the center, then every
 * call goes to /api/book/<center>/…. Its bundles are the /assets/ the province page already serves (one build).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyPluginAsync } from 'fastify';
import { WEB_ROOT } from '../../server/plugins/pages';

export const HUB_BOOK_MARKER = '<meta name="qm-book-api" content="hub">';

const page: FastifyPluginAsync = async (app) => {
  const file = join(WEB_ROOT, 'book/index.html');
  const html = existsSync(file) ? readFileSync(file, 'utf8').replace('</head>', `${HUB_BOOK_MARKER}\n</head>`) : null;
  if (!html) app.log.warn('dist/web/book is missing: run `npm run build` to serve the booking page');
  app.get('/book/', async (_req, reply) => {
    reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache');
    if (html) return reply.send(html);
    return reply.send('<!doctype html><html lang="vi"><meta charset="utf-8"><title>Đặt lịch hẹn</title><p>Trang đặt lịch chưa được dựng (<code>npm run build</code>). Danh sách trung tâm: <a href="/api/book/centers">/api/book/centers</a>.</p></html>');
  });
  app.get('/book', async (req, reply) => reply.redirect(`/book/${req.url.slice('/book'.length)}`));
};

export default page;
