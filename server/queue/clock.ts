/**
 * Calendar arithmetic in the center's time zone. The business day and opening
 * hours are always local to the center, never UTC and never the host's zone.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      weekday: 'short',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export interface LocalTime {
  /** 'YYYY-MM-DD' */
  day: string;
  /** 'HH:mm' */
  time: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
}

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

export function localTime(epochMs: number, timeZone: string): LocalTime {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(epochMs))) parts[p.type] = p.value;
  return {
    day: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    weekday: WEEKDAYS[parts.weekday] ?? 1,
    hour: Number(parts.hour),
  };
}

export function businessDay(epochMs: number, timeZone: string): string {
  return localTime(epochMs, timeZone).day;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
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

/** Next calendar day: '2026-11-30' → '2026-12-01'. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
