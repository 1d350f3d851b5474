/**
 * The bench's baseline: a bare Socket.IO server on a bare HTTP server. A POST
 * broadcasts the given payload to every /public client, so the baseline pays for
 * the same HTTP trigger and the same fan-out, and nothing of the application.
 */
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

export interface BaselineServer {
  url: string;
  close(): Promise<void>;
}

export async function startBaselineServer(): Promise<BaselineServer> {
  const http: HttpServer = createServer();
  const io = new Server(http, { serveClient: false });
  const ns = io.of('/public');
  ns.on('connection', (socket) => void socket.join('center:demo'));
  http.on('request', (req, res) => {
    if (req.method !== 'POST' || req.url !== '/call') return;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      ns.to('center:demo').emit('ticket:called', JSON.parse(Buffer.concat(chunks).toString('utf8')));
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => io.close(() => resolve())),
  };
}
