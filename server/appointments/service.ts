/**
 * Appointments at the center: booking (one transaction with the capacity and per-person checks, store.ts),
 * cancelling, check-in (the ticket is issued by the queue writer, like every ticket), what follows a booked
 * ticket (no-show frees the slot, notifications), the sweeps (expiry, reminders) and the purge of personal data.
 */
import type { FastifyBaseLogger } from 'fastify';
import { isBookingCode, normalizeBookingCode, type Booked, type OfficerAppointment, type Slot } from '../../protocol/appointments';
import { ageOn, isIdNumber, parseCccd } from '../../protocol/cccd';
import { DomainError } from '../../protocol/errors';
import type { Ticket } from '../../protocol/domain';
import type { Committed, ExecuteResult, QueueService } from '../core/queue-service';
import type { Clock } from '../core/clock';
import { addDays, localTime } from '../queue/calendar';
import type { QueueState } from '../queue/state';
import { waitingAhead } from '../queue/waiting-index';
import type { Db } from '../store/db';
import type { Notifier, Notification } from './notify';
import { personKey, personKeySecret } from './person-key';
import { readAppointmentSettings, saveAppointmentSettings, type AppointmentSettings } from './settings';
import { provinceHolidays } from './holidays';
import { checkInWindow, checkSlot, isBookable, isDay, slotCapacity, slotInstant, slotTimes } from './slots';
import type { BookingInfo } from '../../protocol/hub';
import { AppointmentStore, type Appointment } from './store';

const MINUTE = 60_000;
const DAY = 24 * 60 * MINUTE;

export interface BookInput {
  serviceId: string;
  date: string;
  time: string;
  idNumber: string;
  phone?: string;
  name?: string;
}

/** Words for a status in refusals ('đã huỷ'…). */
const STATUS_WORDS: Record<string, { vi: string; en: string }> = {
  'checked-in': { vi: 'đã xác nhận', en: 'already checked in' },
  cancelled: { vi: 'đã huỷ', en: 'cancelled' },
  'no-show': { vi: 'vắng mặt khi được gọi', en: 'missed when called' },
  expired: { vi: 'đã quá giờ xác nhận', en: 'check-in closed' },
  booked: { vi: 'đã đặt', en: 'booked' },
};

export class AppointmentService {
  readonly store: AppointmentStore;
  /** Live booked tickets: ticket id → booking code. */
  private readonly tracked = new Map<string, string>();
  /** Tracked tickets whose "n ahead" notice is settled (sent now or before): their booking row is not read again. */
  private readonly aheadDone = new Set<string>();
  private timers: NodeJS.Timeout[] = [];
  private lastPurgeDay = '';

  constructor(
    private readonly db: Db,
    private readonly queue: QueueService,
    private readonly clock: Clock,
    private readonly logger: FastifyBaseLogger,
    private readonly notifier: Notifier,
  ) {
    this.store = new AppointmentStore(db);
  }

  private get centerId(): string {
    return this.queue.defaultCenterId;
  }

  /** The scope of a check-in's idempotency key: the booking code is the key, so a check-in issues one ticket. */
  private get checkInScope(): string {
    return `check-in:${this.centerId}`;
  }

  /** Read once and kept until the next save (every commit consults them). */
  private cachedSettings: AppointmentSettings | null = null;

  settings(): AppointmentSettings {
    return (this.cachedSettings ??= readAppointmentSettings(this.db, this.centerId));
  }

  /** What the public may know of the booking settings: `GET /api/appointments/info` and the hub's snapshot. */
  publicInfo(): BookingInfo {
    const s = this.settings();
    // The center's local date now, as the slots count it (the queue's day rolls only at its first command).
    const today = localTime(this.clock.now(), this.queue.state(this.centerId).center.timeZone).day;
    const last = addDays(today, s.horizonDays);
    const holidays = [...provinceHolidays(this.db, this.centerId)].filter(([date]) => date >= today && date <= last).sort(([a], [b]) => a.localeCompare(b));
    return {
      enabled: s.enabled,
      today,
      horizonDays: s.horizonDays,
      checkInEarlyMinutes: s.checkInEarlyMinutes,
      checkInLateMinutes: s.checkInLateMinutes,
      purgeAfterDays: s.purgeAfterDays,
      windowFrom: s.windowFrom,
      windowTo: s.windowTo,
      holidays: holidays.map(([date, name]) => ({ date, name })),
    };
  }

  saveSettings(patch: Partial<AppointmentSettings>): AppointmentSettings {
    this.cachedSettings = null;
    return (this.cachedSettings = saveAppointmentSettings(this.db, this.centerId, patch));
  }

  // ── booking ──────────────────────────────────────────────────────────────

  slots(serviceId: string, date: string): Slot[] {
    const state = this.queue.state(this.centerId);
    const service = state.services.get(serviceId);
    if (!service) throw new DomainError('SERVICE_NOT_FOUND');
    if (!isDay(date)) throw new DomainError('INVALID_DATE', { date });
    const settings = this.settings();
    if (!isBookable(settings, service)) return [];
    const now = this.clock.now();
    const tz = state.center.timeZone;
    const today = localTime(now, tz).day;
    if (date < today || date > addDays(today, settings.horizonDays)) return [];
    const capacity = slotCapacity(settings, service, state.counters.values());
    const taken = this.store.takenByTime(this.centerId, serviceId, date);
    return slotTimes(settings, service, date, provinceHolidays(this.db, this.centerId))
      .filter((time) => slotInstant(date, time, tz) > now)
      .map((time) => ({ time, free: Math.max(0, capacity - (taken.get(time) ?? 0)) }));
  }

  book(input: BookInput, idempotencyKey?: string): Booked & { replayed?: boolean } {
    const idNumber = input.idNumber.replace(/\s/g, '');
    if (!isIdNumber(idNumber)) throw new DomainError('ID_NUMBER_INVALID');
    const state = this.queue.state(this.centerId);
    const service = state.services.get(input.serviceId);
    const settings = this.settings();
    const now = this.clock.now();
    const slotAt = checkSlot(settings, service, input.date, input.time, now, state.center.timeZone, provinceHolidays(this.db, this.centerId));
    const booked = this.store.book({
      centerId: this.centerId,
      serviceId: service!.id,
      field: service!.field || service!.id,
      date: input.date,
      time: input.time,
      slotAt,
      personKey: personKey(personKeySecret(this.db, this.centerId), idNumber),
      phone: input.phone?.trim() || null,
      name: input.name?.trim().normalize('NFC') || null,
      now,
      capacity: slotCapacity(settings, service!, state.counters.values()),
      perPersonPerDay: settings.perPersonPerDay,
      perPersonPerField: settings.perPersonPerField,
      idempotency: idempotencyKey ? { scope: `book:${this.centerId}`, key: idempotencyKey } : undefined,
    });
    if (booked.replayed) return { code: booked.code, serviceId: booked.serviceId, date: booked.date, time: booked.time, replayed: true };
    this.logger.info({ code: booked.code, serviceId: booked.serviceId, date: booked.date, time: booked.time }, 'appointment booked');
    this.notify('booking.confirmed', booked);
    return { code: booked.code, serviceId: booked.serviceId, date: booked.date, time: booked.time };
  }

  /** The booking a typed or scanned code names, or APPOINTMENT_NOT_FOUND. */
  find(rawCode: string): Appointment {
    const code = normalizeBookingCode(rawCode);
    const found = isBookingCode(code) ? this.store.find(this.centerId, code) : null;
    if (!found) throw new DomainError('APPOINTMENT_NOT_FOUND');
    return found;
  }

  cancel(rawCode: string, lang: 'vi' | 'en'): Booked {
    const a = this.find(rawCode);
    if (!this.store.cancel(this.centerId, a.code, this.clock.now())) throw this.notActive(a, lang);
    this.logger.info({ code: a.code }, 'appointment cancelled');
    return { code: a.code, serviceId: a.serviceId, date: a.date, time: a.time };
  }

  private notActive(a: Appointment, lang: 'vi' | 'en'): DomainError {
    return new DomainError('APPOINTMENT_NOT_ACTIVE', { code: a.code, status: STATUS_WORDS[a.status]?.[lang] ?? a.status });
  }

  // ── check-in ─────────────────────────────────────────────────────────────

  /**
   * Check a booking in: inside its window, a ticket issued through the queue writer that carries the slot
   * (called from the slot time on). The code is the command's idempotency key, so a retried check-in — also one
   * cut off by a crash — gets the same ticket and never a second one.
   */
  async checkIn(rawCode: string, kioskId: string | null, lang: 'vi' | 'en'): Promise<{ result: ExecuteResult; appointment: Appointment }> {
    const a = this.find(rawCode);
    if (a.status === 'checked-in' && a.ticketId) {
      const ticket = this.queue.findTicket(a.ticketId);
      return { result: { ticket, seq: this.queue.state(this.centerId).seq, replayed: true }, appointment: a };
    }
    if (a.status !== 'booked') throw this.notActive(a, lang);
    const settings = this.settings();
    const now = this.clock.now();
    const window = checkInWindow(settings, a.slotAt);
    const tz = this.queue.state(this.centerId).center.timeZone;
    const params = { from: localTime(window.from, tz).time, to: localTime(window.to, tz).time, time: a.time };
    if (now < window.from) throw new DomainError('CHECK_IN_TOO_EARLY', params);
    if (now > window.to) throw new DomainError('CHECK_IN_TOO_LATE', params);
    const result = await this.queue.submit(
      this.centerId,
      { type: 'issue', serviceId: a.serviceId, kioskId, booking: { slotAt: a.slotAt, lineUp: settings.lineUp } },
      { staffId: null, role: 'public' },
      { scope: this.checkInScope, key: a.code },
    );
    const ticket = result.ticket!;
    this.store.markCheckedIn(this.centerId, a.code, ticket.id, this.clock.now());
    if (ticket.status === 'waiting') {
      this.tracked.set(ticket.id, a.code);
      // Few may be ahead of it already: tell the citizen now rather than at the next commit.
      this.checkAhead(this.queue.state(this.centerId), ticket.id, a.code);
    }
    this.logger.info({ code: a.code, ticketId: ticket.id }, 'appointment checked in');
    return { result, appointment: this.store.find(this.centerId, a.code)! };
  }

  /**
   * Check in by the CCCD scanned at the kiosk instead of the code: today's booking of that person (by the hash)
   * whose window is open, else the nearest one (its refusal then says its window). The text is dropped here.
   */
  async checkInByCccd(text: string, kioskId: string | null, lang: 'vi' | 'en'): Promise<{ result: ExecuteResult; appointment: Appointment }> {
    const parsed = parseCccd(text);
    if (!parsed.ok) throw new DomainError('CCCD_INVALID');
    const state = this.queue.state(this.centerId);
    const key = personKey(personKeySecret(this.db, this.centerId), parsed.facts.idNumber);
    const today = this.store.forPersonOn(this.centerId, key, state.businessDay);
    if (today.length === 0) throw new DomainError('APPOINTMENT_NOT_FOUND');
    const now = this.clock.now();
    const settings = this.settings();
    const open = today.find((a) => {
      const w = checkInWindow(settings, a.slotAt);
      return a.status === 'booked' && now >= w.from && now <= w.to;
    });
    const nearest = [...today].sort((x, y) => Math.abs(x.slotAt - now) - Math.abs(y.slotAt - now))[0];
    return this.checkIn((open ?? nearest).code, kioskId, lang);
  }

  /** What an officer sees of a booked ticket; the name only if the center turned that on. */
  officerView(ticketId: string): OfficerAppointment | null {
    const a = this.store.findByTicket(ticketId);
    if (!a) return null;
    const view: OfficerAppointment = { code: a.code, serviceId: a.serviceId, date: a.date, time: a.time, status: a.status, checkedInAt: a.checkedInAt };
    if (this.settings().officerSeesName) view.name = a.name;
    return view;
  }

  // ── CCCD scan for a walk-in ──────────────────────────────────────────────

  /**
   * The priority category a scanned CCCD gives on the center's business day: the elderly one from the center's
   * age, else none. The text is read here and dropped: nothing of it is kept or logged.
   */
  priorityFromScan(text: string, state: QueueState): string | null {
    const parsed = parseCccd(text);
    if (!parsed.ok) throw new DomainError('CCCD_INVALID');
    const settings = this.settings();
    if (ageOn(parsed.facts.birthDate, state.businessDay) < settings.elderlyAge) return null;
    const wanted = settings.elderlyPriority.toLowerCase();
    const category = [...state.priorities.values()].find((p) => p.active && (p.id.toLowerCase() === wanted || p.code.toLowerCase() === wanted));
    return category?.id ?? null;
  }

  // ── after each commit ────────────────────────────────────────────────────

  /** Follows booked tickets after each commit of the queue writer. Quick and synchronous; notices only queue. */
  readonly onCommitted = (c: Committed): void => {
    if (this.tracked.size === 0) return;
    const state = this.queue.state(c.centerId);
    for (const e of c.decision.events) {
      if (!('ticketId' in e) || !e.ticketId) continue;
      const code = this.tracked.get(e.ticketId);
      if (!code) continue;
      if (e.type === 'ticket.called') {
        const counter = state.counters.get(e.counterId);
        const ticket = state.active.get(e.ticketId);
        this.notifyCode(code, 'ticket.called', { ticketNumber: ticket?.number, counterNumber: counter?.number });
      } else if (e.type === 'ticket.no-show') {
        // The booking was missed: its place is given back (a no-show does not hold a slot).
        this.store.markNoShow(e.ticketId, e.at);
        this.notifyCode(code, 'booking.missed', { reason: 'no-show' });
      }
    }
    // Tickets no longer live are no longer followed; waiting ones may now be near the head of their line.
    for (const [ticketId, code] of this.tracked) {
      if (!state.active.has(ticketId)) {
        this.tracked.delete(ticketId);
        this.aheadDone.delete(ticketId);
      } else if (!this.aheadDone.has(ticketId)) this.checkAhead(state, ticketId, code);
    }
  };

  /** "n ahead of you", once, when a waiting booked ticket has aheadNotice or fewer before it in its line. */
  private checkAhead(state: QueueState, ticketId: string, code: string): void {
    const ticket = state.active.get(ticketId);
    const notice = this.settings().aheadNotice;
    if (!ticket || ticket.status !== 'waiting' || notice <= 0) return;
    const ahead = waitingAhead(state, ticket);
    if (ahead <= notice) this.noticeAhead(code, ticket, ahead);
  }

  private noticeAhead(code: string, ticket: Ticket, ahead: number): void {
    const a = this.store.find(this.centerId, code);
    this.aheadDone.add(ticket.id);
    if (!a || a.aheadSentAt !== null) return;
    this.store.markAheadSent(this.centerId, code, this.clock.now());
    this.notifyCode(code, 'ticket.ahead', { ahead, ticketNumber: ticket.number }, a);
  }

  // ── sweeps ───────────────────────────────────────────────────────────────

  /** Expire bookings whose check-in closed, send the reminders that are due. Runs every minute. */
  sweep(): void {
    const now = this.clock.now();
    const settings = this.settings();
    for (const a of this.store.expireDue(this.centerId, now - settings.checkInLateMinutes * MINUTE, now)) {
      this.logger.info({ code: a.code }, 'appointment expired: not checked in');
      this.notify('booking.missed', a, { reason: 'not-checked-in' });
    }
    if (settings.reminderMinutes > 0) {
      for (const a of this.store.dueReminders(this.centerId, now, settings.reminderMinutes * MINUTE)) {
        this.store.markReminderSent(this.centerId, a.code, now);
        this.notify('booking.reminder', a);
      }
    }
  }

  /** Empty phone, name and person hash of appointments dated purgeAfterDays or more before today. */
  purge(): number {
    const state = this.queue.state(this.centerId);
    const today = localTime(this.clock.now(), state.center.timeZone).day;
    const n = this.store.purgeUpTo(this.centerId, addDays(today, -this.settings().purgeAfterDays), this.clock.now());
    this.lastPurgeDay = today;
    if (n > 0) this.logger.info({ purged: n }, 'appointment personal data purged');
    return n;
  }

  /** At start: finish check-ins cut off by a crash, follow today's booked tickets, purge, sweep; then every minute. */
  start(): void {
    // The person-key secret is made now, not by the first booking: a refused request never writes anything.
    personKeySecret(this.db, this.centerId);
    for (const { code, ticketId } of this.store.unfinishedCheckIns(this.centerId, this.checkInScope)) {
      if (ticketId) this.store.markCheckedIn(this.centerId, code, ticketId, this.clock.now());
    }
    const state = this.queue.state(this.centerId);
    for (const a of this.store.checkedInSince(this.centerId, addDays(state.businessDay, -1))) {
      if (a.ticketId && state.active.has(a.ticketId)) this.tracked.set(a.ticketId, a.code);
    }
    this.purge();
    this.sweep();
    const timer = setInterval(() => {
      try {
        this.sweep();
        const today = localTime(this.clock.now(), this.queue.state(this.centerId).center.timeZone).day;
        if (today !== this.lastPurgeDay) this.purge();
      } catch (err) {
        this.logger.error({ err }, 'appointment sweep failed');
      }
    }, MINUTE);
    timer.unref();
    this.timers.push(timer);
  }

  stop(): void {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    this.notifier.close();
  }

  // ── notices ──────────────────────────────────────────────────────────────

  private notifyCode(code: string, event: Notification['event'], extra: Partial<Notification>, known?: Appointment): void {
    const a = known ?? this.store.find(this.centerId, code);
    if (a) this.notify(event, a, extra);
  }

  /** Only bookings with a phone are told anything: the gateway needs somewhere to send it. */
  private notify(event: Notification['event'], a: Appointment, extra: Partial<Notification> = {}): void {
    if (!a.phone) return;
    const state = this.queue.state(this.centerId);
    const service = state.services.get(a.serviceId);
    this.notifier.send({
      event,
      at: new Date(this.clock.now()).toISOString(),
      centerId: state.center.id,
      centerName: state.center.name,
      code: a.code,
      serviceId: a.serviceId,
      serviceName: service?.name ?? '',
      date: a.date,
      time: a.time,
      phone: a.phone,
      ...extra,
    });
  }
}

export { DAY };
