/**
 * The displays' channel on the live core: /public, kept as a QueueView by the
 * pure transitions of queue-reducer.ts. Its news are the calls worth announcing
 * (new to this screen and recent), never replays or old history.
 */
import type { CallRecord, PublicClientToServer, PublicServerToClient, PublicSnapshot } from '../../protocol/realtime';
import type { LiveChannel } from '../../live/live-channel';
import { LiveConnection, type LiveOptions } from '../../live/live-connection';
import { applyCall, applyPrinters, applySnapshot, applyUpdate, DEFAULT_STORE_OPTIONS, emptyView, type QueueView, type StoreOptions } from './queue-reducer';

export type DisplayChannel = LiveChannel<QueueView, PublicSnapshot, PublicServerToClient, CallRecord>;
export type DisplayConnection = LiveConnection<QueueView, PublicSnapshot, PublicServerToClient, PublicClientToServer, CallRecord>;

export function displayChannel(store: Partial<StoreOptions> = {}): DisplayChannel {
  const options = { ...DEFAULT_STORE_OPTIONS, ...store };
  return {
    namespace: '/public',
    // A screen runs all day: a slow resync catches anything the seq rules could not (a lost ack).
    resyncEveryMs: 10 * 60_000,
    empty: emptyView,
    snapshot: (view, snapshot, receivedAt) => {
      const result = applySnapshot(view, snapshot, receivedAt, options);
      return { view: result.view, news: result.freshCalls };
    },
    update: (view, update) => applyUpdate(view, update),
    events: {
      'ticket:called': (view, call, receivedAt) => {
        const result = applyCall(view, call, receivedAt, options);
        return { view: result.view, resync: result.resync, news: result.fresh ? [call] : [] };
      },
      'printer:status': (view, printers) => ({ view: applyPrinters(view, printers) }),
    },
  };
}

export function displayConnection(options: LiveOptions = {}, store: Partial<StoreOptions> = {}): DisplayConnection {
  return new LiveConnection(displayChannel(store), options);
}
