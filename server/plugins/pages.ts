/**
 * The built pages (dist/web, made by `vite build`) and the parameterised URLs
 * that map onto them: /display/counter/3, /t/:ticketId, /rate/counter/3, and the pairing page /pair/.
 */
import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths';

export const WEB_ROOT = join(projectRoot(), 'dist/web');

export default fp(async function pages(app) {
  if (!existsSync(WEB_ROOT)) {
    app.log.warn('dist/web is missing: run `npm run build` to serve the pages');
    return;
  }
  await app.register(fastifyStatic, { root: WEB_ROOT, prefix: '/', index: ['index.html'], wildcard: true, redirect: true });

  const page = (file: string) => async (_req: unknown, reply: { sendFile: (f: string) => unknown; type: (t: string) => unknown }) => {
    reply.type('text/html; charset=utf-8');
    return reply.sendFile(file);
  };
  app.get('/display/counter/:number', page('display/counter.html'));
  app.get('/t/:ticketId', page('kiosk/phone.html'));
  app.get('/rate/counter/:number', page('console/rate.html'));
  app.get('/pair/', page('devices/pair.html'));
  app.get('/pair', async (req, reply) => reply.redirect('/pair/' + (req.url.includes('?') ? req.url.slice(req.url.indexOf('?')) : '')));
  app.get('/', async (_req, reply) => reply.redirect('/kiosk/'));
}, { name: 'pages', dependencies: [] });
