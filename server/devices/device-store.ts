/** SQL of the devices table and the per-center pairing setting (migration 5). No rules here: see registry.ts. */
import type { DeviceKind, DeviceStatus } from '../../protocol/devices';
import type { Db } from '../store/db';

export interface DeviceRecord {
  id: string;
  centerId: string;
  kind: DeviceKind;
  name: string;
  counterId: string | null;
  printerId: string | null;
  /** Set when the kiosk has a printer of its own (printer service `device-<id>`). */
  printerUrl: string | null;
  status: DeviceStatus;
  code: string | null;
  createdAt: number;
  approvedAt: number | null;
  approvedBy: string | null;
  revokedAt: number | null;
  lastSeenAt: number | null;
  lastAddress: string | null;
  userAgent: string | null;
}

/** A contact as kept: the user agent cut to what a screen shows (the header may be kilobytes long). */
export const contactOf = (at: number, address: string | null, userAgent: string | undefined): Contact => ({ at, address, userAgent: userAgent?.slice(0, 300) ?? null });

/** What an admin decides about a device: the fields approval and editing write. */
export type DeviceSettings = Pick<DeviceRecord, 'kind' | 'name' | 'counterId' | 'printerId' | 'printerUrl'>;

export interface Contact {
  at: number;
  address: string | null;
  userAgent: string | null;
}

const fromRow = (r: Record<string, unknown>): DeviceRecord => ({
  id: r.id as string,
  centerId: r.center_id as string,
  kind: r.kind as DeviceKind,
  name: r.name as string,
  counterId: (r.counter_id as string | null) ?? null,
  printerId: (r.printer_id as string | null) ?? null,
  printerUrl: (r.printer_url as string | null) ?? null,
  status: r.status as DeviceStatus,
  code: (r.code as string | null) ?? null,
  createdAt: r.created_at as number,
  approvedAt: (r.approved_at as number | null) ?? null,
  approvedBy: (r.approved_by as string | null) ?? null,
  revokedAt: (r.revoked_at as number | null) ?? null,
  lastSeenAt: (r.last_seen_at as number | null) ?? null,
  lastAddress: (r.last_address as string | null) ?? null,
  userAgent: (r.user_agent as string | null) ?? null,
});

export class DeviceStore {
  constructor(private readonly db: Db) {}

  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  insertPending(d: { id: string; centerId: string; kind: DeviceKind; name: string; counterId: string | null; printerId: string | null; tokenHash: string; code: string; contact: Contact }): void {
    this.db
      .prepare(
        `INSERT INTO devices (id, center_id, kind, name, counter_id, printer_id, token_hash, code, status, created_at, last_seen_at, last_address, user_agent)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'pending', ?, ?, ?, ?)`,
      )
      .run(d.id, d.centerId, d.kind, d.name, d.counterId, d.printerId, d.tokenHash, d.code, d.contact.at, d.contact.at, d.contact.address, d.contact.userAgent);
  }

  byTokenHash(tokenHash: string): DeviceRecord | null {
    const row = this.db.prepare('SELECT * FROM devices WHERE token_hash = ?').get(tokenHash) as Record<string, unknown> | undefined;
    return row ? fromRow(row) : null;
  }

  byId(centerId: string, id: string): DeviceRecord | null {
    const row = this.db.prepare('SELECT * FROM devices WHERE center_id = ? AND id = ?').get(centerId, id) as Record<string, unknown> | undefined;
    return row ? fromRow(row) : null;
  }

  pendingByCode(centerId: string, code: string): DeviceRecord | null {
    const row = this.db.prepare("SELECT * FROM devices WHERE center_id = ? AND status = 'pending' AND code = ?").get(centerId, code) as Record<string, unknown> | undefined;
    return row ? fromRow(row) : null;
  }

  /** Every active device of every center with its token hash: the registry keeps them in memory. */
  allActive(): { record: DeviceRecord; tokenHash: string }[] {
    return (this.db.prepare("SELECT * FROM devices WHERE status = 'active'").all() as Record<string, unknown>[]).map((r) => ({ record: fromRow(r), tokenHash: r.token_hash as string }));
  }

  kindOf(id: string): DeviceKind | null {
    return (this.db.prepare('SELECT kind FROM devices WHERE id = ?').pluck().get(id) as DeviceKind | undefined) ?? null;
  }

  tokenHashOf(id: string): string | null {
    return (this.db.prepare('SELECT token_hash FROM devices WHERE id = ?').pluck().get(id) as string | undefined) ?? null;
  }

  list(centerId: string): DeviceRecord[] {
    return (this.db.prepare('SELECT * FROM devices WHERE center_id = ? ORDER BY created_at, id').all(centerId) as Record<string, unknown>[]).map(fromRow);
  }

  countPending(centerId: string): number {
    return this.db.prepare("SELECT COUNT(*) FROM devices WHERE center_id = ? AND status = 'pending'").pluck().get(centerId) as number;
  }

  /** Devices of a kind not revoked, for default names ("Ki-ốt 3"). */
  countOfKind(centerId: string, kind: DeviceKind): number {
    return this.db.prepare("SELECT COUNT(*) FROM devices WHERE center_id = ? AND kind = ? AND status != 'revoked'").pluck().get(centerId, kind) as number;
  }

  /** Pairing requests nobody approved in time are forgotten: their code can be given again. */
  deletePendingBefore(before: number): number {
    return this.db.prepare("DELETE FROM devices WHERE status = 'pending' AND created_at < ?").run(before).changes;
  }

  deletePending(id: string): void {
    this.db.prepare("DELETE FROM devices WHERE id = ? AND status = 'pending'").run(id);
  }

  activate(id: string, settings: DeviceSettings, at: number, staffId: string): void {
    this.db
      .prepare("UPDATE devices SET status = 'active', code = NULL, kind = ?, name = ?, counter_id = ?, printer_id = ?, printer_url = ?, approved_at = ?, approved_by = ? WHERE id = ?")
      .run(settings.kind, settings.name, settings.counterId, settings.printerId, settings.printerUrl, at, staffId, id);
  }

  updateSettings(id: string, settings: DeviceSettings): void {
    this.db.prepare('UPDATE devices SET kind = ?, name = ?, counter_id = ?, printer_id = ?, printer_url = ? WHERE id = ?').run(settings.kind, settings.name, settings.counterId, settings.printerId, settings.printerUrl, id);
  }

  revoke(id: string, at: number): void {
    this.db.prepare("UPDATE devices SET status = 'revoked', code = NULL, revoked_at = ? WHERE id = ?").run(at, id);
  }

  touch(id: string, contact: Contact): void {
    this.db.prepare('UPDATE devices SET last_seen_at = ?, last_address = ?, user_agent = ? WHERE id = ?').run(contact.at, contact.address, contact.userAgent, id);
  }

  autoApprove(centerId: string): boolean {
    return (this.db.prepare('SELECT auto_approve FROM device_settings WHERE center_id = ?').pluck().get(centerId) as number | undefined) === 1;
  }

  setAutoApprove(centerId: string, on: boolean): void {
    this.db.prepare('INSERT INTO device_settings (center_id, auto_approve) VALUES (?, ?) ON CONFLICT (center_id) DO UPDATE SET auto_approve = excluded.auto_approve').run(centerId, on ? 1 : 0);
  }
}
