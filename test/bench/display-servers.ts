/**
 * Child process of the display-latency bench: runs ONE server so its memory is
 * measured alone. argv: "app" (the real application on a temp data dir) or
 * "baseline" (bare Socket.IO + a tiny HTTP trigger).
 * stdout: one JSON line { url, cookie? } when listening; on stdin "RSS" →
 * "RSS <bytes>" (after a GC when exposed); "STOP" → closes and exits.
 */
import { createInterface } from 'node:readline';
import { createTestApp, loginCookie } from '../helpers/app';
import { startBaselineServer } from './display-baseline-server';

const kind = process.argv[2];
let close: () => Promise<void>;
if (kind === 'app') {
  const t = await createTestApp();
  const url = await t.listen();
  const cookie = await loginCookie(t.app, 'staff1');
  for (let i = 0; i < Number(process.argv[3] ?? 50); i++) {
    const res = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    if (res.statusCode !== 201) throw new Error(`issue: ${res.statusCode}`);
  }
  close = () => t.destroy();
  process.stdout.write(`${JSON.stringify({ url, cookie })}\n`);
} else {
  const server = await startBaselineServer();
  close = () => server.close();
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
}

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line === 'RSS') {
    globalThis.gc?.();
    process.stdout.write(`RSS ${process.memoryUsage().rss}\n`);
  } else if (line === 'STOP') {
    void close().finally(() => process.exit(0));
  }
});
setTimeout(() => process.exit(2), 170_000).unref();
