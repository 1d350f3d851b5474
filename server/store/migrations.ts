/**
 * Versioned schema. Append new migrations; never edit a released one.
 * Every table carries center_id so one database (or later one Postgres) can hold a province.
 */
import type { Db } from './db';
import { moveInheritedRoutingToTargetWait } from './routing-default-migration';
import { createAppointmentTables } from '../appointments/migration';
import { CREATE_ROLLUP_DIMS, CREATE_ROLLUP_TABLES } from '../reports/rollups';

interface Migration {
  version: number;
  name: string;
  up: (db: Db) => void;
}

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'queue core',
    up: (db) =>
      db.exec(`
        CREATE TABLE centers (
          id TEXT PRIMARY KEY,
          name TEXT NOT NULL,
          name_en TEXT NOT NULL DEFAULT '',
          address TEXT NOT NULL DEFAULT '',
          time_zone TEXT NOT NULL,
          settings TEXT NOT NULL,
          seq INTEGER NOT NULL DEFAULT 0,
          business_day TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE services (
          center_id TEXT NOT NULL REFERENCES centers(id),
          id TEXT NOT NULL,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          name_en TEXT NOT NULL,
          field TEXT NOT NULL DEFAULT '',
          prefix TEXT NOT NULL DEFAULT '',
          number_start INTEGER NOT NULL,
          number_end INTEGER NOT NULL,
          daily_quota INTEGER,
          opening_hours TEXT,
          target_wait_minutes INTEGER NOT NULL,
          default_service_minutes INTEGER NOT NULL,
          icon TEXT NOT NULL DEFAULT '',
          active INTEGER NOT NULL DEFAULT 1,
          sort_order INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (center_id, id)
        );
        CREATE TABLE counters (
          center_id TEXT NOT NULL REFERENCES centers(id),
          id TEXT NOT NULL,
          number INTEGER NOT NULL,
          name TEXT NOT NULL,
          service_ids TEXT NOT NULL,
          area TEXT NOT NULL DEFAULT '',
          staff_id TEXT,
          active INTEGER NOT NULL DEFAULT 1,
          -- live state, written in the same transaction as the ticket it concerns
          current_ticket_id TEXT,
          paused INTEGER NOT NULL DEFAULT 0,
          pause_reason TEXT,
          priority_streak INTEGER NOT NULL DEFAULT 0,
          state_staff_id TEXT,
          state_updated_at INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (center_id, id),
          UNIQUE (center_id, number)
        );
        CREATE TABLE priority_categories (
          center_id TEXT NOT NULL REFERENCES centers(id),
          id TEXT NOT NULL,
          code TEXT NOT NULL,
          name TEXT NOT NULL,
          name_en TEXT NOT NULL,
          weight INTEGER NOT NULL,
          icon TEXT NOT NULL DEFAULT '',
          active INTEGER NOT NULL DEFAULT 1,
          sort_order INTEGER NOT NULL DEFAULT 0,
          PRIMARY KEY (center_id, id)
        );
        CREATE TABLE staff (
          id TEXT PRIMARY KEY,
          center_id TEXT NOT NULL REFERENCES centers(id),
          username TEXT NOT NULL UNIQUE,
          display_name TEXT NOT NULL,
          role TEXT NOT NULL CHECK (role IN ('staff','director','admin')),
          password_hash TEXT NOT NULL,
          counter_id TEXT,
          active INTEGER NOT NULL DEFAULT 1,
          must_change_password INTEGER NOT NULL DEFAULT 0,
          failed_logins INTEGER NOT NULL DEFAULT 0,
          locked_until INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL
        );
        CREATE TABLE sessions (
          token_hash TEXT PRIMARY KEY,
          staff_id TEXT NOT NULL REFERENCES staff(id),
          created_at INTEGER NOT NULL,
          expires_at INTEGER NOT NULL
        );
        CREATE TABLE tickets (
          id TEXT PRIMARY KEY,
          center_id TEXT NOT NULL REFERENCES centers(id),
          service_id TEXT NOT NULL,
          business_day TEXT NOT NULL,
          seq_no INTEGER NOT NULL,
          number TEXT NOT NULL,
          priority_id TEXT,
          priority_weight INTEGER NOT NULL DEFAULT 0,
          status TEXT NOT NULL,
          issued_at INTEGER NOT NULL,
          queued_at INTEGER NOT NULL,
          first_called_at INTEGER,
          called_at INTEGER,
          started_at INTEGER,
          completed_at INTEGER,
          counter_id TEXT,
          staff_id TEXT,
          target_counter_id TEXT,
          recall_count INTEGER NOT NULL DEFAULT 0,
          transfer_count INTEGER NOT NULL DEFAULT 0,
          kiosk_id TEXT,
          note TEXT,
          -- the service the ticket was issued for (transfers change service_id)
          issued_service_id TEXT NOT NULL,
          UNIQUE (center_id, issued_service_id, business_day, seq_no)
        );
        CREATE INDEX tickets_active ON tickets (center_id, status) WHERE status IN ('waiting','called','serving');
        CREATE INDEX tickets_day ON tickets (center_id, business_day);
        CREATE TABLE ticket_events (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          center_id TEXT NOT NULL,
          seq INTEGER NOT NULL,
          at INTEGER NOT NULL,
          type TEXT NOT NULL,
          ticket_id TEXT,
          counter_id TEXT,
          staff_id TEXT,
          data TEXT NOT NULL
        );
        CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id);
        CREATE INDEX ticket_events_seq ON ticket_events (center_id, seq);
        CREATE TABLE idempotency_keys (
          scope TEXT NOT NULL,
          key TEXT NOT NULL,
          response TEXT NOT NULL,
          created_at INTEGER NOT NULL,
          PRIMARY KEY (scope, key)
        );
        CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          center_id TEXT,
          at INTEGER NOT NULL,
          staff_id TEXT,
          action TEXT NOT NULL,
          target TEXT,
          data TEXT NOT NULL DEFAULT '{}'
        );
        -- Append-only: history is never rewritten.
        CREATE TRIGGER ticket_events_no_update BEFORE UPDATE ON ticket_events BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;
        CREATE TRIGGER ticket_events_no_delete BEFORE DELETE ON ticket_events BEGIN SELECT RAISE(ABORT, 'ticket_events is append-only'); END;
      `),
  },
  {
    version: 2,
    name: 'ratings',
    up: (db) =>
      db.exec(`
        CREATE TABLE ratings (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          center_id TEXT NOT NULL,
          ticket_id TEXT NOT NULL UNIQUE REFERENCES tickets(id),
          counter_id TEXT,
          staff_id TEXT,
          service_id TEXT,
          -- 4 Rất hài lòng, 3 Hài lòng, 2 Bình thường, 1 Không hài lòng
          level INTEGER NOT NULL CHECK (level BETWEEN 1 AND 4),
          reasons TEXT NOT NULL DEFAULT '[]',
          at INTEGER NOT NULL
        );
        CREATE INDEX ratings_at ON ratings (center_id, at);
      `),
  },
  {
    version: 3,
    name: 'report and rating indexes',
    up: (db) =>
      db.exec(`
        -- Director reports scan a period's tickets in issue order (summary, tickets.csv).
        CREATE INDEX tickets_report ON tickets (center_id, business_day, issued_at);
        -- The rating tablet asks for its counter's last finished ticket.
        CREATE INDEX tickets_counter_done ON tickets (center_id, counter_id, completed_at) WHERE status = 'done';
        -- events.csv reads the event log by time.
        CREATE INDEX ticket_events_at ON ticket_events (center_id, at);
        -- A rating counts on its ticket's business day; kept on the rating so reports need no join.
        ALTER TABLE ratings ADD COLUMN business_day TEXT;
        UPDATE ratings SET business_day = (SELECT t.business_day FROM tickets t WHERE t.id = ratings.ticket_id);
        CREATE INDEX ratings_day ON ratings (center_id, business_day);
        -- Any writer that leaves it out still gets it right.
        CREATE TRIGGER ratings_business_day AFTER INSERT ON ratings WHEN NEW.business_day IS NULL BEGIN
          UPDATE ratings SET business_day = (SELECT t.business_day FROM tickets t WHERE t.id = NEW.ticket_id) WHERE id = NEW.id;
        END;
      `),
  },
  {
    version: 4,
    name: 'print jobs',
    up: (db) =>
      db.exec(`
        -- Accepted print jobs, so a restart neither loses a slip nor forgets which ones never printed.
        -- 'printing' is never written: a job cut off mid-write by a restart is still 'queued'.
        CREATE TABLE print_jobs (
          id TEXT PRIMARY KEY,
          center_id TEXT NOT NULL REFERENCES centers(id),
          printer_id TEXT NOT NULL,
          ticket_id TEXT,
          kind TEXT NOT NULL,
          -- the job as laid out (PrintJobInput, JSON): a restart encodes it again for the printer
          input TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('queued', 'retrying', 'printed', 'failed', 'expired')),
          attempts INTEGER NOT NULL DEFAULT 0,
          bytes INTEGER NOT NULL DEFAULT 0,
          created_at INTEGER NOT NULL,
          printed_at INTEGER,
          error TEXT,
          resumed INTEGER NOT NULL DEFAULT 0,
          expired_reason TEXT
        );
        CREATE INDEX print_jobs_pending ON print_jobs (state) WHERE state IN ('queued', 'retrying');
        CREATE INDEX print_jobs_printer ON print_jobs (printer_id, created_at);
        CREATE INDEX print_jobs_ticket ON print_jobs (ticket_id, created_at) WHERE ticket_id IS NOT NULL;
      `),
  },
  {
    version: 5,
    name: 'devices',
    up: (db) =>
      db.exec(`
        -- Kiosks, displays, rating tablets and counter PCs the center knows (protocol/devices.ts).
        -- The device keeps a random token in a cookie; only its SHA-256 is stored here.
        CREATE TABLE devices (
          id TEXT PRIMARY KEY,
          center_id TEXT NOT NULL REFERENCES centers(id),
          kind TEXT NOT NULL,
          name TEXT NOT NULL,
          counter_id TEXT,
          printer_id TEXT,
          -- a printer of this kiosk alone (printer service 'device-<id>'), else NULL
          printer_url TEXT,
          token_hash TEXT NOT NULL UNIQUE,
          -- six digits shown on the device while it waits for approval, NULL once decided
          code TEXT,
          status TEXT NOT NULL CHECK (status IN ('pending', 'active', 'revoked')),
          created_at INTEGER NOT NULL,
          approved_at INTEGER,
          approved_by TEXT,
          revoked_at INTEGER,
          last_seen_at INTEGER,
          last_address TEXT,
          user_agent TEXT
        );
        CREATE UNIQUE INDEX devices_pending_code ON devices (center_id, code) WHERE status = 'pending';
        CREATE INDEX devices_center ON devices (center_id, status);
        -- Per-center pairing settings. Not in centers.settings: that JSON is the queue's configuration, shown to
        -- every screen and reloaded into the queue on each change; approving devices by itself is a security
        -- switch only the devices module reads. No row = off, so an existing database starts with it off.
        CREATE TABLE device_settings (
          center_id TEXT PRIMARY KEY REFERENCES centers(id),
          auto_approve INTEGER NOT NULL DEFAULT 0
        );
      `),
  },
  {
    version: 6,
    name: 'target-wait routing by default',
    up: (db) => moveInheritedRoutingToTargetWait(db, Date.now()),
  },
  {
    version: 7,
    name: 'province hub link',
    up: (db) =>
      db.exec(`
        -- IF NOT EXISTS: a test that replays migrations from 6 on runs this one twice.
        -- The center's enrolment at its province hub (server/hub-link/). The credential is what the center sends
        -- as its Bearer token: the hub keeps only its hash, so the center must keep it as given.
        CREATE TABLE IF NOT EXISTS hub_link (
          center_id TEXT PRIMARY KEY REFERENCES centers(id),
          hub_url TEXT NOT NULL,
          hub_center_id TEXT NOT NULL,
          hub_center_code TEXT NOT NULL DEFAULT '',
          hub_center_name TEXT NOT NULL DEFAULT '',
          credential TEXT NOT NULL,
          enrolled_at INTEGER NOT NULL,
          -- the newest downlink version applied here (the hub's LinkState.downlinkVersion is the newest published)
          downlink_version INTEGER NOT NULL DEFAULT 0,
          -- the hub's last acknowledged seq and the last exchange, kept now and then for the health of the link
          -- before the hub is reached again after a restart (the hub's LinkState stays the only resume point)
          acked_seq INTEGER NOT NULL DEFAULT 0,
          last_sync_at INTEGER
        );
        -- What the province published, as received: holidays and service templates have no other home in a center.
        CREATE TABLE IF NOT EXISTS hub_downlink (
          center_id TEXT NOT NULL REFERENCES centers(id),
          version INTEGER NOT NULL,
          kind TEXT NOT NULL,
          published_at INTEGER NOT NULL,
          data TEXT NOT NULL,
          applied_at INTEGER NOT NULL,
          -- what the center did with it (JSON: counts, skipped items and why)
          outcome TEXT NOT NULL DEFAULT '{}',
          PRIMARY KEY (center_id, version)
        );
        CREATE INDEX IF NOT EXISTS hub_downlink_kind ON hub_downlink (center_id, kind, version);
      `),
  },
  {
    version: 8,
    name: 'appointments',
    // Appointments, their settings and person key, and the ticket's slot (server/appointments/migration.ts).
    up: createAppointmentTables,
  },
  {
    version: 9,
    name: 'summary rollups',
    // Per-day rollups of the director's summary for closed days (server/reports/rollups.ts); built after start.
    up: (db) => db.exec(CREATE_ROLLUP_TABLES),
  },
  {
    version: 10,
    name: 'summary rollups by grouping',
    // The same days folded by grouping, what an unfiltered summary reads (server/reports/rollups.ts).
    up: (db) => db.exec(CREATE_ROLLUP_DIMS),
  },
];

export function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at INTEGER NOT NULL)');
  const applied = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const m of MIGRATIONS) {
    if (applied.has(m.version)) continue;
    db.transaction(() => {
      m.up(db);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(m.version, m.name, Date.now());
    })();
  }
}

export function schemaVersion(db: Db): number {
  return (db.prepare('SELECT MAX(version) FROM schema_migrations').pluck().get() as number | null) ?? 0;
}
