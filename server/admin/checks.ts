/**
 * Rules an admin change must pass beyond its JSON shape. Each throws a
 * DomainError with a translated message, before anything is written.
 */
import type { OpeningWindow, Service } from '../../protocol/domain';
import { DomainError } from '../../protocol/errors';
import type { QueueState } from '../queue/state';
import { isValidTimeZone } from '../queue/calendar';

/** Tickets still in the live queue (waiting, called, serving) matching a filter. */
export function liveTickets(state: QueueState, filter: (t: { serviceId: string; counterId: string | null; targetCounterId: string | null }) => boolean = () => true): number {
  let n = 0;
  for (const t of state.active.values()) if (filter(t)) n++;
  return n;
}

export function checkNumberRange(service: Pick<Service, 'numberStart' | 'numberEnd'>, digits: number): void {
  const max = 10 ** digits - 1;
  if (service.numberStart >= service.numberEnd || service.numberEnd > max) {
    throw new DomainError('INVALID_NUMBER_RANGE', { start: service.numberStart, end: service.numberEnd, digits });
  }
}

/** Two services with the same prefix and overlapping ranges would print the same number twice a day. */
export function checkRangeOverlap(candidate: Service, others: Iterable<Service>): void {
  for (const o of others) {
    if (o.id === candidate.id || o.prefix !== candidate.prefix) continue;
    if (candidate.numberStart <= o.numberEnd && o.numberStart <= candidate.numberEnd) {
      throw new DomainError('NUMBER_RANGE_OVERLAP', { range: `${candidate.prefix}${candidate.numberStart}–${candidate.prefix}${candidate.numberEnd}`, service: o.name });
    }
  }
}

export function checkOpeningHours(windows: OpeningWindow[] | null): void {
  for (const w of windows ?? []) {
    if (w.from >= w.to) throw new DomainError('INVALID_OPENING_HOURS', { detail: `${w.from}–${w.to}` });
    if (new Set(w.days).size !== w.days.length) throw new DomainError('INVALID_OPENING_HOURS', { detail: w.days.join(', ') });
  }
}

export function checkCodeFree(code: string, id: string | null, others: Iterable<{ id: string; code: string }>): void {
  const folded = code.toUpperCase();
  for (const o of others) if (o.id !== id && o.code.toUpperCase() === folded) throw new DomainError('CODE_TAKEN', { code });
}

export function checkTimeZone(timeZone: string): void {
  // Intl accepts some odd aliases; a center zone must also be an IANA "Area/City" name or UTC.
  if (!isValidTimeZone(timeZone) || !/^([A-Za-z_]+\/[A-Za-z_+\-/0-9]+|UTC)$/.test(timeZone)) throw new DomainError('INVALID_TIME_ZONE', { timeZone });
}
