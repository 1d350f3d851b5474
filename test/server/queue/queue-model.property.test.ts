/**
 * Model-based test: random sessions of kiosk and counter commands from all five
 * demo counters, run against the real QueueService on SQLite and the model,
 * with every invariant checked after every step.
 */
import fc from 'fast-check';
import { afterAll, describe, it } from 'vitest';
import { RigFactory } from '../../helpers/queue-fixtures';
import { opsArb, settingsArb } from './model';
import { Session, checkInvariants } from './session';

const factory = new RigFactory();
afterAll(() => factory.dispose());

describe('queue service against the model', () => {
  // The time limit only guards against a hung run: the suite shares the CPUs with other files.
  it('keeps every invariant after every command, and survives a restart at any point', () => {
    fc.assert(
      fc.property(settingsArb, opsArb, (settings, ops) => {
        const session = new Session(factory, settings);
        try {
          checkInvariants(session);
          for (const op of ops) {
            session.step(op);
            checkInvariants(session);
          }
          // Liveness: nothing waiting is stranded once every counter works the queue down.
          session.drain();
          checkInvariants(session);
        } finally {
          session.rig.close();
        }
      }),
      { numRuns: 50 },
    );
  }, 180_000);
});
