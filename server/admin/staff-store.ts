/** Staff account writes the shared config-store does not cover (update, password, counter binding). */
import type { Db } from '../store/db';
import { staffFromRow, type StaffAccount } from '../store/rows';

export function findStaff(db: Db, centerId: string, id: string): StaffAccount | null {
  const row = db.prepare('SELECT * FROM staff WHERE id = ? AND center_id = ?').get(id, centerId) as Record<string, unknown> | undefined;
  return row ? staffFromRow(row) : null;
}

export function usernameTaken(db: Db, username: string): boolean {
  return db.prepare('SELECT 1 FROM staff WHERE username = ?').get(username) !== undefined;
}

export function updateStaff(db: Db, id: string, patch: { displayName: string; role: StaffAccount['role']; active: boolean }): void {
  db.prepare('UPDATE staff SET display_name = ?, role = ?, active = ? WHERE id = ?').run(patch.displayName, patch.role, patch.active ? 1 : 0, id);
}

/** A reset also clears a lockout: the admin has just verified who is asking. */
export function setPassword(db: Db, id: string, hash: string, mustChange: boolean): void {
  db.prepare('UPDATE staff SET password_hash = ?, must_change_password = ?, failed_logins = 0, locked_until = 0 WHERE id = ?').run(hash, mustChange ? 1 : 0, id);
}

/** Mirror counters.staff_id onto staff.counter_id, so /api/auth/me tells the console where its user works. */
export function syncCounterBinding(db: Db, centerId: string, counterId: string, staffId: string | null): void {
  db.prepare('UPDATE staff SET counter_id = NULL WHERE center_id = ? AND counter_id = ?').run(centerId, counterId);
  if (staffId) db.prepare('UPDATE staff SET counter_id = ? WHERE center_id = ? AND id = ?').run(counterId, centerId, staffId);
}

export function activeAdminCount(db: Db, centerId: string): number {
  return db.prepare("SELECT COUNT(*) FROM staff WHERE center_id = ? AND role = 'admin' AND active = 1").pluck().get(centerId) as number;
}

/** Public view of an account: never the hash. */
export function staffView(s: StaffAccount) {
  return { id: s.id, username: s.username, displayName: s.displayName, role: s.role, counterId: s.counterId, active: s.active, mustChangePassword: s.mustChangePassword };
}
