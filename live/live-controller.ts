/**
 * Lit reactive controller around a LiveConnection: the host element connects
 * when it enters the page (or when it calls `start()`, for a page that must sign
 * in first), re-renders on every change and closes the socket when it leaves.
 *
 * ```ts
 * private readonly queue = new LiveController(this, displayChannel(), { onNews: (call) => this.announce(call) });
 * render() { return this.queue.view.ready ? … : … }
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { LiveChannel, LiveClientEvents, LiveServerEvents, LiveSnapshot } from './live-channel';
import { LiveConnection, type LiveOptions, type LiveStatus } from './live-connection';

export interface LiveControllerOptions<View, Snapshot extends LiveSnapshot, ServerEvents extends LiveServerEvents<Snapshot>, ClientEvents extends LiveClientEvents<Snapshot>, News>
  extends LiveOptions {
  /** Wait for `start()` instead of connecting with the host. */
  manual?: boolean;
  onNews?: (news: News) => void;
  /** After every change of view or status, before the host re-renders. */
  onChange?: () => void;
  /** Every (re)connection: join rooms again, reload what the page fetched over HTTP. */
  onConnect?: () => void;
  /** A page's own kind of connection (one with more methods); default: a plain LiveConnection. */
  open?: (
    channel: LiveChannel<View, Snapshot, ServerEvents, News>,
    options: LiveOptions,
  ) => LiveConnection<View, Snapshot, ServerEvents, ClientEvents, News>;
}

export class LiveController<
  View,
  Snapshot extends LiveSnapshot,
  ServerEvents extends LiveServerEvents<Snapshot>,
  ClientEvents extends LiveClientEvents<Snapshot> = LiveClientEvents<Snapshot>,
  News = never,
> implements ReactiveController {
  /** Open while the host is on the page (and, if manual, started). */
  connection: LiveConnection<View, Snapshot, ServerEvents, ClientEvents, News> | undefined;
  /** Events the page listens to itself, attached to each connection opened. */
  private readonly pageEvents: ((c: LiveConnection<View, Snapshot, ServerEvents, ClientEvents, News>) => void)[] = [];
  private readonly empty: View;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly channel: LiveChannel<View, Snapshot, ServerEvents, News>,
    private readonly options: LiveControllerOptions<View, Snapshot, ServerEvents, ClientEvents, News> = {},
  ) {
    this.empty = channel.empty();
    host.addController(this);
  }

  get view(): View {
    return this.connection?.view ?? this.empty;
  }

  get status(): LiveStatus {
    return this.connection?.status ?? 'connecting';
  }

  /** The server's clock as this page best knows it. */
  serverNow(): number {
    return this.connection?.serverNow() ?? Date.now();
  }

  /** Server clock minus this machine's, or null before the first snapshot. */
  get serverOffsetMs(): number | null {
    return this.connection?.serverOffsetMs ?? null;
  }

  listen<E extends keyof ServerEvents & string>(event: E, handler: ServerEvents[E]): void {
    this.pageEvents.push((c) => c.listen(event, handler));
    this.connection?.listen(event, handler);
  }

  /** (Re)open the connection; options from the host's attributes are read now. */
  start(options: LiveOptions = {}): void {
    this.stop();
    const merged = { ...this.options, ...options };
    const connection = this.options.open?.(this.channel, merged) ?? new LiveConnection<View, Snapshot, ServerEvents, ClientEvents, News>(this.channel, merged);
    this.connection = connection;
    connection.subscribe(() => {
      this.options.onChange?.();
      this.host.requestUpdate();
    });
    const { onNews, onConnect } = this.options;
    if (onNews) connection.onNews(onNews);
    if (onConnect) connection.onConnect(onConnect);
    for (const attach of this.pageEvents) attach(connection);
    connection.start();
    this.host.requestUpdate();
  }

  stop(): void {
    this.connection?.stop();
    this.connection = undefined;
  }

  hostConnected(): void {
    if (!this.options.manual) this.start();
  }

  hostDisconnected(): void {
    this.stop();
  }
}
