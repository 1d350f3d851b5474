/**
 * Durable side of the queue. `commit` writes one decision in ONE synchronous
 * transaction (nothing awaited inside), so commands can never interleave.
 * A province deployment can swap this for a Postgres implementation of QueueStore.
 */
import type { Ticket } from '../../protocol/domain';
import type { Decision } from '../queue/decide';
import { createState, type CenterConfig, type QueueState } from '../queue/state';
import { startOfDay } from '../queue/calendar';
import { toStaffTicket } from '../queue/read-model';
import { rebuildWaiting } from '../queue/waiting-index';
import type { StaffCallRecord } from '../../protocol/realtime';
import type { Db } from './db';
import {
  centerFromRow,
  counterFromRow,
  counterStateFromRow,
  counterStateToRow,
  priorityFromRow,
  serviceFromRow,
  ticketFromRow,
  ticketToRow,
} from './rows';

export interface IdempotencyRecord {
  scope: string;
  key: string;
  /** What to answer on a retry (e.g. the ticket id). */
  result: string;
}

export interface QueueStore {
  centerIds(): string[];
  loadConfig(centerId: string): CenterConfig;
  loadState(centerId: string, now: number): QueueState;
  commit(centerId: string, seq: number, d: Decision, idempotency?: IdempotencyRecord): void;
  /** Several decisions in ONE transaction (group commit): all or nothing. */
  commitMany(items: { centerId: string; seq: number; decision: Decision; idempotency?: IdempotencyRecord }[]): void;
  findIdempotent(scope: string, key: string): string | null;
  getTicket(ticketId: string): Ticket | null;
}

export class SqliteQueueStore implements QueueStore {
  private readonly stmts;

  constructor(private readonly db: Db) {
    this.stmts = {
      centerIds: db.prepare('SELECT id FROM centers ORDER BY id').pluck(),
      center: db.prepare('SELECT * FROM centers WHERE id = ?'),
      services: db.prepare('SELECT * FROM services WHERE center_id = ? ORDER BY sort_order, id'),
      counters: db.prepare('SELECT * FROM counters WHERE center_id = ? ORDER BY number'),
      priorities: db.prepare('SELECT * FROM priority_categories WHERE center_id = ? ORDER BY sort_order, id'),
      staffNames: db.prepare('SELECT id, display_name FROM staff WHERE center_id = ?'),
      activeTickets: db.prepare("SELECT * FROM tickets WHERE center_id = ? AND status IN ('waiting','called','serving')"),
      issuedToday: db.prepare(
        'SELECT issued_service_id AS sid, MAX(seq_no) AS last, COUNT(*) AS n FROM tickets WHERE center_id = ? AND business_day = ? GROUP BY issued_service_id',
      ),
      servedByService: db.prepare(
        "SELECT service_id AS sid, COUNT(*) AS n, SUM(completed_at - COALESCE(started_at, completed_at)) AS ms FROM tickets WHERE center_id = ? AND business_day = ? AND status = 'done' GROUP BY service_id",
      ),
      servedByCounter: db.prepare(
        "SELECT counter_id AS cid, COUNT(*) AS n FROM tickets WHERE center_id = ? AND business_day = ? AND status = 'done' AND counter_id IS NOT NULL GROUP BY counter_id",
      ),
      recentCalls: db.prepare(
        "SELECT t.*, e.seq, e.at, e.type, e.counter_id, e.data FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id WHERE e.center_id = ? AND e.at >= ? AND e.type IN ('ticket.called','ticket.recalled') ORDER BY e.id DESC LIMIT 20",
      ),
      setCenterSeq: db.prepare('UPDATE centers SET seq = ? WHERE id = ?'),
      setCenterDay: db.prepare('UPDATE centers SET business_day = ? WHERE id = ?'),
      insertEvent: db.prepare(
        'INSERT INTO ticket_events (center_id, seq, at, type, ticket_id, counter_id, staff_id, data) VALUES (@center_id, @seq, @at, @type, @ticket_id, @counter_id, @staff_id, @data)',
      ),
      upsertTicket: db.prepare(`
        INSERT INTO tickets (id, center_id, service_id, issued_service_id, business_day, seq_no, number, priority_id, priority_weight, status,
          issued_at, queued_at, first_called_at, called_at, started_at, completed_at, counter_id, staff_id, target_counter_id,
          recall_count, transfer_count, kiosk_id, note, slot_at)
        VALUES (@id, @center_id, @service_id, @issued_service_id, @business_day, @seq_no, @number, @priority_id, @priority_weight, @status,
          @issued_at, @queued_at, @first_called_at, @called_at, @started_at, @completed_at, @counter_id, @staff_id, @target_counter_id,
          @recall_count, @transfer_count, @kiosk_id, @note, @slot_at)
        ON CONFLICT (id) DO UPDATE SET service_id = excluded.service_id, status = excluded.status, queued_at = excluded.queued_at,
          first_called_at = excluded.first_called_at, called_at = excluded.called_at, started_at = excluded.started_at,
          completed_at = excluded.completed_at, counter_id = excluded.counter_id, staff_id = excluded.staff_id,
          target_counter_id = excluded.target_counter_id, recall_count = excluded.recall_count,
          transfer_count = excluded.transfer_count, note = excluded.note`),
      updateCounterState: db.prepare(`
        UPDATE counters SET current_ticket_id = @current_ticket_id, paused = @paused, pause_reason = @pause_reason,
          priority_streak = @priority_streak, state_staff_id = @state_staff_id, state_updated_at = @state_updated_at
        WHERE center_id = @center_id AND id = @id`),
      insertIdempotency: db.prepare('INSERT INTO idempotency_keys (scope, key, response, created_at) VALUES (?, ?, ?, ?)'),
      findIdempotency: db.prepare('SELECT response FROM idempotency_keys WHERE scope = ? AND key = ?').pluck(),
      ticket: db.prepare('SELECT * FROM tickets WHERE id = ?'),
    };
  }

  centerIds(): string[] {
    return this.stmts.centerIds.all() as string[];
  }

  loadConfig(centerId: string): CenterConfig {
    const row = this.stmts.center.get(centerId) as Record<string, unknown> | undefined;
    if (!row) throw new Error(`unknown center ${centerId}`);
    return {
      center: centerFromRow(row),
      services: (this.stmts.services.all(centerId) as Record<string, unknown>[]).map(serviceFromRow),
      counters: (this.stmts.counters.all(centerId) as Record<string, unknown>[]).map(counterFromRow),
      priorities: (this.stmts.priorities.all(centerId) as Record<string, unknown>[]).map(priorityFromRow),
      staffNames: Object.fromEntries((this.stmts.staffNames.all(centerId) as { id: string; display_name: string }[]).map((r) => [r.id, r.display_name])),
    };
  }

  /** Rebuild the live queue exactly as it was committed. */
  loadState(centerId: string, now: number): QueueState {
    const centerRow = this.stmts.center.get(centerId) as { seq: number; business_day: string; time_zone: string };
    const config = this.loadConfig(centerId);
    const day = centerRow.business_day || '';
    const state = createState(config, day, now);
    state.seq = centerRow.seq;

    for (const row of this.stmts.activeTickets.all(centerId) as Record<string, unknown>[]) {
      const t = ticketFromRow(row);
      state.active.set(t.id, t);
    }
    rebuildWaiting(state);
    for (const row of this.stmts.counters.all(centerId) as Record<string, unknown>[]) {
      state.counterStates.set(row.id as string, counterStateFromRow(row));
    }
    for (const r of this.stmts.issuedToday.all(centerId, day) as { sid: string; last: number; n: number }[]) {
      state.lastSeqNo.set(r.sid, r.last);
      state.issuedToday.set(r.sid, r.n);
    }
    for (const r of this.stmts.servedByService.all(centerId, day) as { sid: string; n: number; ms: number }[]) {
      state.servedByService.set(r.sid, { count: r.n, serviceMs: r.ms ?? 0 });
    }
    for (const r of this.stmts.servedByCounter.all(centerId, day) as { cid: string; n: number }[]) {
      state.servedByCounter.set(r.cid, r.n);
    }
    if (day) {
      const since = startOfDay(day, config.center.timeZone);
      for (const r of this.stmts.recentCalls.all(centerId, since) as Record<string, unknown>[]) {
        const counter = state.counters.get(r.counter_id as string);
        if (!counter) continue;
        // The ticket as it was when called, as the live state recorded it.
        const data = JSON.parse(r.data as string) as { recallCount?: number };
        const call: StaffCallRecord = {
          ticket: { ...toStaffTicket(ticketFromRow(r)), status: 'called', counterId: counter.id, calledAt: r.at as number, recallCount: data.recallCount ?? 0 },
          counter: { id: counter.id, number: counter.number, name: counter.name },
          recall: r.type === 'ticket.recalled',
          at: r.at as number,
          seq: r.seq as number,
        };
        state.recentCalls.push(call);
      }
    }
    return state;
  }

  commit(centerId: string, seq: number, d: Decision, idempotency?: IdempotencyRecord): void {
    this.commitTx([{ centerId, seq, decision: d, idempotency }]);
  }

  commitMany(items: { centerId: string; seq: number; decision: Decision; idempotency?: IdempotencyRecord }[]): void {
    if (items.length > 0) this.commitTx(items);
  }

  /** One transaction for any number of decisions, built once (not per call). */
  private readonly commitTx = this.db.transaction((items: { centerId: string; seq: number; decision: Decision; idempotency?: IdempotencyRecord }[]) => {
    for (const i of items) this.write(i.centerId, i.seq, i.decision, i.idempotency);
  });

  private write(centerId: string, seq: number, d: Decision, idempotency?: IdempotencyRecord): void {
    const s = this.stmts;
    s.setCenterSeq.run(seq, centerId);
    if (d.businessDay) s.setCenterDay.run(d.businessDay, centerId);
    for (const e of d.events) {
      // Columns hold what is common to all events; `data` only the rest (keeps a year of events small).
      const { type, at, ...rest } = e;
      const { ticketId = null, counterId = null, staffId = null, ...details } = rest as { ticketId?: string | null; counterId?: string | null; staffId?: string | null };
      s.insertEvent.run({ center_id: centerId, seq, at, type, ticket_id: ticketId, counter_id: counterId, staff_id: staffId, data: JSON.stringify(details) });
    }
    for (const t of d.tickets) s.upsertTicket.run(ticketToRow(t));
    for (const c of d.counters) s.updateCounterState.run(counterStateToRow(centerId, c));
    if (idempotency) s.insertIdempotency.run(idempotency.scope, idempotency.key, idempotency.result, d.events[0]?.at ?? 0);
  }

  findIdempotent(scope: string, key: string): string | null {
    return (this.stmts.findIdempotency.get(scope, key) as string | undefined) ?? null;
  }

  getTicket(ticketId: string): Ticket | null {
    const row = this.stmts.ticket.get(ticketId) as Record<string, unknown> | undefined;
    return row ? ticketFromRow(row) : null;
  }
}
