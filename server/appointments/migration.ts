/**
 * Migration 8 (server/store/migrations.ts): appointments and their settings, and the slot a checked-in
 * booking's ticket carries. What is personal and how long it stays: server/appointments/README.md.
 */
import type { Db } from '../store/db';

export function createAppointmentTables(db: Db): void {
  db.exec(`
    -- Per-center booking settings (JSON, read with defaults: settings.ts) and the key of the person hashes,
    -- 32 random bytes made once per center (person-key.ts). Not in centers.settings: every screen receives that.
    CREATE TABLE IF NOT EXISTS appointment_settings (
      center_id TEXT PRIMARY KEY REFERENCES centers(id),
      settings TEXT NOT NULL DEFAULT '{}',
      person_key_secret TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS appointments (
      center_id TEXT NOT NULL REFERENCES centers(id),
      -- six characters without 0 O 1 I L U: what the citizen holds to check in or cancel
      code TEXT NOT NULL,
      service_id TEXT NOT NULL,
      -- the service's procedure field when booked: the per-field limit counts by it
      field TEXT NOT NULL DEFAULT '',
      -- the center's local day and slot start, and the same instant in epoch ms
      date TEXT NOT NULL,
      time TEXT NOT NULL,
      slot_at INTEGER NOT NULL,
      -- HMAC-SHA-256 of the ID number under the center's key: never the number itself
      person_key TEXT NOT NULL,
      -- personal data, optional, emptied purge_after_days after the date (purged_at says when)
      phone TEXT,
      name TEXT,
      status TEXT NOT NULL CHECK (status IN ('booked', 'checked-in', 'cancelled', 'no-show', 'expired')),
      ticket_id TEXT,
      created_at INTEGER NOT NULL,
      checked_in_at INTEGER,
      cancelled_at INTEGER,
      -- no-show or expired: when it was found
      closed_at INTEGER,
      purged_at INTEGER,
      reminder_sent_at INTEGER,
      ahead_sent_at INTEGER,
      PRIMARY KEY (center_id, code)
    );
    CREATE INDEX IF NOT EXISTS appointments_slot ON appointments (center_id, service_id, date, time, status);
    CREATE INDEX IF NOT EXISTS appointments_person ON appointments (center_id, person_key, date);
    CREATE INDEX IF NOT EXISTS appointments_day ON appointments (center_id, date, status);
    CREATE INDEX IF NOT EXISTS appointments_ticket ON appointments (ticket_id) WHERE ticket_id IS NOT NULL;
  `);
  // The slot a checked-in booking's ticket carries (server/queue/routing.ts calls it from then on).
  const columns = db.prepare('PRAGMA table_info(tickets)').all() as { name: string }[];
  if (!columns.some((c) => c.name === 'slot_at')) db.exec('ALTER TABLE tickets ADD COLUMN slot_at INTEGER');
}
