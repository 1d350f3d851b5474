/**
 * The one way an admin change is applied: write + audit in one transaction,
 * then reload the queue's configuration and tell every screen to refetch.
 * The queue keeps its live tickets across the reload (setConfig swaps config only).
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { appendAudit } from '../store/config-store';

export interface ChangeRecord {
  /** e.g. 'service.update' */
  action: string;
  target: string | null;
  before: unknown;
  after: unknown;
}

export function centerOf(req: FastifyRequest): string {
  return req.staff!.centerId;
}

export function applyChange(app: FastifyInstance, req: FastifyRequest, change: ChangeRecord, write: () => void, options: { reload?: boolean } = {}): void {
  applyChangeAs(app, { centerId: centerOf(req), staffId: req.staff!.id }, change, write, options);
}

/**
 * The same path for a change no signed-in admin made: the province hub's downlink (server/hub-link/) applies what
 * the province published with `staffId: null` and an action named `province.*`.
 */
export function applyChangeAs(
  app: FastifyInstance,
  actor: { centerId: string; staffId: string | null },
  change: ChangeRecord,
  write: () => void,
  options: { reload?: boolean } = {},
): void {
  const { centerId } = actor;
  app.db.transaction(() => {
    write();
    appendAudit(app.db, {
      centerId,
      at: app.clock.now(),
      staffId: actor.staffId,
      action: change.action,
      target: change.target,
      data: { before: change.before ?? null, after: change.after ?? null },
    });
  })();
  if (options.reload !== false) {
    app.queue.reloadConfig(centerId);
    app.broadcastConfigChanged(centerId);
  }
}
