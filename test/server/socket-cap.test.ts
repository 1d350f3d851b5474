/**
 * Socket flood: one address may hold only SOCKETS_PER_ADDRESS live connections, whatever the namespace; another
 * address still connects, and closing a socket gives its place back. Clients leave from other 127.x addresses.
 */
import { describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { get } from 'node:http';
import { createTestApp } from '../helpers/app';
import { agentFrom } from '../helpers/local-address';
import { cleanupAfterEach, until } from '../helpers/wait';

const CAP = 5;
const cleanup = cleanupAfterEach();

async function server(env: Record<string, string> = { SOCKETS_PER_ADDRESS: String(CAP) }) {
  const t = await createTestApp({ env });
  await t.listen();
  cleanup.push(() => t.destroy());
  return t;
}

type Outcome = { connected: true } | { connected: false; error: Error };

function open(url: string, address: string, namespace = '/public', transport: 'websocket' | 'polling' = 'websocket'): { socket: Socket; outcome: Promise<Outcome> } {
  const socket = connect(`${url}${namespace}`, { agent: agentFrom(address) as never, transports: [transport], reconnection: false, forceNew: true });
  cleanup.push(() => void socket.close());
  const outcome = new Promise<Outcome>((resolve) => {
    socket.once('connect', () => resolve({ connected: true }));
    socket.once('connect_error', (error) => resolve({ connected: false, error }));
  });
  return { socket, outcome };
}

function handshake(url: string, address: string, lang: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(`${url}/socket.io/?EIO=4&transport=polling`, { agent: agentFrom(address), headers: { 'accept-language': lang } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe('live connections per address', () => {
  it('refuses the connection beyond the cap from one address, lets another address in, and frees a place on close', async () => {
    const t = await server();
    const first: Socket[] = [];
    for (let i = 0; i < CAP; i++) {
      const { socket, outcome } = open(t.url, '127.0.0.5');
      expect((await outcome).connected).toBe(true);
      first.push(socket);
    }
    await until(() => t.app.io.engine.clientsCount === CAP, `${CAP} open connections`);

    const over = await open(t.url, '127.0.0.5').outcome;
    expect(over.connected).toBe(false);

    const other = await open(t.url, '127.0.0.6').outcome;
    expect(other.connected).toBe(true);

    first[0].close();
    await until(() => t.app.io.engine.clientsCount === CAP, 'the closed connection to be counted out');
    expect((await open(t.url, '127.0.0.5').outcome).connected).toBe(true);
  });

  it('refuses with a translated message in the handshake answer', async () => {
    const t = await server({ SOCKETS_PER_ADDRESS: '1' });
    expect((await open(t.url, '127.0.0.7', '/public', 'polling').outcome).connected).toBe(true);
    for (const [lang, text] of [
      ['vi', 'quá nhiều kết nối'],
      ['en', 'too many live connections'],
    ]) {
      // The first request a polling client sends: a new Engine.IO session.
      const answer = await handshake(t.url, '127.0.0.7', lang);
      expect(answer.status).toBe(403);
      expect(JSON.parse(answer.body).message).toContain(text);
    }
    expect((await handshake(t.url, '127.0.0.8', 'vi')).status).toBe(200);
  });
});
