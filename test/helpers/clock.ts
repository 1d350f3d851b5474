import type { Clock } from '../../server/services/queue-service';

/** A clock tests move by hand. */
export class FakeClock implements Clock {
  constructor(public ms: number = Date.UTC(2026, 10, 23, 2, 0, 0)) {}
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
