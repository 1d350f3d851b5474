/**
 * Fair calls and honest waits (issue 13), measured on simulated days of the demo center (queue-day-scenario.ts)
 * through the real queue writer and rules: at 80 % and 120 % load, the ETA shown at issue against the wait
 * each citizen then had; the mean wait per service under every routing mode (the same citizens each time);
 * the estimate's cost per issued ticket; the simulator's time per day.
 */
import { ROUTING_MODES, type RoutingMode } from '../../protocol/domain';
import { ticketPosition } from '../../server/queue/read-model';
import { DEFAULT_SETTINGS } from '../../server/seed/demo-center';
import { estimateAccuracy } from '../../server/sim/estimate-accuracy';
import { simulateDay } from '../../server/sim/simulate';
import { waitStats } from '../../server/sim/summary';
import type { SimTicket } from '../../server/sim/types';
import { benchDayInput } from './queue-day-scenario';
import { percentile, round, type BenchResult } from './types';

const LOADS = [0.8, 1.2];
const DAYS = 10;
const SERVICE_CODES: Record<string, string> = {
  'svc-hotich': 'HT',
  'svc-chungthuc': 'CT',
  'svc-datdai': 'DD',
  'svc-xaydung': 'XD',
  'svc-kinhdoanh': 'KD',
  'svc-baotro': 'BT',
  'svc-cutru': 'CR',
  'svc-bhyt': 'BH',
};

const pct = (x: number) => `${Math.round(x * 100)} %`;
const loadName = (load: number) => `${Math.round(load * 100)} % load`;

/** The days of one load and mode: the same seeds for every mode, so each compares on the same citizens. */
function days(load: number, routing: RoutingMode, onIssued?: Parameters<typeof simulateDay>[2]): SimTicket[] {
  const tickets: SimTicket[] = [];
  for (let d = 0; d < DAYS; d++) tickets.push(...simulateDay(benchDayInput(load, routing), `queue-day-${load}-${d}`, onIssued).tickets);
  return tickets;
}

/** The estimate's own cost for one just-issued ticket, as POST /api/tickets computes it (repeated when it is tiny). */
function timeEstimate(samples: number[]): Parameters<typeof simulateDay>[2] {
  return {
    onIssued(state, ticket) {
      let repeats = 1;
      let t0 = performance.now();
      ticketPosition(state, ticket, true);
      let elapsed = performance.now() - t0;
      if (elapsed < 0.05) {
        repeats = 20;
        t0 = performance.now();
        for (let i = 0; i < repeats; i++) ticketPosition(state, ticket, true);
        elapsed = performance.now() - t0;
      }
      samples.push((elapsed / repeats) * 1000);
    },
  };
}

function estimateRows(load: number, tickets: SimTicket[]): BenchResult[] {
  const a = estimateAccuracy(tickets.filter((t) => !t.preexisting));
  const uncalled = tickets.filter((t) => t.waitMs === null).length;
  const note = `${DAYS} days, ${a.tickets} tickets called (${uncalled} still waiting at 17:00, not judged); mean wait ${round(a.meanWaitMinutes, 1)} min, mean shown ${round(a.meanShownMinutes, 1)} min`;
  const rows: BenchResult[] = [
    { name: `estimate, ${loadName(load)}: relative mean absolute error`, value: round(a.relativeMeanAbsoluteError), unit: '', target: '≤ 0.30', note },
    { name: `estimate, ${loadName(load)}: bias (mean signed error ÷ mean wait)`, value: round(a.bias), unit: '', target: '±0.15', note: 'negative: shown shorter than waited' },
    { name: `estimate, ${loadName(load)}: called within ±max(5 min, 25 %)`, value: pct(a.withinTolerance), unit: '', target: '≥ 75 %' },
  ];
  if (a.withinRange !== null) rows.push({ name: `estimate, ${loadName(load)}: wait inside the range shown`, value: pct(a.withinRange), unit: '' });
  const priority = estimateAccuracy(tickets.filter((t) => t.priority));
  const normal = estimateAccuracy(tickets.filter((t) => !t.priority));
  rows.push({
    name: `estimate, ${loadName(load)}: relative error, priority / normal tickets`,
    value: `${round(priority.relativeMeanAbsoluteError)} / ${round(normal.relativeMeanAbsoluteError)}`,
    unit: '',
    note: `mean wait ${round(priority.meanWaitMinutes, 1)} / ${round(normal.meanWaitMinutes, 1)} min`,
  });
  return rows;
}

function routingRows(load: number, mode: RoutingMode, tickets: SimTicket[]): BenchResult[] {
  const center = waitStats(tickets);
  const byService = Object.keys(SERVICE_CODES).map((id) => ({ id, ...waitStats(tickets.filter((t) => t.serviceId === id)) }));
  const worst = byService.reduce((w, s) => (s.meanWaitSeconds > w.meanWaitSeconds ? s : w));
  const ratio = center.meanWaitSeconds > 0 ? worst.meanWaitSeconds / center.meanWaitSeconds : 0;
  const isDefault = mode === DEFAULT_SETTINGS.routing;
  const perService = byService.map((s) => `${SERVICE_CODES[s.id]} ${Math.round(s.meanWaitSeconds / 60)}`).join(' · ');
  const p90 = byService.map((s) => `${SERVICE_CODES[s.id]} ${Math.round(s.p90WaitSeconds / 60)}`).join(' · ');
  return [
    { name: `routing '${mode}'${isDefault ? ' (default)' : ''}, ${loadName(load)}: mean wait by service`, value: perService, unit: 'min', note: `center ${round(center.meanWaitSeconds / 60, 1)} min; p90 ${p90}` },
    {
      name: `routing '${mode}'${isDefault ? ' (default)' : ''}, ${loadName(load)}: worst service ÷ center mean`,
      value: round(ratio),
      unit: '×',
      target: isDefault && load === 0.8 ? '≤ 3' : undefined,
      note: `worst ${SERVICE_CODES[worst.id]} ${round(worst.meanWaitSeconds / 60, 1)} min`,
    },
  ];
}

function simulatorRows(): BenchResult[] {
  const time = (recordEstimates: boolean) => {
    const input = benchDayInput(1.2, DEFAULT_SETTINGS.routing);
    simulateDay(input, 'warm-up', { recordEstimates });
    const samples: number[] = [];
    let tickets = 0;
    for (let d = 0; d < DAYS; d++) {
      const t0 = performance.now();
      tickets += simulateDay(input, `timing-${d}`, { recordEstimates }).tickets.length;
      samples.push(performance.now() - t0);
    }
    return { samples: samples.sort((a, b) => a - b), perDay: Math.round(tickets / DAYS) };
  };
  const bare = time(false);
  const shown = time(true);
  return [
    { name: 'simulator: one day, rules only (median)', value: round(percentile(bare.samples, 50), 1), unit: 'ms', target: '≪ 1 s', note: `${bare.perDay} tickets a day, 120 % load` },
    { name: 'simulator: one day, with the ETA shown at every issue (median)', value: round(percentile(shown.samples, 50), 1), unit: 'ms', note: `max ${round(shown.samples.at(-1)!, 1)} ms` },
  ];
}

export async function run(): Promise<BenchResult[]> {
  const rows: BenchResult[] = [];
  const costs: number[] = [];
  for (const load of LOADS) {
    for (const mode of ROUTING_MODES) {
      const isDefault = mode === DEFAULT_SETTINGS.routing;
      const tickets = days(load, mode, isDefault ? timeEstimate(costs) : undefined);
      if (isDefault) rows.push(...estimateRows(load, tickets));
      rows.push(...routingRows(load, mode, tickets));
    }
  }
  costs.sort((a, b) => a - b);
  rows.push({ name: 'estimate cost per issued ticket, p50', value: round(percentile(costs, 50), 1), unit: 'µs', note: `${costs.length} tickets, both loads` });
  rows.push({ name: 'estimate cost per issued ticket, p99', value: round(percentile(costs, 99), 1), unit: 'µs', target: 'report' });
  rows.push(...simulatorRows());
  rows.push({ name: 'scenario', value: `${DAYS} seeded days per load`, unit: '', note: 'demo center, 07:30–11:30 and 13:30–17:00, log-normal service (cv 0.7), 8 % priority, 3 % no-shows' });
  return rows;
}
