/**
 * A wall of /public screens in one child process (so the server under test stays a
 * separate process): `node --import tsx storm-clients.ts <url> <count>`.
 * Each client keeps what a display keeps — the seq it is at and the calls it was shown —
 * with the displays' rules: jittered exponential reconnection, a snapshot on every
 * connect, `queue:resync` on a seq gap, and its own reconnect after a server-side close.
 * The parent asks for a summary over IPC. Each screen leaves from its own loopback address, as each wall
 * display is its own PC: the server caps live connections per address.
 */
import { io, type Socket } from 'socket.io-client';
import { agentFrom, spreadAddress } from '../../helpers/local-address';
import type { CallRecord, PublicClientToServer, PublicServerToClient, PublicSnapshot, QueueUpdate } from '../../../protocol/realtime';

export interface StormStatus {
  type: 'status';
  clients: number;
  connected: number;
  /** How many clients are at each seq. */
  seqs: Record<string, number>;
  /** For the asked call: how many clients show it 0, 1, 2… times. */
  callSeen: Record<string, number>;
  /** Latest moment (ms epoch) a client reached the asked seq; null if some have not. */
  lastReachedAt: number | null;
  reconnects: number;
}

export type StormRequest = { type: 'status'; seq: number; callKey: string } | { type: 'stop' };

export const callKey = (call: Pick<CallRecord, 'seq' | 'ticket'>) => `${call.seq}:${call.ticket.ref}`;

class Screen {
  seq: number | null = null;
  seqAt = 0;
  /** Calls shown since the last snapshot, counted: a count of 2 is a duplicate announcement. */
  calls = new Map<string, number>();
  connects = 0;
  private resyncing = false;
  readonly socket: Socket<PublicServerToClient, PublicClientToServer>;

  constructor(url: string, address: string) {
    this.socket = io(`${url}/public`, {
      agent: agentFrom(address) as never,
      forceNew: true,
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      reconnection: true,
      reconnectionAttempts: Infinity,
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 5_000,
      randomizationFactor: 0.5,
      timeout: 10_000,
    });
    this.socket.on('connect', () => this.connects++);
    this.socket.on('disconnect', (reason) => {
      // A server closing on purpose (graceful restart) disables socket.io's own reconnection.
      if (reason === 'io server disconnect') setTimeout(() => this.socket.connect(), 500 + Math.random() * 1_000);
    });
    this.socket.on('queue:snapshot', (s) => this.snapshot(s));
    this.socket.on('queue:update', (u) => this.update(u));
    this.socket.on('ticket:called', (c) => this.calls.set(callKey(c), (this.calls.get(callKey(c)) ?? 0) + 1));
  }

  private snapshot(s: PublicSnapshot): void {
    this.calls = new Map();
    for (const c of s.recentCalls) this.calls.set(callKey(c), (this.calls.get(callKey(c)) ?? 0) + 1);
    this.setSeq(s.seq);
  }

  private update(u: QueueUpdate): void {
    if (this.seq !== null && u.seq === this.seq + 1) return this.setSeq(u.seq);
    if (this.seq !== null && u.seq <= this.seq) return;
    void this.resync();
  }

  private async resync(): Promise<void> {
    if (this.resyncing) return;
    this.resyncing = true;
    try {
      const reply = await this.socket.timeout(10_000).emitWithAck('queue:resync');
      if (reply.ok) this.snapshot(reply.data);
    } catch {
      // disconnected meanwhile: the next connect brings a snapshot
    } finally {
      this.resyncing = false;
    }
  }

  private setSeq(seq: number): void {
    if (seq !== this.seq) this.seqAt = Date.now();
    this.seq = seq;
  }
}

async function main() {
  const [url, countArg] = process.argv.slice(2);
  const count = Number(countArg);
  const screens: Screen[] = [];
  // Screens are switched on over a few seconds, not in one instant.
  for (let i = 0; i < count; i++) {
    screens.push(new Screen(url, spreadAddress(i, 1)));
    if (i % 50 === 49) await new Promise((r) => setTimeout(r, 100));
  }
  while (screens.some((s) => s.seq === null)) await new Promise((r) => setTimeout(r, 50));
  process.send!({ type: 'ready' });

  process.on('message', (msg: StormRequest) => {
    if (msg.type === 'stop') {
      for (const s of screens) s.socket.close();
      process.exit(0);
    }
    const seqs: Record<string, number> = {};
    const callSeen: Record<string, number> = {};
    let lastReachedAt: number | null = 0;
    for (const s of screens) {
      seqs[String(s.seq)] = (seqs[String(s.seq)] ?? 0) + 1;
      const seen = String(s.calls.get(msg.callKey) ?? 0);
      callSeen[seen] = (callSeen[seen] ?? 0) + 1;
      if (s.seq !== msg.seq || lastReachedAt === null) lastReachedAt = null;
      else lastReachedAt = Math.max(lastReachedAt, s.seqAt);
    }
    const status: StormStatus = {
      type: 'status',
      clients: screens.length,
      connected: screens.filter((s) => s.socket.connected).length,
      seqs,
      callSeen,
      lastReachedAt,
      reconnects: screens.reduce((n, s) => n + s.connects, 0) - screens.length,
    };
    process.send!(status);
  });
  // The parent went away: never outlive it.
  process.on('disconnect', () => process.exit(0));
}

void main();
