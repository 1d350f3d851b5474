/**
 * Versioned migrations: `hub_migrations` lists the versions applied; each pending migration runs in its own
 * transaction with its row, so a failed one leaves nothing half-done and the next start tries it again. Several
 * hub nodes starting at once take an advisory lock, so one applies and the others find it done.
 * Append new migrations at the end; never edit one that has shipped.
 */
import type { HubDb } from './db';
import { BACKFILL_DAILY, CREATE_DAILY } from '../ingest/daily';
import { LOG_AS_TEXT, LOG_IN_CHUNKS } from '../ingest/log';
import { CREATE_MONTHLY } from '../ingest/monthly';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'accounts, centers, uplink log, rollups',
    sql: `
CREATE TABLE hub_accounts (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'director')),
  password_hash text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  must_change_password boolean NOT NULL DEFAULT false,
  created_at bigint NOT NULL
);

CREATE TABLE hub_sessions (
  token_hash text PRIMARY KEY,
  account_id text NOT NULL REFERENCES hub_accounts(id) ON DELETE CASCADE,
  created_at bigint NOT NULL,
  expires_at bigint NOT NULL
);
CREATE INDEX hub_sessions_account ON hub_sessions (account_id);

CREATE TABLE centers (
  id text PRIMARY KEY,
  code text NOT NULL UNIQUE,
  name text NOT NULL,
  time_zone text NOT NULL DEFAULT 'Asia/Ho_Chi_Minh',
  created_at bigint NOT NULL,
  enrolment_code_hash text UNIQUE,
  enrolment_expires_at bigint,
  enrolled_at bigint,
  credential_hash text,
  revoked_at bigint,
  last_seq bigint NOT NULL DEFAULT 0,
  last_rating_id bigint NOT NULL DEFAULT 0,
  last_config_id bigint NOT NULL DEFAULT 0,
  last_seen_at bigint,
  last_ingest_at bigint,
  live jsonb
);

-- The center's append-only log: one row per commit of its queue writer, exactly once.
CREATE TABLE center_commits (
  center_id text NOT NULL REFERENCES centers(id),
  seq bigint NOT NULL,
  at bigint NOT NULL,
  events jsonb NOT NULL,
  tickets jsonb NOT NULL,
  received_at bigint NOT NULL,
  PRIMARY KEY (center_id, seq)
);

-- Each ticket as the newest commit left it: drill-down, and what a ticket counted in the rollups before.
CREATE TABLE center_tickets (
  center_id text NOT NULL REFERENCES centers(id),
  ticket_id text NOT NULL,
  seq bigint NOT NULL,
  business_day text NOT NULL,
  row jsonb NOT NULL,
  PRIMARY KEY (center_id, ticket_id)
);
CREATE INDEX center_tickets_day ON center_tickets (center_id, business_day);

CREATE TABLE center_ratings (
  center_id text NOT NULL REFERENCES centers(id),
  id bigint NOT NULL,
  ticket_id text NOT NULL,
  counter_id text,
  staff_id text,
  service_id text,
  level smallint NOT NULL,
  reasons jsonb NOT NULL,
  at bigint NOT NULL,
  business_day text NOT NULL,
  PRIMARY KEY (center_id, id)
);

CREATE TABLE center_config_changes (
  center_id text NOT NULL REFERENCES centers(id),
  id bigint NOT NULL,
  at bigint NOT NULL,
  action text NOT NULL,
  target text,
  data jsonb,
  PRIMARY KEY (center_id, id)
);

-- Kept current at ingest: one row per center, business day, final service, counter, officer and local hour of
-- issue ('' = none). Durations in whole seconds; histograms count samples per bucket of ROLLUP_BUCKETS.
CREATE TABLE rollup_hourly (
  center_id text NOT NULL REFERENCES centers(id),
  business_day text NOT NULL,
  service_id text NOT NULL,
  counter_id text NOT NULL,
  staff_id text NOT NULL,
  hour smallint NOT NULL,
  issued integer NOT NULL DEFAULT 0,
  called integer NOT NULL DEFAULT 0,
  served integer NOT NULL DEFAULT 0,
  no_show integer NOT NULL DEFAULT 0,
  cancelled integer NOT NULL DEFAULT 0,
  open integer NOT NULL DEFAULT 0,
  wait_count integer NOT NULL DEFAULT 0,
  wait_sum bigint NOT NULL DEFAULT 0,
  wait_max integer NOT NULL DEFAULT 0,
  wait_hist integer[] NOT NULL,
  service_count integer NOT NULL DEFAULT 0,
  service_sum bigint NOT NULL DEFAULT 0,
  service_max integer NOT NULL DEFAULT 0,
  service_hist integer[] NOT NULL,
  sla_called integer NOT NULL DEFAULT 0,
  sla_met integer NOT NULL DEFAULT 0,
  rating_1 integer NOT NULL DEFAULT 0,
  rating_2 integer NOT NULL DEFAULT 0,
  rating_3 integer NOT NULL DEFAULT 0,
  rating_4 integer NOT NULL DEFAULT 0,
  PRIMARY KEY (center_id, business_day, service_id, counter_id, staff_id, hour)
);
CREATE INDEX rollup_hourly_day ON rollup_hourly (business_day);

-- What the province publishes down to its centers (center_id NULL = every center), in version order.
CREATE TABLE downlink_items (
  version bigserial PRIMARY KEY,
  center_id text REFERENCES centers(id),
  kind text NOT NULL,
  published_at bigint NOT NULL,
  data jsonb NOT NULL
);
`,
  },
  {
    version: 2,
    name: 'names of services, counters and officers; rating reasons per day',
    sql: `
-- Names the centers' configuration changes carried (service.*, counter.*, staff.*, config.snapshot): what the
-- province reports show instead of ids.
CREATE TABLE center_labels (
  center_id text NOT NULL REFERENCES centers(id),
  kind text NOT NULL CHECK (kind IN ('service', 'counter', 'staff')),
  id text NOT NULL,
  label text NOT NULL,
  sort_key integer,
  PRIMARY KEY (center_id, kind, id)
);

-- Rating reasons counted at ingest, per center, business day, final service and officer ('' = none).
CREATE TABLE rollup_reasons (
  center_id text NOT NULL REFERENCES centers(id),
  business_day text NOT NULL,
  service_id text NOT NULL,
  staff_id text NOT NULL,
  reason text NOT NULL,
  n integer NOT NULL,
  PRIMARY KEY (center_id, business_day, service_id, staff_id, reason)
);
`,
  },
  {
    version: 3,
    name: 'daily rollups per grouping, histograms in columns',
    sql: CREATE_DAILY + BACKFILL_DAILY,
  },
  {
    version: 4,
    name: 'bookings relayed to the centers',
    sql: `
-- The last booking snapshot each center published (services, free places, public booking info: nothing personal),
-- and when its booking relay last asked for requests (what "bookings possible now" means on /book/).
CREATE TABLE booking_centers (
  center_id text PRIMARY KEY REFERENCES centers(id),
  snapshot jsonb,
  snapshot_at bigint,
  polled_at bigint
);

-- A citizen's request waiting for its center, then the center's answer. \`person\` (ID number, phone, name) is
-- the only personal part: emptied when the center answers, when the hub gives up, and at most a few minutes after
-- the request in any case (hub/routes/book-store.ts).
CREATE TABLE booking_requests (
  id text PRIMARY KEY,
  center_id text NOT NULL REFERENCES centers(id),
  idempotency_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('book', 'cancel')),
  request jsonb NOT NULL,
  person jsonb,
  status text NOT NULL CHECK (status IN ('pending', 'taken', 'answered', 'expired')),
  created_at bigint NOT NULL,
  taken_at bigint,
  answered_at bigint,
  answer_status integer,
  answer jsonb
);
CREATE UNIQUE INDEX booking_requests_key ON booking_requests (center_id, idempotency_key);
CREATE INDEX booking_requests_open ON booking_requests (center_id, created_at) WHERE status IN ('pending', 'taken');
CREATE INDEX booking_requests_created ON booking_requests (created_at);
`,
  },
  {
    version: 5,
    name: 'the centers\' logs in the chunks they came in; ticket rows as sent',
    sql: LOG_IN_CHUNKS,
  },
  {
    version: 6,
    name: 'monthly rollups, filled from the daily ones',
    sql: CREATE_MONTHLY,
  },
  {
    version: 7,
    name: 'the hourly cross-tab without histograms',
    // Nothing reads percentiles at the hour × service × counter × officer grain: the daily and monthly layers keep
    // the histograms per grouping. Two 57-bucket arrays per row were most of what an hourly upsert cost. The day
    // index went with them: the primary key (center, day, …) serves any read by center and day.
    sql: `ALTER TABLE rollup_hourly DROP COLUMN wait_hist, DROP COLUMN service_hist;
DROP INDEX rollup_hourly_day;`,
  },
  {
    version: 8,
    name: 'ingest tables without per-row foreign key checks',
    // Only ingest writes these tables, and it first locks the center's row (FOR UPDATE) and stops if the center is
    // unknown: the check the foreign keys made for every inserted row, once per batch. Centers are never deleted
    // (a revoked one keeps its row). Each check was a lookup of the center per new row: ~5–10 µs of PostgreSQL.
    sql: ['center_log', 'center_tickets', 'center_ratings', 'rollup_hourly', 'rollup_daily', 'rollup_monthly', 'rollup_reasons']
      .map((t) => `ALTER TABLE ${t} DROP CONSTRAINT IF EXISTS ${t}_center_id_fkey;`)
      .join('\n'),
  },
  {
    version: 9,
    name: 'the log\'s chunks as text',
    sql: LOG_AS_TEXT,
  },
  {
    version: 10,
    name: 'what each center fetched of what the province published',
    // The newest published version a center's downlink fetch was answered with, and when: between "not yet" and
    // "applied", the admin sees that the center has it (a center applies at its next push).
    sql: 'ALTER TABLE centers ADD COLUMN downlink_fetched_version bigint NOT NULL DEFAULT 0, ADD COLUMN downlink_fetched_at bigint;',
  },
];

const LOCK_KEY = 4_815_162; // any constant: the hub's migration lock among PostgreSQL advisory locks

/** Applies every pending migration in order; returns the versions applied now. */
export async function migrate(db: HubDb, migrations: Migration[] = MIGRATIONS): Promise<number[]> {
  // Under the lock too: two nodes creating the table at once would collide.
  await db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
    await tx.query('CREATE TABLE IF NOT EXISTS hub_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at bigint NOT NULL)');
  });
  const applied: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
    await db.transaction(async (tx) => {
      // Held to the end of this transaction: another node's migrate waits here, then sees the row.
      await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
      const done = await tx.query('SELECT 1 FROM hub_migrations WHERE version = $1', [m.version]);
      if (done.rows.length > 0) return;
      await tx.exec(m.sql);
      await tx.query('INSERT INTO hub_migrations (version, name, applied_at) VALUES ($1, $2, $3)', [m.version, m.name, Date.now()]);
      applied.push(m.version);
    });
  }
  return applied;
}
