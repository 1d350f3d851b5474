/**
 * A refused command changes nothing: not the live state, not a row of the
 * database, not the sequence number. Checked for every refusal met in random
 * sessions on the real QueueService over SQLite, and for a scripted session
 * that meets the rarer refusals on purpose.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../protocol/errors';
import type { Command } from '../../../server/queue/commands';
import { RigFactory } from '../../helpers/queue-fixtures';
import { opsArb, settingsArb, type Outcome } from './model';
import { Session, comparableState, dbSnapshot, expectSame } from './session';

const factory = new RigFactory();
afterAll(() => factory.dispose());

/** Run a command; when refused, prove nothing moved. */
function execChecked(session: Session, cmd: Command): Outcome {
  const before = { state: structuredClone(comparableState(session.state())), db: dbSnapshot(session.rig) };
  const outcome = session.exec(cmd);
  if (!outcome.ok) expectSame({ state: comparableState(session.state()), db: dbSnapshot(session.rig) }, before, `${outcome.code} changed nothing`);
  return outcome;
}

describe('refused commands', () => {
  // The time limit only guards against a hung run: the suite shares the CPUs with other files.
  it('leave state and database exactly as they were, in random sessions', () => {
    const seen = new Set<ErrorCode>();
    fc.assert(
      fc.property(settingsArb, opsArb, (settings, ops) => {
        const session = new Session(factory, settings);
        try {
          for (const op of ops) {
            const cmd = session.prepare(op);
            if (!cmd) continue;
            const outcome = execChecked(session, cmd);
            if (!outcome.ok) seen.add(outcome.code);
          }
        } finally {
          session.rig.close();
        }
      }),
      { numRuns: 50 },
    );
    // Refusals every batch of sessions meets in numbers; without them this test proved little.
    for (const code of ['QUEUE_EMPTY', 'STALE_STATE', 'TICKET_NOT_AT_COUNTER', 'TICKET_NOT_FOUND', 'COUNTER_NOT_PAUSED'] as const) expect(seen).toContain(code);
  }, 180_000);

  it('leave state and database exactly as they were, for each kind of refusal', () => {
    const session = new Session(factory, { callNextWhileServing: 'refuse', routing: 'service-order', recallsBeforeNoShow: 1, maxPriorityStreak: 3 });
    try {
      const run = (cmd: Command) => execChecked(session, cmd);
      const refused = (cmd: Command) => {
        const o = run(cmd);
        return o.ok ? 'accepted' : o.code;
      };
      for (const serviceId of ['svc-hotich', 'svc-hotich', 'svc-datdai']) expect(run({ type: 'issue', serviceId }).ok).toBe(true);
      const aId = session.model.tickets[0].id;
      const cId = session.model.tickets[2].id;
      expect(run({ type: 'call-next', counterId: 'ctr-1' })).toEqual({ ok: true, ticketId: aId });

      expect(refused({ type: 'call-next', counterId: 'ctr-1' })).toBe('COUNTER_BUSY');
      expect(refused({ type: 'call-ticket', counterId: 'ctr-2', ticketId: aId })).toBe('TICKET_NOT_WAITING');
      expect(refused({ type: 'call-ticket', counterId: 'ctr-2', ticketId: cId })).toBe('SERVICE_NOT_AT_COUNTER');
      expect(refused({ type: 'no-show', counterId: 'ctr-1', ticketId: aId })).toBe('NO_SHOW_TOO_EARLY');
      expect(refused({ type: 'transfer', counterId: 'ctr-1', ticketId: aId })).toBe('VALIDATION_ERROR');
      expect(refused({ type: 'transfer', counterId: 'ctr-1', ticketId: aId, toServiceId: 'svc-nope' })).toBe('SERVICE_NOT_FOUND');
      expect(refused({ type: 'pause', counterId: 'ctr-1', reason: 'x' })).toBe('COUNTER_BUSY');
      expect(run({ type: 'start', counterId: 'ctr-1', ticketId: aId }).ok).toBe(true);
      expect(refused({ type: 'recall', counterId: 'ctr-1', ticketId: aId })).toBe('INVALID_TRANSITION');
      expect(refused({ type: 'cancel', ticketId: aId })).toBe('INVALID_TRANSITION');
      expect(run({ type: 'pause', counterId: 'ctr-3', reason: 'họp' }).ok).toBe(true);
      expect(refused({ type: 'call-next', counterId: 'ctr-3' })).toBe('COUNTER_PAUSED');
      expect(refused({ type: 'pause', counterId: 'ctr-3', reason: 'again' })).toBe('COUNTER_PAUSED');
      expect(refused({ type: 'call-next', counterId: 'ctr-9' })).toBe('COUNTER_NOT_FOUND');
      expect(refused({ type: 'issue', serviceId: 'svc-nope' })).toBe('SERVICE_NOT_FOUND');
      expect(refused({ type: 'issue', serviceId: 'svc-hotich', priorityId: 'pri-nope' })).toBe('PRIORITY_NOT_FOUND');
    } finally {
      session.rig.close();
    }
  });
});
