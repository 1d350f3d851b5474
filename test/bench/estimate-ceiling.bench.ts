/**
 * How good any estimate made at issue can be on the queue-day bench's days (issue 13): for a sample of tickets,
 * the rest of the day is simulated many times from the exact queue at the moment of issue, with the day's TRUE
 * arrival rates and service-time distributions (which no product knows), and the ticket's wait in each run kept.
 * The median of those waits is the best point for the absolute error; the point that most runs fall near is the
 * best for "within ±max(5 min, 25 %)". What they reach on the day that really happened is the ceiling the
 * product's estimate is measured against (queue-day.bench.ts), on the same tickets.
 */
import { TOLERANCE_FLOOR_MINUTES, TOLERANCE_SHARE } from '../../server/sim/estimate-accuracy';
import { simulateDay, simulateFrom } from '../../server/sim/simulate';
import { benchDayInput } from './queue-day-scenario';
import { round, type BenchResult } from './types';

const LOADS = [0.8, 1.2];
const DAYS = 10;
/** Futures simulated per sampled ticket. */
const RUNS = 30;
/** One issued ticket in this many is sampled (each costs RUNS simulations of the rest of the day). */
const SAMPLE_EVERY = 4;
/** A ticket not called by the end of a simulated day counts as waiting this long. */
const NEVER_MINUTES = 600;

const tolerance = (e: number) => Math.max(TOLERANCE_FLOOR_MINUTES, TOLERANCE_SHARE * e);
const within = (wait: number, e: number) => Math.abs(wait - e) <= tolerance(e);

interface Futures {
  median: number;
  /** The point most simulated waits fall within tolerance of. */
  likeliest: number;
}

function futures(waits: number[]): Futures {
  waits.sort((a, b) => a - b);
  let likeliest = 0;
  let most = -1;
  for (let e = 0; e <= waits[waits.length - 1] * 1.3 + 1; e += 0.5) {
    const n = waits.filter((w) => within(w, e)).length;
    if (n > most) [most, likeliest] = [n, e];
  }
  return { median: waits[waits.length >> 1], likeliest };
}

function measure(load: number): BenchResult[] {
  const input = benchDayInput(load, 'target-wait');
  let judged = 0;
  let waited = 0;
  const error = { median: 0, product: 0 };
  const hits = { median: 0, likeliest: 0, product: 0 };
  for (let d = 0; d < DAYS; d++) {
    const sampled = new Map<string, Futures>();
    let issued = 0;
    // The same seeds as queue-day.bench.ts: the same citizens, the same real waits.
    const day = simulateDay(input, `queue-day-${load}-${d}`, {
      onIssued(state, ticket) {
        if (issued++ % SAMPLE_EVERY !== 0) return;
        const waits: number[] = [];
        for (let k = 0; k < RUNS; k++) {
          const future = simulateFrom(state, ticket.issuedAt, input, `ceiling-${d}-${issued}-${k}`, { recordEstimates: false });
          const mine = future.tickets.find((t) => t.id === ticket.id);
          waits.push(mine?.waitMs == null ? NEVER_MINUTES : mine.waitMs / 60_000);
        }
        sampled.set(ticket.id, futures(waits));
      },
    });
    for (const t of day.tickets) {
      const f = sampled.get(t.id);
      if (!f || t.waitMs === null || t.shownEtaMinutes === null) continue;
      const w = t.waitMs / 60_000;
      judged++;
      waited += w;
      error.median += Math.abs(w - f.median);
      error.product += Math.abs(w - t.shownEtaMinutes);
      if (within(w, f.median)) hits.median++;
      if (within(w, f.likeliest)) hits.likeliest++;
      if (within(w, t.shownEtaMinutes)) hits.product++;
    }
  }
  const load100 = `${Math.round(load * 100)} % load`;
  const pct = (n: number) => `${Math.round((n / judged) * 100)} %`;
  const note = `${judged} sampled tickets called, ${RUNS} futures each`;
  return [
    { name: `ceiling, ${load100}: relative mean absolute error, median of the true futures / the product`, value: `${round(error.median / waited)} / ${round(error.product / waited)}`, unit: '', note },
    { name: `ceiling, ${load100}: called within ±max(5 min, 25 %), median / likeliest point / the product`, value: `${pct(hits.median)} / ${pct(hits.likeliest)} / ${pct(hits.product)}`, unit: '', note },
  ];
}

export async function run(): Promise<BenchResult[]> {
  return LOADS.flatMap(measure);
}
