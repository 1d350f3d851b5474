/**
 * Print jobs on disk (table print_jobs, migration 4): written when a job is accepted, updated as it finishes,
 * read at start to queue again what was still waiting, and by the printers screen.
 */
import type { ExpiredReason, PrintJobInput, PrintJobRecord, StoredPrintJob } from '../../hardware';
import type { UnprintedTicket } from '../../protocol/realtime';
import type { Db } from './db';

export interface PrinterJob extends StoredPrintJob {
  printerId: string;
}

interface Row {
  id: string;
  printer_id: string;
  ticket_id: string | null;
  kind: 'ticket' | 'checklist';
  input: string;
  state: PrintJobRecord['state'];
  attempts: number;
  bytes: number;
  created_at: number;
  printed_at: number | null;
  error: string | null;
  resumed: number;
  expired_reason: ExpiredReason | null;
}

function toRecord(r: Row): PrintJobRecord {
  const rec: PrintJobRecord = { id: r.id, kind: r.kind, state: r.state, attempts: r.attempts, bytes: r.bytes, createdAt: r.created_at };
  if (r.ticket_id) rec.ticketId = r.ticket_id;
  if (r.printed_at !== null) rec.printedAt = r.printed_at;
  if (r.error !== null) rec.error = r.error;
  if (r.resumed) rec.resumed = true;
  if (r.expired_reason) rec.expiredReason = r.expired_reason;
  return rec;
}

const toJob = (r: Row): PrinterJob => ({ printerId: r.printer_id, record: toRecord(r), input: JSON.parse(r.input) as PrintJobInput });

/** 'printing' is a moment, not a state to keep: a restart finds such a job still waiting. */
const storedState = (s: PrintJobRecord['state']) => (s === 'printing' ? 'queued' : s);

/**
 * Writes are queued and written together once per turn of the event loop, in one transaction: one fsync for all
 * the slips of a group commit instead of two or three per ticket (which cut ticket throughput by three quarters).
 * The issuing route waits for `written()` before its 201, so an acknowledged ticket still has its job on disk.
 * Every read writes what is queued first, so reads always see every write.
 */
export class PrintJobStore {
  private readonly insertStmt;
  private readonly updateStmt;
  private readonly writeAll;
  private queued: (() => void)[] = [];
  private due: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly centerId: string,
    private readonly onWriteError: (err: unknown) => void,
  ) {
    this.insertStmt = db.prepare(
      `INSERT INTO print_jobs (id, center_id, printer_id, ticket_id, kind, input, state, attempts, bytes, created_at, printed_at, error, resumed, expired_reason)
       VALUES (@id, @centerId, @printerId, @ticketId, @kind, @input, @state, @attempts, @bytes, @createdAt, @printedAt, @error, @resumed, @expiredReason)`,
    );
    this.updateStmt = db.prepare(
      `UPDATE print_jobs SET state = @state, attempts = @attempts, printed_at = @printedAt, error = @error, resumed = @resumed, expired_reason = @expiredReason
       WHERE id = @id`,
    );
    this.writeAll = db.transaction((ops: (() => void)[]) => ops.forEach((op) => op()));
  }

  private params(r: PrintJobRecord) {
    return {
      id: r.id,
      state: storedState(r.state),
      attempts: r.attempts,
      printedAt: r.printedAt ?? null,
      error: r.error ?? null,
      resumed: r.resumed ? 1 : 0,
      expiredReason: r.expiredReason ?? null,
    };
  }

  add(printerId: string, job: StoredPrintJob): void {
    const r = job.record;
    // The values are taken now: the record changes as the job runs.
    const row = {
      ...this.params(r),
      centerId: this.centerId,
      printerId,
      ticketId: r.ticketId ?? null,
      kind: r.kind,
      input: JSON.stringify(job.input),
      bytes: r.bytes,
      createdAt: r.createdAt,
    };
    this.queue(() => this.insertStmt.run(row));
  }

  update(record: PrintJobRecord): void {
    const row = this.params(record);
    this.queue(() => this.updateStmt.run(row));
  }

  /** Resolves once every write queued so far is on disk (or failed, which onWriteError was told). */
  written(): Promise<void> {
    return this.due ?? Promise.resolve();
  }

  /** Writes what is queued, now. */
  flush(): void {
    if (!this.queued.length) return;
    const ops = this.queued.splice(0);
    try {
      this.writeAll(ops);
    } catch (err) {
      this.onWriteError(err);
    }
  }

  private queue(op: () => void): void {
    this.queued.push(op);
    this.due ??= new Promise((resolve) =>
      setImmediate(() => {
        this.due = null;
        this.flush();
        resolve();
      }),
    );
  }

  /** Jobs accepted but not finished, oldest first. */
  pending(): PrinterJob[] {
    this.flush();
    const rows = this.db
      .prepare(`SELECT * FROM print_jobs WHERE center_id = ? AND state IN ('queued', 'retrying') ORDER BY created_at, rowid`)
      .all(this.centerId) as Row[];
    return rows.map(toJob);
  }

  expire(jobId: string, reason: ExpiredReason): void {
    this.flush();
    this.db.prepare(`UPDATE print_jobs SET state = 'expired', expired_reason = ? WHERE id = ?`).run(reason, jobId);
  }

  find(jobId: string): PrinterJob | null {
    this.flush();
    const row = this.db.prepare('SELECT * FROM print_jobs WHERE id = ? AND center_id = ?').get(jobId, this.centerId) as Row | undefined;
    return row ? toJob(row) : null;
  }

  /** The newest job of a ticket (a reprint is a new job of the same ticket). */
  latestForTicket(ticketId: string): PrinterJob | null {
    this.flush();
    const row = this.db.prepare('SELECT * FROM print_jobs WHERE ticket_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1').get(ticketId) as Row | undefined;
    return row ? toJob(row) : null;
  }

  /** A printer's newest jobs, newest first. */
  recent(printerId: string, limit: number): PrintJobRecord[] {
    this.flush();
    const rows = this.db
      .prepare('SELECT * FROM print_jobs WHERE center_id = ? AND printer_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
      .all(this.centerId, printerId, limit) as Row[];
    return rows.map(toRecord);
  }

  /** Tickets of the business day whose newest job failed or expired, newest first. */
  unprinted(businessDay: string): UnprintedTicket[] {
    this.flush();
    const rows = this.db
      .prepare(
        `SELECT j.*, t.number AS number, t.status AS ticket_status
         FROM print_jobs j JOIN tickets t ON t.id = j.ticket_id
         WHERE t.center_id = ? AND t.business_day = ? AND j.state IN ('failed', 'expired')
           AND j.rowid = (SELECT k.rowid FROM print_jobs k WHERE k.ticket_id = j.ticket_id ORDER BY k.created_at DESC, k.rowid DESC LIMIT 1)
         ORDER BY j.created_at DESC, j.rowid DESC`,
      )
      .all(this.centerId, businessDay) as (Row & { number: string; ticket_status: UnprintedTicket['ticketStatus'] })[];
    return rows.map((r) => ({
      ticketId: r.ticket_id!,
      number: r.number,
      ticketStatus: r.ticket_status,
      printerId: r.printer_id,
      jobId: r.id,
      state: r.state as UnprintedTicket['state'],
      expiredReason: r.expired_reason,
      error: r.error,
      createdAt: r.created_at,
    }));
  }

  /** Forgets finished jobs accepted before `before`; the table stays small. */
  prune(before: number): number {
    this.flush();
    return this.db.prepare(`DELETE FROM print_jobs WHERE created_at < ? AND state IN ('printed', 'failed', 'expired')`).run(before).changes;
  }
}
