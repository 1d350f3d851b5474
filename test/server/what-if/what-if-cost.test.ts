/** One busy logged day replayed through the route: about 1,000 tickets of the demo center (its time is a bench figure, not a threshold). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { simulateDay } from '../../../server/sim/simulate';
import { DEMO_COUNTERS } from '../../../server/seed/demo-center';
import { demoDayInput, SIM_DAY } from '../sim/sim-fixtures';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock() });
  cookie = await loginCookie(t.app, 'director');
  // A simulated busy Monday written as the log would hold it.
  const day = simulateDay(demoDayInput(14), 'logged', { recordEstimates: false });
  const insert = t.app.db.prepare(
    `INSERT INTO tickets (id, center_id, service_id, issued_service_id, business_day, seq_no, number, priority_id, priority_weight, status,
       issued_at, queued_at, first_called_at, called_at, started_at, completed_at, counter_id)
     VALUES (?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  t.app.db.transaction(() => {
    day.tickets.forEach((s, i) =>
      insert.run(`log-${i}`, s.serviceId, s.serviceId, SIM_DAY, i + 1, s.number, s.priorityId, s.priority ? 3 : 0, s.outcome, s.issuedAt, s.issuedAt, s.firstCalledAt, s.firstCalledAt, s.startedAt, s.completedAt, s.counterId),
    );
  })();
});
afterAll(() => t.destroy());

it('replays a busy logged day of about 1,000 tickets close to the logged waits', async () => {
  const counters = DEMO_COUNTERS.map((c) => ({ number: c.number, serviceIds: c.serviceIds }));
  const ask = () => t.app.inject({ method: 'POST', url: '/api/reports/what-if', headers: { cookie }, payload: { from: SIM_DAY, to: SIM_DAY, counters } });
  const res = await ask();
  expect(res.statusCode).toBe(200);
  const r = res.json();
  expect(r.tickets).toBeGreaterThan(900);
  // Logged with lunch breaks and no-shows the log cannot tell apart from a walk-up: close, not exact.
  expect(Math.abs(r.overall.meanWaitSeconds - r.overall.logged.meanWaitSeconds)).toBeLessThan(0.1 * r.overall.logged.meanWaitSeconds);
  console.info(`what-if of one ${r.tickets}-ticket day: simulation ${r.elapsedMs} ms; mean wait ${(r.overall.meanWaitSeconds / 60).toFixed(1)} min predicted, ${(r.overall.logged.meanWaitSeconds / 60).toFixed(1)} logged`);
});
