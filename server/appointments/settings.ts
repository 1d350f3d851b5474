/**
 * A center's booking settings: one JSON row per center in appointment_settings, read over the defaults so a
 * setting added later needs no migration. Validated on save (INVALID_APPOINTMENT_SETTINGS).
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { DomainError } from '../../protocol/errors';
import type { Db } from '../store/db';
import { personKeySecret } from './person-key';

const HHmm = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });

export const ServiceBookingSchema = Type.Object(
  {
    /** Takes bookings at all (default true). */
    bookable: Type.Optional(Type.Boolean()),
    /** Length of a slot, minutes (default: the center's slotMinutes). */
    slotMinutes: Type.Optional(Type.Integer({ minimum: 5, maximum: 240 })),
    /** Bookings per slot; null or absent = derived from the counters serving the service (see `slotCapacity`). */
    // Null first: with type coercion on, null would match the integer and be saved as 0 places.
    capacity: Type.Optional(Type.Union([Type.Null(), Type.Integer({ minimum: 0, maximum: 1000 })])),
  },
  { additionalProperties: false },
);

export const AppointmentSettingsSchema = Type.Object(
  {
    /** Booking is open at all. */
    enabled: Type.Boolean(),
    /** Bookable days: today and this many after it (Hà Nội: today + 6). */
    horizonDays: Type.Integer({ minimum: 0, maximum: 60 }),
    /** Per person (by the keyed hash of the ID number), per day: bookings in all, and per procedure field. */
    perPersonPerDay: Type.Integer({ minimum: 1, maximum: 20 }),
    perPersonPerField: Type.Integer({ minimum: 1, maximum: 20 }),
    /** Slot length for services that do not set their own, minutes. */
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    /**
     * The part of a slot's serving capacity offered to bookings when a service sets no capacity: counters
     * serving it × slot length ÷ its service time × this percent (the rest stays for walk-ins).
     */
    bookingSharePercent: Type.Integer({ minimum: 1, maximum: 100 }),
    /** Check-in opens this many minutes before the slot and closes this many after it. */
    checkInEarlyMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    checkInLateMinutes: Type.Integer({ minimum: 0, maximum: 240 }),
    /** Remote numbers ("lấy số từ xa") are for slots inside this daily window (Hà Nội: 08:00–16:00). */
    windowFrom: HHmm,
    windowTo: HHmm,
    /** How a checked-in booking lines up with walk-ins (server/queue/commands.ts BookingCheckIn). */
    lineUp: Type.Union([Type.Literal('deadline'), Type.Literal('slot')]),
    /** Phone, name and the person hash are emptied this many days after the appointment's date (on date + N). */
    purgeAfterDays: Type.Integer({ minimum: 1, maximum: 3650 }),
    /** The officer sees the name the citizen gave (off by default). */
    officerSeesName: Type.Boolean(),
    /** A scanned CCCD gives the elderly priority from this age. */
    elderlyAge: Type.Integer({ minimum: 50, maximum: 120 }),
    /** The priority category a scan gives (id or code). */
    elderlyPriority: Type.String({ minLength: 1, maxLength: 64 }),
    /** Reminder sent this many minutes before the slot (0 = none). */
    reminderMinutes: Type.Integer({ minimum: 0, maximum: 24 * 60 }),
    /** "n ahead of you" is sent once when this many or fewer are ahead (0 = never). */
    aheadNotice: Type.Integer({ minimum: 0, maximum: 50 }),
    services: Type.Record(Type.String({ maxLength: 64 }), ServiceBookingSchema),
  },
  { additionalProperties: false },
);

export type AppointmentSettings = Static<typeof AppointmentSettingsSchema>;
export type ServiceBooking = Static<typeof ServiceBookingSchema>;

export const DEFAULT_APPOINTMENT_SETTINGS: AppointmentSettings = {
  enabled: true,
  horizonDays: 6,
  perPersonPerDay: 2,
  perPersonPerField: 1,
  slotMinutes: 30,
  bookingSharePercent: 50,
  checkInEarlyMinutes: 15,
  checkInLateMinutes: 15,
  windowFrom: '08:00',
  windowTo: '16:00',
  lineUp: 'deadline',
  purgeAfterDays: 30,
  officerSeesName: false,
  // The law on the elderly (Luật Người cao tuổi 2009) counts from 60, and so does the demo's priority
  // category ("Người cao tuổi (từ 60 tuổi)"); a center following Hà Nội's practice sets 75.
  elderlyAge: 60,
  elderlyPriority: 'pri-elderly',
  reminderMinutes: 60,
  aheadNotice: 3,
  services: {},
};

export function readAppointmentSettings(db: Db, centerId: string): AppointmentSettings {
  const raw = db.prepare('SELECT settings FROM appointment_settings WHERE center_id = ?').pluck().get(centerId) as string | undefined;
  const stored = raw ? (JSON.parse(raw) as Partial<AppointmentSettings>) : {};
  return { ...DEFAULT_APPOINTMENT_SETTINGS, ...stored, services: { ...(stored.services ?? {}) } };
}

/** Replace a center's settings with `patch` laid over the current ones; refuses what does not validate. */
export function saveAppointmentSettings(db: Db, centerId: string, patch: Partial<AppointmentSettings>): AppointmentSettings {
  const next = { ...readAppointmentSettings(db, centerId), ...patch };
  if (!Value.Check(AppointmentSettingsSchema, next)) {
    const first = [...Value.Errors(AppointmentSettingsSchema, next)][0];
    throw new DomainError('INVALID_APPOINTMENT_SETTINGS', { detail: `${first?.instancePath || '/'} ${first?.message ?? ''}`.trim() });
  }
  if (next.windowFrom >= next.windowTo) throw new DomainError('INVALID_APPOINTMENT_SETTINGS', { detail: 'windowFrom < windowTo' });
  personKeySecret(db, centerId); // makes the row (and the key) if it is the first save
  db.prepare('UPDATE appointment_settings SET settings = ? WHERE center_id = ?').run(JSON.stringify(next), centerId);
  return next;
}
