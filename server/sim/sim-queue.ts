/**
 * What the simulator sends its commands to. Normally the production writer itself (QueueService over the
 * in-memory store), which also answers an issued ticket's position and ETA exactly as POST /api/tickets
 * does. An estimate that simulates forward from inside the read model must not ask for ETAs again (it
 * would recurse), so it takes the bare rules: the same decide → apply, without the position.
 */
import type { Ticket } from '../../protocol/domain';
import type { Actor, Command } from '../queue/commands';
import { decide } from '../queue/decide';
import { applyDecision } from '../queue/apply';
import type { QueueState } from '../queue/state';
import { QueueService, type ExecuteResult } from '../core/queue-service';
import { MemoryQueueStore } from '../store/memory-queue-store';
import { silentLogger } from './silent-logger';

export interface SimQueue {
  readonly state: QueueState;
  /** Every ticket written, in its last image (the tickets table). */
  readonly written: ReadonlyMap<string, Ticket>;
  run(cmd: Command, actor: Actor): Pick<ExecuteResult, 'ticket' | 'position'>;
}

export function serviceQueue(state: QueueState, clock: { now(): number }, makeId: () => string): SimQueue {
  const store = new MemoryQueueStore(state);
  const service = new QueueService(store, clock, silentLogger, makeId);
  const centerId = state.center.id;
  return { state, written: store.tickets, run: (cmd, actor) => service.execute(centerId, cmd, actor) };
}

export function rulesQueue(state: QueueState, clock: { now(): number }, makeId: () => string): SimQueue {
  const store = new MemoryQueueStore(state);
  return {
    state,
    written: store.tickets,
    run(cmd, actor) {
      const decision = decide(state, cmd, { now: clock.now(), actor, newTicketId: makeId });
      const seq = state.seq + 1;
      store.commit(state.center.id, seq, decision);
      applyDecision(state, decision, seq);
      return { ticket: decision.ticket };
    },
  };
}
