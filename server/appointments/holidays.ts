/**
 * The public holidays the province published (the newest `holidays` item of the hub's downlink, server/hub-link):
 * no slot is offered on them, and a booking for one is refused with the holiday's name. A center that is not
 * linked to a province has none. The list is read when it is needed (one indexed row), so a new list takes effect
 * at once.
 */
import type { Db } from '../store/db';
import { latestDownlink } from '../hub-link/store';

/** 'YYYY-MM-DD' → the holiday's name ('' when the province gave none). */
export type Holidays = ReadonlyMap<string, string>;

export const NO_HOLIDAYS: Holidays = new Map();

export function provinceHolidays(db: Db, centerId: string): Holidays {
  const item = latestDownlink(db, centerId, 'holidays');
  if (!item) return NO_HOLIDAYS;
  const list = Array.isArray(item.data) ? item.data : ((item.data as { holidays?: unknown } | null)?.holidays ?? []);
  const out = new Map<string, string>();
  for (const x of Array.isArray(list) ? list : []) {
    if (typeof x === 'string') out.set(x, '');
    else if (x && typeof x === 'object' && typeof (x as { date?: unknown }).date === 'string') {
      const name = (x as { name?: unknown }).name;
      out.set((x as { date: string }).date, typeof name === 'string' ? name : '');
    }
  }
  return out;
}
