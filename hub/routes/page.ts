/** `/province/`: the province dashboard's address. A plain page until the dashboard is built. */
import type { FastifyPluginAsync } from 'fastify';

const PAGE = `<!doctype html>
<html lang="vi">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Hàng Chờ — Tỉnh</title></head>
<body>
<main>
<h1>Hàng Chờ — Trung tâm điều hành cấp tỉnh</h1>
<p>Bảng theo dõi các trung tâm đang được xây dựng. Dữ liệu: <a href="/api/hub/centers">/api/hub/centers</a>,
báo cáo: <a href="/api/hub/reports/summary">/api/hub/reports/summary</a> (cần đăng nhập).</p>
</main>
</body>
</html>
`;

const page: FastifyPluginAsync = async (app) => {
  app.get('/province/', async (_req, reply) => reply.type('text/html; charset=utf-8').send(PAGE));
  app.get('/province', async (_req, reply) => reply.redirect('/province/'));
  app.get('/', async (_req, reply) => reply.redirect('/province/'));
};

export default page;
