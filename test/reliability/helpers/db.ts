/**
 * What the database file says, read directly (read-only) rather than through the
 * server: the committed truth that a restarted server must reproduce.
 */
import Database from 'better-sqlite3';

export type Db = Database.Database;

export function openReadOnly(file: string): Db {
  return new Database(file, { readonly: true, fileMustExist: true });
}

export function withDb<T>(file: string, read: (db: Db) => T): T {
  const db = openReadOnly(file);
  try {
    return read(db);
  } finally {
    db.close();
  }
}

/** Row count of every table, and each center's seq: a refused request must change none of them. */
export function fingerprint(db: Db): Record<string, number> {
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  const out: Record<string, number> = {};
  for (const t of tables) out[`rows:${t}`] = db.prepare(`SELECT COUNT(*) FROM "${t}"`).pluck().get() as number;
  for (const c of db.prepare('SELECT id, seq FROM centers').all() as { id: string; seq: number }[]) out[`seq:${c.id}`] = c.seq;
  return out;
}

export interface TicketRow {
  id: string;
  number: string;
  status: string;
  counter_id: string | null;
  issued_service_id: string;
  business_day: string;
  seq_no: number;
  called_at: number | null;
}

export function ticketsById(db: Db): Map<string, TicketRow> {
  const rows = db.prepare('SELECT id, number, status, counter_id, issued_service_id, business_day, seq_no, called_at FROM tickets').all() as TicketRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

export function waitingIds(db: Db): string[] {
  return (db.prepare("SELECT id FROM tickets WHERE status = 'waiting' ORDER BY id").pluck().all() as string[]);
}

export function countersHolding(db: Db): Record<string, string | null> {
  const rows = db.prepare('SELECT id, current_ticket_id FROM counters ORDER BY id').all() as { id: string; current_ticket_id: string | null }[];
  return Object.fromEntries(rows.map((r) => [r.id, r.current_ticket_id]));
}

export function centerSeq(db: Db): number {
  return db.prepare('SELECT MAX(seq) FROM centers').pluck().get() as number;
}

/** Tickets with more than one `ticket.called` event: each one would be a citizen called twice. */
export function calledMoreThanOnce(db: Db): { ticket_id: string; n: number }[] {
  return db.prepare("SELECT ticket_id, COUNT(*) AS n FROM ticket_events WHERE type = 'ticket.called' GROUP BY ticket_id HAVING n > 1").all() as { ticket_id: string; n: number }[];
}

export function eventCount(db: Db, type: string): number {
  return db.prepare('SELECT COUNT(*) FROM ticket_events WHERE type = ?').pluck().get(type) as number;
}

/**
 * Numbering per service and day must be gap-free and duplicate-free from the service's
 * first number: a gap would mean a number handed out and lost, a duplicate two citizens
 * with one number. Returns the offending groups.
 */
export function numberingProblems(db: Db): unknown[] {
  return db
    .prepare(
      `SELECT t.issued_service_id AS service, t.business_day AS day, COUNT(*) AS n, COUNT(DISTINCT t.seq_no) AS distinctSeq,
              COUNT(DISTINCT t.number) AS distinctNumbers, MIN(t.seq_no) AS first, MAX(t.seq_no) AS last, s.number_start AS start
       FROM tickets t JOIN services s ON s.center_id = t.center_id AND s.id = t.issued_service_id
       GROUP BY t.issued_service_id, t.business_day
       HAVING n <> distinctSeq OR n <> distinctNumbers OR first <> start OR last - first + 1 <> n`,
    )
    .all();
}
