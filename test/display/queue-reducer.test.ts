import { describe, expect, it } from 'vitest';
import { applyCall, applySnapshot, applyUpdate, callId, emptyView, type StoreOptions } from '../../display/lib/queue-reducer';
import { T0, call, counterView, snapshot, update } from './fixtures';

const options: StoreOptions = { historyLimit: 5, freshCallMs: 120_000 };

function ready(seq = 10, patch = {}) {
  return applySnapshot(emptyView(), snapshot({ seq, ...patch }), T0, options).view;
}

describe('applySnapshot', () => {
  it('a first snapshot is history: nothing to announce', () => {
    const result = applySnapshot(emptyView(), snapshot({ recentCalls: [call('A001', 1, 9, T0 - 1000)] }), T0, options);
    expect(result.view.ready).toBe(true);
    expect(result.view.seq).toBe(10);
    expect(result.view.calls.map((c) => c.ticket.number)).toEqual(['A001']);
    expect(result.freshCalls).toEqual([]);
  });

  it('after a reconnect, announces only calls newer than the seq it had, oldest first', () => {
    const before = applySnapshot(emptyView(), snapshot({ seq: 10, recentCalls: [call('A001', 1, 9, T0 - 5000)] }), T0, options).view;
    const later = snapshot({
      seq: 14,
      serverTime: T0 + 10_000,
      recentCalls: [call('B002', 2, 14, T0 + 9000), call('A002', 1, 12, T0 + 8000), call('A001', 1, 9, T0 - 5000)],
    });
    const result = applySnapshot(before, later, T0 + 10_000, options);
    expect(result.freshCalls.map((c) => c.ticket.number)).toEqual(['A002', 'B002']);
    expect(result.view.seq).toBe(14);
  });

  it('does not read out a backlog older than freshCallMs', () => {
    const before = ready(10);
    const later = snapshot({ seq: 12, serverTime: T0 + 600_000, recentCalls: [call('A002', 1, 12, T0 + 600_000 - 5000), call('A001', 1, 11, T0 + 1000)] });
    expect(applySnapshot(before, later, T0 + 600_000, options).freshCalls.map((c) => c.ticket.number)).toEqual(['A002']);
  });

  it('a snapshot with a lower seq (database restored) or another day announces nothing', () => {
    const before = ready(50);
    expect(applySnapshot(before, snapshot({ seq: 3, recentCalls: [call('A001', 1, 3, T0)] }), T0, options).freshCalls).toEqual([]);
    expect(applySnapshot(before, snapshot({ seq: 60, businessDay: '2026-11-24', recentCalls: [call('A001', 1, 60, T0)] }), T0, options).freshCalls).toEqual([]);
  });

  it('skips calls it already holds (e.g. received live just before the resync answer)', () => {
    let view = ready(10);
    const c = call('A002', 1, 11, T0 + 1000);
    view = applyUpdate(view, update(11)).view;
    view = applyCall(view, c, T0 + 1000, options).view;
    // The resync answer comes back at seq 11 with the same call: not fresh again.
    const result = applySnapshot({ ...view, seq: 10 }, snapshot({ seq: 11, recentCalls: [c] }), T0 + 1100, options);
    expect(result.freshCalls).toEqual([]);
  });

  it('keeps the server clock offset and bounds the history', () => {
    const calls = Array.from({ length: 20 }, (_, i) => call(`A${String(20 - i).padStart(3, '0')}`, 1, 30 - i, T0 - i * 1000));
    const result = applySnapshot(emptyView(), snapshot({ serverTime: T0 + 7_000, recentCalls: calls }), T0, options);
    expect(result.view.serverOffsetMs).toBe(7_000);
    expect(result.view.calls).toHaveLength(5);
    expect(result.view.calls[0].ticket.number).toBe('A020');
  });
});

describe('applyUpdate', () => {
  it('applies the next seq: replaces changed counters and the stats', () => {
    const view = ready(10);
    const busy = counterView(3, { currentTicket: null, state: { ...counterView(3).state, paused: true, pauseReason: 'Họp giao ban' } });
    const stats = view.stats.map((s) => ({ ...s, waiting: 4 }));
    const result = applyUpdate(view, update(11, { counters: [busy], stats }));
    expect(result.resync).toBe(false);
    expect(result.view.seq).toBe(11);
    expect(result.view.counters.find((c) => c.number === 3)?.state.pauseReason).toBe('Họp giao ban');
    expect(result.view.counters.find((c) => c.number === 2)).toBe(view.counters.find((c) => c.number === 2));
    expect(result.view.stats[0].waiting).toBe(4);
  });

  it('asks for a resync on a gap, without applying the update', () => {
    const view = ready(10);
    const result = applyUpdate(view, update(12, { counters: [counterView(1, { active: false })] }));
    expect(result.resync).toBe(true);
    expect(result.view).toBe(view);
  });

  it('ignores an update it already applied (replayed after a recovered connection)', () => {
    const view = ready(10);
    const result = applyUpdate(view, update(10));
    expect(result).toEqual({ view, resync: false });
  });

  it('before the first snapshot, waits for it (the server may commit just before sending it)', () => {
    expect(applyUpdate(emptyView(), update(1))).toEqual({ view: emptyView(), resync: false });
  });
});

describe('applyCall', () => {
  it('adds a call once: a replay of the same event is not fresh', () => {
    let view = applyUpdate(ready(10), update(11)).view;
    const c = call('A002', 1, 11, T0 + 1000);
    const first = applyCall(view, c, T0 + 1000, options);
    expect(first.fresh).toBe(true);
    expect(first.resync).toBe(false);
    view = first.view;
    const again = applyCall(view, { ...c }, T0 + 1500, options);
    expect(again.fresh).toBe(false);
    expect(again.view.calls).toHaveLength(1);
  });

  it('a recall of the same ticket is a new call', () => {
    let view = applyUpdate(ready(10), update(11)).view;
    view = applyCall(view, call('A002', 1, 11, T0 + 1000), T0 + 1000, options).view;
    view = applyUpdate(view, update(12)).view;
    const recall = applyCall(view, call('A002', 1, 12, T0 + 30_000, true), T0 + 30_000, options);
    expect(recall.fresh).toBe(true);
    expect(recall.view.calls.map(callId)).toEqual(['t-A002@' + (T0 + 30_000) + ':recall', 't-A002@' + (T0 + 1000)]);
  });

  it('a call just before the update of its own commit is not a gap', () => {
    const result = applyCall(ready(10), call('A003', 1, 11, T0), T0, options);
    expect(result.resync).toBe(false);
    expect(result.fresh).toBe(true);
    expect(applyUpdate(result.view, update(11)).resync).toBe(false);
  });

  it('a call ahead of the applied updates means something was missed', () => {
    const result = applyCall(ready(10), call('A003', 1, 13, T0), T0, options);
    expect(result.resync).toBe(true);
    expect(result.view.calls).toHaveLength(1);
  });

  it('a stale replayed call (older than freshCallMs by the server clock) is kept but not announced', () => {
    const result = applyCall(ready(10), call('A001', 1, 9, T0 - 10 * 60_000), T0, options);
    expect(result.fresh).toBe(false);
    expect(result.view.calls).toHaveLength(1);
  });

  it('history stays bounded over a whole day of calls', () => {
    let view = ready(0, { seq: 0 });
    for (let i = 1; i <= 3000; i++) {
      view = applyUpdate(view, update(i)).view;
      view = applyCall(view, call(`A${i}`, 1 + (i % 5), i, T0 + i * 1000), T0 + i * 1000, options).view;
    }
    expect(view.seq).toBe(3000);
    expect(view.calls).toHaveLength(options.historyLimit);
    expect(view.calls[0].ticket.number).toBe('A3000');
  });
});
