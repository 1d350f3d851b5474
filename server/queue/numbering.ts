import type { Service } from '../../protocol/domain';

/** The value printed for the n-th ticket of the day (n from 1), or null past the range. */
export function ticketNumber(service: Service, seqNo: number, digits: number): string | null {
  const value = service.numberStart + seqNo - 1;
  if (value > service.numberEnd) return null;
  return service.prefix + String(value).padStart(digits, '0');
}
