/**
 * Same origin only, for every request that changes something (not GET/HEAD/OPTIONS).
 * SameSite=Strict keeps the session cookie from other *sites*, but a page served
 * from the same host on another port is the same site: without this check it could
 * make a signed-in browser call next or reset a password.
 *
 * What the browser says decides, in this order:
 * - `Sec-Fetch-Site` (browsers set it, pages cannot): `same-origin`, or `none` for
 *   what the user typed or bookmarked; anything else is refused;
 * - else `Origin`: its host:port must be the request's Host;
 * - neither: not a browser acting for a signed-in victim (curl, another server,
 *   tests), so the request goes on to the usual checks.
 *
 * The one exception is KIOSK_EMBED_ORIGINS: the embedded kiosk may make the kiosk's
 * own calls (plugins/embedding.ts lists them) from those origins, without cookies.
 */
import fp from 'fastify-plugin';
import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '../../protocol/errors';
import { isEmbeddable, parseOrigins } from './embedding';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Whether a browser sent this from a page of this very server (or sent no browser headers at all). */
export function fromSameOrigin(headers: IncomingHttpHeaders): boolean {
  const site = headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== '') return site === 'same-origin' || site === 'none';
  const origin = headers.origin;
  if (origin === undefined) return true;
  return sameHost(origin, headers.host);
}

function sameHost(origin: string, host: string | undefined): boolean {
  if (!host) return false;
  try {
    const from = new URL(origin);
    // Parsed with the origin's scheme, so "hall.test" and "hall.test:80" compare equal for http.
    return from.host === new URL(`${from.protocol}//${host}`).host;
  } catch {
    return false; // "null" (sandboxed frame, file://) or garbage
  }
}

export default fp(async function sameOrigin(app) {
  const embedOrigins = parseOrigins(app.config.KIOSK_EMBED_ORIGINS);

  app.addHook('onRequest', async (req) => {
    if (READS.has(req.method) || fromSameOrigin(req.raw.headers)) return;
    const origin = req.raw.headers.origin;
    if (origin && embedOrigins.has(origin) && isEmbeddable(req.method, req.url)) return;
    throw new DomainError('CROSS_ORIGIN');
  });
  // After embedding (a dependency): a refused embedded call still carries its CORS headers, so the page can read why.
}, { name: 'same-origin', dependencies: ['core', 'embedding'] });
