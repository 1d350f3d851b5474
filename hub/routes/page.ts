/**
 * `/province/`: the province dashboard, the built page (dist/web/province/index.html from `vite build`) and the
 * bundles it names under /assets/. Only those: the center's own pages are not served by the hub. Without a build
 * a plain page says where the data is.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { WEB_ROOT } from '../../server/plugins/pages';

const PLACEHOLDER = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hàng Chờ — Tỉnh</title></head>
<body>
<main>
<h1>Hàng Chờ — Trung tâm điều hành cấp tỉnh</h1>
<p>Trang theo dõi chưa được dựng (<code>npm run build</code>). Dữ liệu: <a href="/api/hub/centers">/api/hub/centers</a>,
báo cáo: <a href="/api/hub/reports/summary">/api/hub/reports/summary</a> (cần đăng nhập).</p>
</main>
</body>
</html>
`;

const page: FastifyPluginAsync = async (app) => {
  const built = existsSync(join(WEB_ROOT, 'province/index.html'));
  if (built) {
    await app.register(fastifyStatic, { root: join(WEB_ROOT, 'assets'), prefix: '/assets/', index: false, wildcard: true });
  } else {
    app.log.warn('dist/web/province is missing: run `npm run build` to serve the province dashboard');
  }
  app.get('/province/', async (_req, reply) => {
    if (built) return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').sendFile('index.html', join(WEB_ROOT, 'province'));
    return reply.type('text/html; charset=utf-8').send(PLACEHOLDER);
  });
  app.get('/province', async (_req, reply) => reply.redirect('/province/'));
  app.get('/', async (_req, reply) => reply.redirect('/province/'));
};

export default page;
