/**
 * One live connection to the /public namespace and the queue picture it keeps.
 * Framework-free (the Lit controller wraps it), so kiosks and consoles can
 * reuse it and tests can drive it with a real Socket.IO server in Node.
 *
 * Reliability rules (architecture: "Resync, never drift"):
 * - a snapshot arrives on every connect that was not recovered;
 * - an update whose seq is not the next one, a call ahead of the updates, or
 *   `config:changed` triggers `queue:resync`;
 * - after the server closed us on purpose (restart), socket.io-client does not
 *   reconnect by itself: we do, after a jittered delay, then its own backoff;
 * - a slow periodic resync catches anything else (e.g. a lost ack).
 */
import { io, type Socket } from 'socket.io-client';
import type { CallRecord, PublicClientToServer, PublicServerToClient, PublicSnapshot } from '../../protocol/realtime';
import { DEFAULT_RECONNECT_POLICY, reconnectDelay, socketIoBackoffOptions, type ReconnectPolicy } from './reconnect-policy';
import {
  applyCall,
  applyPrinters,
  applySnapshot,
  applyUpdate,
  DEFAULT_STORE_OPTIONS,
  emptyView,
  type QueueView,
  type StoreOptions,
} from './queue-store';

export type ConnectionStatus = 'connecting' | 'online' | 'reconnecting';

export type PublicSocket = Socket<PublicServerToClient, PublicClientToServer>;

export interface QueueConnectionOptions {
  /** Namespace URL; defaults to '/public' on the page's origin. */
  url?: string;
  store?: Partial<StoreOptions>;
  reconnect?: ReconnectPolicy;
  /** Safety-net resync period; 0 disables it. */
  resyncEveryMs?: number;
  /** How long to wait for a resync answer before trying again. */
  resyncTimeoutMs?: number;
  now?: () => number;
}

export interface ConnectionChange {
  view: QueueView;
  status: ConnectionStatus;
}

/** A call this screen had not seen before and that is recent enough to announce. */
export type FreshCallListener = (call: CallRecord) => void;

export class QueueConnection {
  view: QueueView = emptyView();
  status: ConnectionStatus = 'connecting';
  /** Counts resyncs, for tests and the diagnostics attribute. */
  resyncCount = 0;

  private socket: PublicSocket | undefined;
  private readonly listeners = new Set<(change: ConnectionChange) => void>();
  private readonly callListeners = new Set<FreshCallListener>();
  private readonly store: StoreOptions;
  private readonly policy: ReconnectPolicy;
  private readonly now: () => number;
  private resyncing = false;
  private resyncAgain = false;
  private manualAttempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private periodicTimer: ReturnType<typeof setInterval> | undefined;

  constructor(private readonly options: QueueConnectionOptions = {}) {
    this.store = { ...DEFAULT_STORE_OPTIONS, ...options.store };
    this.policy = options.reconnect ?? DEFAULT_RECONNECT_POLICY;
    this.now = options.now ?? (() => Date.now());
  }

  subscribe(listener: (change: ConnectionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onFreshCall(listener: FreshCallListener): () => void {
    this.callListeners.add(listener);
    return () => this.callListeners.delete(listener);
  }

  start(): void {
    if (this.socket) return;
    const socket: PublicSocket = io(this.options.url ?? '/public', {
      ...socketIoBackoffOptions(this.policy),
      // WebSocket first (one connection per screen, no polling load); polling if a proxy refuses it.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      timeout: 10_000,
    });
    this.socket = socket;

    socket.on('connect', () => {
      this.manualAttempt = 0;
      this.setStatus('online');
      // Recovered: the server replays what we missed instead of sending a snapshot.
      if (socket.recovered && !this.view.ready) void this.resync();
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.setStatus('reconnecting');
      if (reason === 'io server disconnect') this.scheduleManualReconnect();
    });
    socket.on('connect_error', () => {
      if (this.status === 'online') this.setStatus('reconnecting');
    });
    socket.on('queue:snapshot', (snapshot) => this.takeSnapshot(snapshot));
    socket.on('queue:update', (update) => {
      const result = applyUpdate(this.view, update);
      this.setView(result.view);
      if (result.resync) void this.resync();
    });
    socket.on('ticket:called', (call) => {
      const result = applyCall(this.view, call, this.now(), this.store);
      this.setView(result.view);
      if (result.fresh) this.emitCall(call);
      if (result.resync) void this.resync();
    });
    socket.on('config:changed', () => void this.resync());
    socket.on('printer:status', (printers) => this.setView(applyPrinters(this.view, printers)));

    const every = this.options.resyncEveryMs ?? 10 * 60_000;
    if (every > 0) {
      // Jittered phase so a wall of screens does not resync in step.
      this.periodicTimer = setInterval(() => {
        if (socket.connected) void this.resync();
      }, Math.round(every * (0.75 + Math.random() * 0.5)));
    }
  }

  stop(): void {
    clearTimeout(this.reconnectTimer);
    clearInterval(this.periodicTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    this.listeners.clear();
    this.callListeners.clear();
  }

  /** Fetch a full snapshot; concurrent requests collapse into one more round. */
  async resync(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return;
    if (this.resyncing) {
      this.resyncAgain = true;
      return;
    }
    this.resyncing = true;
    this.resyncCount++;
    try {
      const reply = await socket.timeout(this.options.resyncTimeoutMs ?? 10_000).emitWithAck('queue:resync');
      if (reply.ok) this.takeSnapshot(reply.data);
      else this.resyncAgain = true;
    } catch {
      // Timed out or disconnected: the next connect brings a snapshot, or the retry below does.
      this.resyncAgain = socket.connected;
    } finally {
      this.resyncing = false;
    }
    if (this.resyncAgain && this.socket === socket) {
      this.resyncAgain = false;
      void this.resync();
    }
  }

  private takeSnapshot(snapshot: PublicSnapshot): void {
    const result = applySnapshot(this.view, snapshot, this.now(), this.store);
    this.setView(result.view);
    for (const call of result.freshCalls) this.emitCall(call);
  }

  private scheduleManualReconnect(): void {
    clearTimeout(this.reconnectTimer);
    const delay = reconnectDelay(this.manualAttempt++, this.policy);
    this.reconnectTimer = setTimeout(() => this.socket?.connect(), delay);
  }

  private emitCall(call: CallRecord): void {
    for (const listener of this.callListeners) listener(call);
  }

  private setView(view: QueueView): void {
    if (view === this.view) return;
    this.view = view;
    this.notify();
  }

  private setStatus(status: ConnectionStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.notify();
  }

  private notify(): void {
    const change = { view: this.view, status: this.status };
    for (const listener of this.listeners) listener(change);
  }
}
