/**
 * The appointments table. Booking is ONE synchronous better-sqlite3 transaction holding the slot's capacity
 * check, the per-person checks and the insert: Node runs one request's transaction at a time, and BEGIN
 * IMMEDIATE keeps another process out too, so two citizens racing for a slot's last place cannot both get it.
 * Tickets are not written here: a check-in issues its ticket through the queue writer (service.ts).
 */
import { randomBytes } from 'node:crypto';
import { makeBookingCode, type AppointmentStatus } from '../../protocol/appointments';
import { DomainError } from '../../protocol/errors';
import type { Db } from '../store/db';

export interface Appointment {
  centerId: string;
  code: string;
  serviceId: string;
  field: string;
  date: string;
  time: string;
  slotAt: number;
  personKey: string;
  phone: string | null;
  name: string | null;
  status: AppointmentStatus;
  ticketId: string | null;
  createdAt: number;
  checkedInAt: number | null;
  cancelledAt: number | null;
  closedAt: number | null;
  purgedAt: number | null;
  reminderSentAt: number | null;
  aheadSentAt: number | null;
}

type Row = Record<string, unknown>;

function fromRow(r: Row): Appointment {
  return {
    centerId: r.center_id as string,
    code: r.code as string,
    serviceId: r.service_id as string,
    field: r.field as string,
    date: r.date as string,
    time: r.time as string,
    slotAt: r.slot_at as number,
    personKey: r.person_key as string,
    phone: (r.phone as string | null) ?? null,
    name: (r.name as string | null) ?? null,
    status: r.status as AppointmentStatus,
    ticketId: (r.ticket_id as string | null) ?? null,
    createdAt: r.created_at as number,
    checkedInAt: (r.checked_in_at as number | null) ?? null,
    cancelledAt: (r.cancelled_at as number | null) ?? null,
    closedAt: (r.closed_at as number | null) ?? null,
    purgedAt: (r.purged_at as number | null) ?? null,
    reminderSentAt: (r.reminder_sent_at as number | null) ?? null,
    aheadSentAt: (r.ahead_sent_at as number | null) ?? null,
  };
}

export interface BookRequest {
  centerId: string;
  serviceId: string;
  field: string;
  date: string;
  time: string;
  slotAt: number;
  personKey: string;
  phone: string | null;
  name: string | null;
  now: number;
  capacity: number;
  perPersonPerDay: number;
  perPersonPerField: number;
  /** A retried request (same Idempotency-Key) gets the booking it made, and makes no other. */
  idempotency?: { scope: string; key: string };
}

/** Statuses that hold a slot's place: a cancelled, expired or no-show booking gives it back. */
const HOLDS_PLACE = "('booked', 'checked-in')";
/** Statuses that count against a person's limits: everything but a cancellation. */
const COUNTS_FOR_PERSON = "('booked', 'checked-in', 'no-show', 'expired')";

export class AppointmentStore {
  private readonly s;

  constructor(private readonly db: Db) {
    this.s = {
      taken: db.prepare(`SELECT COUNT(*) FROM appointments WHERE center_id = ? AND service_id = ? AND date = ? AND time = ? AND status IN ${HOLDS_PLACE}`).pluck(),
      takenByTime: db.prepare(`SELECT time, COUNT(*) AS n FROM appointments WHERE center_id = ? AND service_id = ? AND date = ? AND status IN ${HOLDS_PLACE} GROUP BY time`),
      personDay: db.prepare(`SELECT COUNT(*) FROM appointments WHERE center_id = ? AND person_key = ? AND date = ? AND status IN ${COUNTS_FOR_PERSON}`).pluck(),
      personField: db.prepare(`SELECT COUNT(*) FROM appointments WHERE center_id = ? AND person_key = ? AND date = ? AND field = ? AND status IN ${COUNTS_FOR_PERSON}`).pluck(),
      codeExists: db.prepare('SELECT 1 FROM appointments WHERE code = ?').pluck(),
      findKey: db.prepare('SELECT response FROM idempotency_keys WHERE scope = ? AND key = ?').pluck(),
      saveKey: db.prepare('INSERT INTO idempotency_keys (scope, key, response, created_at) VALUES (?, ?, ?, ?)'),
      insert: db.prepare(`INSERT INTO appointments (center_id, code, service_id, field, date, time, slot_at, person_key, phone, name, status, created_at)
        VALUES (@centerId, @code, @serviceId, @field, @date, @time, @slotAt, @personKey, @phone, @name, 'booked', @now)`),
      byCode: db.prepare('SELECT * FROM appointments WHERE center_id = ? AND code = ?'),
      byTicket: db.prepare('SELECT * FROM appointments WHERE ticket_id = ?'),
      cancel: db.prepare("UPDATE appointments SET status = 'cancelled', cancelled_at = ? WHERE center_id = ? AND code = ? AND status = 'booked'"),
      checkIn: db.prepare("UPDATE appointments SET status = 'checked-in', ticket_id = ?, checked_in_at = ? WHERE center_id = ? AND code = ? AND status = 'booked'"),
      noShow: db.prepare("UPDATE appointments SET status = 'no-show', closed_at = ? WHERE ticket_id = ? AND status = 'checked-in'"),
      dueToExpire: db.prepare("SELECT * FROM appointments WHERE center_id = ? AND status = 'booked' AND slot_at < ?"),
      expire: db.prepare("UPDATE appointments SET status = 'expired', closed_at = ? WHERE center_id = ? AND code = ? AND status = 'booked'"),
      // A booking made inside the reminder's lead time was just confirmed: no reminder on top.
      dueReminders: db.prepare(
        "SELECT * FROM appointments WHERE center_id = ? AND status = 'booked' AND phone IS NOT NULL AND reminder_sent_at IS NULL AND slot_at > ? AND slot_at <= ? AND created_at <= slot_at - ?",
      ),
      byPersonDay: db.prepare("SELECT * FROM appointments WHERE center_id = ? AND person_key = ? AND date = ? AND status IN ('booked', 'checked-in') ORDER BY slot_at"),
      markReminder: db.prepare('UPDATE appointments SET reminder_sent_at = ? WHERE center_id = ? AND code = ?'),
      markAhead: db.prepare('UPDATE appointments SET ahead_sent_at = ? WHERE center_id = ? AND code = ?'),
      liveCheckedIn: db.prepare("SELECT * FROM appointments WHERE center_id = ? AND status = 'checked-in' AND date >= ?"),
      bookedWithCheckInKey: db.prepare(
        "SELECT a.code, k.response AS ticket_id FROM appointments a JOIN idempotency_keys k ON k.scope = ? AND k.key = a.code WHERE a.center_id = ? AND a.status = 'booked'",
      ),
      purge: db.prepare(
        "UPDATE appointments SET phone = NULL, name = NULL, person_key = '', purged_at = ? WHERE center_id = ? AND date <= ? AND purged_at IS NULL",
      ),
    };
  }

  /** Book one place, or refuse (SLOT_FULL, PERSON_LIMIT_REACHED) with nothing written. `replayed`: an earlier request's booking. */
  readonly book = (r: BookRequest): Appointment & { replayed?: boolean } => this.bookTx.immediate(r);

  private readonly bookTx = this.db.transaction((r: BookRequest): Appointment & { replayed?: boolean } => {
    const s = this.s;
    if (r.idempotency) {
      const earlier = s.findKey.get(r.idempotency.scope, r.idempotency.key) as string | undefined;
      const found = earlier ? (s.byCode.get(r.centerId, earlier) as Row | undefined) : undefined;
      if (found) return { ...fromRow(found), replayed: true };
    }
    const taken = s.taken.get(r.centerId, r.serviceId, r.date, r.time) as number;
    if (taken >= r.capacity) throw new DomainError('SLOT_FULL', { time: r.time, date: dmy(r.date) });
    const perDay = s.personDay.get(r.centerId, r.personKey, r.date) as number;
    const perField = s.personField.get(r.centerId, r.personKey, r.date, r.field) as number;
    if (perDay >= r.perPersonPerDay || perField >= r.perPersonPerField) {
      throw new DomainError('PERSON_LIMIT_REACHED', { perDay: r.perPersonPerDay, perField: r.perPersonPerField, date: dmy(r.date) });
    }
    let code: string;
    do code = makeBookingCode(randomByte);
    while (s.codeExists.get(code));
    s.insert.run({ ...r, code });
    if (r.idempotency) s.saveKey.run(r.idempotency.scope, r.idempotency.key, code, r.now);
    return fromRow(s.byCode.get(r.centerId, code) as Row);
  });

  takenByTime(centerId: string, serviceId: string, date: string): Map<string, number> {
    return new Map((this.s.takenByTime.all(centerId, serviceId, date) as { time: string; n: number }[]).map((r) => [r.time, r.n]));
  }

  find(centerId: string, code: string): Appointment | null {
    const row = this.s.byCode.get(centerId, code) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  findByTicket(ticketId: string): Appointment | null {
    const row = this.s.byTicket.get(ticketId) as Row | undefined;
    return row ? fromRow(row) : null;
  }

  /** True when it was booked and is now cancelled. */
  cancel(centerId: string, code: string, now: number): boolean {
    return this.s.cancel.run(now, centerId, code).changes === 1;
  }

  markCheckedIn(centerId: string, code: string, ticketId: string, now: number): boolean {
    return this.s.checkIn.run(ticketId, now, centerId, code).changes === 1;
  }

  markNoShow(ticketId: string, now: number): boolean {
    return this.s.noShow.run(now, ticketId).changes === 1;
  }

  /** Bookings never checked in whose check-in closed before `closedBefore`: expire them (they give their place back). */
  expireDue(centerId: string, slotBefore: number, now: number): Appointment[] {
    return this.db.transaction(() => {
      const due = (this.s.dueToExpire.all(centerId, slotBefore) as Row[]).map(fromRow);
      for (const a of due) this.s.expire.run(now, centerId, a.code);
      return due;
    })();
  }

  dueReminders(centerId: string, now: number, leadMs: number): Appointment[] {
    return (this.s.dueReminders.all(centerId, now, now + leadMs, leadMs) as Row[]).map(fromRow);
  }

  /** A person's bookings of a day still to be honoured (booked or checked in), by slot. */
  forPersonOn(centerId: string, personKey: string, date: string): Appointment[] {
    return (this.s.byPersonDay.all(centerId, personKey, date) as Row[]).map(fromRow);
  }

  markReminderSent(centerId: string, code: string, now: number): void {
    this.s.markReminder.run(now, centerId, code);
  }

  markAheadSent(centerId: string, code: string, now: number): void {
    this.s.markAhead.run(now, centerId, code);
  }

  checkedInSince(centerId: string, day: string): Appointment[] {
    return (this.s.liveCheckedIn.all(centerId, day) as Row[]).map(fromRow);
  }

  /**
   * Check-ins whose ticket was committed but whose booking row was not updated (a crash between the two): the
   * ticket's idempotency key (scope, code) says which ticket it got.
   */
  unfinishedCheckIns(centerId: string, scope: string): { code: string; ticketId: string }[] {
    return (this.s.bookedWithCheckInKey.all(scope, centerId) as { code: string; ticket_id: string }[]).map((r) => ({ code: r.code, ticketId: r.ticket_id }));
  }

  /** Empty the phone, name and person hash of every appointment dated `lastDay` or before. Returns how many. */
  purgeUpTo(centerId: string, lastDay: string, now: number): number {
    return this.s.purge.run(now, centerId, lastDay).changes;
  }
}

let pool = Buffer.alloc(0);
let at = 0;
function randomByte(): number {
  if (at >= pool.length) {
    pool = randomBytes(256);
    at = 0;
  }
  return pool[at++];
}

function dmy(day: string): string {
  const [y, m, d] = day.split('-');
  return `${d}/${m}/${y}`;
}
