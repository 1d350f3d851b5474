/**
 * First start on an empty database: SEED=demo builds the demo commune center;
 * SEED=none builds an empty center with one admin whose one-time password is printed.
 */
import { randomUUID } from 'node:crypto';
import type { Db } from '../store/db';
import { insertStaff, upsertCenter, upsertCounter, upsertPriority, upsertService } from '../store/config-store';
import { hashPasswordSync, generatePassword } from '../auth/password';
import { DEFAULT_SETTINGS, DEMO_COUNTERS, DEMO_PRIORITIES, DEMO_SERVICES, DEMO_STAFF, demoCenter } from './demo-center';
import { seedProcedures } from './procedures';
import { DeviceStore } from '../devices/device-store';

export interface SeedOptions {
  mode: 'demo' | 'none';
  demoPassword: string;
  timeZone: string;
  now: number;
}

export interface SeedAccount {
  username: string;
  role: string;
  password: string;
  oneTime: boolean;
}

export function isEmpty(db: Db): boolean {
  return (db.prepare('SELECT COUNT(*) FROM centers').pluck().get() as number) === 0;
}

/** Returns the accounts created (to print once), or [] when the database already had a center. */
export function seedIfEmpty(db: Db, options: SeedOptions): SeedAccount[] {
  if (!isEmpty(db)) return [];
  return db.transaction(() => (options.mode === 'demo' ? seedDemo(db, options) : seedBare(db, options)))();
}

function seedDemo(db: Db, options: SeedOptions): SeedAccount[] {
  const center = demoCenter(options.timeZone);
  upsertCenter(db, center);
  for (const s of DEMO_SERVICES) upsertService(db, center.id, s);
  for (const c of DEMO_COUNTERS) upsertCounter(db, center.id, c);
  for (const p of DEMO_PRIORITIES) upsertPriority(db, center.id, p);
  // One hash for all demo accounts: they share the printed demo password anyway.
  const hash = hashPasswordSync(options.demoPassword);
  for (const s of DEMO_STAFF) {
    insertStaff(db, { id: `stf-${s.username}`, centerId: center.id, username: s.username, displayName: s.displayName, role: s.role, passwordHash: hash, createdAt: options.now });
  }
  seedProcedures(db, center.id);
  // The demo pairs its kiosks and displays without an admin; a production center (SEED=none) approves each one.
  new DeviceStore(db).setAutoApprove(center.id, true);
  return DEMO_STAFF.map((s) => ({ username: s.username, role: s.role, password: options.demoPassword, oneTime: false }));
}

function seedBare(db: Db, options: SeedOptions): SeedAccount[] {
  const center = { id: 'center', name: 'Trung tâm Phục vụ hành chính công', nameEn: 'Public Administration Service Center', address: '', timeZone: options.timeZone, settings: DEFAULT_SETTINGS };
  upsertCenter(db, center);
  const password = generatePassword();
  insertStaff(db, {
    id: `stf-${randomUUID()}`,
    centerId: center.id,
    username: 'admin',
    displayName: 'Quản trị hệ thống',
    role: 'admin',
    passwordHash: hashPasswordSync(password),
    mustChangePassword: true,
    createdAt: options.now,
  });
  return [{ username: 'admin', role: 'admin', password, oneTime: true }];
}
