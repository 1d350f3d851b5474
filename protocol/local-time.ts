/**
 * Wall-clock parts of a moment in a given time zone, for server and pages alike:
 * business days, opening hours, printed tickets and screen clocks are always in the
 * center's zone (default Asia/Ho_Chi_Minh), never the host's or UTC.
 */
export interface LocalParts {
  year: string;
  /** '01'…'12' */
  month: string;
  day: string;
  /** '00'…'23' */
  hour: string;
  minute: string;
  second: string;
  /** ISO weekday, 1 = Monday … 7 = Sunday. */
  weekday: number;
}

export const DEFAULT_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Throws RangeError for an unknown zone. */
function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // en-US parts are plain ASCII digits whatever locale data the runtime ships.
    f = new Intl.DateTimeFormat('en-US', {
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

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Parts of `epochMs` in `timeZone`; an unknown zone falls back to the default rather than break a screen. */
export function localParts(epochMs: number, timeZone: string = DEFAULT_TIME_ZONE): LocalParts {
  const f = isValidTimeZone(timeZone) ? formatter(timeZone) : formatter(DEFAULT_TIME_ZONE);
  const p: Record<string, string> = {};
  for (const part of f.formatToParts(new Date(epochMs))) p[part.type] = part.value;
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second, weekday: WEEKDAYS[p.weekday] ?? 1 };
}

/** 'dd/MM/yyyy HH:mm', as Vietnamese offices write it. */
export function formatLocalDateTime(epochMs: number, timeZone?: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}`;
}

/** 'HH:mm'. */
export function formatLocalTime(epochMs: number, timeZone?: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.hour}:${p.minute}`;
}

/** 'dd/MM/yyyy HH:mm:ss': the console's lists, where jobs seconds apart must read apart. */
export function formatLocalDateTimeSeconds(epochMs: number, timeZone?: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.day}/${p.month}/${p.year} ${p.hour}:${p.minute}:${p.second}`;
}

/** 'YYYY-MM-DD' of the moment in the zone: the center's calendar day. */
export function localDay(epochMs: number, timeZone?: string): string {
  const p = localParts(epochMs, timeZone);
  return `${p.year}-${p.month}-${p.day}`;
}

/** Calendar arithmetic on 'YYYY-MM-DD' (no zone involved): '2026-11-30' + 1 → '2026-12-01'. */
export function addDays(day: string, n: number): string {
  const [y, m, d] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}
