/**
 * OpenAPI document from the route schemas; UI at /docs, JSON at /docs/json.
 * The Socket.IO protocol's AsyncAPI document beside it: /docs/realtime (page), /docs/realtime.yaml, /docs/realtime.json.
 */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { loadRealtimeDoc } from '../realtime-doc';

export default fp(async function docs(app) {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Hàng Chờ — queue management API',
        description:
          'Kiosk ticketing, counter commands, displays and reports for public administration service centers. ' +
          'Errors are `{ code, message }` with the message in Vietnamese, or English with `Accept-Language: en`.',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'qm_session' } } },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/docs',
    staticCSP: true,
    // Like every other page (plugins/security.ts): centers serve plain HTTP on their LAN, where
    // swagger-ui's default upgrade-insecure-requests would send the browser to a missing https.
    transformStaticCSP: (header) => header.replace(/\s*upgrade-insecure-requests;?/, ''),
  });

  const realtime = loadRealtimeDoc();
  const hide = { schema: { hide: true } };
  app.get('/docs/realtime.yaml', hide, (_req, reply) => reply.type('application/yaml; charset=utf-8').send(realtime.yaml));
  app.get('/docs/realtime.json', hide, (_req, reply) => reply.type('application/json; charset=utf-8').send(realtime.json));
  app.get('/docs/realtime', hide, (_req, reply) => reply.type('text/html; charset=utf-8').send(realtime.html));
}, { name: 'docs', dependencies: [] });
