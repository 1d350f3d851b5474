import { describe, expect, it } from 'vitest';
import { simulateDay } from '../../../server/sim/simulate';
import { citizensFromLog } from '../../../server/sim/replay';
import { seededRandom } from '../../../server/sim/random';
import type { LoggedTicket } from '../../../server/sim/learn';
import type { SimTicket } from '../../../server/sim/types';
import { demoDayInput, SIM_DAY } from './sim-fixtures';

/** A simulated day's tickets as the tickets table would log them. */
const logged = (tickets: SimTicket[]): LoggedTicket[] =>
  tickets.map((t) => ({ ...t, businessDay: SIM_DAY, status: t.outcome, recallCount: 0 }));

describe('replaying a logged day', () => {
  const input = demoDayInput(3);
  const real = simulateDay(input, 'real');

  it('reproduces the day when nothing is changed', () => {
    const replay = simulateDay({ ...input, citizens: citizensFromLog(logged(real.tickets), input.serviceTimes, seededRandom('fill')) }, 'real');
    const calls = (tickets: SimTicket[]) => tickets.map((t) => [t.number, t.issuedAt, t.firstCalledAt, t.counterId, t.completedAt, t.outcome]);
    expect(calls(replay.tickets)).toEqual(calls(real.tickets));
  });

  it('answers what if: a sixth counter for every service shortens the waits', () => {
    const citizens = citizensFromLog(logged(real.tickets), input.serviceTimes, seededRandom('fill'));
    const extra = { id: 'ctr-6', number: 6, name: 'Quầy 6', serviceIds: input.config.services.map((s) => s.id), area: '', staffId: null, active: true };
    const more = simulateDay({ ...input, citizens, config: { ...input.config, counters: [...input.config.counters, extra] } }, 'real');
    const meanWait = (tickets: SimTicket[]) => {
      const called = tickets.filter((t) => t.waitMs !== null);
      return called.reduce((s, t) => s + t.waitMs!, 0) / called.length;
    };
    expect(more.tickets).toHaveLength(real.tickets.length);
    expect(meanWait(more.tickets)).toBeLessThan(meanWait(real.tickets));
  });
});
