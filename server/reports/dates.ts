/** The report period: inclusive business days, checked before any SQL runs. */
import { DomainError } from '../../protocol/errors';
import { addDays, startOfDay } from '../queue/calendar';

/** A year and a bit: long enough for "this year vs. last December", short enough to stay fast. */
export const MAX_REPORT_DAYS = 400;

export interface ReportRange {
  from: string;
  to: string;
  /** Number of business days, both ends included. */
  days: number;
  /** Epoch ms of local midnight starting `from`, and of the midnight after `to`. */
  startMs: number;
  endMs: number;
}

/** A real calendar date in the form YYYY-MM-DD (2026-02-30 is refused). */
export function isRealDate(day: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return y >= 2000 && y <= 9999 && date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function dayNumber(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/** Missing ends default to `today`; a single given end makes a one-day report. */
export function parseRange(from: string | undefined, to: string | undefined, today: string, timeZone: string): ReportRange {
  const f = from ?? to ?? today;
  const t = to ?? from ?? today;
  for (const date of [f, t]) if (!isRealDate(date)) throw new DomainError('INVALID_DATE', { date });
  const days = dayNumber(t) - dayNumber(f) + 1;
  if (days < 1) throw new DomainError('DATE_RANGE_INVERTED', { from: f, to: t });
  if (days > MAX_REPORT_DAYS) throw new DomainError('DATE_RANGE_TOO_LONG', { days, max: MAX_REPORT_DAYS });
  return { from: f, to: t, days, startMs: startOfDay(f, timeZone), endMs: startOfDay(addDays(t, 1), timeZone) };
}
