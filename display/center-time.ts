/**
 * Clock and date as the center reads them: 24-hour, dd/MM/yyyy, in the
 * center's time zone whatever zone the display's own system is set to
 * (cheap TV sticks often ship set to UTC).
 */

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

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US parts are plain ASCII digits whatever locale data the browser ships.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      weekday: 'short',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function centerClock(epochMs: number, timeZone = 'Asia/Ho_Chi_Minh'): CenterClock {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = formatter(timeZone).formatToParts(epochMs);
  } catch {
    parts = formatter('Asia/Ho_Chi_Minh').formatToParts(epochMs);
  }
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return {
    time: `${get('hour')}:${get('minute')}`,
    date: `${get('day')}/${get('month')}/${get('year')}`,
    weekdayVi: WEEKDAYS_VI[weekday] ?? '',
    weekdayEn: WEEKDAYS_EN[weekday] ?? '',
  };
}

/** 'HH:mm' of a past moment, for the history list. */
export function centerTime(epochMs: number, timeZone?: string): string {
  return centerClock(epochMs, timeZone).time;
}
