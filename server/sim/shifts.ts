/** Counters' working windows as instants of the simulated day. */
import type { Shift } from './types';

const MINUTE_MS = 60_000;

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return h * 60 + m;
}

/** [start, end) instants of each window, in order; `dayStart` is the local midnight (no DST in the center's zone). */
export function shiftWindows(shifts: Shift[], dayStart: number): [number, number][] {
  return shifts
    .map((s): [number, number] => [dayStart + minutesOf(s.from) * MINUTE_MS, dayStart + minutesOf(s.to) * MINUTE_MS])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
}

export function withinWindows(windows: [number, number][], at: number): boolean {
  return windows.some(([a, b]) => at >= a && at < b);
}

export const WHOLE_DAY: Shift[] = [{ from: '00:00', to: '24:00' }];
