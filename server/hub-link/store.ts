/** The center's side of its enrolment at the province hub, in the center's own SQLite (migration 7). */
import type { Db } from '../store/db';

export interface HubEnrolment {
  centerId: string;
  hubUrl: string;
  hubCenterId: string;
  hubCenterCode: string;
  hubCenterName: string;
  /** Sent as `Authorization: Bearer …`; the hub keeps only its hash. */
  credential: string;
  enrolledAt: number;
  /** The newest downlink version applied at this center. */
  downlinkVersion: number;
  /** Last known acknowledgement of the hub (for health only; resuming always asks the hub). */
  ackedSeq: number;
  lastSyncAt: number | null;
}

export function loadEnrolment(db: Db, centerId: string): HubEnrolment | null {
  const r = db.prepare('SELECT * FROM hub_link WHERE center_id = ?').get(centerId) as Record<string, unknown> | undefined;
  if (!r) return null;
  return {
    centerId: r.center_id as string,
    hubUrl: r.hub_url as string,
    hubCenterId: r.hub_center_id as string,
    hubCenterCode: r.hub_center_code as string,
    hubCenterName: r.hub_center_name as string,
    credential: r.credential as string,
    enrolledAt: r.enrolled_at as number,
    downlinkVersion: r.downlink_version as number,
    ackedSeq: r.acked_seq as number,
    lastSyncAt: (r.last_sync_at as number | null) ?? null,
  };
}

/** A new enrolment replaces the old one; the downlink starts over (the new hub's versions are its own). */
export function saveEnrolment(db: Db, e: Omit<HubEnrolment, 'downlinkVersion' | 'ackedSeq' | 'lastSyncAt'>): void {
  db.prepare(
    `INSERT INTO hub_link (center_id, hub_url, hub_center_id, hub_center_code, hub_center_name, credential, enrolled_at, downlink_version)
     VALUES (@centerId, @hubUrl, @hubCenterId, @hubCenterCode, @hubCenterName, @credential, @enrolledAt, 0)
     ON CONFLICT (center_id) DO UPDATE SET hub_url = excluded.hub_url, hub_center_id = excluded.hub_center_id,
       hub_center_code = excluded.hub_center_code, hub_center_name = excluded.hub_center_name, credential = excluded.credential,
       enrolled_at = excluded.enrolled_at, downlink_version = 0, acked_seq = 0, last_sync_at = NULL`,
  ).run(e);
}

export function setDownlinkVersion(db: Db, centerId: string, version: number): void {
  db.prepare('UPDATE hub_link SET downlink_version = ? WHERE center_id = ? AND downlink_version < ?').run(version, centerId, version);
}

export function recordDownlinkItem(
  db: Db,
  centerId: string,
  item: { version: number; kind: string; publishedAt: number; data: unknown },
  appliedAt: number,
  outcome: unknown,
): void {
  db.prepare(
    `INSERT INTO hub_downlink (center_id, version, kind, published_at, data, applied_at, outcome) VALUES (?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (center_id, version) DO NOTHING`,
  ).run(centerId, item.version, item.kind, item.publishedAt, JSON.stringify(item.data ?? null), appliedAt, JSON.stringify(outcome ?? {}));
}

/** The newest item of one kind the province sent (holidays, service templates…), or null. */
export function latestDownlink(db: Db, centerId: string, kind: string): { version: number; publishedAt: number; data: unknown; outcome: unknown } | null {
  const r = db.prepare('SELECT version, published_at, data, outcome FROM hub_downlink WHERE center_id = ? AND kind = ? ORDER BY version DESC LIMIT 1').get(centerId, kind) as
    | { version: number; published_at: number; data: string; outcome: string }
    | undefined;
  return r ? { version: r.version, publishedAt: r.published_at, data: JSON.parse(r.data), outcome: JSON.parse(r.outcome) } : null;
}

export function saveProgress(db: Db, centerId: string, ackedSeq: number, lastSyncAt: number | null): void {
  db.prepare('UPDATE hub_link SET acked_seq = ?, last_sync_at = ? WHERE center_id = ?').run(ackedSeq, lastSyncAt, centerId);
}
