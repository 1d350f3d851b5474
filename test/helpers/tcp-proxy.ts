/**
 * A small TCP proxy (node:net) to stand for a weak link or a load balancer between a center and its hub:
 *   - `open`: bytes flow both ways to the current target;
 *   - `blackhole`: nothing flows either way (bytes are held, new connections are accepted and held), as when a
 *     link goes silent; `open()` again delivers what was held, as TCP retransmission would;
 *   - `refuse`: every connection, open or new, is reset at once, as when the far end is gone.
 * `retarget(port)` points new connections at another port and resets the open ones (a load balancer failing over).
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type ProxyMode = 'open' | 'blackhole' | 'refuse';

interface Pair {
  client: Socket;
  upstream: Socket | null;
  /** Bytes from the client not yet sent upstream, and from upstream not yet sent to the client. */
  toUpstream: Buffer[];
  toClient: Buffer[];
}

export interface TcpProxy {
  url: string;
  port: number;
  mode: ProxyMode;
  targetPort: number;
  /** Connections accepted since start. */
  accepted: number;
  open(): void;
  blackhole(): void;
  refuse(): void;
  retarget(port: number): void;
  close(): Promise<void>;
}

export async function startTcpProxy(targetPort: number, host = '127.0.0.1'): Promise<TcpProxy> {
  const pairs = new Set<Pair>();
  let server: Server;

  const drop = (p: Pair) => {
    pairs.delete(p);
    p.client.destroy();
    p.upstream?.destroy();
  };

  const flush = (p: Pair) => {
    if (!p.upstream) {
      dial(p);
      return;
    }
    if (p.upstream.connecting) return;
    for (const b of p.toUpstream.splice(0)) p.upstream.write(b);
    for (const b of p.toClient.splice(0)) p.client.write(b);
  };

  const dial = (p: Pair) => {
    const up = connect(proxy.targetPort, host);
    p.upstream = up;
    up.on('connect', () => {
      if (proxy.mode === 'open') flush(p);
    });
    up.on('data', (b: Buffer) => {
      if (proxy.mode === 'open' && p.toClient.length === 0) p.client.write(b);
      else p.toClient.push(b);
    });
    up.on('error', () => drop(p));
    up.on('close', () => {
      // The far end closed: pass it on once what it sent was delivered (or at once when it is not flowing).
      if (proxy.mode === 'open') {
        for (const b of p.toClient.splice(0)) p.client.write(b);
        p.client.end();
        pairs.delete(p);
      } else drop(p);
    });
  };

  server = createServer((client) => {
    proxy.accepted++;
    const p: Pair = { client, upstream: null, toUpstream: [], toClient: [] };
    pairs.add(p);
    client.on('error', () => drop(p));
    client.on('close', () => drop(p));
    if (proxy.mode === 'refuse') {
      client.resetAndDestroy();
      pairs.delete(p);
      return;
    }
    client.on('data', (b: Buffer) => {
      if (proxy.mode === 'open' && p.upstream && !p.upstream.connecting && p.toUpstream.length === 0) p.upstream.write(b);
      else p.toUpstream.push(b);
    });
    if (proxy.mode === 'open') dial(p);
  });

  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const addr = server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;

  const resetAll = () => {
    for (const p of [...pairs]) {
      pairs.delete(p);
      if (!p.client.destroyed) p.client.resetAndDestroy();
      p.upstream?.destroy();
    }
  };

  const proxy: TcpProxy = {
    url: `http://${host}:${port}`,
    port,
    mode: 'open',
    targetPort,
    accepted: 0,
    open() {
      proxy.mode = 'open';
      for (const p of [...pairs]) flush(p);
    },
    blackhole() {
      proxy.mode = 'blackhole';
    },
    refuse() {
      proxy.mode = 'refuse';
      resetAll();
    },
    retarget(next: number) {
      proxy.targetPort = next;
      resetAll();
    },
    close() {
      resetAll();
      return new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  return proxy;
}
