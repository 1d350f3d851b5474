/**
 * Cross-origin access for the embeddable kiosk (`<qm-kiosk server="https://…">`
 * dropped into another site). Allowed origins come from KIOSK_EMBED_ORIGINS, a
 * comma-separated list such as "https://dichvucong.example.gov.vn,http://10.0.0.5:3000";
 * unset means same-origin only (no CORS headers at all).
 *
 * Only what the kiosk needs is opened: the public read routes, issuing a ticket,
 * printing a checklist, the built kiosk assets and the Socket.IO polling transport.
 * Credentials are never allowed cross-origin, so staff sessions stay same-origin.
 *
 * GET /kiosk/embed.js is a stable URL for the kiosk's hashed bundle, so a host page
 * does not need to change when the kiosk is rebuilt.
 */
import fp from 'fastify-plugin';
import cors from '@fastify/cors';
import type { FastifyRequest } from 'fastify';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { WEB_ROOT } from './pages';

/** Method + path patterns a foreign page may call (paths without query). */
const EMBEDDABLE: { methods: string[]; path: RegExp }[] = [
  { methods: ['GET'], path: /^\/api\/(services|priorities|center|queue\/snapshot)$/ },
  { methods: ['GET'], path: /^\/api\/procedures(\/[^/]+)?$/ },
  { methods: ['GET'], path: /^\/api\/tickets\/[^/]+$/ },
  { methods: ['POST'], path: /^\/api\/tickets$/ },
  { methods: ['POST'], path: /^\/api\/procedures\/[^/]+\/print$/ },
  { methods: ['GET'], path: /^\/(assets\/[^/]+|kiosk\/embed\.js)$/ },
];

export function parseOrigins(value: string | undefined): Set<string> {
  return new Set(
    (value ?? '')
      .split(',')
      .map((o) => o.trim().replace(/\/+$/, ''))
      .filter(Boolean),
  );
}

export function isEmbeddable(method: string, url: string): boolean {
  const path = url.split('?')[0];
  return EMBEDDABLE.some((r) => r.methods.includes(method) && r.path.test(path));
}

/** The module script the built kiosk page loads, e.g. "/assets/kiosk-Ab12.js". */
function kioskBundlePath(): string | null {
  const page = resolve(WEB_ROOT, 'kiosk/index.html');
  if (!existsSync(page)) return null;
  const match = /<script[^>]+type="module"[^>]+src="([^"]+)"/.exec(readFileSync(page, 'utf8'));
  return match ? match[1] : null;
}

export default fp(async function embedding(app) {
  const allowed = parseOrigins(app.config.KIOSK_EMBED_ORIGINS);

  await app.register(cors, {
    delegator: (req: FastifyRequest, callback) => {
      const origin = req.headers.origin;
      // A preflight names the real method in its own header.
      const method = req.method === 'OPTIONS' ? String(req.headers['access-control-request-method'] ?? '') : req.method;
      const ok = !!origin && allowed.has(origin) && isEmbeddable(method.toUpperCase(), req.url);
      callback(null, {
        origin: ok ? origin : false,
        methods: ['GET', 'POST'],
        allowedHeaders: ['content-type', 'idempotency-key', 'accept-language'],
        exposedHeaders: ['x-total-count', 'idempotent-replayed'],
        credentials: false,
        maxAge: 600,
      });
    },
  });

  app.get('/kiosk/embed.js', { schema: { hide: true } }, async (req, reply) => {
    const bundle = kioskBundlePath();
    if (!bundle) return reply.status(404).type('text/javascript').send('// kiosk not built: run `npm run build`\n');
    // Absolute against this server, because the importing page lives on another origin.
    const base = `${req.protocol}://${req.host}`;
    reply.header('cache-control', 'no-cache');
    return reply.type('text/javascript; charset=utf-8').send(`import ${JSON.stringify(new URL(bundle, base).href)};\n`);
  });

  // Socket.IO answers its own HTTP requests before Fastify sees them, so its polling
  // transport gets the same origin rule here. WebSocket handshakes are not subject to
  // CORS in browsers; /public only carries what the hall display shows anyway.
  app.addHook('onReady', async () => {
    if (!app.hasDecorator('io') || allowed.size === 0) return;
    app.io.engine.use((req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => {
      const origin = req.headers.origin;
      if (!origin || !allowed.has(origin)) return next();
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST');
        res.setHeader('Access-Control-Allow-Headers', 'content-type');
        res.setHeader('Access-Control-Max-Age', '600');
        res.writeHead(204);
        res.end();
        return;
      }
      next();
    });
  });
}, { name: 'embedding', dependencies: ['core'] });
