/**
 * One uplink batch applied in ONE transaction, with the center's row locked (FOR UPDATE), so two nodes given the
 * same center's batches at once apply them one after the other:
 *
 * 1. commits must start at most one past `last_seq` (else 409 with the state: the center resends from there);
 *    those at or below it were applied before and are skipped;
 * 2. the commits after `last_seq` go in as one chunk of the log (log.ts); ratings and config changes with
 *    `ON CONFLICT DO NOTHING` by (center_id, id);
 * 3. only the rows inserted now feed the rollups: each ticket's newest row replaces what its previous row counted
 *    (rollup.ts), each new rating adds to its ticket's row;
 * 4. the center's state (last seq, ids, last seen, live snapshot) moves on.
 *
 * Bulk rows travel as one JSON parameter unpacked with json_to_recordset (the text form: jsonb would first build
 * a binary copy of the whole parameter), JSON arrays straight into PostgreSQL arrays: one statement per table per
 * batch, however many thousands of commits it holds. The wide rollup upserts are prepared once per connection.
 */
import type { LinkState, UplinkBatch } from '../../protocol/hub';
import { DomainError } from '../../protocol/errors';
import { businessDay } from '../../server/queue/calendar';
import { zoneClock } from '../../server/reports/zone';
import type { HubDb, Queryable } from '../db/db';
import { UPSERT_DAILY, dailyDeltas } from './daily';
import { UPSERT_MONTHLY, monthlyDeltas } from './monthly';
import { INSERT_CHUNK } from './log';
import { HOURLY_FIELDS, RollupDeltas, ticketFacts, ticketKey, type RollupKey, type TicketFacts } from './rollup';

export interface IngestResult {
  /** 200: applied (or seen before); 409: the batch leaves a gap after `state.lastSeq`. */
  status: 200 | 409;
  state: LinkState;
  /** Rows inserted now. */
  inserted: { commits: number; ratings: number; configChanges: number };
}

interface CenterState {
  last_seq: number;
  last_rating_id: number;
  last_config_id: number;
  time_zone: string;
}

export async function downlinkVersion(db: Queryable, centerId: string): Promise<number> {
  const r = await db.query<{ v: number | null }>('SELECT max(version) AS v FROM downlink_items WHERE center_id IS NULL OR center_id = $1', [centerId], 'hub-downlink-version');
  return r.rows[0]?.v ?? 0;
}

export async function linkState(db: Queryable, centerId: string, now: number): Promise<LinkState> {
  const r = await db.query<CenterState>('UPDATE centers SET last_seen_at = $2 WHERE id = $1 RETURNING last_seq, last_rating_id, last_config_id, time_zone', [centerId, now]);
  const c = r.rows[0];
  if (!c) throw new DomainError('HUB_CREDENTIAL_INVALID');
  return { lastSeq: c.last_seq, lastRatingId: c.last_rating_id, lastConfigId: c.last_config_id, downlinkVersion: await downlinkVersion(db, centerId) };
}

/** The commits of a batch must be in seq order without holes: anything else is a broken client (400). */
export function checkBatchShape(batch: UplinkBatch): void {
  for (let i = 1; i < batch.commits.length; i++) {
    if (batch.commits[i].seq !== batch.commits[i - 1].seq + 1) throw new DomainError('VALIDATION_ERROR', { detail: `/commits/${i}/seq must be ${batch.commits[i - 1].seq + 1}` });
  }
}

/** The hourly cross-tab: counts, sums and maxima, no histograms (percentiles come from the daily layer). */
const UPSERT_ROLLUP = `
INSERT INTO rollup_hourly AS r (center_id, business_day, service_id, counter_id, staff_id, hour, issued, called, served, no_show, cancelled, open,
  wait_count, wait_sum, wait_max, service_count, service_sum, service_max, sla_called, sla_met, rating_1, rating_2, rating_3, rating_4)
SELECT $1, d.day, d.service, d.counter, d.staff, d.hour, d.issued, d.called, d.served, d.no_show, d.cancelled, d.open,
  d.wait_count, d.wait_sum, d.wait_max, d.service_count, d.service_sum, d.service_max, d.sla_called, d.sla_met, d.r1, d.r2, d.r3, d.r4
FROM json_to_recordset($2::json) AS d(day text, service text, counter text, staff text, hour smallint, issued int, called int, served int, no_show int,
  cancelled int, open int, wait_count int, wait_sum bigint, wait_max int, service_count int, service_sum bigint, service_max int,
  sla_called int, sla_met int, r1 int, r2 int, r3 int, r4 int)
ON CONFLICT (center_id, business_day, service_id, counter_id, staff_id, hour) DO UPDATE SET
  issued = r.issued + EXCLUDED.issued, called = r.called + EXCLUDED.called, served = r.served + EXCLUDED.served,
  no_show = r.no_show + EXCLUDED.no_show, cancelled = r.cancelled + EXCLUDED.cancelled, open = r.open + EXCLUDED.open,
  wait_count = r.wait_count + EXCLUDED.wait_count, wait_sum = r.wait_sum + EXCLUDED.wait_sum, wait_max = GREATEST(r.wait_max, EXCLUDED.wait_max),
  service_count = r.service_count + EXCLUDED.service_count, service_sum = r.service_sum + EXCLUDED.service_sum,
  service_max = GREATEST(r.service_max, EXCLUDED.service_max),
  sla_called = r.sla_called + EXCLUDED.sla_called, sla_met = r.sla_met + EXCLUDED.sla_met,
  rating_1 = r.rating_1 + EXCLUDED.rating_1, rating_2 = r.rating_2 + EXCLUDED.rating_2,
  rating_3 = r.rating_3 + EXCLUDED.rating_3, rating_4 = r.rating_4 + EXCLUDED.rating_4`;

/**
 * `raw`: the batch's JSON bytes as the center sent them. When every commit of the batch is new (the usual case)
 * they are the log's chunk as they are; otherwise the new commits are serialized again.
 */
export async function ingestBatch(db: HubDb, centerId: string, batch: UplinkBatch, now: number, raw?: Buffer): Promise<IngestResult> {
  checkBatchShape(batch);
  return db.transaction(async (tx) => {
    const c = (await tx.query<CenterState>('SELECT last_seq, last_rating_id, last_config_id, time_zone FROM centers WHERE id = $1 FOR UPDATE', [centerId], 'hub-ingest-lock')).rows[0];
    if (!c) throw new DomainError('HUB_CREDENTIAL_INVALID');
    const inserted = { commits: 0, ratings: 0, configChanges: 0 };
    const first = batch.commits[0]?.seq;

    // A gap: nothing of the batch is applied (ratings and config may refer to tickets of the missing commits).
    if (first !== undefined && first > c.last_seq + 1) {
      await touch(tx, centerId, now, batch.live, false);
      return { status: 409, state: await stateOf(tx, centerId, c), inserted };
    }

    const deltas = new RollupDeltas();
    const tz = c.time_zone;

    // 1. Commits not seen before.
    const fresh = batch.commits.filter((x) => x.seq > c.last_seq);
    let lastSeq = c.last_seq;
    // Each ticket's newest row in the batch (its facts read once, after).
    const latest = new Map<string, { facts: TicketFacts | null; row: Record<string, unknown>; seq: number }>();
    if (fresh.length > 0) {
      lastSeq = fresh[fresh.length - 1].seq;
      const chunk = raw && fresh.length === batch.commits.length ? raw : JSON.stringify({ commits: fresh.map((x) => ({ seq: x.seq, at: x.at, events: x.events, tickets: x.tickets })) });
      await tx.query(INSERT_CHUNK, [centerId, fresh[0].seq, lastSeq, now, chunk], 'hub-ingest-chunk');
      inserted.commits = fresh.length;
      for (const commit of fresh) {
        for (const row of commit.tickets) {
          if (typeof row?.id !== 'string' || row.id === '' || row.id.length > 200) continue;
          latest.set(row.id, { facts: null, row, seq: commit.seq });
        }
      }
      for (const t of latest.values()) t.facts = ticketFacts(t.row);
    }

    // 2. Tickets: take away what each one counted before, add what it counts now, keep its newest row.
    const ticketRows = new Map<string, TicketFacts | null>();
    if (latest.size > 0) {
      const before = await loadTickets(tx, centerId, [...latest.keys()]);
      for (const [id, now2] of latest) {
        const old = before.get(id);
        if (old) deltas.ticket(old, tz, -1);
        if (now2.facts) deltas.ticket(now2.facts, tz, 1);
        ticketRows.set(id, now2.facts);
      }
      const rows = [...latest.entries()].map(([id, t]) => ({ id, seq: t.seq, day: t.facts?.businessDay ?? (typeof t.row.businessDay === 'string' ? t.row.businessDay : ''), row: t.row }));
      await tx.query(
        `INSERT INTO center_tickets (center_id, ticket_id, seq, business_day, row)
         SELECT $1, d.id, d.seq, d.day, d.row FROM json_to_recordset($2::json) AS d(id text, seq bigint, day text, row json)
         ON CONFLICT (center_id, ticket_id) DO UPDATE SET seq = EXCLUDED.seq, business_day = EXCLUDED.business_day, row = EXCLUDED.row`,
        [centerId, JSON.stringify(rows)],
        'hub-ingest-tickets',
      );
    }

    // 3. Ratings, each in the rollup row of its ticket (its day, service, counter, officer, hour of issue).
    let lastRatingId = c.last_rating_id;
    if (batch.ratings.length > 0) {
      const missing = batch.ratings.map((x) => x.ticketId).filter((id) => !ticketRows.has(id));
      for (const [id, facts] of await loadTickets(tx, centerId, [...new Set(missing)])) ticketRows.set(id, facts);
      const keyed = batch.ratings.map((x) => {
        const t = ticketRows.get(x.ticketId) ?? null;
        const key: RollupKey = t
          ? { ...ticketKey(t, tz), service: x.serviceId ?? t.serviceId, counter: x.counterId ?? t.counterId ?? '', staff: x.staffId ?? t.staffId ?? '' }
          : { day: businessDay(x.at, tz), service: x.serviceId ?? '', counter: x.counterId ?? '', staff: x.staffId ?? '', hour: zoneClock(tz).hour(x.at) };
        return { rating: x, key };
      });
      const rows = keyed.map(({ rating: x, key }) => ({
        id: x.id,
        ticket_id: x.ticketId,
        counter_id: x.counterId,
        staff_id: x.staffId,
        service_id: x.serviceId,
        level: x.level,
        reasons: x.reasons,
        at: x.at,
        day: key.day,
      }));
      const r = await tx.query<{ id: number }>(
        `INSERT INTO center_ratings (center_id, id, ticket_id, counter_id, staff_id, service_id, level, reasons, at, business_day)
         SELECT $1, d.id, d.ticket_id, d.counter_id, d.staff_id, d.service_id, d.level, d.reasons, d.at, d.day
         FROM json_to_recordset($2::json) AS d(id bigint, ticket_id text, counter_id text, staff_id text, service_id text, level smallint, reasons jsonb, at bigint, day text)
         ON CONFLICT (center_id, id) DO NOTHING RETURNING id`,
        [centerId, JSON.stringify(rows)],
        'hub-ingest-ratings',
      );
      const insertedIds = new Set(r.rows.map((x) => x.id));
      inserted.ratings = insertedIds.size;
      const reasons = new Map<string, { day: string; service: string; staff: string; reason: string; n: number }>();
      for (const { rating, key } of keyed) {
        if (!insertedIds.has(rating.id)) continue;
        insertedIds.delete(rating.id); // a rating listed twice in one batch counts once
        deltas.rating(key, rating.level);
        if (rating.id > lastRatingId) lastRatingId = rating.id;
        for (const reason of new Set(rating.reasons)) {
          const k = `${key.day}\u0000${key.service}\u0000${key.staff}\u0000${reason}`;
          const r = reasons.get(k) ?? { day: key.day, service: key.service, staff: key.staff, reason, n: 0 };
          r.n++;
          reasons.set(k, r);
        }
      }
      if (reasons.size > 0) {
        await tx.query(
          `INSERT INTO rollup_reasons AS r (center_id, business_day, service_id, staff_id, reason, n)
           SELECT $1, d.day, d.service, d.staff, d.reason, d.n FROM json_to_recordset($2::json) AS d(day text, service text, staff text, reason text, n int)
           ON CONFLICT (center_id, business_day, service_id, staff_id, reason) DO UPDATE SET n = r.n + EXCLUDED.n`,
          [centerId, JSON.stringify([...reasons.values()])],
          'hub-ingest-reasons',
        );
      }
    }

    // 4. Configuration changes: kept as they came, for the province to read.
    let lastConfigId = c.last_config_id;
    if (batch.configChanges.length > 0) {
      const rows = batch.configChanges.map((x) => ({ id: x.id, at: x.at, action: x.action, target: x.target, data: x.data ?? null }));
      const r = await tx.query<{ id: number }>(
        `INSERT INTO center_config_changes (center_id, id, at, action, target, data)
         SELECT $1, d.id, d.at, d.action, d.target, d.data FROM json_to_recordset($2::json) AS d(id bigint, at bigint, action text, target text, data jsonb)
         ON CONFLICT (center_id, id) DO NOTHING RETURNING id`,
        [centerId, JSON.stringify(rows)],
      );
      inserted.configChanges = r.rows.length;
      for (const x of r.rows) if (x.id > lastConfigId) lastConfigId = x.id;
      const fresh = new Set(r.rows.map((x) => x.id));
      const labels = new Map<string, Label>();
      for (const change of [...batch.configChanges].sort((a, b) => a.id - b.id)) {
        if (fresh.has(change.id)) for (const l of labelsOf(change.action, change.data)) labels.set(`${l.kind}\u0000${l.id}`, l);
      }
      if (labels.size > 0) {
        await tx.query(
          `INSERT INTO center_labels (center_id, kind, id, label, sort_key)
           SELECT $1, d.kind, d.id, d.label, d.sort FROM json_to_recordset($2::json) AS d(kind text, id text, label text, sort int)
           ON CONFLICT (center_id, kind, id) DO UPDATE SET label = EXCLUDED.label, sort_key = EXCLUDED.sort_key`,
          [centerId, JSON.stringify([...labels.values()])],
        );
      }
    }

    // 5. Rollups, one upsert for the whole batch.
    const changed = deltas.rows();
    if (changed.length > 0) {
      await tx.query(UPSERT_ROLLUP, [centerId, JSON.stringify(changed, HOURLY_FIELDS)], 'hub-upsert-hourly');
      const daily = dailyDeltas(changed);
      await tx.query(UPSERT_DAILY, [centerId, JSON.stringify(daily)], 'hub-upsert-daily');
      await tx.query(UPSERT_MONTHLY, [centerId, JSON.stringify(monthlyDeltas(daily))], 'hub-upsert-monthly');
    }

    await touch(tx, centerId, now, batch.live, inserted.commits + inserted.ratings + inserted.configChanges > 0, { lastSeq, lastRatingId, lastConfigId });
    return { status: 200, state: { lastSeq, lastRatingId, lastConfigId, downlinkVersion: await downlinkVersion(tx, centerId) }, inserted };
  });
}

interface Label {
  kind: 'service' | 'counter' | 'staff';
  id: string;
  label: string;
  sort: number | null;
}

const text = (v: unknown, max = 200): string | null => (typeof v === 'string' && v.trim() !== '' ? v.trim().slice(0, max) : null);
const int = (v: unknown): number | null => (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) < 2 ** 31 ? v : null);

function labelOf(kind: Label['kind'], x: unknown): Label | null {
  if (!x || typeof x !== 'object') return null;
  const o = x as Record<string, unknown>;
  const id = text(o.id, 200);
  if (!id) return null;
  if (kind === 'service') {
    const label = text(o.name);
    return label ? { kind, id, label, sort: int(o.sortOrder) } : null;
  }
  if (kind === 'counter') {
    const number = int(o.number);
    const label = text(o.name) ?? (number !== null ? `Quầy ${number}` : null);
    return label ? { kind, id, label, sort: number } : null;
  }
  const label = text(o.displayName) ?? text(o.username);
  return label ? { kind, id, label, sort: null } : null;
}

/**
 * Names from a configuration change: `service.*`, `counter.*`, `staff.*` audit rows (`data.after` is the saved
 * row), or a `config.snapshot` a center may send with its whole `{ services, counters, staff }`.
 */
export function labelsOf(action: string, data: unknown): Label[] {
  const d = (data && typeof data === 'object' ? data : {}) as Record<string, unknown>;
  const kind = action.split('.')[0];
  if (action === 'config.snapshot') {
    const list = (k: string) => (Array.isArray(d[k]) ? (d[k] as unknown[]) : []);
    return [
      ...list('services').map((x) => labelOf('service', x)),
      ...list('counters').map((x) => labelOf('counter', x)),
      ...list('staff').map((x) => labelOf('staff', x)),
    ].filter((x): x is Label => x !== null);
  }
  if (kind === 'service' || kind === 'counter' || kind === 'staff') {
    const l = labelOf(kind, d.after);
    return l ? [l] : [];
  }
  return [];
}

async function stateOf(tx: Queryable, centerId: string, c: CenterState): Promise<LinkState> {
  return { lastSeq: c.last_seq, lastRatingId: c.last_rating_id, lastConfigId: c.last_config_id, downlinkVersion: await downlinkVersion(tx, centerId) };
}

/** The center was heard from (and, with `cursor`, where it now stands): one statement at the end of a batch. */
async function touch(tx: Queryable, centerId: string, now: number, live: UplinkBatch['live'], ingested: boolean, cursor?: Omit<LinkState, 'downlinkVersion'>): Promise<void> {
  await tx.query(
    `UPDATE centers SET last_seen_at = $2, live = COALESCE($3::jsonb, live), last_ingest_at = CASE WHEN $4 THEN $2 ELSE last_ingest_at END,
       last_seq = COALESCE($5, last_seq), last_rating_id = COALESCE($6, last_rating_id), last_config_id = COALESCE($7, last_config_id)
     WHERE id = $1`,
    [centerId, now, live ? JSON.stringify(live) : null, ingested, cursor?.lastSeq ?? null, cursor?.lastRatingId ?? null, cursor?.lastConfigId ?? null],
    'hub-ingest-touch',
  );
}

async function loadTickets(tx: Queryable, centerId: string, ids: string[]): Promise<Map<string, TicketFacts | null>> {
  const out = new Map<string, TicketFacts | null>();
  if (ids.length === 0) return out;
  const r = await tx.query<{ ticket_id: string; row: Record<string, unknown> }>(
    'SELECT ticket_id, row FROM center_tickets WHERE center_id = $1 AND ticket_id IN (SELECT json_array_elements_text($2::json))',
    [centerId, JSON.stringify(ids)],
    'hub-ingest-load',
  );
  for (const x of r.rows) out.set(x.ticket_id, ticketFacts(x.row));
  return out;
}
