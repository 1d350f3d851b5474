/** A pty pair from Debian's socat, playing a serial cable; kill and restart it to play unplug/replug. */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface PtyPair {
  /** The end the printer service opens. */
  readonly host: string;
  /** The end the fake printer opens. */
  readonly device: string;
  unplug(): Promise<void>;
  replug(): Promise<void>;
  /** Stops socat (SIGSTOP): no byte crosses any more, in either direction, and both ends stay open. */
  freeze(): void;
  /** Lets socat run again (SIGCONT). */
  thaw(): void;
  stop(): Promise<void>;
}

async function waitUntil(cond: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

export async function startPtyPair(dir: string): Promise<PtyPair> {
  const host = join(dir, 'ttyA');
  const device = join(dir, 'ttyB');
  let proc: ChildProcess | null = null;

  const start = async () => {
    const p = spawn('socat', [`pty,raw,echo=0,link=${host}`, `pty,raw,echo=0,link=${device}`], { stdio: 'ignore' });
    proc = p;
    await waitUntil(() => existsSync(host) && existsSync(device), 5000, 'socat links');
  };
  const kill = async () => {
    const p = proc;
    proc = null;
    if (!p || p.exitCode !== null || p.signalCode !== null) return;
    p.kill('SIGCONT');
    const exited = new Promise<void>((resolve) => p.once('exit', () => resolve()));
    p.kill('SIGTERM');
    await exited;
    // socat removes its links on exit; wait so a replug cannot race with the removal.
    await waitUntil(() => !existsSync(host) && !existsSync(device), 5000, 'socat links removed');
  };

  await start();
  const signal = (sig: NodeJS.Signals) => () => {
    if (!proc) throw new Error('socat is not running');
    proc.kill(sig);
  };
  return { host, device, unplug: kill, replug: start, freeze: signal('SIGSTOP'), thaw: signal('SIGCONT'), stop: kill };
}
