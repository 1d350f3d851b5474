/**
 * Lit reactive controller around a QueueConnection: the host element connects
 * when it enters the page, re-renders on every change and closes the socket
 * when it leaves. Shared by the hall and counter displays (and later kiosk
 * and console pages).
 *
 * ```ts
 * private readonly queue = new QueueConnectionController(this, { onFreshCall: (c) => this.announce(c) });
 * render() { return this.queue.view.ready ? … : … }
 * ```
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CallRecord } from '../../protocol/realtime';
import { QueueConnection, type ConnectionStatus, type QueueConnectionOptions } from './queue-connection';
import { emptyView, type QueueView } from './queue-store';

export interface QueueConnectionControllerOptions extends QueueConnectionOptions {
  /** Called for each call newer than what the screen knew (never for replays or old history). */
  onFreshCall?: (call: CallRecord) => void;
  /** For tests: supply the connection instead of opening one. */
  connection?: () => QueueConnection;
}

export class QueueConnectionController implements ReactiveController {
  view: QueueView = emptyView();
  status: ConnectionStatus = 'connecting';
  connection: QueueConnection | undefined;
  private unsubscribe: (() => void)[] = [];

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: QueueConnectionControllerOptions = {},
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    const connection = this.options.connection?.() ?? new QueueConnection(this.options);
    this.connection = connection;
    this.unsubscribe = [
      connection.subscribe(({ view, status }) => {
        this.view = view;
        this.status = status;
        this.host.requestUpdate();
      }),
    ];
    const onFreshCall = this.options.onFreshCall;
    if (onFreshCall) this.unsubscribe.push(connection.onFreshCall(onFreshCall));
    connection.start();
  }

  hostDisconnected(): void {
    for (const undo of this.unsubscribe) undo();
    this.unsubscribe = [];
    this.connection?.stop();
    this.connection = undefined;
  }

  /** The server's clock as this screen best knows it. */
  serverNow(): number {
    return Date.now() + this.view.serverOffsetMs;
  }
}
