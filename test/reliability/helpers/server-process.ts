/**
 * The real server as a child process on loopback, on a fixed port and data dir so it
 * can be killed and started again "in place", as a service manager would.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { build } from 'esbuild';
import { freePort } from '../../bench/bench-server';
import { TEST_DAY_START } from '../../helpers/clock';
import { UNLIMITED_ISSUING } from '../../helpers/limits';

export const DB_NAME = 'hang-cho.sqlite';
export const SERVICES = ['svc-hotich', 'svc-chungthuc', 'svc-datdai', 'svc-xaydung', 'svc-kinhdoanh', 'svc-baotro', 'svc-cutru', 'svc-bhyt'];

export interface ServerOptions {
  dataDir?: string;
  port?: number;
  env?: Record<string, string>;
  /** Append the server's stdout (pino JSON) to this file. */
  logFile?: string;
}

/**
 * How the server is started. By default the same esbuild bundle `npm start` runs
 * (scripts/build-server.ts), built fresh from the sources once per test file: it cold-starts
 * in a fraction of the time tsx needs, which matters for suites that restart it dozens of
 * times. RELIABILITY_SERVER=tsx runs `node --import tsx server/server.ts` instead.
 */
let entry: Promise<string[]> | undefined;
/**
 * Server processes live on the tests' fixed day, not the machine's (see test/helpers/shifted-clock.mjs), on one
 * timeline per test file: a restarted or copied server's clock runs on from where the last one was.
 */
const SHIFTED_CLOCK = ['--import', './test/helpers/shifted-clock.mjs'];
const CLOCK_OFFSET_MS = TEST_DAY_START - Date.now();
function serverArgs(): Promise<string[]> {
  if (process.env.RELIABILITY_SERVER === 'tsx') return Promise.resolve([...SHIFTED_CLOCK, '--import', 'tsx', 'server/server.ts']);
  entry ??= (async () => {
    // Same depth as dist/server/server.js: the bundle finds dist/web and node_modules from there.
    const dir = join('dist', 'reliability-server');
    // One file per test process (files run one after another, but two runs may overlap);
    // bundles of earlier runs are removed once surely unused.
    for (const old of existsSync(dir) ? readdirSync(dir) : []) {
      if (Date.now() - statSync(join(dir, old)).mtimeMs > 3600_000) rmSync(join(dir, old), { force: true });
    }
    const outfile = join(dir, `server-${process.pid}.js`);
    await build({ entryPoints: ['server/server.ts'], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', packages: 'external', logLevel: 'warning' });
    return [...SHIFTED_CLOCK, outfile];
  })();
  return entry;
}

export class ServerProcess {
  proc: ChildProcess | undefined;
  readonly dataDir: string;
  readonly url: string;

  private constructor(
    readonly port: number,
    dataDir: string,
    private readonly env: Record<string, string>,
    private readonly logFile: string | undefined,
  ) {
    this.dataDir = dataDir;
    this.url = `http://127.0.0.1:${port}`;
  }

  static async create(options: ServerOptions = {}): Promise<ServerProcess> {
    const port = options.port ?? (await freePort());
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'qm-rel-'));
    return new ServerProcess(port, dataDir, options.env ?? {}, options.logFile);
  }

  get dbFile(): string {
    return join(this.dataDir, DB_NAME);
  }

  get running(): boolean {
    return this.proc !== undefined && this.proc.exitCode === null && this.proc.signalCode === null;
  }

  /** Spawn and wait until /api/health answers (generous: the CI machine may be loaded). */
  async start(timeoutMs = 60_000): Promise<void> {
    if (this.running) throw new Error('already running');
    const out = this.logFile ? openSync(this.logFile, 'a') : 'ignore';
    const proc = spawn(process.execPath, await serverArgs(), {
      env: {
        ...process.env,
        PORT: String(this.port),
        HOST: '127.0.0.1',
        DATA_DIR: this.dataDir,
        LOG_LEVEL: 'warn',
        PUBLIC_URL: 'http://reliability.test',
        TEST_CLOCK_OFFSET_MS: String(CLOCK_OFFSET_MS),
        ...UNLIMITED_ISSUING,
        ...this.env,
      },
      stdio: ['ignore', out, 'inherit'],
    });
    if (typeof out === 'number') closeSync(out);
    this.proc = proc;
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited during start (${proc.exitCode ?? proc.signalCode})`);
      try {
        const res = await fetch(`${this.url}/api/health`, { signal: AbortSignal.timeout(2000) });
        if (res.ok) return;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error('server did not start in time');
      await sleep(25);
    }
  }

  /** Send a signal and wait for the process to be gone (its port is free again). */
  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const proc = this.proc;
    if (!proc || !this.running) return;
    const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
    proc.kill(signal);
    await exited;
  }

  async restart(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    await this.kill(signal);
    await this.start();
  }

  async destroy(): Promise<void> {
    await this.kill('SIGKILL');
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/**
 * A seeded data dir prepared for load: every service's number range widened (the demo
 * stops at 999 a day) and, optionally, counters ctr-6..ctr-N serving every service.
 * Done on the stopped database, before the server that will be tested starts.
 */
export async function preparedServer(options: ServerOptions & { counters?: number } = {}): Promise<ServerProcess> {
  const seeding = await ServerProcess.create({ ...options, logFile: undefined });
  await seeding.start();
  await seeding.kill('SIGTERM');
  const db = new Database(seeding.dbFile);
  db.prepare('UPDATE services SET number_end = 9999999').run();
  const total = options.counters ?? 5;
  const template = db.prepare('SELECT * FROM counters ORDER BY number LIMIT 1').get() as Record<string, unknown>;
  const insert = db.prepare('INSERT INTO counters (center_id, id, number, name, service_ids, area) VALUES (?, ?, ?, ?, ?, ?)');
  for (let n = 6; n <= total; n++) insert.run(template.center_id, `ctr-${n}`, n, `Quầy ${n}`, JSON.stringify(SERVICES), '');
  db.close();
  return ServerProcess.create({ ...options, dataDir: seeding.dataDir, port: seeding.port });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
