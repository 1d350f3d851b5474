/** Build the real app on a real SQLite file in a fresh temp dir. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app';
import { loadConfig } from '../../server/config';
import type { Clock } from '../../server/core/clock';
import { RunningClock } from './clock';
import { UNLIMITED_ISSUING } from './limits';

export interface TestApp {
  app: FastifyInstance;
  dataDir: string;
  /** Base URL once `listen()` was called. */
  url: string;
  listen(): Promise<string>;
  /** Close the app (the data dir stays, for restart tests). */
  close(): Promise<void>;
  /** Close and delete the data dir. */
  destroy(): Promise<void>;
}

export async function createTestApp(options: { clock?: Clock; env?: Record<string, string>; dataDir?: string } = {}): Promise<TestApp> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qm-test-'));
  const config = loadConfig({ DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', PUBLIC_URL: 'http://kiosk.test', ...UNLIMITED_ISSUING, ...options.env });
  // Never the machine's date: see TEST_DAY_START.
  const app = await buildApp({ config, clock: options.clock ?? new RunningClock(), logger: false });
  await app.ready();
  let closed = false;
  const t: TestApp = {
    app,
    dataDir,
    url: '',
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const addr = app.server.address();
      t.url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
      return t.url;
    },
    async close() {
      if (closed) return;
      closed = true;
      await app.close();
    },
    async destroy() {
      await t.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return t;
}

/** Log in through the API and return the Cookie header value. */
export async function loginCookie(app: FastifyInstance, username = 'staff1', password = 'demo'): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'qm_session');
  if (!cookie) throw new Error('no session cookie');
  return `qm_session=${cookie.value}`;
}
