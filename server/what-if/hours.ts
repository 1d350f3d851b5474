/** Counter hours as the simulator takes them: local 'HH:mm' windows of the replayed day. */
import type { Shift } from '../sim/types';

const MINUTE_MS = 60_000;

const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** Instants → whole minutes, widened (start down, end up) so the window holds everything the counter did. */
export function toShifts(windows: [number, number][], dayStart: number): Shift[] {
  return windows.map(([a, b]) => ({
    from: hhmm(Math.max(0, Math.floor((a - dayStart) / MINUTE_MS))),
    to: hhmm(Math.min(24 * 60, Math.ceil((b - dayStart) / MINUTE_MS))),
  }));
}

export function minutesOf(time: string): number {
  const [h, m] = time.split(':').map(Number);
  return h * 60 + m;
}

/** Windows that end after they start and do not overlap. */
export function validShifts(shifts: Shift[]): boolean {
  const sorted = [...shifts].sort((a, b) => minutesOf(a.from) - minutesOf(b.from));
  return sorted.every((s, i) => minutesOf(s.to) > minutesOf(s.from) && (i === 0 || minutesOf(s.from) >= minutesOf(sorted[i - 1].to)));
}
