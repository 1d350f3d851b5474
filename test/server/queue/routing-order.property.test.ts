/**
 * Property test of "call next" in every routing mode, over random queues and clock moves: each call is
 * checked against the rules stated one by one (transfers first, priority and its streak limit, FIFO within
 * a service and weight, then the mode's choice between the heads of the services' lines).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ROUTING_MODES, type RoutingMode, type Ticket } from '../../../protocol/domain';
import { compareFifo } from '../../../server/queue/fifo';
import { waitingAhead } from '../../../server/queue/waiting-index';
import { KIOSK, MINUTE, RulesHarness } from '../../helpers/queue-fixtures';
import { COUNTER_IDS, PRIORITY_IDS, SERVICE_IDS } from './model';

type Step =
  | { kind: 'issue'; service: number; priority: number | null }
  | { kind: 'tick'; ms: number }
  | { kind: 'call'; counter: number; then: 'complete' | 'requeue' | 'to-counter' | 'to-service'; target: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: fc.nat(SERVICE_IDS.length - 1), priority: fc.option(fc.nat(PRIORITY_IDS.length - 1), { freq: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 40 * MINUTE }) }) },
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('call' as const),
      counter: fc.nat(COUNTER_IDS.length - 1),
      then: fc.constantFrom('complete' as const, 'complete' as const, 'complete' as const, 'requeue' as const, 'to-counter' as const, 'to-service' as const),
      target: fc.nat(20),
    }),
  },
);

/** What the rules say of one call, from the queue just before it. */
function checkCall(r: RulesHarness, counterId: string, called: Ticket, before: Ticket[], streak: number, now: number): void {
  const { settings } = r.state.center;
  const counter = r.state.counters.get(counterId)!;
  const rank = (t: Ticket) => counter.serviceIds.indexOf(t.serviceId);
  const targetMs = (t: Ticket) => r.state.services.get(t.serviceId)!.targetWaitMinutes * MINUTE;
  const callable = before.filter((t) => (t.targetCounterId ? t.targetCounterId === counterId : counter.serviceIds.includes(t.serviceId)));
  expect(callable.map((t) => t.id), 'the called ticket was callable here').toContain(called.id);

  const transfers = callable.filter((t) => t.targetCounterId === counterId).sort(compareFifo);
  if (transfers.length > 0) {
    expect(called.id, 'a transfer to this counter comes first, FIFO').toBe(transfers[0].id);
    return;
  }

  const priority = callable.filter((t) => t.priorityWeight > 0);
  const normal = callable.filter((t) => t.priorityWeight === 0);
  const priorityTurn = priority.length > 0 && (normal.length === 0 || streak < settings.maxPriorityStreak);
  const pool = priorityTurn ? priority : normal;
  const topWeight = Math.max(...pool.map((t) => t.priorityWeight));
  expect(called.priorityWeight, priorityTurn ? 'the heaviest priority first' : 'a normal ticket once the streak is used up').toBe(topWeight);

  const sameLine = pool.filter((t) => t.serviceId === called.serviceId && t.priorityWeight === topWeight);
  expect(sameLine.sort(compareFifo)[0].id, 'never past an earlier ticket of the same service and weight').toBe(called.id);

  // The heads of the lines the mode chooses between.
  const heads = new Map<string, Ticket>();
  for (const t of pool.filter((x) => x.priorityWeight === topWeight).sort(compareFifo)) if (!heads.has(t.serviceId)) heads.set(t.serviceId, t);
  const others = [...heads.values()];
  const overdue = (t: Ticket) => (now - t.queuedAt - targetMs(t)) / targetMs(t);
  const mode: RoutingMode = settings.routing;
  if (mode === 'earliest') {
    expect(others.sort(compareFifo)[0].id, "'earliest': the longest in line").toBe(called.id);
  } else if (mode === 'service-order' || others.every((t) => overdue(t) <= 0)) {
    expect(rank(called), 'the first service of the counter that has a ticket').toBe(Math.min(...others.map(rank)));
  } else {
    const most = Math.max(...others.map(overdue));
    expect(overdue(called), "'target-wait': the head most overdue against its target").toBe(most);
    expect(rank(called), 'among equally overdue heads, the service order').toBe(Math.min(...others.filter((t) => overdue(t) === most).map(rank)));
  }
}

/**
 * The waiting index (lines in FIFO order, transfers aside) says what a pass over the queue says; with
 * `positions`, so does every ticket's place in its line (a quadratic check, so only at the end of a run).
 */
function checkIndex(r: RulesHarness, positions = false): void {
  const waiting = [...r.state.active.values()].filter((t) => t.status === 'waiting').sort(compareFifo);
  const lines = r.state.waitingIndex.lines;
  for (const service of SERVICE_IDS) {
    for (const [weight, line] of lines.get(service) ?? []) {
      const expected = waiting.filter((t) => t.serviceId === service && t.priorityWeight === weight && !t.targetCounterId);
      expect(line.map((t) => t.id), `line ${service}/${weight}`).toEqual(expected.map((t) => t.id));
    }
  }
  expect([...r.state.waitingIndex.targeted.keys()].sort()).toEqual(waiting.filter((t) => t.targetCounterId).map((t) => t.id).sort());
  if (!positions) return;
  for (const t of waiting) {
    const ahead = waiting.filter((o) => o.id !== t.id && o.serviceId === t.serviceId && (o.priorityWeight > t.priorityWeight || (o.priorityWeight === t.priorityWeight && compareFifo(o, t) < 0)));
    expect(waitingAhead(r.state, t), `ahead of ${t.number}`).toBe(ahead.length);
  }
}

function run(mode: RoutingMode, maxPriorityStreak: number, steps: Step[]): void {
  const r = new RulesHarness({ settings: { routing: mode, maxPriorityStreak } });
  for (const step of steps) {
    r.tick(1000);
    if (step.kind === 'tick') r.tick(step.ms);
    else if (step.kind === 'issue') {
      r.run({ type: 'issue', serviceId: SERVICE_IDS[step.service], priorityId: step.priority === null ? null : PRIORITY_IDS[step.priority] }, KIOSK);
    } else {
      const counterId = COUNTER_IDS[step.counter];
      const before = [...r.state.active.values()].filter((t) => t.status === 'waiting');
      const streak = r.counter(counterId).priorityStreak;
      const callNext = { type: 'call-next', counterId } as const;
      if (before.every((t) => (t.targetCounterId ? t.targetCounterId !== counterId : !r.state.counters.get(counterId)!.serviceIds.includes(t.serviceId)))) {
        expect(r.refuse(callNext), 'nothing to call here').toBe('QUEUE_EMPTY');
        continue;
      }
      const d = r.run(callNext);
      checkCall(r, counterId, d.ticket!, before, streak, r.now);
      r.tick(1000);
      const ticketId = d.ticket!.id;
      if (step.then === 'complete') r.run({ type: 'complete', counterId, ticketId });
      else if (step.then === 'requeue') r.run({ type: 'requeue', counterId, ticketId });
      else if (step.then === 'to-counter') r.run({ type: 'transfer', counterId, ticketId, toServiceId: null, toCounterId: COUNTER_IDS[step.target % COUNTER_IDS.length] });
      else r.run({ type: 'transfer', counterId, ticketId, toServiceId: SERVICE_IDS[step.target % SERVICE_IDS.length], toCounterId: null });
    }
    checkIndex(r);
  }
  checkIndex(r, true);
}

describe('call next in every routing mode, over random queues and clock moves', () => {
  for (const mode of ROUTING_MODES) {
    it(`'${mode}': transfers first, priority and its streak, FIFO within a service, then the mode's choice of heads`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3 }), fc.array(stepArb, { minLength: 1, maxLength: 120, size: 'max' }), (streak, steps) => run(mode, streak, steps)),
        { numRuns: 300 },
      );
      // 300 random queues of up to 120 commands, each checked against a scan: well over the default on a busy machine.
    }, 120_000);
  }
});
