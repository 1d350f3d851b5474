import type { Clock } from '../../server/core/clock';

/**
 * Where the tests' days happen: Monday 23/11/2026, 09:00 in Hồ Chí Minh City — a working day, inside opening
 * hours, hours away from midnight. Servers under test live here rather than on the machine's date, so the suite
 * gives the same answers on any day it runs (New Year's Eve at 23:59 included).
 */
export const TEST_DAY_START = Date.UTC(2026, 10, 23, 2, 0, 0);

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(public ms: number = TEST_DAY_START) {}
  now(): number {
    return this.ms;
  }
  advance(ms: number): void {
    this.ms += ms;
  }
  set(iso: string): void {
    this.ms = Date.parse(iso);
  }
}

/** A clock that starts at a fixed instant and runs at real speed: timeouts, expiries and rate windows still pass. */
export class RunningClock implements Clock {
  private readonly offset: number;
  constructor(start: number = TEST_DAY_START) {
    this.offset = start - Date.now();
  }
  now(): number {
    return Date.now() + this.offset;
  }
}
