/** Start the real server as a child process on loopback for benches. */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { existsSync } from 'node:fs';
import { UNLIMITED_ISSUING } from '../helpers/limits';

/** The bundle `npm start` runs (built by `npm run bench` first); the sources through tsx otherwise. */
const SERVER_ARGS = existsSync('dist/server/server.js') ? ['dist/server/server.js'] : ['--import', 'tsx', 'server/server.ts'];

export interface BenchServer {
  url: string;
  port: number;
  dataDir: string;
  proc: ChildProcess;
  /** ms from spawn to the first successful /api/health. */
  startupMs: number;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

export async function startBenchServer(env: Record<string, string> = {}, dataDir = mkdtempSync(join(tmpdir(), 'qm-bench-'))): Promise<BenchServer> {
  const port = await freePort();
  const started = performance.now();
  const proc = spawn(process.execPath, SERVER_ARGS, {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', PUBLIC_URL: 'http://bench.local', ...UNLIMITED_ISSUING, ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline || proc.exitCode !== null) throw new Error('bench server did not start');
    await new Promise((r) => setTimeout(r, 5));
  }
  const startupMs = performance.now() - started;
  return {
    url,
    port,
    dataDir,
    proc,
    startupMs,
    async stop() {
      if (proc.exitCode === null) {
        const exited = new Promise((r) => proc.once('exit', r));
        proc.kill('SIGTERM');
        await exited;
      }
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
