import { networkInterfaces } from 'node:os';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';

let cachedLan: { address: string; at: number } | null = null;

/** First non-internal IPv4 address: what a phone on the center's Wi-Fi can reach. Re-read each minute (DHCP may change it). */
export function lanAddress(now = Date.now()): string {
  if (cachedLan && now - cachedLan.at < 60_000) return cachedLan.address;
  let address = '127.0.0.1';
  outer: for (const list of Object.values(networkInterfaces())) {
    for (const a of list ?? []) {
      if (a.family === 'IPv4' && !a.internal) {
        address = a.address;
        break outer;
      }
    }
  }
  cachedLan = { address, at: now };
  return address;
}

/** PUBLIC_URL if set, else http://<LAN address>:<listening port>. */
export function publicUrl(app: FastifyInstance): string {
  if (app.config.PUBLIC_URL) return app.config.PUBLIC_URL.replace(/\/+$/, '');
  const address = app.server.address() as AddressInfo | null;
  const port = address && typeof address === 'object' ? address.port : app.config.PORT;
  return `http://${lanAddress()}:${port}`;
}
