/**
 * Pure slot arithmetic: which slots a service offers on a day, how many bookings each takes, and the check-in
 * window. No I/O, no clock: `now` comes in.
 */
import { PUBLIC_OFFICE_HOURS } from '../queue/working-hours';
import type { Counter, Service } from '../../protocol/domain';
import { DomainError } from '../../protocol/errors';
import { automaticCapacity } from '../../protocol/appointments';
import { addDays, localTime, startOfDay } from '../queue/calendar';
import type { AppointmentSettings } from './settings';
import { NO_HOLIDAYS, type Holidays } from './holidays';

const MINUTE = 60_000;

export const toMinutes = (hhmm: string): number => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
export const toHHmm = (minutes: number): string => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** ISO weekday (1 = Monday … 7 = Sunday) of a 'YYYY-MM-DD' day (calendar maths, no zone needed). */
export function weekdayOf(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return ((new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7) + 1;
}

export function isDay(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number);
  const t = new Date(Date.UTC(y, m - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m - 1 && t.getUTCDate() === d;
}

export function slotMinutesOf(settings: AppointmentSettings, serviceId: string): number {
  return settings.services[serviceId]?.slotMinutes ?? settings.slotMinutes;
}

export function isBookable(settings: AppointmentSettings, service: Service): boolean {
  return settings.enabled && service.active && settings.services[service.id]?.bookable !== false;
}

/** Bookings one slot takes: the service's own capacity if set, else the automatic figure (protocol/appointments.ts). */
export function slotCapacity(settings: AppointmentSettings, service: Service, counters: Iterable<Counter>): number {
  const own = settings.services[service.id]?.capacity;
  if (typeof own === 'number') return own;
  let serving = 0;
  for (const c of counters) if (c.active && c.serviceIds.includes(service.id)) serving++;
  return automaticCapacity(serving, slotMinutesOf(settings, service.id), service.defaultServiceMinutes, settings.bookingSharePercent);
}

/**
 * Slot starts ('HH:mm') the service offers on `day`: every slotMinutes from the booking window's start, each
 * slot whole inside the window and inside one of the service's opening windows that day (public office hours
 * for a service without its own). [] when closed, and on the province's holidays.
 */
export function slotTimes(settings: AppointmentSettings, service: Service, day: string, holidays: Holidays = NO_HOLIDAYS): string[] {
  if (holidays.has(day)) return [];
  const len = slotMinutesOf(settings, service.id);
  const from = toMinutes(settings.windowFrom);
  const to = toMinutes(settings.windowTo);
  const weekday = weekdayOf(day);
  // A service without its own hours keeps the hours of Vietnamese public offices, Monday to Friday: no slot at
  // the midday break or at the weekend.
  const open = service.openingHours
    ? service.openingHours.filter((w) => w.days.includes(weekday)).map((w) => [toMinutes(w.from), toMinutes(w.to)])
    : weekday <= 5 ? PUBLIC_OFFICE_HOURS : [];
  const out: string[] = [];
  for (let s = from; s + len <= to; s += len) {
    if (!open.some(([a, b]) => s >= a && s + len <= b)) continue;
    out.push(toHHmm(s));
  }
  return out;
}

/** The instant a slot starts, in the center's zone. */
export function slotInstant(day: string, time: string, timeZone: string): number {
  return startOfDay(day, timeZone) + toMinutes(time) * MINUTE;
}

/** The last bookable day from `today` ('YYYY-MM-DD'). */
export function lastBookableDay(settings: AppointmentSettings, today: string): string {
  return addDays(today, settings.horizonDays);
}

/**
 * Every refusal a booking of (service, day, time) can get before capacity and per-person limits, in the order a
 * citizen can fix them. Returns the slot's instant.
 */
export function checkSlot(settings: AppointmentSettings, service: Service | undefined, day: string, time: string, now: number, timeZone: string, holidays: Holidays = NO_HOLIDAYS): number {
  if (!service) throw new DomainError('SERVICE_NOT_FOUND');
  if (!isBookable(settings, service)) throw new DomainError('SERVICE_NOT_BOOKABLE', { service: service.name });
  if (!isDay(day)) throw new DomainError('INVALID_DATE', { date: day });
  const today = localTime(now, timeZone).day;
  const last = lastBookableDay(settings, today);
  if (day < today || day > last) throw new DomainError('BOOKING_OUTSIDE_HORIZON', { last: formatDay(last) });
  const holiday = holidays.get(day);
  if (holiday !== undefined) throw new DomainError('CENTER_HOLIDAY', { date: formatDay(day), name: holiday ? ` (${holiday})` : '' });
  const times = slotTimes(settings, service, day);
  if (times.length === 0) throw new DomainError('SERVICE_CLOSED_ON_DAY', { service: service.name, date: formatDay(day) });
  if (!times.includes(time)) throw new DomainError('SLOT_NOT_OFFERED', { time, date: formatDay(day) });
  const at = slotInstant(day, time, timeZone);
  if (at <= now) throw new DomainError('SLOT_IN_PAST', { time, date: formatDay(day) });
  return at;
}

/** When check-in is open for a slot: [from, to] inclusive. */
export function checkInWindow(settings: AppointmentSettings, slotAt: number): { from: number; to: number } {
  return { from: slotAt - settings.checkInEarlyMinutes * MINUTE, to: slotAt + settings.checkInLateMinutes * MINUTE };
}

/** 'YYYY-MM-DD' → 'dd/MM/yyyy', as dates are written in Vietnam. */
export function formatDay(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
