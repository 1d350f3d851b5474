/**
 * When counters work, for estimates: a wait that runs into the midday break, or a ticket taken before the
 * counters open, lasts the break too. A service with opening hours works those; any other follows the
 * working hours of Vietnamese public offices (07:30–11:30, 13:30–17:00), which the demo center keeps too.
 */
import type { Service } from '../../protocol/domain';
import { localParts } from '../../protocol/local-time';

/** [from, to) in minutes after local midnight. */
export type Window = [number, number];

export const PUBLIC_OFFICE_HOURS: Window[] = [
  [7 * 60 + 30, 11 * 60 + 30],
  [13 * 60 + 30, 17 * 60],
];

const minutesOf = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
};

type LocalMinute = { minute: number; weekday: number };
/** The last answer: one commit's stats estimate every service at the same instant, and the zone lookup is slow. */
let last: { epochMs: number; timeZone: string; local: LocalMinute } | null = null;

/** The local minute of the day and the ISO weekday of an instant. */
export function localMinute(epochMs: number, timeZone: string): LocalMinute {
  if (last && last.epochMs === epochMs && last.timeZone === timeZone) return last.local;
  const p = localParts(epochMs, timeZone);
  const local = { minute: Number(p.hour) * 60 + Number(p.minute) + Number(p.second) / 60, weekday: p.weekday };
  last = { epochMs, timeZone, local };
  return local;
}

/** The service's working windows on that weekday, in order. */
export function workingWindows(service: Service | undefined, weekday: number): Window[] {
  const own = service?.openingHours?.filter((w) => w.days.includes(weekday)).map((w): Window => [minutesOf(w.from), minutesOf(w.to)]);
  return own && own.length > 0 ? own.sort((a, b) => a[0] - b[0]) : PUBLIC_OFFICE_HOURS;
}

/**
 * Clock minutes from `minute` until `work` minutes of working time have passed: time outside the windows
 * (before opening, the midday break) is skipped. Past the last window the clock runs on as if still open:
 * the tickets left then are not today's problem to estimate.
 */
export function clockMinutes(minute: number, work: number, windows: Window[]): number {
  let at = minute;
  let left = work;
  for (const [from, to] of windows) {
    if (to <= at) continue;
    at = Math.max(at, from);
    const here = to - at;
    if (left <= here) return at + left - minute;
    left -= here;
    at = to;
  }
  return at + left - minute;
}

/** Whether counters work at that minute. */
export function withinWindows(minute: number, windows: Window[]): boolean {
  return windows.some(([from, to]) => minute >= from && minute < to);
}

/** Working minutes from the first opening of the day until `minute`. */
export function workedMinutes(minute: number, windows: Window[]): number {
  let worked = 0;
  for (const [from, to] of windows) worked += Math.max(0, Math.min(to, minute) - from);
  return worked;
}
