/**
 * Satisfaction ratings given on the counter tablet. Checked and written in one synchronous
 * transaction, and the UNIQUE(ticket_id) constraint settles two tablets racing on one ticket.
 */
import { DomainError } from '../../protocol/errors';
import type { RatingLevel, RatingRecord } from '../../protocol/reports';
import type { Db } from '../store/db';

/** Long enough for a citizen who steps away to ask something, short enough that a stranger cannot rate yesterday's tickets. */
export const RATING_WINDOW_MS = 2 * 3600_000;

interface TicketForRating {
  id: string;
  business_day: string;
  center_id: string;
  number: string;
  status: string;
  completed_at: number | null;
  counter_id: string | null;
  staff_id: string | null;
  service_id: string;
}

interface RatingRow {
  ticket_id: string;
  level: number;
  reasons: string;
  at: number;
}

const toRecord = (r: RatingRow): RatingRecord => ({ ticketId: r.ticket_id, level: r.level as RatingLevel, reasons: JSON.parse(r.reasons) as string[], at: r.at });

export function findRating(db: Db, ticketId: string): RatingRecord | null {
  const row = db.prepare('SELECT ticket_id, level, reasons, at FROM ratings WHERE ticket_id = ?').get(ticketId) as RatingRow | undefined;
  return row ? toRecord(row) : null;
}

/** `counterId`: the rating tablet's counter; a ticket finished at another counter is not this tablet's to rate. */
export function addRating(db: Db, input: { ticketId: string; counterId: string | null; level: RatingLevel; reasons: string[]; now: number }): RatingRecord {
  return db.transaction(() => {
    const t = db.prepare('SELECT id, center_id, business_day, number, status, completed_at, counter_id, staff_id, service_id FROM tickets WHERE id = ?').get(input.ticketId) as TicketForRating | undefined;
    if (!t) throw new DomainError('TICKET_NOT_FOUND');
    if (t.status !== 'done' || t.completed_at === null) throw new DomainError('RATING_NOT_ALLOWED', { number: t.number });
    if (t.counter_id !== input.counterId) throw new DomainError('DEVICE_KIND_MISMATCH');
    if (input.now - t.completed_at > RATING_WINDOW_MS) throw new DomainError('RATING_EXPIRED', { number: t.number, hours: RATING_WINDOW_MS / 3600_000 });
    if (findRating(db, t.id)) throw new DomainError('ALREADY_RATED');
    db.prepare('INSERT INTO ratings (center_id, ticket_id, business_day, counter_id, staff_id, service_id, level, reasons, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)').run(
      t.center_id,
      t.id,
      t.business_day,
      t.counter_id,
      t.staff_id,
      t.service_id,
      input.level,
      JSON.stringify(input.reasons),
      input.now,
    );
    return { ticketId: t.id, level: input.level, reasons: input.reasons, at: input.now };
  }).immediate();
}

export interface CompletedTicket {
  id: string;
  number: string;
  service_id: string;
  staff_id: string | null;
  completed_at: number;
}

/** The counter's most recently finished ticket, if it finished at or after `since`. */
export function lastCompleted(db: Db, centerId: string, counterId: string, since: number): CompletedTicket | null {
  const row = db
    .prepare(
      `SELECT id, number, service_id, staff_id, completed_at FROM tickets
       WHERE center_id = ? AND counter_id = ? AND status = 'done' AND completed_at >= ?
       ORDER BY completed_at DESC LIMIT 1`,
    )
    .get(centerId, counterId, since) as CompletedTicket | undefined;
  return row ?? null;
}
