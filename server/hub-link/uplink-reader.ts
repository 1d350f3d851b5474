/**
 * Reads what the hub has not acknowledged yet, in the hub's order: commits by `seq` (each with its events and the
 * ticket rows it left, see ticket-images.ts), ratings by id, configuration changes from the audit log by id.
 * Runs in the link's background worker on its own read-only connection, one bounded batch at a time, never in the
 * queue writer's commit path.
 */
import type { UplinkCommit, UplinkConfigChange, UplinkRating } from '../../protocol/hub';
import type { Ticket } from '../../protocol/domain';
import type { Db } from '../store/db';
import { ticketFromRow } from '../store/rows';
import { ticketImages, type StoredEvent } from './ticket-images';

export interface UplinkCursor {
  lastSeq: number;
  lastRatingId: number;
  lastConfigId: number;
}

export interface BatchLimits {
  commits: number;
  ratings: number;
  configChanges: number;
  /** Stop adding commits once the batch's JSON passes this many bytes (at least one commit is always sent). */
  maxBytes: number;
}

/**
 * Reading runs on the server's one thread: measured on this machine, ~35 µs a commit (its events, its tickets'
 * histories, the size check), so 500 commits (~330 KB of JSON) hold the event loop ~20 ms between kiosk requests.
 * A week offline (~6,000 commits) is a dozen batches.
 */
export const DEFAULT_LIMITS: BatchLimits = { commits: 500, ratings: 2000, configChanges: 500, maxBytes: 512 * 1024 };

export interface ReadBatch {
  commits: UplinkCommit[];
  ratings: UplinkRating[];
  configChanges: UplinkConfigChange[];
  /** The center's seq when read: what the hub still lacks is centerSeq − its lastSeq. */
  centerSeq: number;
  /** Tickets sent as their current row (their per-commit row could not be rebuilt). */
  inexactTickets: number;
  /** The last audit id looked at (sign-ins skipped included): the next read may start there. */
  configScannedTo: number;
}

/**
 * Audit actions that are not configuration: sign-ins and password changes (who, from which address) stay at the
 * center; the enrolment itself carries no credential but is the link's own business.
 */
export function isConfigAction(action: string): boolean {
  return !action.startsWith('auth.') && !action.startsWith('hub.');
}

const IN_CHUNK = 400;

function chunks<T>(xs: T[], n: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += n) out.push(xs.slice(i, i + n));
  return out;
}

function eventFromRow(r: Record<string, unknown>): StoredEvent {
  return {
    seq: r.seq as number,
    at: r.at as number,
    type: r.type as string,
    ticketId: (r.ticket_id as string | null) ?? null,
    counterId: (r.counter_id as string | null) ?? null,
    staffId: (r.staff_id as string | null) ?? null,
    data: JSON.parse((r.data as string) || '{}') as Record<string, unknown>,
  };
}

export function centerSeq(db: Db, centerId: string): number {
  return (db.prepare('SELECT seq FROM centers WHERE id = ?').pluck().get(centerId) as number | undefined) ?? 0;
}

/** One consistent snapshot (a read transaction) of everything after the cursor, within the limits. */
export function readBatch(db: Db, centerId: string, after: UplinkCursor, limits: BatchLimits = DEFAULT_LIMITS, configScanFrom = after.lastConfigId): ReadBatch {
  return db.transaction(() => readInSnapshot(db, centerId, after, limits, Math.max(configScanFrom, after.lastConfigId)))();
}

function readInSnapshot(db: Db, centerId: string, after: UplinkCursor, limits: BatchLimits, configScanFrom: number): ReadBatch {
  const seqNow = centerSeq(db, centerId);
  const upTo = Math.min(seqNow, after.lastSeq + limits.commits);
  const rows =
    upTo > after.lastSeq
      ? (db
          .prepare('SELECT seq, at, type, ticket_id, counter_id, staff_id, data FROM ticket_events WHERE center_id = ? AND seq > ? AND seq <= ? ORDER BY seq, id')
          .all(centerId, after.lastSeq, upTo) as Record<string, unknown>[])
      : [];
  const events = rows.map(eventFromRow);

  // Every ticket these commits touched: its whole history (a few events each) and its current row.
  const touched = [...new Set(events.map((e) => e.ticketId).filter((id): id is string => id !== null))];
  const history = new Map<string, StoredEvent[]>();
  const current = new Map<string, Ticket>();
  for (const ids of chunks(touched, IN_CHUNK)) {
    const marks = ids.map(() => '?').join(',');
    for (const r of db.prepare(`SELECT seq, at, type, ticket_id, counter_id, staff_id, data FROM ticket_events WHERE ticket_id IN (${marks}) ORDER BY seq, id`).all(...ids) as Record<string, unknown>[]) {
      const e = eventFromRow(r);
      let list = history.get(e.ticketId!);
      if (!list) history.set(e.ticketId!, (list = []));
      list.push(e);
    }
    for (const r of db.prepare(`SELECT * FROM tickets WHERE id IN (${marks})`).all(...ids) as Record<string, unknown>[]) {
      const t = ticketFromRow(r);
      current.set(t.id, t);
    }
  }
  const images = ticketImages(history, current);

  // Every seq in order, also one that wrote no event (the hub wants them contiguous).
  const bySeq = new Map<number, StoredEvent[]>();
  for (const e of events) {
    let list = bySeq.get(e.seq);
    if (!list) bySeq.set(e.seq, (list = []));
    list.push(e);
  }
  const commits: UplinkCommit[] = [];
  let bytes = 0;
  let lastAt = 0;
  for (let seq = after.lastSeq + 1; seq <= upTo; seq++) {
    const evs = bySeq.get(seq) ?? [];
    const at = evs[0]?.at ?? lastAt;
    lastAt = at;
    const commit: UplinkCommit = {
      seq,
      at,
      events: evs.map((e) => ({ type: e.type, at: e.at, ticketId: e.ticketId, counterId: e.counterId, staffId: e.staffId, data: e.data })),
      tickets: [...(images.bySeq.get(seq)?.values() ?? [])] as unknown as Record<string, unknown>[],
    };
    const size = JSON.stringify(commit).length;
    if (commits.length > 0 && bytes + size > limits.maxBytes) break;
    commits.push(commit);
    bytes += size;
  }
  const inexactTickets = commits.reduce((n, c) => n + c.tickets.filter((t) => images.inexact.has(t.id as string)).length, 0);

  const ratings = (
    db.prepare('SELECT * FROM ratings WHERE center_id = ? AND id > ? ORDER BY id LIMIT ?').all(centerId, after.lastRatingId, limits.ratings) as Record<string, unknown>[]
  ).map(
    (r): UplinkRating => ({
      id: r.id as number,
      ticketId: r.ticket_id as string,
      counterId: (r.counter_id as string | null) ?? null,
      staffId: (r.staff_id as string | null) ?? null,
      serviceId: (r.service_id as string | null) ?? null,
      level: r.level as number,
      reasons: JSON.parse((r.reasons as string) || '[]') as string[],
      at: r.at as number,
    }),
  );

  const configChanges: UplinkConfigChange[] = [];
  let configAfter = configScanFrom;
  // Skipped actions (sign-ins) still move the cursor, so a center with thousands of sign-ins sends none of them.
  for (;;) {
    const page = db.prepare('SELECT id, at, action, target, data FROM audit_log WHERE center_id = ? AND id > ? ORDER BY id LIMIT ?').all(centerId, configAfter, limits.configChanges) as Record<
      string,
      unknown
    >[];
    for (const r of page) {
      configAfter = r.id as number;
      if (!isConfigAction(r.action as string)) continue;
      configChanges.push({ id: r.id as number, at: r.at as number, action: r.action as string, target: (r.target as string | null) ?? null, data: JSON.parse((r.data as string) || '{}') });
      if (configChanges.length >= limits.configChanges) break;
    }
    if (page.length < limits.configChanges || configChanges.length >= limits.configChanges) break;
  }

  return { commits, ratings, configChanges, centerSeq: seqNow, inexactTickets, configScannedTo: configAfter };
}
