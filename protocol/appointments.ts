/**
 * Appointments on the wire: the REST schemas of /api/appointments and the booking code's alphabet, shared by
 * the server and the pages that will book and check in (the kiosk, /book/).
 */
import { Type, type Static } from 'typebox';

/**
 * Booking codes: 6 characters from 30, with nothing a citizen can misread or mistype on a slip or a phone —
 * no 0/O, 1/I/L, and no U (Crockford's choice, so no word is spelled by chance). 30^6 ≈ 7·10^8 codes.
 */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ';
export const BOOKING_CODE_LENGTH = 6;

/** What a citizen typed or a scanner read → the code as stored: capitals, without spaces or dashes. */
export function normalizeBookingCode(input: string): string {
  return input.toUpperCase().replace(/[\s-]/g, '');
}

export function isBookingCode(value: string): boolean {
  if (value.length !== BOOKING_CODE_LENGTH) return false;
  for (const ch of value) if (!BOOKING_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

/** A random code from `randomByte` (crypto on the server), without modulo bias. */
export function makeBookingCode(randomByte: () => number): string {
  const n = BOOKING_CODE_ALPHABET.length;
  const limit = 256 - (256 % n);
  let out = '';
  while (out.length < BOOKING_CODE_LENGTH) {
    const b = randomByte();
    if (b < limit) out += BOOKING_CODE_ALPHABET[b % n];
  }
  return out;
}

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: "The center's local day, 'YYYY-MM-DD'" });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$', description: "Slot start, 'HH:mm'" });

export const BookBody = Type.Object(
  {
    serviceId: Type.String({ minLength: 1, maxLength: 64 }),
    date: Day,
    time: Time,
    /** The 12-digit CCCD number: hashed with the center's key at once, never stored (ID_NUMBER_INVALID otherwise). */
    idNumber: Type.String({ maxLength: 64 }),
    phone: Type.Optional(Type.String({ maxLength: 20, pattern: '^[0-9+ .()-]*$' })),
    name: Type.Optional(Type.String({ maxLength: 100 })),
  },
  { additionalProperties: false },
);
export type BookBodyT = Static<typeof BookBody>;

export const BookedSchema = Type.Object({ code: Type.String(), serviceId: Type.String(), date: Type.String(), time: Type.String() });
export type Booked = Static<typeof BookedSchema>;

export const SlotsQuery = Type.Object({ serviceId: Type.String({ minLength: 1, maxLength: 64 }), date: Day });
export const SlotSchema = Type.Object({ time: Type.String(), free: Type.Integer({ minimum: 0 }) });
export type Slot = Static<typeof SlotSchema>;

export const CodeParam = Type.Object({ code: Type.String({ minLength: 1, maxLength: 16 }) });

export type AppointmentStatus = 'booked' | 'checked-in' | 'cancelled' | 'no-show' | 'expired';

/** What an officer sees of a booked ticket: the name only when the center turns that on. */
export const OfficerAppointmentSchema = Type.Object({
  code: Type.String(),
  serviceId: Type.String(),
  date: Type.String(),
  time: Type.String(),
  status: Type.String(),
  checkedInAt: Type.Union([Type.Integer(), Type.Null()]),
  name: Type.Optional(Type.Union([Type.String(), Type.Null()])),
});
export type OfficerAppointment = Static<typeof OfficerAppointmentSchema>;

/**
 * Bookings one slot takes when a service sets no capacity of its own: the counters able to serve it times the
 * citizens one counter serves in a slot (slot length ÷ the service's default time), times the booking share (the
 * rest of the slot stays for walk-ins); at least one while a counter serves the service. One rule for the server
 * and for the settings screen, which shows the figure as the admin types.
 */
export function automaticCapacity(servingCounters: number, slotMinutes: number, serviceMinutes: number, sharePercent: number): number {
  if (servingCounters === 0) return 0;
  return Math.max(1, Math.floor((servingCounters * (slotMinutes / Math.max(1, serviceMinutes)) * sharePercent) / 100));
}
