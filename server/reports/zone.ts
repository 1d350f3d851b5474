/**
 * Fast local-time formatting for reports: Intl is far too slow to call for every one of
 * a year's million tickets, so the zone offset is looked up once per quarter hour
 * (every real zone changes its offset on a quarter-hour boundary) and reused.
 */
import { localTime } from '../queue/calendar';

const QUARTER_HOUR = 900_000;
const HOUR = 3_600_000;
const DAY = 86_400_000;
const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

export class ZoneClock {
  private readonly offsets = new Map<number, number>();

  constructor(readonly timeZone: string) {}

  /** Local wall-clock minus UTC, in ms, at `ms`. */
  offset(ms: number): number {
    const bucket = Math.floor(ms / QUARTER_HOUR);
    let off = this.offsets.get(bucket);
    if (off === undefined) {
      const at = bucket * QUARTER_HOUR;
      const lt = localTime(at, this.timeZone);
      const [y, mo, d] = lt.day.split('-').map(Number);
      const [hh, mm] = lt.time.split(':').map(Number);
      off = Date.UTC(y, mo - 1, d, hh, mm) - at;
      this.offsets.set(bucket, off);
    }
    return off;
  }

  /** Local hour of day, 0..23 (plain arithmetic: called for every ticket at the hub's ingest). */
  hour(ms: number): number {
    const local = (ms + this.offset(ms)) % DAY;
    return Math.floor((local < 0 ? local + DAY : local) / HOUR);
  }

  /** 'dd/MM/yyyy HH:mm:ss' in the zone, the form Vietnamese offices and Excel expect. */
  dateTime(ms: number | null): string {
    if (ms === null) return '';
    const d = new Date(ms + this.offset(ms));
    return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${d.getUTCFullYear()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  }
}

const clocks = new Map<string, ZoneClock>();

/** One shared clock per zone: offsets never change, so the cache stays valid across reports. */
export function zoneClock(timeZone: string): ZoneClock {
  let z = clocks.get(timeZone);
  if (!z) clocks.set(timeZone, (z = new ZoneClock(timeZone)));
  return z;
}

/** '2026-11-23' → '23/11/2026'. */
export function displayDay(day: string): string {
  return `${day.slice(8, 10)}/${day.slice(5, 7)}/${day.slice(0, 4)}`;
}
