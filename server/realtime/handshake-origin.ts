/**
 * The same-origin rule (plugins/same-origin.ts) for Socket.IO handshakes. A browser
 * opens a WebSocket to any origin and sends its cookies along, with no CORS in the
 * way: a page on another port of this host could otherwise read /staff as the
 * signed-in victim.
 *
 * Engine.IO checks a handshake before it knows the namespace, so the allowed set is
 * what /public accepts (this server's pages and the kiosk's embedding origins);
 * /staff then asks `staffHandshakeAllowed`, which accepts this server's pages only.
 */
import type { IncomingHttpHeaders, IncomingMessage } from 'node:http';
import { fromSameOrigin } from '../plugins/same-origin';

/** For the Server's `allowRequest`: null when the handshake may go on, else the refusal's code. */
export function handshakeOriginRefusal(req: IncomingMessage, embedOrigins: ReadonlySet<string>): 'CROSS_ORIGIN' | null {
  if (fromSameOrigin(req.headers)) return null;
  const origin = req.headers.origin;
  return origin && embedOrigins.has(origin) ? null : 'CROSS_ORIGIN';
}

/** /staff carries a session: only this server's own pages may open it. */
export function staffHandshakeAllowed(headers: IncomingHttpHeaders): boolean {
  return fromSameOrigin(headers);
}
