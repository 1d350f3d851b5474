/** Center configuration writes (seed and admin). Queue state is written only by the queue store. */
import type { Center, Counter, PriorityCategory, Service } from '../../protocol/domain';
import type { Db } from './db';
import { counterToRow, priorityToRow, serviceToRow, staffFromRow, type StaffAccount } from './rows';

function upsertSql(table: string, row: Record<string, unknown>, key: string[]): string {
  const cols = Object.keys(row);
  const updates = cols.filter((c) => !key.includes(c)).map((c) => `${c} = excluded.${c}`);
  return `INSERT INTO ${table} (${cols.join(', ')}) VALUES (${cols.map((c) => '@' + c).join(', ')})
    ON CONFLICT (${key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
}

export function upsertCenter(db: Db, center: Center): void {
  const row = {
    id: center.id,
    name: center.name,
    name_en: center.nameEn,
    address: center.address,
    time_zone: center.timeZone,
    settings: JSON.stringify(center.settings),
  };
  db.prepare(upsertSql('centers', row, ['id'])).run(row);
}

export function upsertService(db: Db, centerId: string, service: Service): void {
  const row = serviceToRow(centerId, service);
  db.prepare(upsertSql('services', row, ['center_id', 'id'])).run(row);
}

export function upsertCounter(db: Db, centerId: string, counter: Counter): void {
  const row = counterToRow(centerId, counter);
  db.prepare(upsertSql('counters', row, ['center_id', 'id'])).run(row);
}

export function upsertPriority(db: Db, centerId: string, p: PriorityCategory): void {
  const row = priorityToRow(centerId, p);
  db.prepare(upsertSql('priority_categories', row, ['center_id', 'id'])).run(row);
}

export interface NewStaff {
  id: string;
  centerId: string;
  username: string;
  displayName: string;
  role: StaffAccount['role'];
  passwordHash: string;
  counterId?: string | null;
  mustChangePassword?: boolean;
  createdAt: number;
}

export function insertStaff(db: Db, s: NewStaff): void {
  db.prepare(
    `INSERT INTO staff (id, center_id, username, display_name, role, password_hash, counter_id, must_change_password, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(s.id, s.centerId, s.username, s.displayName, s.role, s.passwordHash, s.counterId ?? null, s.mustChangePassword ? 1 : 0, s.createdAt);
}

export function listStaff(db: Db, centerId: string): StaffAccount[] {
  return (db.prepare('SELECT * FROM staff WHERE center_id = ? ORDER BY username').all(centerId) as Record<string, unknown>[]).map(staffFromRow);
}

export function appendAudit(db: Db, entry: { centerId: string | null; at: number; staffId: string | null; action: string; target?: string | null; data?: unknown }): void {
  db.prepare('INSERT INTO audit_log (center_id, at, staff_id, action, target, data) VALUES (?, ?, ?, ?, ?, ?)').run(
    entry.centerId,
    entry.at,
    entry.staffId,
    entry.action,
    entry.target ?? null,
    JSON.stringify(entry.data ?? {}),
  );
}
