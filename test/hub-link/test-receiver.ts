/**
 * A TEST RECEIVER, not the hub: the smallest HTTP server that speaks protocol/hub.ts, so the center's link can be
 * tested before and beside the real hub (hub/). It keeps one center's state in memory: commits applied by seq
 * (a seq seen before changes nothing), ratings and config changes by id, 409 on a gap, downlink items published
 * by the test. Switches let a test make it answer 503, refuse the credential, or stop listening.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUB_PATHS, type Downlink, type DownlinkKind, type LinkState, type UplinkBatch, type UplinkCommit } from '../../protocol/hub';

export interface TestReceiver {
  url: string;
  /** Commits by seq, as first received. */
  commits: Map<number, UplinkCommit>;
  ratings: Map<number, unknown>;
  configChanges: Map<number, { action: string }>;
  /** Every batch received (heartbeats included), in order. */
  batches: UplinkBatch[];
  /** Commits received again after they were applied (replays): they changed nothing. */
  replayedCommits: number;
  conflicts: number;
  state(): LinkState;
  /** Pretend the hub lost everything after `seq` (restored from an older backup). */
  rewindTo(seq: number): void;
  publish(kind: DownlinkKind, data: unknown): number;
  /** 'ok' answers; 'fail' answers 503 to everything; 'unauthorized' answers 401. */
  mode: 'ok' | 'fail' | 'unauthorized';
  enrolmentCode: string;
  credential: string;
  stop(): Promise<void>;
  /** Listen again on the same port (after stop()). */
  restart(): Promise<void>;
}

export async function startTestReceiver(options: { enrolmentCode?: string; credential?: string; port?: number } = {}): Promise<TestReceiver> {
  const items: Downlink['items'] = [];
  let server: Server | null = null;
  let port = options.port ?? 0;
  const sockets = new Set<import('node:net').Socket>();
  const r: TestReceiver = {
    url: '',
    commits: new Map(),
    ratings: new Map(),
    configChanges: new Map(),
    batches: [],
    replayedCommits: 0,
    conflicts: 0,
    mode: 'ok',
    enrolmentCode: options.enrolmentCode ?? 'CODE-1234',
    credential: options.credential ?? 'cred-test-receiver',
    state: () => ({
      lastSeq: r.commits.size,
      lastRatingId: Math.max(0, ...r.ratings.keys()),
      lastConfigId: Math.max(0, ...r.configChanges.keys()),
      downlinkVersion: items.length ? items[items.length - 1].version : 0,
    }),
    rewindTo(seq) {
      for (const s of [...r.commits.keys()]) if (s > seq) r.commits.delete(s);
    },
    publish(kind, data) {
      const version = items.length + 1;
      items.push({ version, kind, publishedAt: Date.now(), data });
      return version;
    },
    async stop() {
      const s = server;
      server = null;
      if (!s) return;
      for (const sock of sockets) sock.destroy();
      await new Promise<void>((res) => s.close(() => res()));
    },
    async restart() {
      await listen();
    },
  };

  const send = (res: ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
  const readBody = (req: IncomingMessage) =>
    new Promise<string>((resolve) => {
      let b = '';
      req.on('data', (c) => (b += c));
      req.on('end', () => resolve(b));
    });

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://x');
    if (r.mode === 'fail') return send(res, 503, { code: 'UNAVAILABLE' });
    if (req.method === 'POST' && url.pathname === HUB_PATHS.enrol) {
      const body = JSON.parse(await readBody(req)) as { enrolmentCode?: string };
      if (body.enrolmentCode !== r.enrolmentCode) return send(res, 401, { code: 'ENROLMENT_CODE_INVALID' });
      r.enrolmentCode = `spent-${Math.random()}`;
      return send(res, 201, { centerId: 'hub-center-1', code: 'XA01', name: 'Xã Thử', credential: r.credential });
    }
    if (r.mode === 'unauthorized' || req.headers.authorization !== `Bearer ${r.credential}`) return send(res, 401, { code: 'HUB_CREDENTIAL_INVALID' });
    if (req.method === 'GET' && url.pathname === HUB_PATHS.link) return send(res, 200, r.state());
    if (req.method === 'GET' && url.pathname === HUB_PATHS.downlink) {
      const since = Number(url.searchParams.get('since') ?? 0);
      return send(res, 200, { version: r.state().downlinkVersion, items: items.filter((i) => i.version > since) });
    }
    if (req.method === 'POST' && url.pathname === HUB_PATHS.ingest) {
      const batch = JSON.parse(await readBody(req)) as UplinkBatch;
      r.batches.push(batch);
      const first = batch.commits[0]?.seq;
      if (first !== undefined && first > r.commits.size + 1) {
        r.conflicts++;
        return send(res, 409, r.state());
      }
      for (const c of batch.commits) {
        if (r.commits.has(c.seq)) r.replayedCommits++;
        else r.commits.set(c.seq, c);
      }
      for (const x of batch.ratings) if (!r.ratings.has(x.id)) r.ratings.set(x.id, x);
      for (const x of batch.configChanges) if (!r.configChanges.has(x.id)) r.configChanges.set(x.id, x);
      return send(res, 200, r.state());
    }
    return send(res, 404, { code: 'NOT_FOUND' });
  }

  async function listen() {
    server = createServer((req, res) => void handle(req, res));
    server.on('connection', (s) => {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    });
    await new Promise<void>((res) => server!.listen(port, '127.0.0.1', () => res()));
    port = (server.address() as AddressInfo).port;
    r.url = `http://127.0.0.1:${port}`;
  }
  await listen();
  return r;
}

/** Timers a test fires by hand: the worker's delays are recorded, nothing runs by itself. */
export class ManualTimers {
  private next = 1;
  readonly pending = new Map<number, { fn: () => void; ms: number }>();
  /** Every delay ever asked for, in order. */
  readonly delays: number[] = [];
  setTimeout = (fn: () => void, ms: number): unknown => {
    const id = this.next++;
    this.pending.set(id, { fn, ms });
    this.delays.push(ms);
    return id;
  };
  clearTimeout = (h: unknown): void => {
    this.pending.delete(h as number);
  };
  /** The one armed timer's delay (the worker arms at most one). */
  armed(): number | null {
    const all = [...this.pending.values()];
    return all.length ? all[all.length - 1].ms : null;
  }
  /** Fire the armed timer. */
  fire(): void {
    const entry = [...this.pending.entries()].pop();
    if (!entry) throw new Error('no timer armed');
    this.pending.delete(entry[0]);
    entry[1].fn();
  }
}
