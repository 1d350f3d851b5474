/**
 * Clock and date as the center reads them: 24-hour, dd/MM/yyyy, in the
 * center's time zone whatever zone the display's own system is set to
 * (cheap TV sticks often ship set to UTC).
 */

import { localParts } from '../protocol/local-time';

export interface CenterClock {
  /** 'HH:mm' */
  time: string;
  /** 'dd/MM/yyyy' */
  date: string;
  /** 'Thứ Hai' … 'Chủ Nhật' */
  weekdayVi: string;
  /** 'Monday' … */
  weekdayEn: string;
}

const WEEKDAYS_VI = ['Chủ Nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function centerClock(epochMs: number, timeZone?: string): CenterClock {
  const p = localParts(epochMs, timeZone);
  const weekday = p.weekday % 7; // ISO 7 (Sunday) → index 0
  return {
    time: `${p.hour}:${p.minute}`,
    date: `${p.day}/${p.month}/${p.year}`,
    weekdayVi: WEEKDAYS_VI[weekday] ?? '',
    weekdayEn: WEEKDAYS_EN[weekday] ?? '',
  };
}

/** 'HH:mm' of a past moment, for the history list. */
export function centerTime(epochMs: number, timeZone?: string): string {
  return centerClock(epochMs, timeZone).time;
}
