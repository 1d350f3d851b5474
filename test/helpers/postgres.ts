/**
 * A throw-away PostgreSQL cluster for tests, from Debian's `postgresql` package (.ci/run installs it).
 * PostgreSQL refuses to run as root, so as root the cluster lives in a temp dir owned by the `postgres` user and
 * every command runs through `runuser -u postgres`. It listens on 127.0.0.1 on a free port (its socket in the
 * temp dir); `stop()` ends it and deletes the dir. fsync is off: a test cluster need not survive a power cut.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface PgCluster {
  url: string;
  port: number;
  dir: string;
  /** Stops the server, keeping its data (restart tests). */
  halt(mode?: 'fast' | 'immediate'): void;
  /** Starts it again on the same port. */
  resume(): void;
  /** Stops it and deletes everything. */
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** The newest installed server's bin dir, e.g. /usr/lib/postgresql/17/bin. */
export function postgresBinDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => /^\d+$/.test(v) && existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (versions.length === 0) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql (.ci/run does it)');
  return join(root, versions[0], 'bin');
}

const isRoot = () => process.getuid?.() === 0;

/** Runs in `cwd` (the cluster's own dir): the postgres user may not be allowed into the repository's folder. */
function run(bin: string, args: string[], cwd: string): string {
  const [cmd, argv] = isRoot() ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args];
  return execFileSync(cmd, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd });
}

export async function startPostgres(): Promise<PgCluster> {
  const bin = postgresBinDir();
  // Somewhere the postgres user can reach (TMPDIR may point inside root's home).
  const dir = mkdtempSync(join(isRoot() ? '/tmp' : tmpdir(), 'hub-pg-'));
  chmodSync(dir, 0o700);
  if (isRoot()) execFileSync('chown', ['postgres:postgres', dir]);
  const data = join(dir, 'data');
  run(join(bin, 'initdb'), ['-D', data, '-A', 'trust', '-U', 'app', '-E', 'UTF8', '--locale=C', '--no-sync'], dir);
  const port = await freePort();
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off`;
  const start = () => run(join(bin, 'pg_ctl'), ['-D', data, '-o', options, '-l', join(dir, 'log'), '-w', '-t', '60', 'start'], dir);
  start();
  let running = true;
  const halt = (mode: 'fast' | 'immediate' = 'fast') => {
    if (!running) return;
    run(join(bin, 'pg_ctl'), ['-D', data, '-m', mode, '-w', 'stop'], dir);
    running = false;
  };
  return {
    url: `postgres://app@127.0.0.1:${port}/postgres`,
    port,
    dir,
    halt,
    resume() {
      if (running) return;
      start();
      running = true;
    },
    async stop() {
      try {
        halt('immediate');
      } catch {
        // already gone
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh database in the cluster, so each test file (or test) starts empty without a new cluster. */
export async function createDatabase(cluster: PgCluster, name: string): Promise<string> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
  return `postgres://app@127.0.0.1:${cluster.port}/${name}`;
}
