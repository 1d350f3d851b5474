import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

/** First non-internal IPv4 address: what a phone on the center's Wi-Fi can reach. */
export function lanAddress(): string {
  for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

/** PUBLIC_URL if set, else http://<LAN address>:<listening port>. */
export function publicUrl(app: FastifyInstance): string {
  if (app.config.PUBLIC_URL) return app.config.PUBLIC_URL.replace(/\/+$/, '');
  const address = app.server.address() as AddressInfo | null;
  const port = address && typeof address === 'object' ? address.port : app.config.PORT;
  return `http://${lanAddress()}:${port}`;
}
