/** OpenAPI document from the route schemas; UI at /docs, JSON at /docs/json. */
import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';

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
}, { name: 'docs', dependencies: [] });
