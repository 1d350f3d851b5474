/**
 * Appointments (bookings) in the console: the settings screen's form ↔ the API body, the automatic slot
 * capacity a service gets when it sets none, the report's shape, and the officer's booking line.
 */
import type { Counter, Service } from '../../protocol/domain';
import { automaticCapacity, type OfficerAppointment } from '../../protocol/appointments';
import type { AppointmentSettings, ServiceBooking } from '../../server/appointments/settings';

export type { OfficerAppointment };

/** `GET/PUT /api/admin/appointment-settings` and `GET /api/reports/appointments`: the server's own types. */
export type { AppointmentSettings, ServiceBooking } from '../../server/appointments/settings';
export type { AppointmentReport, WaitFigures } from '../../server/appointments/report';

export const BOOKING_STATUSES = ['booked', 'checked-in', 'cancelled', 'no-show', 'expired'] as const;

/** The numeric settings the form edits, each with the range the server accepts. */
export const NUMBER_SETTINGS = {
  horizonDays: [0, 60],
  perPersonPerDay: [1, 20],
  perPersonPerField: [1, 20],
  slotMinutes: [5, 240],
  bookingSharePercent: [1, 100],
  checkInEarlyMinutes: [0, 240],
  checkInLateMinutes: [0, 240],
  elderlyAge: [50, 120],
  purgeAfterDays: [1, 3650],
  reminderMinutes: [0, 1440],
  aheadNotice: [0, 50],
} as const satisfies Partial<Record<keyof AppointmentSettings, readonly [number, number]>>;
export type NumberSetting = keyof typeof NUMBER_SETTINGS;

/** Bookings one slot of a service takes when the center sets no capacity for it: the server's rule, on the form's values. */
export function autoCapacity(settings: Pick<AppointmentSettings, 'slotMinutes' | 'bookingSharePercent' | 'services'>, service: Service, counters: Counter[]): number {
  const serving = counters.filter((c) => c.active && c.serviceIds.includes(service.id)).length;
  return automaticCapacity(serving, settings.services[service.id]?.slotMinutes ?? settings.slotMinutes, service.defaultServiceMinutes, settings.bookingSharePercent);
}

/**
 * The PUT body from the form's values: every setting on the screen, numbers as numbers, an empty capacity left
 * out (automatic). Services' own slot lengths, which the screen does not edit, are kept.
 */
export function settingsBody(form: FormData, current: AppointmentSettings, services: Service[]): AppointmentSettings {
  const str = (k: string) => String(form.get(k) ?? '').trim();
  const num = (k: string) => Number(str(k));
  const next: AppointmentSettings = {
    ...current,
    enabled: form.get('enabled') === 'on',
    windowFrom: str('windowFrom'),
    windowTo: str('windowTo'),
    lineUp: str('lineUp') === 'slot' ? 'slot' : 'deadline',
    officerSeesName: form.get('officerSeesName') === 'on',
    elderlyPriority: str('elderlyPriority') || current.elderlyPriority,
    services: {},
  };
  for (const key of Object.keys(NUMBER_SETTINGS) as NumberSetting[]) next[key] = num(key);
  for (const s of services) {
    const { capacity: _, ...own } = current.services[s.id] ?? {};
    const capacity = str(`capacity:${s.id}`);
    // Automatic is sent as no capacity at all: the API's request parsing turns a null into 0 (no places).
    const entry: ServiceBooking = { ...own, bookable: form.get(`bookable:${s.id}`) === 'on' };
    if (capacity !== '') entry.capacity = Number(capacity);
    next.services[s.id] = entry;
  }
  // A service no longer on the screen (deleted) keeps whatever it had.
  for (const [id, own] of Object.entries(current.services)) if (!next.services[id]) next.services[id] = own;
  return next;
}

/**
 * The officer's line for a booked ticket, in parts joined by " · " (a line may wrap between them, never inside
 * one): "Đặt lịch 09:30", "mã K7M2QX", and the name when the server sends it.
 */
export function bookingParts(a: OfficerAppointment, text: { slot: (time: string) => string; code: (code: string) => string }): string[] {
  const name = a.name?.trim();
  return [text.slot(a.time), text.code(a.code), ...(name ? [name] : [])];
}
