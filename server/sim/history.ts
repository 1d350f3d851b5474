/** Logged tickets of a period, read from the tickets table for learning a day (learn.ts). */
import type { Db } from '../store/db';
import type { LoggedTicket } from './learn';

/** Tickets of business days `fromDay` … `toDay` ('YYYY-MM-DD', inclusive), by the report index. */
export function readLoggedTickets(db: Db, centerId: string, fromDay: string, toDay: string): LoggedTicket[] {
  const rows = db
    .prepare(
      `SELECT service_id, business_day, priority_id, status, issued_at, first_called_at, started_at, completed_at, recall_count
       FROM tickets WHERE center_id = ? AND business_day BETWEEN ? AND ?`,
    )
    .all(centerId, fromDay, toDay) as Record<string, unknown>[];
  return rows.map((r) => ({
    // Where the ticket was served (a transfer moves it): service times belong to that service.
    serviceId: r.service_id as string,
    businessDay: r.business_day as string,
    priorityId: (r.priority_id as string | null) ?? null,
    status: r.status as LoggedTicket['status'],
    issuedAt: r.issued_at as number,
    firstCalledAt: (r.first_called_at as number | null) ?? null,
    startedAt: (r.started_at as number | null) ?? null,
    completedAt: (r.completed_at as number | null) ?? null,
    recallCount: r.recall_count as number,
  }));
}
