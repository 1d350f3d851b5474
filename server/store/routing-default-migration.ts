/**
 * Migration 6: centers that never chose a routing mode move to the new default, 'target-wait'.
 *
 * Every center was created with 'service-order' written into its settings, so the settings alone cannot
 * tell a choice from an inheritance; the audit log can: an admin who chose 'service-order' left a
 * 'center.update' row that changed the mode to it. Those centers, and every 'earliest' one, keep their
 * mode. The others only change when some line is past its target (otherwise 'target-wait' calls exactly
 * as 'service-order' did), and the change is written to the audit log so the admin sees why.
 */
import type { Db } from './db';

const INHERITED = `
  SELECT id FROM centers c
  WHERE json_extract(c.settings, '$.routing') = 'service-order'
    AND NOT EXISTS (
      SELECT 1 FROM audit_log a
      WHERE a.center_id = c.id AND a.action = 'center.update'
        AND json_extract(a.data, '$.after.settings.routing') = 'service-order'
        AND json_extract(a.data, '$.before.settings.routing') IS NOT 'service-order'
    )`;

export function moveInheritedRoutingToTargetWait(db: Db, now: number): void {
  const centers = db.prepare(INHERITED).pluck().all() as string[];
  const setMode = db.prepare(`UPDATE centers SET settings = json_set(settings, '$.routing', 'target-wait') WHERE id = ?`);
  const audit = db.prepare(`INSERT INTO audit_log (center_id, at, staff_id, action, target, data) VALUES (?, ?, NULL, 'center.routing-default', ?, ?)`);
  const data = JSON.stringify({ before: { routing: 'service-order' }, after: { routing: 'target-wait' }, reason: 'new default; never chosen by an admin' });
  for (const id of centers) {
    setMode.run(id);
    audit.run(id, now, id, data);
  }
}
