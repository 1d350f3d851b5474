/**
 * One live connection to a Socket.IO namespace and the page's view kept from it.
 * Framework-free (the Lit controller wraps it) so tests drive it against a real
 * server in Node. Rules (architecture: "Resync, never drift"):
 * - a snapshot arrives on every connect that was not recovered; it sets the seq
 *   and the server clock offset;
 * - an update applies only when its seq is the next one; a replay is dropped and
 *   a gap, `config:changed` or a reducer's doubt fetches a snapshot (`queue:resync`);
 * - after ANY close the socket comes back: socket.io-client retries lost transports
 *   itself, but not after the server closed us or refused us ('io server disconnect',
 *   a refused handshake), so then we redial, jittered, until it answers;
 * - except when the server refuses the session itself (reconnect-policy.ts
 *   SESSION_REFUSALS): then it stops, 'signed-out', and the page asks to sign in. A
 *   session ended while connected (logout elsewhere, password change, an admin's reset)
 *   closes the socket; the redial that follows is refused that way.
 */
import { io, type Socket } from 'socket.io-client';
import type { LiveChannel, LiveClientEvents, LiveServerEvents, LiveSnapshot, LiveUpdate, Step, UpdateOf } from './live-channel';
import { DEFAULT_RECONNECT_POLICY, reconnectDelay, redialsAfter, socketIoBackoffOptions, type ReconnectPolicy } from './reconnect-policy';

/**
 * What the banners show: 'connecting' until the first connect, then online or offline;
 * 'signed-out' (final) when the server refused the session: no more redials.
 */
export type LiveStatus = 'connecting' | 'online' | 'offline' | 'signed-out';

export interface LiveOptions {
  /** Origin of the queue server; empty: the page's own. */
  server?: string;
  /** The namespace's full URL, instead of server + namespace (tests). */
  url?: string;
  reconnect?: ReconnectPolicy;
  /** Overrides the channel's safety-net resync period; 0 disables it. */
  resyncEveryMs?: number;
  /** How long to wait for an answer (resync, or a page's own request). */
  answerTimeoutMs?: number;
  /** Handshake timeout of one attempt. */
  connectTimeoutMs?: number;
}

type Args<F> = F extends (...args: [...infer A, infer _Ack]) => void ? A : never;
type Reply<F> = F extends (...args: [...infer _A, infer Ack]) => void ? (Ack extends (reply: infer R) => void ? R : never) : never;

export class LiveConnection<
  View,
  Snapshot extends LiveSnapshot,
  ServerEvents extends LiveServerEvents<Snapshot>,
  ClientEvents extends LiveClientEvents<Snapshot>,
  News = never,
> {
  view: View;
  status: LiveStatus = 'connecting';
  /** Server clock minus this machine's, from the last snapshot; null before the first. */
  serverOffsetMs: number | null = null;
  /** Counts resync rounds, for tests and diagnostics. */
  resyncCount = 0;

  private socket: Socket | undefined;
  private seq = -1;
  private readonly policy: ReconnectPolicy;
  private readonly listeners = new Set<() => void>();
  private readonly newsListeners = new Set<(news: News) => void>();
  private readonly connectListeners = new Set<() => void>();
  private readonly pageEvents: [string, (...args: unknown[]) => void][] = [];
  private resyncing: Promise<void> | null = null;
  private resyncAgain = false;
  private redialAttempt = 0;
  private redialTimer: ReturnType<typeof setTimeout> | undefined;
  private periodicTimer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly channel: LiveChannel<View, Snapshot, ServerEvents, News>,
    private readonly options: LiveOptions = {},
  ) {
    this.view = channel.empty();
    this.policy = options.reconnect ?? DEFAULT_RECONNECT_POLICY;
  }

  /** Called after every change of view or status. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  onNews(listener: (news: News) => void): () => void {
    this.newsListeners.add(listener);
    return () => this.newsListeners.delete(listener);
  }

  /** Called on every (re)connection once the socket is usable: rooms must be joined again each time. */
  onConnect(listener: () => void): () => void {
    this.connectListeners.add(listener);
    return () => this.connectListeners.delete(listener);
  }

  /** A page's own event outside its view (the phone's `ticket:updated`). */
  listen<E extends keyof ServerEvents & string>(event: E, handler: ServerEvents[E]): void {
    const entry: [string, (...args: unknown[]) => void] = [event, handler as unknown as (...args: unknown[]) => void];
    this.pageEvents.push(entry);
    this.socket?.on(...entry);
  }

  /** A page's own request with an answer; rejects when offline or unanswered in time. */
  ask<E extends keyof ClientEvents & string>(event: E, ...args: Args<ClientEvents[E]>): Promise<Reply<ClientEvents[E]>> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.reject(new Error('offline'));
    return socket.timeout(this.options.answerTimeoutMs ?? 10_000).emitWithAck(event, ...args);
  }

  /** Change the view locally (a command's answer arriving before its broadcast). */
  patch(change: (view: View) => View): void {
    this.setView(change(this.view));
  }

  /** The server's clock as best known here: pages never trust this machine's clock alone. */
  serverNow(): number {
    return Date.now() + (this.serverOffsetMs ?? 0);
  }

  start(): void {
    if (this.socket) return;
    const url = this.options.url ?? `${(this.options.server ?? '').replace(/\/+$/, '')}${this.channel.namespace}`;
    const socket = io(url, {
      ...socketIoBackoffOptions(this.policy),
      // WebSocket first (one connection per screen, no polling load); polling if a proxy refuses it.
      transports: ['websocket', 'polling'],
      tryAllTransports: true,
      timeout: this.options.connectTimeoutMs ?? 10_000,
      withCredentials: this.channel.withCredentials ?? false,
    });
    this.socket = socket;

    socket.on('connect', () => {
      clearTimeout(this.redialTimer);
      this.redialTimer = undefined;
      this.redialAttempt = 0;
      this.setStatus('online');
      // Recovered: the server replays what we missed instead of sending a snapshot; without one yet, ask.
      if (socket.recovered && this.seq < 0) void this.resync();
      for (const listener of this.connectListeners) listener();
    });
    socket.on('disconnect', (reason) => {
      if (reason === 'io client disconnect') return;
      this.setStatus('offline');
      if (!socket.active) this.redial(socket);
    });
    socket.on('connect_error', (err) => {
      if (!redialsAfter(err)) return this.signedOut(socket);
      if (this.status === 'online') this.setStatus('offline');
      // Refused by the server (not a lost transport): socket.io-client will not try again by itself.
      if (!socket.active) this.redial(socket);
    });
    socket.on('queue:snapshot', (snapshot: Snapshot) => this.takeSnapshot(snapshot));
    socket.on('queue:update', (update: UpdateOf<ServerEvents> & LiveUpdate) => {
      if (this.seq < 0 || update.seq <= this.seq) return; // before the first snapshot (one is coming), or a replay
      if (update.seq !== this.seq + 1) return void this.resync();
      this.seq = update.seq;
      this.apply(this.channel.update(this.view, update, Date.now()));
    });
    socket.on('config:changed', () => void this.resync());
    for (const [event, reduce] of Object.entries(this.channel.events ?? {})) {
      const reducer = reduce as (view: View, payload: unknown, receivedAt: number) => Step<View, News>;
      socket.on(event, (payload: unknown) => this.apply(reducer(this.view, payload, Date.now())));
    }
    for (const entry of this.pageEvents) socket.on(...entry);

    const every = this.options.resyncEveryMs ?? this.channel.resyncEveryMs ?? 0;
    if (every > 0) {
      // Jittered phase so a wall of screens does not resync in step.
      this.periodicTimer = setInterval(() => void this.resync(), Math.round(every * (0.75 + Math.random() * 0.5)));
    }
  }

  stop(): void {
    clearTimeout(this.redialTimer);
    clearInterval(this.periodicTimer);
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    this.listeners.clear();
    this.newsListeners.clear();
    this.connectListeners.clear();
  }

  /** Fetch a full snapshot. Requests during one collapse into one more round; all share its promise. */
  resync(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve();
    if (this.resyncing) {
      this.resyncAgain = true;
      return this.resyncing;
    }
    this.resyncing = this.resyncRounds(socket).finally(() => (this.resyncing = null));
    return this.resyncing;
  }

  private async resyncRounds(socket: Socket): Promise<void> {
    // Bounded: a server that keeps refusing is asked again by the next gap or the periodic resync, not in a loop.
    for (let round = 0; round < 3; round++) {
      this.resyncAgain = false;
      this.resyncCount++;
      try {
        const reply = await socket.timeout(this.options.answerTimeoutMs ?? 10_000).emitWithAck('queue:resync');
        if (reply.ok) this.takeSnapshot(reply.data as Snapshot);
        else this.resyncAgain = true;
      } catch {
        // Timed out or disconnected: the next connect brings a snapshot anyway.
        this.resyncAgain = socket.connected;
      }
      if (!this.resyncAgain || this.socket !== socket || !socket.connected) return;
    }
  }

  private takeSnapshot(snapshot: Snapshot): void {
    const receivedAt = Date.now();
    this.seq = snapshot.seq;
    this.serverOffsetMs = snapshot.serverTime - receivedAt;
    this.apply(this.channel.snapshot(this.view, snapshot, receivedAt));
  }

  private signedOut(socket: Socket): void {
    clearTimeout(this.redialTimer);
    this.redialTimer = undefined;
    socket.disconnect();
    this.setStatus('signed-out');
  }

  private redial(socket: Socket): void {
    if (this.redialTimer !== undefined) return;
    this.redialTimer = setTimeout(() => {
      this.redialTimer = undefined;
      if (this.socket === socket && !socket.connected) socket.connect();
    }, reconnectDelay(this.redialAttempt++, this.policy));
  }

  private apply(step: Step<View, News>): void {
    this.setView(step.view);
    for (const news of step.news ?? []) for (const listener of this.newsListeners) listener(news);
    if (step.resync) void this.resync();
  }

  private setView(view: View): void {
    if (view === this.view) return;
    this.view = view;
    this.notify();
  }

  private setStatus(status: LiveStatus): void {
    if (status === this.status) return;
    this.status = status;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
