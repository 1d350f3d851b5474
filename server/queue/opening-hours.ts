import type { OpeningWindow, Service } from '../../protocol/domain';
import { localTime } from './calendar';

export function isWithinOpeningHours(windows: OpeningWindow[] | null, epochMs: number, timeZone: string): boolean {
  if (!windows || windows.length === 0) return true;
  const lt = localTime(epochMs, timeZone);
  return windows.some((w) => w.days.includes(lt.weekday) && lt.time >= w.from && lt.time < w.to);
}

/** '07:30–11:30, 13:30–17:00' for messages. */
export function describeHours(service: Service): string {
  if (!service.openingHours) return '';
  return [...new Set(service.openingHours.map((w) => `${w.from}–${w.to}`))].join(', ');
}
