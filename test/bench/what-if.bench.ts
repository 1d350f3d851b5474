/**
 * The director's what-if (issue 13): how long POST /api/reports/what-if takes to replay one busy logged day
 * (about 1,000 tickets of the demo center, written as the log holds them) and a week of them, through the real
 * route on a real SQLite file, and how close the unchanged replay comes to the logged waits.
 */
import { createTestApp, loginCookie } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { simulateDay } from '../../server/sim/simulate';
import { DEMO_COUNTERS } from '../../server/seed/demo-center';
import { addDays } from '../../protocol/local-time';
import { demoDayInput, SIM_DAY } from '../server/sim/sim-fixtures';
import { percentile, round, type BenchResult } from './types';

const WEEK = 7;

export async function run(): Promise<BenchResult[]> {
  const t = await createTestApp({ clock: new FakeClock() });
  try {
    const cookie = await loginCookie(t.app, 'director');
    const insert = t.app.db.prepare(
      `INSERT INTO tickets (id, center_id, service_id, issued_service_id, business_day, seq_no, number, priority_id, priority_weight, status,
         issued_at, queued_at, first_called_at, called_at, started_at, completed_at, counter_id)
       VALUES (?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    // A busy week: the same simulated day shifted to each of seven days, as the log would hold them.
    const day = simulateDay(demoDayInput(14), 'logged', { recordEstimates: false });
    const dayMs = 24 * 3600_000;
    t.app.db.transaction(() => {
      for (let d = 0; d < WEEK; d++) {
        const shift = (ms: number | null) => (ms === null ? null : ms - d * dayMs);
        const businessDay = addDays(SIM_DAY, -d);
        day.tickets.forEach((s, i) =>
          insert.run(`log-${d}-${i}`, s.serviceId, s.serviceId, businessDay, i + 1, s.number, s.priorityId, s.priority ? 3 : 0, s.outcome, shift(s.issuedAt), shift(s.issuedAt), shift(s.firstCalledAt), shift(s.firstCalledAt), shift(s.startedAt), shift(s.completedAt), s.counterId),
        );
      }
    })();
    const counters = DEMO_COUNTERS.map((c) => ({ number: c.number, serviceIds: c.serviceIds }));
    const ask = (from: string) => t.app.inject({ method: 'POST', url: '/api/reports/what-if', headers: { cookie }, payload: { from, to: SIM_DAY, counters } });
    const timed = async (from: string, runs: number) => {
      const ms: number[] = [];
      let body: { tickets: number; overall: { meanWaitSeconds: number; logged: { meanWaitSeconds: number } } } | null = null;
      await ask(from);
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        const res = await ask(from);
        ms.push(performance.now() - started);
        if (res.statusCode !== 200) throw new Error(`what-if answered ${res.statusCode}: ${res.body}`);
        body = res.json();
      }
      return { ms: ms.sort((a, b) => a - b), body: body! };
    };
    const one = await timed(SIM_DAY, 5);
    const week = await timed(addDays(SIM_DAY, -(WEEK - 1)), 2);
    const closeness = (b: typeof one.body) => `predicted ${round(b.overall.meanWaitSeconds / 60, 1)} min, logged ${round(b.overall.logged.meanWaitSeconds / 60, 1)} min`;
    return [
      { name: 'what-if, one logged day (median of 5)', value: round(percentile(one.ms, 50), 0), unit: 'ms', target: 'report', note: `${one.body.tickets} tickets, unchanged counters: ${closeness(one.body)}` },
      { name: `what-if, ${WEEK} logged days`, value: round(percentile(week.ms, 50), 0), unit: 'ms', note: `${week.body.tickets} tickets: ${closeness(week.body)}` },
    ];
  } finally {
    await t.destroy();
  }
}

