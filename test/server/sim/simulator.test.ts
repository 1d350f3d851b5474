import { describe, expect, it } from 'vitest';
import { simulateDay, simulateFrom } from '../../../server/sim/simulate';
import { summarizeDay } from '../../../server/sim/summary';
import { startOfDay } from '../../../server/queue/calendar';
import type { SimDay } from '../../../server/sim/types';
import { RulesHarness } from '../../helpers/queue-fixtures';
import { demoDayInput, SIM_DAY } from './sim-fixtures';

const dayStart = startOfDay(SIM_DAY, 'Asia/Ho_Chi_Minh');

/** Per counter, the intervals from its call of a ticket to that ticket's end, in time order. */
function holdIntervals(day: SimDay): Map<string, [number, number][]> {
  const byCounter = new Map<string, [number, number][]>();
  for (const t of day.tickets) {
    if (t.firstCalledAt === null || t.counterId === null) continue;
    const list = byCounter.get(t.counterId) ?? [];
    list.push([t.firstCalledAt, t.completedAt ?? Infinity]);
    byCounter.set(t.counterId, list);
  }
  for (const list of byCounter.values()) list.sort((a, b) => a[0] - b[0]);
  return byCounter;
}

describe('center-day simulator', () => {
  const input = demoDayInput(3);
  const day = simulateDay(input, 'day-1');

  it('gives the same day for the same seed, another for another', () => {
    const again = simulateDay(input, 'day-1');
    expect(again.tickets).toEqual(day.tickets);
    expect(simulateDay(input, 'day-2').tickets).not.toEqual(day.tickets);
  });

  it('ends every arrival served, no-show, held at a counter or still waiting, and calls each after its issue', () => {
    expect(day.tickets.length).toBeGreaterThan(150);
    expect(day.refused).toEqual([]);
    const outcomes = new Set(day.tickets.map((t) => t.outcome));
    for (const o of outcomes) expect(['done', 'no-show', 'waiting', 'called', 'serving']).toContain(o);
    expect(outcomes.has('done') && outcomes.has('no-show')).toBe(true);
    // The counters stop at 17:00: a called ticket ends before the day does; waiting ones were never called.
    for (const t of day.tickets) {
      if (t.outcome === 'waiting') expect(t.firstCalledAt).toBeNull();
      else {
        expect(t.firstCalledAt).toBeGreaterThanOrEqual(t.issuedAt);
        expect(t.waitMs).toBe(t.firstCalledAt! - t.issuedAt);
      }
      if (t.outcome === 'done') expect(t.startedAt! <= t.completedAt! && t.firstCalledAt! <= t.startedAt!).toBe(true);
    }
  });

  it('never lets a counter hold two tickets at once, nor call outside its hours', () => {
    for (const [counterId, intervals] of holdIntervals(day)) {
      for (let i = 1; i < intervals.length; i++) expect(intervals[i][0], counterId).toBeGreaterThanOrEqual(intervals[i - 1][1]);
      for (const [calledAt] of intervals) {
        const minutes = (calledAt - dayStart) / 60_000;
        const inHours = (minutes >= 450 && minutes < 690) || (minutes >= 810 && minutes < 1020);
        expect(inHours, `${counterId} called at minute ${minutes}`).toBe(true);
      }
    }
  });

  it('records the ETA shown at issue and sums up waits per service and hour', () => {
    expect(day.tickets.every((t) => t.shownEtaMinutes !== null && t.shownWaitingAhead !== null)).toBe(true);
    const summary = summarizeDay(day.tickets, dayStart);
    expect(summary.byService).toHaveLength(8);
    expect(summary.overall.called + summary.overall.uncalled).toBeLessThanOrEqual(day.tickets.length);
    expect(summary.overall.p90WaitSeconds).toBeGreaterThanOrEqual(summary.overall.meanWaitSeconds * 0.5);
    expect(summary.byHour.map((h) => h.hour)).toEqual([7, 8, 9, 10, 11, 13, 14, 15, 16]);
  });

  it('continues a live day from its state without touching it', () => {
    const morning = simulateDay(input, 'live', { until: dayStart + 10 * 3_600_000 });
    const live = morning.state;
    const activeBefore = new Map(live.active);
    const seqBefore = live.seq;
    const rest = simulateFrom(live, morning.until, input, 'rest');
    expect(live.seq).toBe(seqBefore);
    expect(live.active).toEqual(activeBefore);
    const carried = rest.tickets.filter((t) => t.preexisting);
    expect(carried.map((t) => t.id).sort()).toEqual([...activeBefore.keys()].sort());
    // What was waiting at 10:00 is called first or later, never before it was issued; new tickets come after 10:00.
    expect(carried.some((t) => t.firstCalledAt !== null && t.firstCalledAt >= morning.until)).toBe(true);
    expect(rest.tickets.filter((t) => !t.preexisting).every((t) => t.issuedAt >= morning.until)).toBe(true);
  });

  it('continues the tickets a live state holds: in service, called, and transferred to a counter', () => {
    const live = new RulesHarness();
    const served = live.issue('svc-hotich');
    const moved = live.issue('svc-hotich');
    const waiting = live.issue('svc-datdai');
    live.callNext('ctr-1');
    live.run({ type: 'start', counterId: 'ctr-1', ticketId: served.id });
    live.callNext('ctr-2');
    live.run({ type: 'transfer', counterId: 'ctr-2', ticketId: moved.id, toCounterId: 'ctr-4' });
    live.callNext('ctr-3');
    const rest = simulateFrom(live.state, live.now, { ...input, arrivalsPerHour: {} }, 'held');
    const byId = new Map(rest.tickets.map((t) => [t.id, t]));
    expect(byId.get(served.id)).toMatchObject({ outcome: 'done', counterId: 'ctr-1', preexisting: true });
    expect(byId.get(waiting.id)).toMatchObject({ counterId: 'ctr-3', preexisting: true });
    // Only counter 4 may call the transferred ticket, although it does not serve Hộ tịch.
    expect(byId.get(moved.id)).toMatchObject({ counterId: 'ctr-4' });
    expect(byId.get(moved.id)!.completedAt).not.toBeNull();
  });

  it('simulates a busy day of about 1,000 tickets to the end', () => {
    // How fast is a figure of the bench (queue-day), never a test threshold.
    const big = simulateDay(demoDayInput(14), 'busy', { recordEstimates: false });
    expect(big.tickets.length).toBeGreaterThan(900);
    expect(big.tickets.every((t) => t.outcome !== 'called' && t.outcome !== 'serving')).toBe(true);
  });

});
