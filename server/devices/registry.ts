/**
 * The devices a center knows, as the rest of the server uses them (`app.devices`): who a request or a socket
 * comes from, pairing, approval, editing, revoking and last contact.
 *
 * Active devices are kept in memory by token hash: every request with a device cookie is answered without
 * touching the database, and this module is the only writer of the table, so the copy cannot drift.
 * Last contact is written at most once a minute per device.
 */
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { DEVICE_COOKIE, type DeviceKind } from '../../protocol/devices';
import { DomainError } from '../../protocol/errors';
import { cookieFromHeader } from '../auth/sessions';
import { DeviceStore, type Contact, type DeviceRecord, type DeviceSettings } from './device-store';
import type { Db } from '../store/db';

/** An approved device, as routes see it (`req.device`). */
export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
  counterId: string | null;
  printerId: string | null;
}

/** A pairing request waits this long for an admin, then its code is forgotten. */
export const PENDING_TTL_MS = 3600_000;
/** More pending requests than this are refused: a phone cannot fill the admin's list. */
export const MAX_PENDING = 20;
export const CONTACT_WRITE_INTERVAL_MS = 60_000;

export const hashDeviceToken = (token: string) => createHash('sha256').update(token).digest('hex');
const newCode = () => String(randomInt(0, 1_000_000)).padStart(6, '0');

/** Runs inside the change's transaction: the audit row is written with the change or not at all. */
export type Audit = (before: DeviceRecord | null, after: DeviceRecord) => void;

const toDevice = (r: DeviceRecord): Device => ({ id: r.id, kind: r.kind, name: r.name, counterId: r.counterId, printerId: r.printerId });

export class DeviceRegistry {
  private readonly store: DeviceStore;
  private readonly active = new Map<string, Device>();
  private readonly tokenOf = new Map<string, string>();
  private readonly lastWrite = new Map<string, number>();
  private readonly revokedListeners = new Set<(deviceId: string) => void>();
  private readonly changedListeners = new Set<(device: DeviceRecord) => void>();

  constructor(
    db: Db,
    private readonly log: { error: (obj: object, msg: string) => void },
  ) {
    this.store = new DeviceStore(db);
    for (const { record, tokenHash } of this.store.allActive()) this.cache(record, tokenHash);
  }

  /** The active device holding this token, else null (pending, revoked, unknown). */
  fromToken(token: string | undefined): Device | null {
    if (!token || token.length > 100) return null;
    return this.active.get(hashDeviceToken(token)) ?? null;
  }

  fromCookieHeader(header: string | undefined): Device | null {
    return this.fromToken(cookieFromHeader(header, DEVICE_COOKIE));
  }

  /** The device holding this token whatever its state (what `GET /api/devices/me` shows), else null. */
  self(token: string | undefined, now: number): DeviceRecord | null {
    if (!token || token.length > 100) return null;
    const record = this.store.byTokenHash(hashDeviceToken(token));
    if (!record || (record.status === 'pending' && record.createdAt < now - PENDING_TTL_MS)) return null;
    return record;
  }

  recordContact(device: Device, contact: Contact): void {
    const last = this.lastWrite.get(device.id);
    if (last !== undefined && contact.at - last < CONTACT_WRITE_INTERVAL_MS) return;
    this.lastWrite.set(device.id, contact.at);
    this.store.touch(device.id, contact);
  }

  /**
   * A new pairing request: a pending device with a code no other pending device shows. A browser that was already
   * waiting (its old token) gives up its old request instead of holding two. Auto-approval makes it active at once.
   */
  pair(input: { centerId: string; kind: DeviceKind; counterId: string | null; printerId: string | null; name: string; replacing: string | undefined; contact: Contact; approve: ((d: DeviceRecord) => DeviceSettings | null) | null; audit: Audit }): { token: string; device: DeviceRecord } {
    const token = randomBytes(32).toString('base64url');
    const id = randomBytes(6).toString('hex');
    const now = input.contact.at;
    const record = this.store.transaction(() => {
      this.store.deletePendingBefore(now - PENDING_TTL_MS);
      const old = this.self(input.replacing, now);
      if (old?.status === 'pending') this.store.deletePending(old.id);
      if (this.store.countPending(input.centerId) >= MAX_PENDING) throw new DomainError('PAIRING_PENDING_FULL');
      let code = newCode();
      while (this.store.pendingByCode(input.centerId, code)) code = newCode();
      this.store.insertPending({ id, centerId: input.centerId, kind: input.kind, name: input.name, counterId: input.counterId, printerId: input.printerId, tokenHash: hashDeviceToken(token), code, contact: input.contact });
      const pending = this.store.byId(input.centerId, id)!;
      const settings = input.approve?.(pending);
      if (!settings) return pending;
      this.store.activate(id, settings, now, 'auto-approve');
      const active = this.store.byId(input.centerId, id)!;
      input.audit(pending, active);
      return active;
    });
    if (record.status === 'active') this.publish(record);
    return { token, device: record };
  }

  /** Approve the pending device showing `code`, with the admin's settings. */
  approve(centerId: string, code: string, settingsFor: (pending: DeviceRecord) => DeviceSettings, by: { staffId: string; at: number }, audit: Audit): DeviceRecord {
    const record = this.store.transaction(() => {
      this.store.deletePendingBefore(by.at - PENDING_TTL_MS);
      const pending = this.store.pendingByCode(centerId, code);
      if (!pending) throw new DomainError('PAIRING_CODE_UNKNOWN');
      this.store.activate(pending.id, settingsFor(pending), by.at, by.staffId);
      const after = this.store.byId(centerId, pending.id)!;
      audit(pending, after);
      return after;
    });
    this.publish(record);
    return record;
  }

  /** New settings for an active device. */
  update(centerId: string, id: string, settingsFor: (current: DeviceRecord) => DeviceSettings, audit: Audit): DeviceRecord {
    const record = this.store.transaction(() => {
      const before = this.store.byId(centerId, id);
      if (!before || before.status !== 'active') throw new DomainError('DEVICE_NOT_FOUND');
      this.store.updateSettings(id, settingsFor(before));
      const after = this.store.byId(centerId, id)!;
      audit(before, after);
      return after;
    });
    this.publish(record);
    return record;
  }

  /** Its token stops working at once (also a pending request: the admin refused it). Revoking twice changes nothing. */
  revoke(centerId: string, id: string, at: number, audit: Audit): DeviceRecord {
    const before = this.store.byId(centerId, id);
    if (!before) throw new DomainError('DEVICE_NOT_FOUND');
    if (before.status === 'revoked') return before;
    const record = this.store.transaction(() => {
      this.store.revoke(id, at);
      const after = this.store.byId(centerId, id)!;
      audit(before, after);
      return after;
    });
    this.publish(record);
    return record;
  }

  list(centerId: string, now: number): DeviceRecord[] {
    return this.store.list(centerId).filter((d) => d.status !== 'pending' || d.createdAt >= now - PENDING_TTL_MS);
  }

  /** Every active device: the printing plugin starts the kiosks' own printers from it. */
  activeRecords(): DeviceRecord[] {
    return this.store.allActive().map((a) => a.record);
  }

  /** The kind of any device ever paired (revoked ones too), else null. */
  kindOf(id: string): DeviceKind | null {
    return this.store.kindOf(id);
  }

  countOfKind(centerId: string, kind: DeviceKind): number {
    return this.store.countOfKind(centerId, kind);
  }

  autoApprove(centerId: string): boolean {
    return this.store.autoApprove(centerId);
  }

  setAutoApprove(centerId: string, on: boolean, audit: (before: boolean) => void): void {
    this.store.transaction(() => {
      audit(this.store.autoApprove(centerId));
      this.store.setAutoApprove(centerId, on);
    });
  }

  /** Called once the device's token no longer works; its open sockets should close. */
  onRevoked(listener: (deviceId: string) => void): () => void {
    this.revokedListeners.add(listener);
    return () => this.revokedListeners.delete(listener);
  }

  /** Called after a device was approved, edited or revoked (the printing plugin keeps device printers by it). */
  onChanged(listener: (device: DeviceRecord) => void): () => void {
    this.changedListeners.add(listener);
    return () => this.changedListeners.delete(listener);
  }

  private cache(record: DeviceRecord, tokenHash: string): void {
    this.active.set(tokenHash, toDevice(record));
    this.tokenOf.set(record.id, tokenHash);
  }

  /** After the commit: memory follows the database, then listeners are told. */
  private publish(record: DeviceRecord): void {
    const tokenHash = this.tokenOf.get(record.id) ?? this.store.tokenHashOf(record.id);
    if (record.status === 'active' && tokenHash) this.cache(record, tokenHash);
    else if (tokenHash) {
      this.active.delete(tokenHash);
      this.tokenOf.delete(record.id);
      this.lastWrite.delete(record.id);
    }
    // The change is committed: a listener that fails is logged, never turned into a refusal.
    const tell = (fn: () => void) => {
      try {
        fn();
      } catch (err) {
        this.log.error({ err, deviceId: record.id }, 'device listener failed');
      }
    };
    for (const l of this.changedListeners) tell(() => l(record));
    if (record.status === 'revoked') for (const l of this.revokedListeners) tell(() => l(record.id));
  }
}
