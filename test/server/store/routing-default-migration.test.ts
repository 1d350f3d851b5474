/** Migration 6: a center that inherited 'service-order' moves to 'target-wait'; a chosen mode stays. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RoutingMode } from '../../../protocol/domain';
import { openDatabase, type Db } from '../../../server/store/db';
import { migrate } from '../../../server/store/migrations';
import { appendAudit, upsertCenter } from '../../../server/store/config-store';
import { DEFAULT_SETTINGS } from '../../../server/seed/demo-center';
import { seedIfEmpty } from '../../../server/seed/seed';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A database as version 5 left it, with one center per given routing mode (ids 'c0', 'c1', …). */
function databaseBefore6(modes: RoutingMode[]): Db {
  const dir = mkdtempSync(join(tmpdir(), 'qm-mig6-'));
  dirs.push(dir);
  const db = openDatabase(join(dir, 'db.sqlite'));
  db.prepare('DELETE FROM schema_migrations WHERE version >= 6').run();
  modes.forEach((routing, i) => upsertCenter(db, { id: `c${i}`, name: `Trung tâm ${i}`, nameEn: '', address: '', timeZone: 'Asia/Ho_Chi_Minh', settings: { ...DEFAULT_SETTINGS, routing } }));
  return db;
}

/** An admin's save of the center settings, as the audit log keeps it. */
function adminSaved(db: Db, centerId: string, from: RoutingMode, to: RoutingMode): void {
  const center = (routing: RoutingMode) => ({ id: centerId, settings: { ...DEFAULT_SETTINGS, routing } });
  appendAudit(db, { centerId, at: 1, staffId: 'stf-admin', action: 'center.update', target: centerId, data: { before: center(from), after: center(to) } });
}

const routingOf = (db: Db, id: string) => JSON.parse(db.prepare('SELECT settings FROM centers WHERE id = ?').pluck().get(id) as string).routing as RoutingMode;

describe('migration 6: target-wait routing by default', () => {
  it("moves a center that inherited 'service-order', and says so in the audit log", () => {
    const db = databaseBefore6(['service-order']);
    // Saving other settings leaves the mode as it was: not a choice of it.
    adminSaved(db, 'c0', 'service-order', 'service-order');
    migrate(db);
    expect(routingOf(db, 'c0')).toBe('target-wait');
    const audit = db.prepare("SELECT staff_id, action, data FROM audit_log WHERE action = 'center.routing-default'").all() as { staff_id: null; data: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0].staff_id).toBeNull();
    expect(JSON.parse(audit[0].data)).toMatchObject({ before: { routing: 'service-order' }, after: { routing: 'target-wait' } });
    const settings = JSON.parse(db.prepare("SELECT settings FROM centers WHERE id = 'c0'").pluck().get() as string);
    expect(settings, 'every other setting kept').toEqual({ ...DEFAULT_SETTINGS, routing: 'target-wait' });
    db.close();
  });

  it("keeps 'service-order' where an admin chose it, and 'earliest' always", () => {
    const db = databaseBefore6(['service-order', 'earliest', 'service-order']);
    adminSaved(db, 'c0', 'service-order', 'earliest');
    adminSaved(db, 'c0', 'earliest', 'service-order');
    // c2 inherited it; another center's choice does not count for it.
    migrate(db);
    expect([routingOf(db, 'c0'), routingOf(db, 'c1'), routingOf(db, 'c2')]).toEqual(['service-order', 'earliest', 'target-wait']);
    expect(db.prepare("SELECT target FROM audit_log WHERE action = 'center.routing-default'").pluck().all()).toEqual(['c2']);
    db.close();
  });

  it("gives a new center 'target-wait', demo or bare", () => {
    for (const mode of ['demo', 'none'] as const) {
      const db = databaseBefore6([]);
      migrate(db);
      seedIfEmpty(db, { mode, demoPassword: 'demo', timeZone: 'Asia/Ho_Chi_Minh', now: 0 });
      const id = db.prepare('SELECT id FROM centers').pluck().get() as string;
      expect(routingOf(db, id), mode).toBe('target-wait');
      db.close();
    }
  });

  it('runs once', () => {
    const db = databaseBefore6(['service-order']);
    migrate(db);
    db.prepare(`UPDATE centers SET settings = json_set(settings, '$.routing', 'service-order')`).run();
    migrate(db);
    expect(routingOf(db, 'c0')).toBe('service-order');
    db.close();
  });
});
