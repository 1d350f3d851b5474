/** Known rows for report tests, and the real queue flow for tests that must go through it. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../../server/store/db';

/** Epoch ms of a local time in Asia/Ho_Chi_Minh (UTC+7, no DST): local('2026-11-23', '08:00:00'). */
export function local(day: string, time: string): number {
  return Date.parse(`${day}T${time}+07:00`);
}

export interface TicketFixture {
  id: string;
  day: string;
  number: string;
  serviceId: string;
  issuedServiceId?: string;
  status: 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled';
  issued: string;
  called?: string;
  started?: string;
  completed?: string;
  counterId?: string;
  staffId?: string;
  priorityId?: string;
  recalls?: number;
  transfers?: number;
}

let seqNo = 0;

export function insertTicket(db: Db, f: TicketFixture): void {
  const at = (time?: string) => (time ? local(f.day, time) : null);
  db.prepare(
    `INSERT INTO tickets (id, center_id, service_id, issued_service_id, business_day, seq_no, number, priority_id, priority_weight, status,
       issued_at, queued_at, first_called_at, called_at, started_at, completed_at, counter_id, staff_id, recall_count, transfer_count)
     VALUES (?, 'demo', ?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(
    f.id,
    f.serviceId,
    f.issuedServiceId ?? f.serviceId,
    f.day,
    ++seqNo,
    f.number,
    f.priorityId ?? null,
    f.status,
    at(f.issued),
    at(f.issued),
    at(f.called),
    at(f.called),
    at(f.started),
    at(f.completed),
    f.counterId ?? null,
    f.staffId ?? null,
    f.recalls ?? 0,
    f.transfers ?? 0,
  );
}

export function insertRating(db: Db, ticketId: string, level: number, reasons: string[] = []): void {
  const t = db.prepare('SELECT counter_id, staff_id, service_id, completed_at FROM tickets WHERE id = ?').get(ticketId) as Record<string, unknown>;
  db.prepare('INSERT INTO ratings (center_id, ticket_id, counter_id, staff_id, service_id, level, reasons, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(
    'demo',
    ticketId,
    t.counter_id,
    t.staff_id,
    t.service_id,
    level,
    JSON.stringify(reasons),
    (t.completed_at as number) + 30_000,
  );
}

export const DAY = '2026-11-23';

/**
 * Monday 23/11/2026, hand-computed expectations in report-math.test.ts:
 * waits 600, 1800, 300, 1200 s; services 600, 300, 900 s.
 */
export function insertDay(db: Db): void {
  insertTicket(db, { id: 't1', day: DAY, number: 'A001', serviceId: 'svc-hotich', status: 'done', issued: '08:00:00', called: '08:10:00', started: '08:11:00', completed: '08:21:00', counterId: 'ctr-1', staffId: 'stf-staff1', priorityId: 'pri-elderly' });
  insertTicket(db, { id: 't2', day: DAY, number: 'A002', serviceId: 'svc-hotich', status: 'done', issued: '08:05:00', called: '08:35:00', started: '08:36:00', completed: '08:41:00', counterId: 'ctr-1', staffId: 'stf-staff1', recalls: 1 });
  insertTicket(db, { id: 't3', day: DAY, number: 'B001', serviceId: 'svc-chungthuc', status: 'no-show', issued: '09:00:00', called: '09:05:00', completed: '09:08:00', counterId: 'ctr-2', staffId: 'stf-staff2', recalls: 2 });
  insertTicket(db, { id: 't4', day: DAY, number: 'B002', serviceId: 'svc-chungthuc', status: 'done', issued: '09:10:00', called: '09:30:00', started: '09:31:00', completed: '09:46:00', counterId: 'ctr-2', staffId: 'stf-staff2' });
  insertTicket(db, { id: 't5', day: DAY, number: 'A003', serviceId: 'svc-hotich', status: 'cancelled', issued: '10:00:00', completed: '17:30:00' });
  insertRating(db, 't1', 4, ['staff-helpful']);
  insertRating(db, 't2', 2, ['long-wait', 'unclear-guidance']);
  insertRating(db, 't4', 3);
}

/** Issue → call → start → complete through the real API; returns the ticket. */
export async function serveOne(app: FastifyInstance, cookie: string, serviceId = 'svc-hotich', counter = 'ctr-1', advance?: (ms: number) => void) {
  const issued = await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId } });
  if (issued.statusCode !== 201) throw new Error(`issue failed: ${issued.body}`);
  advance?.(60_000);
  const called = await app.inject({ method: 'POST', url: `/api/counters/${counter}/call-next`, headers: { cookie } });
  if (called.statusCode !== 200) throw new Error(`call failed: ${called.body}`);
  const ticketId = called.json().ticket.id as string;
  advance?.(30_000);
  await app.inject({ method: 'POST', url: `/api/counters/${counter}/start`, headers: { cookie }, payload: { ticketId } });
  advance?.(120_000);
  const done = await app.inject({ method: 'POST', url: `/api/counters/${counter}/complete`, headers: { cookie }, payload: { ticketId } });
  if (done.statusCode !== 200) throw new Error(`complete failed: ${done.body}`);
  return done.json().ticket as { id: string; number: string; status: string };
}
