/**
 * Property test of "call next" with checked-in bookings among walk-ins, in every routing mode and both line-up
 * modes, over random queues and clock moves: a booking is never called before its slot; among the tickets that
 * are due, every rule holds as without bookings (transfers first, priority and its streak, FIFO within a
 * service and weight, the mode's choice between the heads of the lines); the waiting index matches a scan.
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
  | { kind: 'check-in'; service: number; slotOffsetMin: number; lineUp: 'deadline' | 'slot' }
  | { kind: 'tick'; ms: number }
  | { kind: 'call'; counter: number; then: 'complete' | 'requeue' | 'to-counter' | 'to-service'; target: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('issue' as const), service: fc.nat(SERVICE_IDS.length - 1), priority: fc.option(fc.nat(PRIORITY_IDS.length - 1), { freq: 4 }) }) },
  {
    weight: 3,
    arbitrary: fc.record({
      kind: fc.constant('check-in' as const),
      service: fc.nat(SERVICE_IDS.length - 1),
      // The check-in window: from 15 minutes before the slot to 15 after it.
      slotOffsetMin: fc.integer({ min: -15, max: 15 }),
      lineUp: fc.constantFrom('deadline' as const, 'slot' as const),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('tick' as const), ms: fc.integer({ min: 0, max: 20 * MINUTE }) }) },
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

const due = (t: Ticket, now: number) => t.slotAt == null || t.slotAt <= now;

function checkCall(r: RulesHarness, counterId: string, called: Ticket, before: Ticket[], streak: number, now: number): void {
  const { settings } = r.state.center;
  const counter = r.state.counters.get(counterId)!;
  const rank = (t: Ticket) => counter.serviceIds.indexOf(t.serviceId);
  const targetMs = (t: Ticket) => r.state.services.get(t.serviceId)!.targetWaitMinutes * MINUTE;
  expect(due(called, now), 'a booking is never called before its slot').toBe(true);
  const callable = before.filter((t) => due(t, now) && (t.targetCounterId ? t.targetCounterId === counterId : counter.serviceIds.includes(t.serviceId)));
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
  expect(called.priorityWeight).toBe(topWeight);
  const sameLine = pool.filter((t) => t.serviceId === called.serviceId && t.priorityWeight === topWeight);
  expect(sameLine.sort(compareFifo)[0].id, 'never past an earlier due ticket of the same service and weight').toBe(called.id);

  const heads = new Map<string, Ticket>();
  for (const t of pool.filter((x) => x.priorityWeight === topWeight).sort(compareFifo)) if (!heads.has(t.serviceId)) heads.set(t.serviceId, t);
  const others = [...heads.values()];
  const overdue = (t: Ticket) => (now - t.queuedAt - targetMs(t)) / targetMs(t);
  const mode: RoutingMode = settings.routing;
  if (mode === 'earliest') {
    expect(others.sort(compareFifo)[0].id).toBe(called.id);
  } else if (mode === 'service-order' || others.every((t) => overdue(t) <= 0)) {
    expect(rank(called)).toBe(Math.min(...others.map(rank)));
  } else {
    const most = Math.max(...others.map(overdue));
    expect(overdue(called), "'target-wait': the head most overdue against its target (a booking's deadline is its slot)").toBe(most);
  }
}

function checkIndex(r: RulesHarness): void {
  const waiting = [...r.state.active.values()].filter((t) => t.status === 'waiting').sort(compareFifo);
  for (const service of SERVICE_IDS) {
    for (const [weight, line] of r.state.waitingIndex.lines.get(service) ?? []) {
      const expected = waiting.filter((t) => t.serviceId === service && t.priorityWeight === weight && !t.targetCounterId);
      expect(line.map((t) => t.id), `line ${service}/${weight}`).toEqual(expected.map((t) => t.id));
    }
  }
  for (const t of waiting) {
    const ahead = waiting.filter((o) => o.id !== t.id && o.serviceId === t.serviceId && (o.priorityWeight > t.priorityWeight || (o.priorityWeight === t.priorityWeight && compareFifo(o, t) < 0)));
    expect(waitingAhead(r.state, t)).toBe(ahead.length);
  }
}

function run(mode: RoutingMode, maxPriorityStreak: number, steps: Step[]): void {
  const r = new RulesHarness({ settings: { routing: mode, maxPriorityStreak } });
  for (const step of steps) {
    r.tick(1000);
    if (step.kind === 'tick') r.tick(step.ms);
    else if (step.kind === 'issue') {
      r.run({ type: 'issue', serviceId: SERVICE_IDS[step.service], priorityId: step.priority === null ? null : PRIORITY_IDS[step.priority] }, KIOSK);
    } else if (step.kind === 'check-in') {
      const slotAt = r.now + step.slotOffsetMin * MINUTE;
      const t = r.run({ type: 'issue', serviceId: SERVICE_IDS[step.service], booking: { slotAt, lineUp: step.lineUp } }, KIOSK).ticket!;
      expect(t.slotAt).toBe(slotAt);
    } else {
      const counterId = COUNTER_IDS[step.counter];
      const before = [...r.state.active.values()].filter((t) => t.status === 'waiting');
      const streak = r.counter(counterId).priorityStreak;
      const callNext = { type: 'call-next', counterId } as const;
      const counter = r.state.counters.get(counterId)!;
      const any = before.some((t) => due(t, r.now) && (t.targetCounterId ? t.targetCounterId === counterId : counter.serviceIds.includes(t.serviceId)));
      if (!any) {
        expect(r.refuse(callNext), 'nothing due to call here').toBe('QUEUE_EMPTY');
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
}

describe('call next with checked-in bookings among walk-ins', () => {
  for (const mode of ROUTING_MODES) {
    it(`'${mode}': no booking before its slot, and every rule among the tickets that are due`, () => {
      fc.assert(
        fc.property(fc.integer({ min: 1, max: 3 }), fc.array(stepArb, { minLength: 1, maxLength: 100, size: 'max' }), (streak, steps) => run(mode, streak, steps)),
        { numRuns: 150 },
      );
    });
  }
});
