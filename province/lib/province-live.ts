/**
 * The dashboard's live list of centers, over the hub's Socket.IO namespace `/province`.
 *
 * The hub's feed is not the center's snapshot + seq stream (live/live-connection.ts): it sends `hub:status
 * { redis }` on connect and when Redis goes down or comes back, and `center:update` (one row of GET
 * /api/hub/centers) after every batch any node applies. So this small controller:
 * - fetches the whole list on every (re)connect, and lays over it the rows that arrived while it was coming
 *   (a row wins when it is newer: later lastSeenAt or lastSeq);
 * - refetches the list every `refreshEveryMs`, because a center that goes quiet sends nothing: only the hub's
 *   list says it is now offline;
 * - redials with the center pages' policy (live/reconnect-policy.ts), and stops at a session refusal.
 */
import { io, type Socket } from 'socket.io-client';
import { DEFAULT_RECONNECT_POLICY, reconnectDelay, redialsAfter, socketIoBackoffOptions } from '../../live/reconnect-policy';
import { api, ApiError } from './api';

export interface CenterItem {
  id: string;
  code: string;
  name: string;
  online: boolean;
  lastSeenAt: number | null;
  lastSeq: number;
  waiting: number;
  longestWaitSeconds: number;
  openCounters: number;
  printerFaults: number;
  liveAt: number | null;
  enrolled: boolean;
  revokedAt: number | null;
  /** The link's state (hub/README.md); absent from an older hub. */
  link?: CenterLink;
  enrolmentExpiresAt?: number | null;
  enrolledAt?: number | null;
}

/** 'linked' (holds a credential), 'pending' (a code is out), 'revoked', 'expired' (never enrolled, code ran out). */
export type CenterLink = 'linked' | 'pending' | 'revoked' | 'expired';

export type ProvinceLiveStatus = 'connecting' | 'online' | 'offline' | 'signed-out';

const newer = (a: CenterItem, b: CenterItem) => (a.lastSeenAt ?? 0) > (b.lastSeenAt ?? 0) || a.lastSeq > b.lastSeq;

export class ProvinceLive {
  centers = new Map<string, CenterItem>();
  status: ProvinceLiveStatus = 'connecting';
  /** 'single' (one node), 'ok', 'down' (Redis: other nodes' news may be missing). */
  redis: 'single' | 'ok' | 'down' | null = null;
  /** Counts center:update events applied (tests, diagnostics). */
  updates = 0;

  private socket: Socket | undefined;
  private listeners = new Set<() => void>();
  private pending: Map<string, CenterItem> | null = null;
  private refreshTimer: ReturnType<typeof setInterval> | undefined;
  private redialTimer: ReturnType<typeof setTimeout> | undefined;
  private redialAttempt = 0;

  constructor(private readonly options: { url?: string; refreshEveryMs?: number } = {}) {}

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed() {
    for (const l of this.listeners) l();
  }

  start(): void {
    if (this.socket) return;
    const socket = io(this.options.url ?? '/province', { withCredentials: true, ...socketIoBackoffOptions() });
    this.socket = socket;
    socket.on('connect', () => {
      this.status = 'online';
      this.redialAttempt = 0;
      this.changed();
      void this.refresh();
    });
    socket.on('disconnect', (reason) => {
      if (this.status === 'signed-out') return;
      this.status = 'offline';
      this.changed();
      // socket.io-client comes back by itself, except when the server closed us.
      if (reason === 'io server disconnect') this.redial();
    });
    socket.on('connect_error', (err: Error) => {
      if (!redialsAfter(err)) {
        this.status = 'signed-out';
        this.changed();
        this.stop();
        return;
      }
      if (this.status !== 'connecting') this.status = 'offline';
      this.changed();
      // A refused handshake is not retried by socket.io-client itself.
      if (!socket.active) this.redial();
    });
    socket.on('hub:status', (s: { redis: 'single' | 'ok' | 'down' }) => {
      this.redis = s.redis;
      this.changed();
    });
    socket.on('center:update', (c: CenterItem) => {
      this.updates++;
      this.pending?.set(c.id, c);
      const old = this.centers.get(c.id);
      if (!old || !newer(old, c)) this.centers.set(c.id, c);
      this.changed();
    });
    this.refreshTimer = setInterval(() => {
      if (this.status === 'online') void this.refresh();
    }, this.options.refreshEveryMs ?? 15_000);
  }

  private redial() {
    clearTimeout(this.redialTimer);
    this.redialTimer = setTimeout(() => this.socket?.connect(), reconnectDelay(this.redialAttempt++, DEFAULT_RECONNECT_POLICY));
  }

  /** The whole list from GET /api/hub/centers, with the rows heard while it was coming laid over. */
  async refresh(): Promise<void> {
    const pending = new Map<string, CenterItem>();
    this.pending = pending;
    try {
      const list = await api<CenterItem[]>('/api/hub/centers');
      const next = new Map(list.map((c) => [c.id, c]));
      for (const [id, c] of pending) {
        const listed = next.get(id);
        if (listed && newer(c, listed)) next.set(id, c);
      }
      this.centers = next;
      this.changed();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        this.status = 'signed-out';
        this.changed();
        this.stop();
      }
    } finally {
      if (this.pending === pending) this.pending = null;
    }
  }

  stop(): void {
    clearInterval(this.refreshTimer);
    clearTimeout(this.redialTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
  }
}
