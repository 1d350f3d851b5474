/**
 * The live /staff connection (session cookie) and the view it keeps. Resyncs on
 * a seq gap, on config:changed and after a reconnect the server could not
 * recover; a screen re-renders through `subscribe`.
 */
import { io, type Socket } from 'socket.io-client';
import type { CounterView, StaffClientToServer, StaffServerToClient, StaffSnapshot } from '../../protocol/realtime';
import { socketIoBackoffOptions } from '../../display/lib/reconnect-policy';
import { applyStaffUpdate, emptyStaffView, fromSnapshot, type StaffView } from './staff-model';

type StaffSocket = Socket<StaffServerToClient, StaffClientToServer>;
export type LinkStatus = 'connecting' | 'online' | 'offline';

export class StaffConnection {
  view: StaffView = emptyStaffView();
  status: LinkStatus = 'connecting';
  private socket: StaffSocket | undefined;
  private readonly listeners = new Set<() => void>();
  private resyncing: Promise<void> | null = null;

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    if (this.socket) return;
    const socket: StaffSocket = io('/staff', { ...socketIoBackoffOptions(), transports: ['websocket', 'polling'], tryAllTransports: true, withCredentials: true });
    this.socket = socket;
    socket.on('connect', () => {
      this.setStatus('online');
      // A recovered connection replays missed packets; if we never had a snapshot, ask for one.
      if (socket.recovered && !this.view.ready) void this.resync();
    });
    socket.on('disconnect', (reason) => {
      this.setStatus('offline');
      // The server closed us (restart or session gone): socket.io will not retry by itself.
      if (reason === 'io server disconnect') setTimeout(() => socket.connect(), 1000 + Math.random() * 2000);
    });
    socket.on('connect_error', () => this.setStatus('offline'));
    socket.on('queue:snapshot', (s) => this.take(s));
    socket.on('queue:update', (u) => {
      const r = applyStaffUpdate(this.view, u);
      this.setView(r.view);
      if (r.resync) void this.resync();
    });
    socket.on('config:changed', () => void this.resync());
    socket.on('printer:status', (printers) => this.setView({ ...this.view, printers }));
    socket.on('printer:unprinted', (unprinted) => this.setView({ ...this.view, unprinted }));
  }

  stop(): void {
    this.socket?.removeAllListeners();
    this.socket?.disconnect();
    this.socket = undefined;
    this.listeners.clear();
  }

  /** Fetch a full snapshot; concurrent calls share one request. */
  resync(): Promise<void> {
    const socket = this.socket;
    if (!socket?.connected) return Promise.resolve();
    this.resyncing ??= socket
      .timeout(10_000)
      .emitWithAck('queue:resync')
      .then((reply) => {
        if (reply.ok) this.take(reply.data);
      })
      .catch(() => undefined)
      .finally(() => {
        this.resyncing = null;
      });
    return this.resyncing;
  }

  /**
   * Put a counter as a command's answer describes it, without waiting for the
   * broadcast: the next key press must act on the ticket just called. The
   * broadcast of the same commit carries the same counter, so this never regresses.
   */
  patchCounter(counter: CounterView): void {
    if (!this.view.ready) return;
    this.setView({ ...this.view, counters: this.view.counters.map((c) => (c.id === counter.id ? counter : c)) });
  }

  /** The server's clock as best known here. */
  serverNow(): number {
    return Date.now() + this.view.serverOffsetMs;
  }

  private take(s: StaffSnapshot): void {
    this.setView(fromSnapshot(s, Date.now(), this.view.unprinted));
  }

  private setView(view: StaffView): void {
    if (view === this.view) return;
    this.view = view;
    for (const l of this.listeners) l();
  }

  private setStatus(status: LinkStatus): void {
    if (status === this.status) return;
    this.status = status;
    for (const l of this.listeners) l();
  }
}
