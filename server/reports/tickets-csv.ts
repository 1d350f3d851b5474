/**
 * The per-ticket log: one row per ticket of the period, ordered by issue time.
 * Header row in Vietnamese by default; `?header=keys` gives the stable English keys below.
 */
import { RATING_LEVEL_LABELS, type RatingLevel } from '../../protocol/reports';
import type { Db } from '../store/db';
import { BOM, headerLine, rowLine, type Column, type HeaderStyle } from './csv';
import type { ReportRange } from './dates';
import { STATUS_LABELS, type Labels } from './labels';
import { ticketQuery, type ReportFilters } from './query';
import { parseStoredReasons, reasonInfo } from './reasons';
import { displayDay, type ZoneClock } from './zone';

interface TicketRow {
  id: string;
  business_day: string;
  number: string;
  service_id: string;
  issued_service_id: string;
  priority_id: string | null;
  status: string;
  issued_at: number;
  first_called_at: number | null;
  started_at: number | null;
  completed_at: number | null;
  counter_id: string | null;
  staff_id: string | null;
  recall_count: number;
  transfer_count: number;
  level: number | null;
  reasons: string | null;
}

const secs = (from: number | null, to: number | null) => (from === null || to === null ? null : Math.max(0, Math.round((to - from) / 1000)));

export function ticketColumns(labels: Labels, zone: ZoneClock): Column<TicketRow>[] {
  return [
    { key: 'ticketId', label: 'Mã phiếu', value: (r) => r.id },
    { key: 'businessDay', label: 'Ngày', value: (r) => displayDay(r.business_day) },
    { key: 'number', label: 'Số thứ tự', value: (r) => r.number },
    { key: 'service', label: 'Dịch vụ', value: (r) => labels.service(r.service_id) },
    { key: 'issuedService', label: 'Dịch vụ khi lấy số', value: (r) => labels.service(r.issued_service_id) },
    { key: 'priority', label: 'Đối tượng ưu tiên', value: (r) => labels.priority(r.priority_id) },
    { key: 'status', label: 'Trạng thái', value: (r) => STATUS_LABELS[r.status] ?? r.status },
    { key: 'issuedAt', label: 'Giờ lấy số', value: (r) => zone.dateTime(r.issued_at) },
    { key: 'firstCalledAt', label: 'Giờ gọi lần đầu', value: (r) => zone.dateTime(r.first_called_at) },
    { key: 'startedAt', label: 'Giờ bắt đầu phục vụ', value: (r) => zone.dateTime(r.started_at) },
    // completed_at is also set for no-show and cancelled tickets: the moment it left the queue.
    { key: 'completedAt', label: 'Giờ kết thúc', value: (r) => zone.dateTime(r.completed_at) },
    { key: 'waitSeconds', label: 'Thời gian chờ (giây)', value: (r) => secs(r.issued_at, r.first_called_at) },
    { key: 'serviceSeconds', label: 'Thời gian phục vụ (giây)', value: (r) => (r.status === 'done' ? secs(r.started_at, r.completed_at) : null) },
    { key: 'counter', label: 'Quầy', value: (r) => labels.counter(r.counter_id) },
    { key: 'staff', label: 'Cán bộ', value: (r) => labels.staff(r.staff_id) },
    { key: 'recallCount', label: 'Số lần gọi lại', value: (r) => r.recall_count },
    { key: 'transferCount', label: 'Số lần chuyển', value: (r) => r.transfer_count },
    { key: 'ratingLevel', label: 'Mức đánh giá', value: (r) => r.level },
    { key: 'rating', label: 'Đánh giá', value: (r) => (r.level === null ? '' : RATING_LEVEL_LABELS[r.level as RatingLevel]?.label ?? String(r.level)) },
    { key: 'ratingReasons', label: 'Lý do đánh giá', value: (r) => parseStoredReasons(r.reasons).map((id) => reasonInfo(id).label).join('; ') },
  ];
}

export interface TicketCsvInput {
  centerId: string;
  range: ReportRange;
  filters: ReportFilters;
  header: HeaderStyle;
  labels: Labels;
  zone: ZoneClock;
}

/** Lines of the CSV, BOM first; reads lazily from `db` (pass a reader connection). */
export function* ticketCsvLines(db: Db, input: TicketCsvInput): Generator<string> {
  const columns = ticketColumns(input.labels, input.zone);
  const q = ticketQuery(input.centerId, input.range, input.filters);
  yield BOM + headerLine(columns, input.header);
  const stmt = db.prepare(
    `SELECT t.id, t.business_day, t.number, t.service_id, t.issued_service_id, t.priority_id, t.status, t.issued_at,
            t.first_called_at, t.started_at, t.completed_at, t.counter_id, t.staff_id, t.recall_count, t.transfer_count,
            r.level, r.reasons
     FROM tickets t LEFT JOIN ratings r ON r.ticket_id = t.id
     WHERE ${q.where}
     ORDER BY t.business_day, t.issued_at, t.id`,
  );
  for (const row of stmt.iterate(...q.params) as IterableIterator<TicketRow>) yield rowLine(columns, row);
}
