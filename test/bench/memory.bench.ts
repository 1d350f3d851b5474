/** Resident memory of the server `npm start` runs: idle, and with 1,000 display sockets connected. */
import { execFileSync, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { startBenchServer, removeDir } from './bench-server';
import { round, type BenchResult } from './types';

const rssMb = (pid: number) => Number(execFileSync('ps', ['-o', 'rss=', '-p', String(pid)]).toString().trim()) / 1024;

export async function run(): Promise<BenchResult[]> {
  const server = await startBenchServer();
  const pid = server.proc.pid!;
  await new Promise((r) => setTimeout(r, 1000));
  const idle = rssMb(pid);
  const clients = spawn(process.execPath, ['--import', 'tsx', 'test/bench/memory-clients.ts', server.url, '1000'], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    createInterface({ input: clients.stdout }).on('line', (l) => l === 'READY' && resolve());
    clients.once('exit', (code) => reject(new Error(`clients exited ${code}`)));
  });
  await new Promise((r) => setTimeout(r, 1000));
  const loaded = rssMb(pid);
  clients.stdin.end();
  await server.stop();
  removeDir(server.dataDir);
  return [
    { name: 'server RSS idle (bundle)', value: round(idle, 1), unit: 'MB' },
    { name: 'server RSS with 1,000 /public sockets', value: round(loaded, 1), unit: 'MB', target: '< 150', note: `${round(loaded - idle, 1)} MB for the sockets` },
    { name: 'cold start to listening (spawn → first 200, seeded DB)', value: round(server.startupMs, 0), unit: 'ms', target: '< 1000' },
  ];
}
