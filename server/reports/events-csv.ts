/**
 * Every event of the append-only ticket_events table in the period (by event time), with the
 * ticket number beside the ticket id: the audit trail behind every figure in the summary.
 */
import type { Db } from '../store/db';
import { BOM, headerLine, rowLine, type Column, type HeaderStyle } from './csv';
import type { ReportRange } from './dates';
import { EVENT_LABELS, type Labels } from './labels';
import type { ZoneClock } from './zone';

interface EventRow {
  id: number;
  seq: number;
  at: number;
  type: string;
  ticket_id: string | null;
  number: string | null;
  service_id: string | null;
  counter_id: string | null;
  staff_id: string | null;
  data: string;
}

export function eventColumns(labels: Labels, zone: ZoneClock): Column<EventRow>[] {
  return [
    { key: 'eventId', label: 'Mã sự kiện', value: (r) => r.id },
    { key: 'seq', label: 'Thứ tự cập nhật', value: (r) => r.seq },
    { key: 'at', label: 'Thời điểm', value: (r) => zone.dateTime(r.at) },
    { key: 'type', label: 'Loại sự kiện', value: (r) => r.type },
    { key: 'typeLabel', label: 'Diễn giải', value: (r) => EVENT_LABELS[r.type] ?? r.type },
    { key: 'ticketId', label: 'Mã phiếu', value: (r) => r.ticket_id },
    { key: 'number', label: 'Số thứ tự', value: (r) => r.number },
    { key: 'service', label: 'Dịch vụ hiện tại của phiếu', value: (r) => labels.service(r.service_id) },
    { key: 'counter', label: 'Quầy', value: (r) => labels.counter(r.counter_id) },
    { key: 'staff', label: 'Cán bộ', value: (r) => labels.staff(r.staff_id) },
    { key: 'data', label: 'Dữ liệu (JSON)', value: (r) => r.data },
  ];
}

export interface EventCsvInput {
  centerId: string;
  range: ReportRange;
  header: HeaderStyle;
  labels: Labels;
  zone: ZoneClock;
}

export function* eventCsvLines(db: Db, input: EventCsvInput): Generator<string> {
  const columns = eventColumns(input.labels, input.zone);
  yield BOM + headerLine(columns, input.header);
  const stmt = db.prepare(
    `SELECT e.id, e.seq, e.at, e.type, e.ticket_id, t.number, t.service_id, e.counter_id, e.staff_id, e.data
     FROM ticket_events e LEFT JOIN tickets t ON t.id = e.ticket_id
     WHERE e.center_id = ? AND e.at >= ? AND e.at < ?
     ORDER BY e.at, e.id`,
  );
  for (const row of stmt.iterate(input.centerId, input.range.startMs, input.range.endMs) as IterableIterator<EventRow>) yield rowLine(columns, row);
}
