/**
 * What a page tells the live core about itself: which namespace it follows and
 * how its own picture of the queue (its "view") changes with what the server
 * sends. The core does the rest — connecting, seq order, resync, redial, clock —
 * so every page keeps the same rules and only its reducer differs.
 */
import type { Ack } from '../protocol/realtime';

/** What every snapshot carries, whatever the namespace. */
export interface LiveSnapshot {
  seq: number;
  /** The server's clock when it built the snapshot (ms since epoch). */
  serverTime: number;
}

/** What every update carries, whatever the namespace. */
export interface LiveUpdate {
  seq: number;
}

/** The events every live namespace speaks; a namespace may speak more. */
export interface LiveServerEvents<Snapshot extends LiveSnapshot> {
  'queue:snapshot': (snapshot: Snapshot) => void;
  /**
   * Each namespace sends its own audience's update (QueueUpdate on /public, StaffQueueUpdate on /staff).
   * Written as a method so either fits here; a channel reads its namespace's own type (`UpdateOf`).
   */
  'queue:update'(update: LiveUpdate): void;
  'config:changed': (info: { seq: number }) => void;
}

export interface LiveClientEvents<Snapshot extends LiveSnapshot> {
  'queue:resync': (ack: Ack<Snapshot>) => void;
}

/** The next view, and what follows from the transition. */
export interface Step<View, News> {
  view: View;
  /** The view no longer follows on from the server's: fetch a snapshot. */
  resync?: boolean;
  /** Things the page hears about once (a call to announce, a ticket to rate), oldest first. */
  news?: readonly News[];
}

type Payload<F> = F extends (payload: infer P, ...rest: never[]) => void ? P : never;

/** The update a namespace sends. */
export type UpdateOf<ServerEvents> = ServerEvents extends { 'queue:update': infer F } ? Payload<F> : never;

/** A reducer for one of the namespace's other events (printer status…). */
export type EventReducers<View, News, ServerEvents> = {
  [E in keyof ServerEvents]?: (view: View, payload: Payload<ServerEvents[E]>, receivedAt: number) => Step<View, News>;
};

export interface LiveChannel<View, Snapshot extends LiveSnapshot, ServerEvents extends LiveServerEvents<Snapshot>, News = never> {
  /** '/public' or '/staff'. */
  namespace: string;
  /** Send the session cookie (staff). */
  withCredentials?: boolean;
  /** Safety-net resync period (catches e.g. a lost ack); 0 or absent: none. */
  resyncEveryMs?: number;
  empty(): View;
  /** A snapshot replaces the page's picture; `receivedAt` is this machine's clock. */
  snapshot(view: View, snapshot: Snapshot, receivedAt: number): Step<View, News>;
  /** Called only for the update that follows on (seq = last + 1); the core handles gaps and replays. */
  update(view: View, update: UpdateOf<ServerEvents>, receivedAt: number): Step<View, News>;
  events?: EventReducers<View, News, ServerEvents>;
}

/** For pages that follow the namespace only for its connection and clock (the phone page). */
export function withoutView<Snapshot extends LiveSnapshot, ServerEvents extends LiveServerEvents<Snapshot>>(namespace: string): LiveChannel<null, Snapshot, ServerEvents> {
  const same = (view: null) => ({ view });
  return { namespace, empty: () => null, snapshot: same, update: same };
}
