/** The WHERE clause shared by the summary and the ticket log, so both count the same tickets. */
import type { ReportRange } from './dates';

export interface ReportFilters {
  serviceId?: string | null;
  counterId?: string | null;
  staffId?: string | null;
}

export interface TicketQuery {
  where: string;
  params: (string | number)[];
}

/**
 * Tickets of the center whose business day (the local day of issue) is in the range.
 * `serviceId` matches the service that finally handled the ticket (after any transfer),
 * like the service grouping of the summary. Also used on `ratings`, which has the same columns.
 */
export function ticketQuery(centerId: string, range: ReportRange, filters: ReportFilters, alias = 't'): TicketQuery {
  const where = [`${alias}.center_id = ?`, `${alias}.business_day BETWEEN ? AND ?`];
  const params: (string | number)[] = [centerId, range.from, range.to];
  if (filters.serviceId) {
    where.push(`${alias}.service_id = ?`);
    params.push(filters.serviceId);
  }
  if (filters.counterId) {
    where.push(`${alias}.counter_id = ?`);
    params.push(filters.counterId);
  }
  if (filters.staffId) {
    where.push(`${alias}.staff_id = ?`);
    params.push(filters.staffId);
  }
  return { where: where.join(' AND '), params };
}
