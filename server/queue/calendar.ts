/**
 * Calendar arithmetic in the center's time zone. The business day and opening
 * hours are always local to the center, never UTC and never the host's zone.
 */
import { addDays, isValidTimeZone, localParts } from '../../protocol/local-time';

export interface LocalTime {
  /** 'YYYY-MM-DD' */
  day: string;
  /** 'HH:mm' */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
}

export { addDays, isValidTimeZone };

export function localTime(epochMs: number, timeZone: string): LocalTime {
  const p = localParts(epochMs, timeZone);
  return { day: `${p.year}-${p.month}-${p.day}`, time: `${p.hour}:${p.minute}`, weekday: p.weekday, hour: Number(p.hour) };
}

export function businessDay(epochMs: number, timeZone: string): string {
  return localTime(epochMs, timeZone).day;
}

/**
 * Epoch ms of local midnight starting `day` in `timeZone`. Zones without DST
 * (Asia/Ho_Chi_Minh) make this exact; for others we correct once for the offset.
 */
export function startOfDay(day: string, timeZone: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const guess = Date.UTC(y, m - 1, d);
  const offset = zoneOffsetMs(guess, timeZone);
  const first = guess - offset;
  const offset2 = zoneOffsetMs(first, timeZone);
  return guess - offset2;
}

function zoneOffsetMs(epochMs: number, timeZone: string): number {
  const lt = localTime(epochMs, timeZone);
  const [y, m, d] = lt.day.split('-').map(Number);
  const [hh, mm] = lt.time.split(':').map(Number);
  const secs = new Date(epochMs).getUTCSeconds();
  const asUtc = Date.UTC(y, m - 1, d, hh, mm, secs);
  return asUtc - (epochMs - (epochMs % 1000));
}

