/**
 * Who may take how many numbers. A phone on the center's Wi-Fi can call everything a kiosk can, so
 * "take a number on your phone" stays open, at a human pace, while no single source can empty a
 * service's day:
 *
 * - a **kiosk** (an approved kiosk device, or a signed-in staff member issuing for a citizen) takes
 *   at most `KIOSK_TICKETS_PER_MINUTE` in any minute: a person at the screen needs several seconds a
 *   ticket, so a burst beyond that is a fault or an attack;
 * - a **visitor** (any other browser, counted by network address) takes at most
 *   `VISITOR_TICKETS_PER_HOUR` an hour and `VISITOR_TICKETS_PER_DAY` a business day (a citizen and a
 *   relative or two), and visitors together take at most half of a service's day by default (its daily quota,
 *   else its number range; `VISITOR_SHARE_PERCENT`), so the kiosk always has numbers for the people in the hall.
 *
 * A place is reserved before the command and given back when the command is refused or was a
 * replay of an earlier tap (same Idempotency-Key): only a new ticket costs.
 */
import { LRUCache } from 'lru-cache';
import { DomainError } from '../../protocol/errors';
import type { FastifyRequest } from 'fastify';
import type { Service } from '../../protocol/domain';
import { normalizeAddress } from '../core/network-address';

export interface IssueLimitSettings {
  kioskPerMinute: number;
  visitorPerHour: number;
  visitorPerDay: number;
  /** Percent of a service's day that visitors may take together. */
  visitorSharePercent: number;
}

/** Where a ticket request comes from: a known kiosk (or staff), or an anonymous visitor by address. */
export type IssueSource = { kind: 'kiosk'; key: string } | { kind: 'visitor'; address: string };

/** A reserved place: `refund()` when no new ticket came of it. */
export interface IssuePass {
  refund(): void;
}

/** A bucket of `capacity` tokens refilled evenly over `periodMs`. */
class Bucket {
  private tokens: number;
  private at: number;
  constructor(
    private readonly capacity: number,
    private readonly periodMs: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.at = now;
  }
  /** ms until a token is free (0 = took one now). */
  take(now: number): number {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.at) * this.capacity) / this.periodMs);
    this.at = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return 0;
    }
    return Math.ceil(((1 - this.tokens) * this.periodMs) / this.capacity);
  }
  give(): void {
    this.tokens = Math.min(this.capacity, this.tokens + 1);
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Enough for every kiosk, staff member and phone a center sees in a day; the oldest are forgotten first. */
const MAX_SOURCES = 20_000;

export class IssueLimits {
  private readonly kiosks = new LRUCache<string, Bucket>({ max: MAX_SOURCES });
  private readonly visitorsHourly = new LRUCache<string, Bucket>({ max: MAX_SOURCES });
  /** Per business day: tickets per visitor address, and visitor tickets per service. */
  private day = '';
  private readonly visitorsToday = new LRUCache<string, number>({ max: MAX_SOURCES });
  private readonly visitorTicketsByService = new Map<string, number>();

  constructor(private readonly settings: IssueLimitSettings) {}

  /** Reserve a place for one ticket of `service`, or refuse with ISSUE_LIMIT_REACHED (429). */
  take(source: IssueSource, service: Service | undefined, now: number, businessDay: string): IssuePass {
    if (source.kind === 'kiosk') return this.takeKiosk(source.key, now);
    return this.takeVisitor(normalizeAddress(source.address), service, now, businessDay);
  }

  private takeKiosk(key: string, now: number): IssuePass {
    let bucket = this.kiosks.get(key);
    if (!bucket) this.kiosks.set(key, (bucket = new Bucket(this.settings.kioskPerMinute, MINUTE, now)));
    refuseIfWaiting(bucket.take(now));
    return { refund: () => bucket.give() };
  }

  private takeVisitor(address: string, service: Service | undefined, now: number, businessDay: string): IssuePass {
    if (businessDay !== this.day) {
      this.day = businessDay;
      this.visitorsToday.clear();
      this.visitorTicketsByService.clear();
    }
    const today = this.visitorsToday.get(address) ?? 0;
    // Until tomorrow: the next business day starts at most a day from now.
    if (today >= this.settings.visitorPerDay) throw new DomainError('ISSUE_LIMIT_REACHED', { minutes: 24 * 60 });
    const serviceId = service?.id ?? '';
    const taken = this.visitorTicketsByService.get(serviceId) ?? 0;
    if (service && taken >= visitorShareOf(service, this.settings.visitorSharePercent)) throw new DomainError('ISSUE_LIMIT_REACHED', { minutes: 60 });

    let bucket = this.visitorsHourly.get(address);
    if (!bucket) this.visitorsHourly.set(address, (bucket = new Bucket(this.settings.visitorPerHour, HOUR, now)));
    refuseIfWaiting(bucket.take(now));

    this.visitorsToday.set(address, today + 1);
    this.visitorTicketsByService.set(serviceId, taken + 1);
    const day = this.day;
    return {
      refund: () => {
        bucket.give();
        if (this.day !== day) return;
        this.visitorsToday.set(address, Math.max(0, (this.visitorsToday.get(address) ?? 1) - 1));
        this.visitorTicketsByService.set(serviceId, Math.max(0, (this.visitorTicketsByService.get(serviceId) ?? 1) - 1));
      },
    };
  }
}

/** The visitors' part of what the service can issue in a day: its quota if it has one, else its number range. */
function visitorShareOf(service: Service, percent: number): number {
  const day = service.dailyQuota ?? service.numberEnd - service.numberStart + 1;
  return Math.max(1, Math.floor((day * percent) / 100));
}

function refuseIfWaiting(waitMs: number): void {
  if (waitMs > 0) throw new DomainError('ISSUE_LIMIT_REACHED', { minutes: Math.max(1, Math.ceil(waitMs / MINUTE)) });
}

/** An approved kiosk counts as itself, a signed-in staff member (issuing for a citizen) as themself, anyone else by address. */
export function issueSource(req: FastifyRequest): IssueSource {
  if (req.device?.kind === 'kiosk') return { kind: 'kiosk', key: `device:${req.device.id}` };
  if (req.staff && !req.staff.mustChangePassword) return { kind: 'kiosk', key: `staff:${req.staff.id}` };
  return { kind: 'visitor', address: req.ip };
}
