/**
 * What the wait estimate costs as the line grows (issue 13): every commit recomputes every service's stats (the
 * estimate for "a ticket taken now") and the position of every ticket a phone follows. With the waiting lines
 * kept in FIFO order (waiting-index.ts) neither should grow with the queue.
 */
import { KIOSK, RulesHarness } from '../helpers/queue-fixtures';
import { serviceStats, ticketPosition } from '../../server/queue/read-model';
import { DEMO_SERVICES } from '../../server/seed/demo-center';
import { round, type BenchResult } from './types';

const LINES = [100, 1_000, 3_000];
const ROUNDS = 300;

function measure(waiting: number): BenchResult[] {
  const r = new RulesHarness({ settings: { routing: 'target-wait' } });
  const ids: string[] = [];
  for (let i = 0; i < waiting; i++) {
    r.tick(500);
    const issued = r.run({ type: 'issue', serviceId: DEMO_SERVICES[i % DEMO_SERVICES.length].id, priorityId: null }, KIOSK);
    ids.push(issued.ticket!.id);
  }
  const now = r.now;
  // Warm up, then time.
  for (let i = 0; i < 20; i++) serviceStats(r.state, now);
  let t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) serviceStats(r.state, now);
  const stats = (performance.now() - t0) / ROUNDS;
  const followed = Array.from({ length: 10 }, (_, k) => r.state.active.get(ids[Math.floor(((k + 0.5) / 10) * waiting)])!);
  t0 = performance.now();
  for (let i = 0; i < ROUNDS; i++) for (const t of followed) ticketPosition(r.state, t, false, now);
  const position = (performance.now() - t0) / ROUNDS / followed.length;
  return [
    { name: `${waiting} waiting: every service's stats (one commit)`, value: round(stats, 3), unit: 'ms' },
    { name: `${waiting} waiting: one followed ticket's position and estimate`, value: round(position * 1000, 1), unit: 'µs' },
  ];
}

export async function run(): Promise<BenchResult[]> {
  return LINES.flatMap(measure);
}
