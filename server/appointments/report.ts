/**
 * The director's figures on appointments for a period of business days (GET /api/reports/appointments):
 *
 * - bookings: made for days in the period, by status and by service;
 * - check-ins and punctuality: checked in before the slot (early or on time) or after it, mean minutes late;
 * - no-shows: checked in but not there when called, and bookings never checked in (expired); cancellations;
 * - waits, booked against walk-in: a walk-in waits from its issue to its first call; a booked ticket from the
 *   later of its slot and its check-in (when it was entitled to be called) to its first call. Mean, p90, count.
 *   Also how long after its slot a booked ticket was first called.
 */
import type { Db } from '../store/db';
import type { ReportRange } from '../reports/dates';

export interface WaitFigures {
  count: number;
  meanMinutes: number | null;
  p90Minutes: number | null;
}

export interface AppointmentReport {
  from: string;
  to: string;
  bookings: { total: number; byStatus: Record<string, number>; byService: { serviceId: string; total: number; checkedIn: number; noShows: number }[] };
  checkIns: { total: number; beforeSlot: number; afterSlot: number; meanMinutesLate: number | null };
  noShows: { calledNotThere: number; neverCheckedIn: number; cancelled: number; rate: number | null };
  waits: { booked: WaitFigures; walkIn: WaitFigures; bookedCalledAfterSlot: WaitFigures };
}

const MINUTE = 60_000;

function figures(samplesMs: number[]): WaitFigures {
  if (samplesMs.length === 0) return { count: 0, meanMinutes: null, p90Minutes: null };
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const mean = sorted.reduce((s, x) => s + x, 0) / sorted.length;
  const p90 = sorted[Math.min(sorted.length - 1, Math.ceil(0.9 * sorted.length) - 1)];
  const round = (ms: number) => Math.round((ms / MINUTE) * 10) / 10;
  return { count: sorted.length, meanMinutes: round(mean), p90Minutes: round(p90) };
}

export function appointmentReport(db: Db, centerId: string, range: ReportRange): AppointmentReport {
  const rows = db
    .prepare('SELECT service_id, status, slot_at, checked_in_at FROM appointments WHERE center_id = ? AND date >= ? AND date <= ?')
    .all(centerId, range.from, range.to) as { service_id: string; status: string; slot_at: number; checked_in_at: number | null }[];
  const byStatus: Record<string, number> = { booked: 0, 'checked-in': 0, cancelled: 0, 'no-show': 0, expired: 0 };
  const byService = new Map<string, { serviceId: string; total: number; checkedIn: number; noShows: number }>();
  let before = 0;
  let after = 0;
  let lateMs = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + 1;
    let s = byService.get(r.service_id);
    if (!s) byService.set(r.service_id, (s = { serviceId: r.service_id, total: 0, checkedIn: 0, noShows: 0 }));
    s.total++;
    if (r.checked_in_at !== null) {
      s.checkedIn++;
      if (r.checked_in_at <= r.slot_at) before++;
      else {
        after++;
        lateMs += r.checked_in_at - r.slot_at;
      }
    }
    if (r.status === 'no-show' || r.status === 'expired') s.noShows++;
  }
  const checkedIn = before + after;
  const missed = byStatus['no-show'] + byStatus.expired;
  const due = rows.length - byStatus.cancelled - byStatus.booked;

  const tickets = db
    .prepare(
      `SELECT t.issued_at, t.first_called_at, t.slot_at, a.checked_in_at FROM tickets t LEFT JOIN appointments a ON a.ticket_id = t.id
       WHERE t.center_id = ? AND t.business_day >= ? AND t.business_day <= ? AND t.first_called_at IS NOT NULL`,
    )
    .all(centerId, range.from, range.to) as { issued_at: number; first_called_at: number; slot_at: number | null; checked_in_at: number | null }[];
  const booked: number[] = [];
  const walkIn: number[] = [];
  const afterSlot: number[] = [];
  for (const t of tickets) {
    if (t.slot_at === null) walkIn.push(t.first_called_at - t.issued_at);
    else {
      booked.push(Math.max(0, t.first_called_at - Math.max(t.slot_at, t.checked_in_at ?? t.issued_at)));
      afterSlot.push(t.first_called_at - t.slot_at);
    }
  }
  return {
    from: range.from,
    to: range.to,
    bookings: { total: rows.length, byStatus, byService: [...byService.values()] },
    checkIns: { total: checkedIn, beforeSlot: before, afterSlot: after, meanMinutesLate: after > 0 ? Math.round((lateMs / after / MINUTE) * 10) / 10 : null },
    noShows: { calledNotThere: byStatus['no-show'], neverCheckedIn: byStatus.expired, cancelled: byStatus.cancelled, rate: due > 0 ? Math.round((missed / due) * 1000) / 1000 : null },
    waits: { booked: figures(booked), walkIn: figures(walkIn), bookedCalledAfterSlot: figures(afterSlot) },
  };
}
