/**
 * Display latency: a staff "call next" over HTTP → `ticket:called` at every one
 * of N connected /public clients (N = 100 and 1,000), against a bare Socket.IO
 * server doing the same HTTP-triggered fan-out of the same payload. Also the
 * server's resident memory with 1,000 displays connected.
 *
 * Every party has its own process: the server (so its RSS is its own), and the
 * clients, split over a few processes (one process decoding 1,000 sockets in
 * turn would measure its own queue, not the server). Times share one clock:
 * same machine, performance.timeOrigin + performance.now(). Loopback only,
 * bounded: CALLS calls per run, each waited for with a timeout.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { CallRecord } from '../../protocol/realtime';
import { ticketRef } from '../../server/queue/read-model';
import { percentile, round, type BenchResult } from './types';

const CALLS = 30;
/** Unmeasured first calls: JIT, prepared statements and socket buffers warm up. */
const WARMUP = 5;
const SIZES = [100, 1000] as const;
const CLIENTS_PER_PROCESS = 250;
const now = () => performance.timeOrigin + performance.now();

/** A child speaking line by line. */
function child(args: string[]) {
  const proc: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', ...args], { stdio: 'pipe' });
  const lines: string[] = [];
  const waiters: { match: (l: string) => boolean; resolve: (l: string) => void }[] = [];
  let stderr = '';
  proc.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-2000)));
  createInterface({ input: proc.stdout, crlfDelay: Infinity }).on('line', (line) => {
    const i = waiters.findIndex((w) => w.match(line));
    if (i >= 0) waiters.splice(i, 1)[0].resolve(line);
    else lines.push(line);
  });
  return {
    send: (line: string) => proc.stdin.write(`${line}\n`),
    next(match: (l: string) => boolean, timeoutMs: number, what: string): Promise<string> {
      const i = lines.findIndex(match);
      if (i >= 0) return Promise.resolve(lines.splice(i, 1)[0]);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`${args[0]}: no ${what} within ${timeoutMs} ms ${stderr}`)), timeoutMs);
        waiters.push({ match, resolve: (l) => (clearTimeout(timer), resolve(l)) });
      });
    },
    kill: () => proc.kill('SIGKILL'),
  };
}

interface RunResult {
  latencies: number[];
  rssIdleMb: number;
  rssMb: number;
  missing: number;
}

async function measure(kind: 'app' | 'baseline', count: number, payload: () => CallRecord | undefined): Promise<{ result: RunResult; sample?: CallRecord }> {
  const server = child(['test/bench/display-servers.ts', kind, String(CALLS + WARMUP + 5)]);
  const groups: ReturnType<typeof child>[] = [];
  try {
    const { url, cookie } = JSON.parse(await server.next((l) => l.startsWith('{'), 60_000, 'listening')) as { url: string; cookie?: string };
    const rss = async () => {
      server.send('RSS');
      return Number((await server.next((l) => l.startsWith('RSS '), 10_000, 'RSS')).slice(4)) / 2 ** 20;
    };
    const rssIdleMb = await rss();
    for (let left = count; left > 0; left -= CLIENTS_PER_PROCESS) {
      groups.push(child(['test/bench/display-clients.ts', `${url}/public`, String(Math.min(CLIENTS_PER_PROCESS, left)), String(count - left)]));
    }
    await Promise.all(groups.map((g) => g.next((l) => l === 'READY', 90_000, 'READY')));
    // Let the connect-time snapshots settle before measuring.
    await new Promise((r) => setTimeout(r, 500));
    const rssMb = await rss();

    const sent = new Map<string, number>();
    let sample: CallRecord | undefined;
    let missing = 0;
    for (let i = 0; i < WARMUP + CALLS; i++) {
      let key: string;
      const at = now();
      if (kind === 'app') {
        const res = await fetch(`${url}/api/counters/1/call-next`, { method: 'POST', headers: { cookie: cookie!, 'content-type': 'application/json' }, body: '{}' });
        if (res.status !== 200) throw new Error(`call-next: ${res.status}`);
        const body = (await res.json()) as { ticket: { id: string; number: string; serviceId: string; priorityId: string | null; status: 'called'; calledAt: number; issuedAt: number } };
        // What the displays see of it: the display key, not the id (a public call carries none).
        key = ticketRef(body.ticket);
        sample ??= {
          ticket: { ref: key, number: body.ticket.number, serviceId: body.ticket.serviceId, priorityId: body.ticket.priorityId, status: 'called', counterId: 'ctr-1', issuedAt: body.ticket.issuedAt, calledAt: body.ticket.calledAt, recallCount: 0 },
          counter: { id: 'ctr-1', number: 1, name: 'Quầy 1 – Hộ tịch' },
          recall: false,
          at: body.ticket.calledAt,
          seq: 1,
        };
      } else {
        key = `baseline-${i}`;
        const base = payload()!;
        const res = await fetch(`${url}/call`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ...base, ticket: { ...base.ticket, ref: key }, seq: i + 2 }) });
        await res.text();
      }
      if (i >= WARMUP) sent.set(key, at);
      await Promise.all(groups.map((g) => g.next((l) => l === `ALL ${key}`, 10_000, `ALL ${key}`))).catch(() => missing++);
      // A pause between calls, as between real calls: each fan-out is measured on its own.
      await new Promise((r) => setTimeout(r, 30));
    }
    const latencies: number[] = [];
    for (const g of groups) {
      g.send('REPORT');
      const received = JSON.parse(await g.next((l) => l.startsWith('{'), 20_000, 'report')) as Record<string, number[]>;
      for (const [key, at] of sent) for (const t of received[key] ?? []) latencies.push(t - at);
    }
    return { result: { latencies: latencies.sort((a, b) => a - b), rssIdleMb, rssMb, missing }, sample };
  } finally {
    server.send('STOP');
    for (const g of groups) g.kill();
    await new Promise((r) => setTimeout(r, 300));
    server.kill();
  }
}

export async function run(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  for (const count of SIZES) {
    const { result: app, sample } = await measure('app', count, () => undefined);
    const { result: base } = await measure('baseline', count, () => sample);
    const p = (r: RunResult, q: number) => round(percentile(r.latencies, q));
    const procs = Math.ceil(count / CLIENTS_PER_PROCESS);
    rows.push({
      name: `call-next → ticket:called at ${count} displays, p50`,
      value: p(app, 50),
      unit: 'ms',
      baseline: p(base, 50),
      note: `${CALLS} calls after ${WARMUP} warm-up, ${app.latencies.length} receipts (${app.missing} calls incomplete), clients in ${procs} process(es); baseline = bare Socket.IO + HTTP trigger`,
    });
    rows.push({
      name: `call-next → ticket:called at ${count} displays, p99`,
      value: p(app, 99),
      unit: 'ms',
      target: count === 1000 ? '< 25 ms, ≤ 1.5× baseline' : '≤ 1.5× baseline',
      baseline: p(base, 99),
      note: `ratio ${round(p(app, 99) / p(base, 99))}×`,
    });
    if (count === 1000) {
      rows.push({
        name: 'server RSS with 1,000 /public sockets',
        value: round(app.rssMb, 1),
        unit: 'MB',
        target: '< 150 MB',
        baseline: round(base.rssMb, 1),
        note: `idle before the clients: app ${round(app.rssIdleMb, 1)} MB, baseline ${round(base.rssIdleMb, 1)} MB (tsx loader included)`,
      });
    }
  }
  return rows;
}
