/**
 * At most `limit` live Engine.IO connections per network address. Every namespace a client opens rides on one
 * Engine.IO connection, so this counts browsers' tabs and screens, not namespaces. Without it, one phone on the
 * center's Wi-Fi opened 6,000 /public sockets and the server grew by some 180 MB.
 *
 * The check runs in the Socket.IO server's `allowRequest`, which Engine.IO asks only for a new connection (not
 * for each poll of an open one). Connections are counted when Engine.IO opens them and given back when they
 * close, so an address that closes a tab gets its place back at once.
 */
import type { IncomingMessage } from 'node:http';
import { errorMessage, pickLang } from '../../protocol/i18n';
import { normalizeAddress } from '../core/network-address';

/** What an Engine.IO server tells about its connections (the part this module listens to). */
interface EngineConnections {
  on(event: 'connection', listener: (socket: { request: IncomingMessage; once(event: 'close', listener: () => void): unknown }) => void): unknown;
}

/** The address a connection comes from. */
export function remoteAddress(req: IncomingMessage): string {
  return normalizeAddress(req.socket.remoteAddress ?? '');
}

export class AddressCap {
  private readonly open = new Map<string, number>();

  constructor(readonly limit: number) {}

  /** Live connections from an address now. */
  count(address: string): number {
    return this.open.get(address) ?? 0;
  }

  /**
   * A handshake check: null lets the connection through, else the refusal's message in the client's language
   * (Socket.IO clients get it as `connect_error`).
   */
  readonly refusal = (req: IncomingMessage): string | null =>
    this.count(remoteAddress(req)) < this.limit ? null : errorMessage('TOO_MANY_CONNECTIONS', pickLang(req.headers['accept-language']), { limit: this.limit });

  /** Count the engine's connections while they are open. */
  follow(engine: EngineConnections): void {
    engine.on('connection', (socket) => {
      const address = remoteAddress(socket.request);
      this.open.set(address, this.count(address) + 1);
      socket.once('close', () => {
        const left = this.count(address) - 1;
        if (left > 0) this.open.set(address, left);
        else this.open.delete(address);
      });
    });
  }
}
