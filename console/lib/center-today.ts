/** The center's "today" as a page sees it: the server's clock in the center's zone, never the PC's own date. */
import { localDay } from '../../protocol/local-time';
import type { StaffView } from './staff-model';

/** Null until the live view has arrived: before that the server's day is unknown. */
export function centerToday(view: StaffView | null): string | null {
  if (!view?.ready || !view.center) return null;
  return localDay(Date.now() + view.serverOffsetMs, view.center.timeZone);
}
