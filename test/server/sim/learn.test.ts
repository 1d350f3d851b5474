import { describe, expect, it } from 'vitest';
import { fitLogNormal, meanMinutes, sampleMs, type Duration } from '../../../server/sim/durations';
import { learnDay } from '../../../server/sim/learn';
import { readLoggedTickets } from '../../../server/sim/history';
import { seededRandom } from '../../../server/sim/random';
import { KIOSK, MINUTE, openQueueRig } from '../../helpers/queue-fixtures';

describe('learning a day from logged tickets', () => {
  it('fits back the log-normal it sampled', () => {
    const truth: Duration = { kind: 'lognormal', meanMinutes: 9, cv: 0.7 };
    const rng = seededRandom('fit');
    const fit = fitLogNormal(Array.from({ length: 20_000 }, () => sampleMs(truth, rng)));
    expect(fit).not.toBeNull();
    expect(meanMinutes(fit!)).toBeCloseTo(9, 0);
    expect(fit!.kind === 'lognormal' && Math.abs(fit!.cv - 0.7)).toBeLessThan(0.03);
    expect(fitLogNormal([60_000, 120_000])).toBeNull();
  });

  it('reads service times, arrivals per hour, walk-up and no-shows from the tickets table', () => {
    const rig = openQueueRig({ synchronous: 'NORMAL' });
    try {
      const q = rig.queue;
      const staff = { staffId: 'stf-staff1', role: 'staff' as const };
      // Six citizens of Hộ tịch from 09:00, each called, walking up for 30 s, served for 6 minutes; one never comes.
      for (let i = 0; i < 6; i++) {
        const t = q.execute('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK).ticket!;
        q.execute('demo', { type: 'call-next', counterId: 'ctr-1' }, staff);
        rig.clock.advance(30_000);
        q.execute('demo', { type: 'start', counterId: 'ctr-1', ticketId: t.id }, staff);
        rig.clock.advance(6 * MINUTE);
        q.execute('demo', { type: 'complete', counterId: 'ctr-1', ticketId: t.id }, staff);
      }
      const gone = q.execute('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK).ticket!;
      q.execute('demo', { type: 'call-next', counterId: 'ctr-1' }, staff);
      for (let i = 0; i < 2; i++) q.execute('demo', { type: 'recall', counterId: 'ctr-1', ticketId: gone.id }, staff);
      q.execute('demo', { type: 'no-show', counterId: 'ctr-1', ticketId: gone.id }, staff);

      const day = q.state().businessDay;
      const learned = learnDay(readLoggedTickets(rig.db, 'demo', day, day), 'Asia/Ho_Chi_Minh');
      expect(meanMinutes(learned.serviceTimes['svc-hotich'])).toBeCloseTo(6, 5);
      expect(learned.serviceTimes['svc-chungthuc']).toBeUndefined();
      // All seven between 09:00 and 09:40, on one business day.
      expect(learned.arrivalsPerHour['svc-hotich'][9]).toBe(7);
      expect(learned.arrivalsPerHour['svc-hotich'].reduce((s, n) => s + n, 0)).toBe(7);
      expect(meanMinutes(learned.walkUp!)).toBeCloseTo(0.5, 5);
      expect(learned.noShowShare).toBeCloseTo(1 / 7, 9);
    } finally {
      rig.close();
    }
  });
});
