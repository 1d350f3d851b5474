import { describe, expect, it } from 'vitest';
import { applyStaffUpdate, callableAt, counterQueues, emptyStaffView, fromSnapshot, heldAllows, overTarget } from '../../console/lib/staff-model';
import type { StaffCounterView, StaffQueueUpdate, StaffSnapshot, StaffTicket } from '../../protocol/realtime';
import { DEMO_COUNTERS, DEMO_PRIORITIES, DEMO_SERVICES } from '../../server/seed/demo-center';

const ticket = (id: string, number: string, serviceId: string, issuedAt: number, extra: Partial<StaffTicket> = {}): StaffTicket => ({
  id,
  ref: `${number}.${issuedAt}`,
  number,
  serviceId,
  priorityId: null,
  status: 'waiting',
  counterId: null,
  issuedAt,
  calledAt: null,
  recallCount: 0,
  ...extra,
});

function snapshot(waiting: StaffTicket[]): StaffSnapshot {
  return {
    seq: 10,
    serverTime: 1_000_500,
    businessDay: '2026-11-23',
    center: { id: 'demo', name: 'X', nameEn: 'X', address: '', timeZone: 'Asia/Ho_Chi_Minh', noticeLine: '', noticeLineEn: '', voiceVariant: 'north', voiceDigitByDigit: false, announceEnglish: false, recallsBeforeNoShow: 2, kioskVoice: true, kioskVolume: 80, kioskLayout: 'standard' },
    services: DEMO_SERVICES,
    priorities: DEMO_PRIORITIES,
    counters: [],
    stats: [],
    recentCalls: [],
    printers: [],
    waiting,
  };
}

const update = (seq: number, tickets: StaffTicket[], kinds = ['ticket.issued']): StaffQueueUpdate => ({ seq, at: 0, kinds, tickets, counters: [], stats: [] });

describe('staff view transitions', () => {
  const base = fromSnapshot(snapshot([ticket('a1', 'A001', 'svc-hotich', 1), ticket('a2', 'A002', 'svc-hotich', 2)]), 1_000_000);

  it('takes the server clock offset from the snapshot', () => {
    expect(base.serverOffsetMs).toBe(500);
    expect(base.ready).toBe(true);
  });

  it('applies the next update and ignores replays', () => {
    const called = applyStaffUpdate(base, update(11, [ticket('a1', 'A001', 'svc-hotich', 1, { status: 'called', counterId: 'ctr-1' })], ['ticket.called']));
    expect(called.resync).toBe(false);
    expect(called.view.waiting.map((t) => t.id)).toEqual(['a2']);
    expect(applyStaffUpdate(called.view, update(11, [ticket('zz', 'A009', 'svc-hotich', 9)])).view).toBe(called.view);
  });

  it('asks for a resync on a gap, and before the first snapshot ignores updates', () => {
    const gap = applyStaffUpdate(base, update(13, [ticket('a3', 'A003', 'svc-hotich', 3)]));
    expect(gap.resync).toBe(true);
    expect(gap.view).toBe(base);
    expect(applyStaffUpdate(emptyStaffView(), update(1, [])).resync).toBe(false);
  });

  it('puts a transferred ticket back in issue order and a skipped one at the end', () => {
    const moved = applyStaffUpdate(base, update(11, [ticket('a0', 'A000', 'svc-hotich', 0)], ['ticket.transferred'])).view;
    expect(moved.waiting.map((t) => t.id)).toEqual(['a0', 'a1', 'a2']);
    const skipped = applyStaffUpdate(base, update(11, [ticket('a0', 'A000', 'svc-hotich', 0)], ['ticket.requeued'])).view;
    expect(skipped.waiting.map((t) => t.id)).toEqual(['a1', 'a2', 'a0']);
  });
});

describe('counter queues', () => {
  const view = fromSnapshot(
    snapshot([ticket('a1', 'A001', 'svc-hotich', 1), ticket('b1', 'B001', 'svc-chungthuc', 2), ticket('a2', 'A002', 'svc-hotich', 3, { priorityId: 'pri-elderly' }), ticket('c1', 'C001', 'svc-datdai', 4)]),
    0,
  );
  const counter1 = DEMO_COUNTERS[0];

  it('lists only the counter’s services, priority first', () => {
    expect(callableAt(view, counter1).map((t) => t.number)).toEqual(['A002', 'A001', 'B001']);
  });

  it('groups by the counter’s service order', () => {
    const queues = counterQueues(view, counter1);
    expect(queues.map((q) => q.service.id)).toEqual(['svc-hotich', 'svc-chungthuc']);
    expect(queues[0].next.map((t) => t.number)).toEqual(['A002', 'A001']);
  });

  it('flags a wait over the service target', () => {
    const service = DEMO_SERVICES[0]; // target 20 minutes
    const stats = { serviceId: service.id, waiting: 1, waitingPriority: 0, oldestQueuedAt: 0, etaMinutes: 0, avgServiceMinutes: 8, issuedToday: 1, servedToday: 0 };
    expect(overTarget(stats, service, 19 * 60_000)).toBeNull();
    expect(overTarget(stats, service, 25 * 60_000 + 1)).toBe(25);
  });
});

describe('what the held ticket allows (the buttons)', () => {
  const counter = (held: StaffTicket | null): StaffCounterView => ({
    ...DEMO_COUNTERS[0],
    state: { counterId: DEMO_COUNTERS[0].id, currentTicketId: held?.id ?? null, paused: false, pauseReason: null, staffId: null, priorityStreak: 0, updatedAt: 0 },
    currentTicket: held,
    servedToday: 0,
    staffName: null,
  });

  it('follows the lifecycle table: recall, start, no-show and requeue only while called; complete and transfer while called or serving', () => {
    const called = counter(ticket('a1', 'A001', 'svc-hotich', 1, { status: 'called' }));
    const serving = counter(ticket('a1', 'A001', 'svc-hotich', 1, { status: 'serving' }));
    for (const c of ['recall', 'start', 'no-show', 'requeue', 'complete', 'transfer'] as const) expect(heldAllows(called, c)).toBe(true);
    for (const c of ['recall', 'start', 'no-show', 'requeue'] as const) expect(heldAllows(serving, c)).toBe(false);
    for (const c of ['complete', 'transfer'] as const) expect(heldAllows(serving, c)).toBe(true);
    expect(heldAllows(counter(null), 'complete')).toBe(false);
  });
});
