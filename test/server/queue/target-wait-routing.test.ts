/**
 * 'target-wait' routing: a line's head past its service's target wait is called first; otherwise the
 * counter's service order. At the demo's counter 1 (Hộ tịch, target 20 min, then Chứng thực, 15 min).
 */
import { describe, expect, it } from 'vitest';
import type { RoutingMode } from '../../../protocol/domain';
import { KIOSK, MINUTE, RulesHarness } from '../../helpers/queue-fixtures';

function harness(routing: RoutingMode, maxPriorityStreak = 3): RulesHarness {
  return new RulesHarness({ settings: { routing, maxPriorityStreak } });
}

/** Call next at a counter `n` times, completing each ticket, and return the numbers called. */
function drain(r: RulesHarness, counterId: string, n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const t = r.callNext(counterId);
    out.push(t.number);
    r.run({ type: 'complete', counterId, ticketId: t.id });
  }
  return out;
}

/** B001 (Chứng thực) has waited `minutes` when A001 (Hộ tịch, the counter's first service) arrives. */
function certificationWaited(r: RulesHarness, minutes: number): void {
  r.issue('svc-chungthuc');
  r.tick(minutes * MINUTE);
  r.issue('svc-hotich');
}

describe("'target-wait' routing", () => {
  it("calls another service's overdue head before the counter's first service within its target", () => {
    const r = harness('target-wait');
    certificationWaited(r, 16);
    expect(drain(r, 'ctr-1', 2)).toEqual(['B001', 'A001']);
  });

  it("keeps the counter's service order while no head is past its target", () => {
    const r = harness('target-wait');
    certificationWaited(r, 14);
    expect(drain(r, 'ctr-1', 2)).toEqual(['A001', 'B001']);
  });

  it('counts a head exactly at its target as not yet past it', () => {
    const r = harness('target-wait');
    r.run({ type: 'issue', serviceId: 'svc-chungthuc', priorityId: null }, KIOSK); // B001
    r.tick(MINUTE);
    r.run({ type: 'issue', serviceId: 'svc-hotich', priorityId: null }, KIOSK); // A001
    r.tick(14 * MINUTE);
    expect(r.run({ type: 'call-next', counterId: 'ctr-1' }).ticket!.number).toBe('A001');
  });

  it('takes the head most overdue against its target first, not the one that waited longest', () => {
    const r = harness('target-wait');
    r.issue('svc-hotich'); // A001
    r.tick(5 * MINUTE);
    r.issue('svc-chungthuc'); // B001
    r.tick(30 * MINUTE);
    // A001 waited ~35 min of 20 (75 % over), B001 ~30 of 15 (100 % over).
    expect(drain(r, 'ctr-1', 2)).toEqual(['B001', 'A001']);
  });

  it('between heads equally overdue, follows the service order of the calling counter', () => {
    const r = new RulesHarness({ settings: { routing: 'target-wait' }, services: { 'svc-chungthuc': { targetWaitMinutes: 20 } } });
    r.run({ type: 'issue', serviceId: 'svc-chungthuc', priorityId: null }, KIOSK); // B001
    r.run({ type: 'issue', serviceId: 'svc-hotich', priorityId: null }, KIOSK); // A001, same instant
    r.tick(40 * MINUTE);
    expect(drain(r, 'ctr-1', 1)).toEqual(['A001']);
    r.run({ type: 'issue', serviceId: 'svc-hotich', priorityId: null }, KIOSK); // A002, fresh
    expect(drain(r, 'ctr-2', 1)).toEqual(['B001']);
  });

  it('keeps FIFO within a service: a later overdue ticket never passes an earlier one', () => {
    const r = harness('target-wait');
    r.issue('svc-chungthuc'); // B001
    r.issue('svc-chungthuc'); // B002
    r.tick(20 * MINUTE);
    r.issue('svc-hotich'); // A001
    expect(drain(r, 'ctr-1', 3)).toEqual(['B001', 'B002', 'A001']);
  });

  it('counts the wait from the place in line: a requeued ticket starts its wait again', () => {
    const r = harness('target-wait');
    const b = r.issue('svc-chungthuc'); // B001
    r.tick(20 * MINUTE);
    r.callNext('ctr-2');
    r.run({ type: 'requeue', counterId: 'ctr-2', ticketId: b.id });
    r.issue('svc-hotich'); // A001
    expect(drain(r, 'ctr-1', 2)).toEqual(['A001', 'B001']);
  });

  it('still calls a priority ticket before an overdue normal one', () => {
    const r = harness('target-wait');
    certificationWaited(r, 30);
    r.issue('svc-hotich', 'pri-child'); // A002, just issued
    expect(drain(r, 'ctr-1', 3)).toEqual(['A002', 'B001', 'A001']);
  });

  it('puts a heavier priority category before an overdue lighter one', () => {
    const r = harness('target-wait');
    r.issue('svc-chungthuc', 'pri-child'); // B001, weight 2
    r.tick(30 * MINUTE);
    r.issue('svc-hotich', 'pri-merit'); // A001, weight 4, just issued
    expect(drain(r, 'ctr-1', 2)).toEqual(['A001', 'B001']);
  });

  it('keeps the priority streak limit: after maxPriorityStreak priority calls, the overdue normal head', () => {
    const r = harness('target-wait', 2);
    certificationWaited(r, 30); // B001 overdue, A001 fresh
    for (let i = 0; i < 3; i++) r.issue('svc-hotich', 'pri-elderly'); // A002…A004
    expect(drain(r, 'ctr-1', 5)).toEqual(['A002', 'A003', 'B001', 'A004', 'A001']);
  });

  it('ranks overdue priority heads of equal weight the same way', () => {
    const r = harness('target-wait');
    r.issue('svc-hotich', 'pri-child'); // A001
    r.tick(5 * MINUTE);
    r.issue('svc-chungthuc', 'pri-child'); // B001
    r.tick(30 * MINUTE);
    expect(drain(r, 'ctr-1', 2)).toEqual(['B001', 'A001']);
  });

  it('calls a ticket transferred to the counter before any overdue head', () => {
    const r = harness('target-wait');
    const a = r.issue('svc-hotich'); // A001
    r.callNext('ctr-2');
    r.run({ type: 'transfer', counterId: 'ctr-2', ticketId: a.id, toServiceId: null, toCounterId: 'ctr-1' });
    r.issue('svc-chungthuc'); // B001
    r.tick(40 * MINUTE);
    // A001 is 100 % over its 20 minutes, B001 about 167 % over its 15: only the transfer puts A001 first.
    expect(drain(r, 'ctr-1', 2)).toEqual(['A001', 'B001']);
  });
});

describe('the older modes ignore targets', () => {
  it("'service-order' serves the counter's first service however long another waited", () => {
    const r = harness('service-order');
    certificationWaited(r, 60);
    expect(drain(r, 'ctr-1', 2)).toEqual(['A001', 'B001']);
  });

  it("'earliest' takes the longest wait, not the most overdue against its target", () => {
    const r = harness('earliest');
    r.issue('svc-hotich'); // A001
    r.tick(5 * MINUTE);
    r.issue('svc-chungthuc'); // B001
    r.tick(30 * MINUTE);
    expect(drain(r, 'ctr-1', 2)).toEqual(['A001', 'B001']);
  });
});
