/**
 * Booking and cancel requests per address on the hub, at a person's pace like a center's page (an hour's and a
 * day's count). Kept in this node's memory: behind several nodes an address may get a little more.
 */
import { DomainError } from '../../protocol/errors';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Count {
  hourFrom: number;
  hour: number;
  dayFrom: number;
  day: number;
}

export class AddressLimits {
  private readonly counts = new Map<string, Count>();

  constructor(
    private readonly perHour: number,
    private readonly perDay: number,
  ) {}

  /** A place for one request, or APPOINTMENT_LIMIT_REACHED with the minutes to wait; `refund` gives it back. */
  take(address: string, now: number): { refund(): void } {
    if (this.counts.size > 10_000) this.forgetOld(now);
    const c = this.counts.get(address) ?? { hourFrom: now, hour: 0, dayFrom: now, day: 0 };
    if (now - c.hourFrom >= HOUR) Object.assign(c, { hourFrom: now, hour: 0 });
    if (now - c.dayFrom >= DAY) Object.assign(c, { dayFrom: now, day: 0 });
    if (c.day >= this.perDay) throw new DomainError('APPOINTMENT_LIMIT_REACHED', { minutes: Math.ceil((c.dayFrom + DAY - now) / 60_000) });
    if (c.hour >= this.perHour) throw new DomainError('APPOINTMENT_LIMIT_REACHED', { minutes: Math.ceil((c.hourFrom + HOUR - now) / 60_000) });
    c.hour++;
    c.day++;
    this.counts.set(address, c);
    let refunded = false;
    return {
      refund: () => {
        if (refunded) return;
        refunded = true;
        c.hour = Math.max(0, c.hour - 1);
        c.day = Math.max(0, c.day - 1);
      },
    };
  }

  private forgetOld(now: number): void {
    for (const [k, c] of this.counts) if (now - c.dayFrom >= DAY) this.counts.delete(k);
  }
}
