/**
 * The console's channel on the live core: /staff with the session cookie, kept
 * as a StaffView by the pure transitions of staff-model.ts, plus the printer
 * status and the never-printed list the namespace pushes.
 */
import type { StaffCounterView, StaffClientToServer, StaffServerToClient, StaffSnapshot } from '../../protocol/realtime';
import type { LiveChannel } from '../../live/live-channel';
import { LiveConnection } from '../../live/live-connection';
import { applyStaffUpdate, emptyStaffView, fromSnapshot, type StaffView } from './staff-model';

export const staffChannel: LiveChannel<StaffView, StaffSnapshot, StaffServerToClient> = {
  namespace: '/staff',
  withCredentials: true,
  empty: emptyStaffView,
  // `printer:unprinted` is not part of the snapshot: keep the last list.
  snapshot: (view, snapshot, receivedAt) => ({ view: fromSnapshot(snapshot, receivedAt, view.unprinted) }),
  update: (view, update) => applyStaffUpdate(view, update),
  events: {
    'printer:status': (view, printers) => ({ view: { ...view, printers } }),
    'printer:unprinted': (view, unprinted) => ({ view: { ...view, unprinted } }),
  },
};

export class StaffConnection extends LiveConnection<StaffView, StaffSnapshot, StaffServerToClient, StaffClientToServer> {
  /**
   * Put a counter as a command's answer describes it, without waiting for the
   * broadcast: the next key press must act on the ticket just called. The
   * broadcast of the same commit carries the same counter, so this never regresses.
   */
  patchCounter(counter: StaffCounterView): void {
    this.patch((view) => (view.ready ? { ...view, counters: view.counters.map((c) => (c.id === counter.id ? counter : c)) } : view));
  }
}
