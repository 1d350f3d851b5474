/**
 * Reports on a year of data: generates ~1M tickets (with their events and some ratings) into a
 * temp SQLite file, then times the director's summary for a month (cold = fresh connection,
 * warm = repeated) and for the whole year, and a month's tickets.csv. The OS file cache stays
 * warm in both cases (dropping it needs root), so "cold" means SQLite's own cache is empty.
 */
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '../../server/store/db';
import { seedIfEmpty } from '../../server/seed/seed';
import { DEMO_COUNTERS, DEMO_SERVICES } from '../../server/seed/demo-center';
import { addDays, startOfDay } from '../../server/queue/calendar';
import { parseRange } from '../../server/reports/dates';
import { buildSummary, type SummaryInput } from '../../server/reports/summary';
import { buildPendingDays } from '../../server/reports/rollups';
import { ticketCsvLines } from '../../server/reports/tickets-csv';
import { loadLabels } from '../../server/reports/labels';
import { ZoneClock } from '../../server/reports/zone';
import { openReader } from '../../server/reports/read-connection';
import { percentile, round, type BenchResult } from './types';

const TZ = 'Asia/Ho_Chi_Minh';
const YEAR_START = '2025-01-01';
const TARGET_TICKETS = Number(process.env.REPORTS_BENCH_TICKETS ?? 1_000_000);

/** Deterministic, so two runs measure the same data. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let x = s;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function workingDays(): { day: string; weight: number }[] {
  const days: { day: string; weight: number }[] = [];
  for (let day = YEAR_START; day < '2026-01-01'; day = addDays(day, 1)) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0) continue;
    days.push({ day, weight: weekday === 6 ? 0.5 : 1 });
  }
  return days;
}

export function generate(db: Db): { tickets: number; events: number; ratings: number } {
  const random = rng(42);
  const insTicket = db.prepare(`INSERT INTO tickets (id, center_id, service_id, issued_service_id, business_day, seq_no, number, priority_id, priority_weight, status,
      issued_at, queued_at, first_called_at, called_at, started_at, completed_at, counter_id, staff_id, recall_count, transfer_count)
    VALUES (?, 'demo', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const insEvent = db.prepare('INSERT INTO ticket_events (center_id, seq, at, type, ticket_id, counter_id, staff_id, data) VALUES (\'demo\', ?, ?, ?, ?, ?, ?, ?)');
  const insRating = db.prepare("INSERT INTO ratings (center_id, ticket_id, business_day, counter_id, staff_id, service_id, level, reasons, at) VALUES ('demo', ?, ?, ?, ?, ?, ?, ?, ?)");
  const counterFor = new Map(DEMO_SERVICES.map((s) => [s.id, DEMO_COUNTERS.filter((c) => c.serviceIds.includes(s.id))]));
  const reasonsPos = ['["staff-helpful"]', '["fast-service","clear-guidance"]', '[]'];
  const reasonsNeg = ['["long-wait"]', '["unclear-guidance","slow-service"]', '[]'];
  const days = workingDays();
  const perWeight = TARGET_TICKETS / days.reduce((a, d) => a + d.weight, 0);
  let tickets = 0;
  let events = 0;
  let ratings = 0;
  let seq = 0;
  const ev = (at: number, type: string, ticketId: string, counterId: string | null, staffId: string | null, data: string) => {
    insEvent.run(++seq, at, type, ticketId, counterId, staffId, data);
    events++;
  };

  for (const { day, weight } of days) {
    const n = Math.round(perWeight * weight);
    const midnight = startOfDay(day, TZ);
    const ids = randomBytes(12 * n);
    const seqNos = new Map<string, number>();
    // Arrivals spread over 07:30–11:30 and 13:30–17:00, in issue order.
    const arrivals = Array.from({ length: n }, () => {
      const morning = weight < 1 || random() < 0.55;
      return midnight + (morning ? 7.5 * 3600_000 + random() * 4 * 3600_000 : 13.5 * 3600_000 + random() * 3.5 * 3600_000);
    }).sort((a, b) => a - b);
    db.transaction(() => {
      for (let i = 0; i < n; i++) {
        const id = ids.subarray(i * 12, i * 12 + 12).toString('base64url');
        const issuedService = DEMO_SERVICES[Math.floor(random() ** 1.5 * DEMO_SERVICES.length)];
        const seqNo = (seqNos.get(issuedService.id) ?? 0) + 1;
        seqNos.set(issuedService.id, seqNo);
        const number = `${issuedService.prefix}${String(seqNo).padStart(4, '0')}`;
        const issuedAt = Math.round(arrivals[i]);
        const priority = random() < 0.08 ? 'pri-elderly' : null;
        const r = random();
        const status = r < 0.86 ? 'done' : r < 0.93 ? 'no-show' : 'cancelled';
        const transferred = status === 'done' && random() < 0.02;
        const service = transferred ? DEMO_SERVICES[Math.floor(random() * DEMO_SERVICES.length)] : issuedService;
        const counters = counterFor.get(service.id)!;
        const counter = counters[Math.floor(random() * counters.length)];
        const staffId = `stf-staff${counter.number}`;
        const called = status === 'cancelled' ? null : issuedAt + Math.round(-Math.log(1 - random()) * 15 * 60_000);
        const recalls = status === 'no-show' ? 2 : random() < 0.05 ? 1 : 0;
        const started = status === 'done' ? called! + 20_000 + Math.round(random() * 60_000) : null;
        const completed = status === 'done' ? started! + Math.round((0.3 + random() * 1.7) * service.defaultServiceMinutes * 60_000) : status === 'no-show' ? called! + 180_000 : issuedAt + 8 * 3600_000;
        insTicket.run(id, service.id, issuedService.id, day, seqNo, number, priority, priority ? 3 : 0, status, issuedAt, issuedAt, called, called, started, completed, called ? counter.id : null, called ? staffId : null, recalls, transferred ? 1 : 0);
        tickets++;
        ev(issuedAt, 'ticket.issued', id, null, null, `{"type":"ticket.issued","ticketId":"${id}","at":${issuedAt},"serviceId":"${issuedService.id}","number":"${number}","priorityId":${priority ? `"${priority}"` : 'null'},"kioskId":null}`);
        if (called === null) {
          ev(completed, 'ticket.cancelled', id, null, null, `{"type":"ticket.cancelled","ticketId":"${id}","at":${completed},"staffId":null,"reason":"day-rolled"}`);
          continue;
        }
        ev(called, 'ticket.called', id, counter.id, staffId, `{"type":"ticket.called","ticketId":"${id}","at":${called},"counterId":"${counter.id}","staffId":"${staffId}","priority":${priority !== null},"specific":false}`);
        for (let k = 1; k <= recalls; k++) ev(called + k * 45_000, 'ticket.recalled', id, counter.id, staffId, `{"type":"ticket.recalled","ticketId":"${id}","at":${called + k * 45_000},"counterId":"${counter.id}","staffId":"${staffId}","recallCount":${k}}`);
        if (status === 'no-show') {
          ev(completed, 'ticket.no-show', id, counter.id, staffId, `{"type":"ticket.no-show","ticketId":"${id}","at":${completed},"counterId":"${counter.id}","staffId":"${staffId}","recallCount":${recalls}}`);
          continue;
        }
        ev(started!, 'ticket.started', id, counter.id, staffId, `{"type":"ticket.started","ticketId":"${id}","at":${started},"counterId":"${counter.id}","staffId":"${staffId}"}`);
        ev(completed, 'ticket.completed', id, counter.id, staffId, `{"type":"ticket.completed","ticketId":"${id}","at":${completed},"counterId":"${counter.id}","staffId":"${staffId}","auto":false}`);
        if (random() < 0.25) {
          const level = 1 + Math.min(3, Math.floor(random() ** 0.5 * 4));
          const reasons = level >= 3 ? reasonsPos : reasonsNeg;
          insRating.run(id, day, counter.id, staffId, service.id, level, reasons[Math.floor(random() * reasons.length)], completed + 20_000);
          ratings++;
        }
      }
    })();
  }
  return { tickets, events, ratings };
}

/** Wall and CPU time of one summary; CPU time shows how much of the wall time was waiting for a shared machine. */
function timeSummary(db: Db, from: string, to: string, rollups: SummaryInput['rollups'] = 'auto'): { wall: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const s = buildSummary(db, { centerId: 'demo', timeZone: TZ, range: parseRange(from, to, to, TZ), filters: {}, now: Date.now(), rollups });
  const wall = performance.now() - t0;
  const cpu = process.cpuUsage(c0);
  if (s.totals.issued === 0) throw new Error('empty summary: generation failed');
  return { wall, cpu: (cpu.user + cpu.system) / 1000 };
}

const median = (xs: number[]) => percentile([...xs].sort((a, b) => a - b), 50);
const wallOf = (xs: { wall: number }[]) => round(median(xs.map((x) => x.wall)));
const cpuNote = (xs: { cpu: number }[]) => `CPU ${round(median(xs.map((x) => x.cpu)))} ms`;
const fileSize = (f: string) => (existsSync(f) ? statSync(f).size : 0);

export async function run(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reports-bench-'));
  const file = join(dir, 'bench.sqlite');
  try {
    let db = openDatabase(file, { synchronous: 'NORMAL' });
    seedIfEmpty(db, { mode: 'demo', demoPassword: 'demo', timeZone: TZ, now: Date.now() });
    // Generation only: a crash here just means rerunning the bench. Secondary indexes are
    // dropped during the load and rebuilt after it (sorting once beats a million random inserts).
    const g0 = performance.now();
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('cache_size = -262144');
    const indexes = db.prepare("SELECT name, sql FROM sqlite_schema WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('tickets', 'ticket_events', 'ratings')").all() as { name: string; sql: string }[];
    for (const i of indexes) db.exec(`DROP INDEX ${i.name}`);
    const counts = generate(db);
    for (const i of indexes) db.exec(i.sql);
    db.exec('ANALYZE');
    db.pragma('journal_mode = WAL');
    const genSeconds = (performance.now() - g0) / 1000;
    db.close();
    const size = fileSize(file) + fileSize(`${file}-wal`);

    const month = ['2025-06-01', '2025-06-30'] as const;
    // Summaries read through the same kind of connection the route uses.
    db = openDatabase(file, { synchronous: 'NORMAL' });
    const cold: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const reader = openReader(db, { cacheMiB: 64 });
      cold.push(timeSummary(reader, ...month));
      reader.close();
    }
    const reader = openReader(db, { cacheMiB: 64 });
    const warm: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 10; i++) warm.push(timeSummary(reader, ...month));
    const year: { wall: number; cpu: number }[] = [];
    // Before: the ticket-by-ticket summary (what the route did for any period before rollups).
    for (let i = 0; i < 3; i++) year.push(timeSummary(reader, '2025-01-01', '2025-12-31', 'off'));
    const day: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 10; i++) day.push(timeSummary(reader, '2025-06-16', '2025-06-16'));
    reader.close();

    // After: the day after the year is today, every day of the year is closed and rolled up (what the maintainer
    // does after start, one day per turn), then the same year read through a fresh and a warm read connection.
    db.prepare("UPDATE centers SET business_day = '2026-01-01' WHERE id = 'demo'").run();
    const b0 = performance.now();
    const built = buildPendingDays(db, 'demo', TZ, Date.now());
    const buildMs = performance.now() - b0;
    const rollupRows = db.prepare('SELECT COUNT(*) FROM report_rollups').pluck().get() as number;
    const yearColdRollups: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 5; i++) {
      const r = openReader(db, { cacheMiB: 64 });
      yearColdRollups.push(timeSummary(r, '2025-01-01', '2025-12-31'));
      r.close();
    }
    const reader2 = openReader(db, { cacheMiB: 64 });
    const yearRollups: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 10; i++) yearRollups.push(timeSummary(reader2, '2025-01-01', '2025-12-31'));
    // The year and today (a live day, empty here) together, as a director asks on 1 January.
    const yearToday: { wall: number; cpu: number }[] = [];
    for (let i = 0; i < 5; i++) yearToday.push(timeSummary(reader2, '2025-01-01', '2026-01-01'));
    reader2.close();

    const c0 = performance.now();
    let bytes = 0;
    let rows = 0;
    for (const l of ticketCsvLines(db, { centerId: 'demo', range: parseRange(...month, month[1], TZ), filters: {}, header: 'vi', labels: loadLabels(db, 'demo'), zone: new ZoneClock(TZ) })) {
      bytes += Buffer.byteLength(l);
      rows++;
    }
    const csvMs = performance.now() - c0;
    const monthTickets = db.prepare('SELECT COUNT(*) FROM tickets WHERE business_day BETWEEN ? AND ?').pluck().get(...month) as number;
    db.close();

    const note = `${counts.tickets.toLocaleString('en')} tickets, ${counts.events.toLocaleString('en')} events, ${counts.ratings.toLocaleString('en')} ratings`;
    return [
      { name: 'generate a year (batched, synchronous=OFF)', value: round(genSeconds, 1), unit: 's', note },
      { name: 'database size, one year', value: round(size / 2 ** 20, 1), unit: 'MiB', note },
      { name: 'month summary, cold connection, median of 5', value: wallOf(cold), unit: 'ms', target: '< 300 ms', note: `${monthTickets.toLocaleString('en')} tickets in June; ${cpuNote(cold)}` },
      { name: 'month summary, warm, median of 10', value: wallOf(warm), unit: 'ms', target: '< 300 ms', note: `${monthTickets.toLocaleString('en')} tickets in June; ${cpuNote(warm)}` },
      { name: 'day summary, warm, median of 10', value: wallOf(day), unit: 'ms', note: cpuNote(day) },
      { name: 'year summary, ticket by ticket (before rollups), median of 3', value: wallOf(year), unit: 'ms', note: `${note}; ${cpuNote(year)}` },
      { name: 'build the year\'s rollups (every closed day)', value: round(buildMs / 1000, 1), unit: 's', note: `${built} days, ${round(buildMs / Math.max(1, built), 1)} ms a day, ${rollupRows.toLocaleString('en')} rollup rows` },
      { name: 'year summary from rollups, cold connection, median of 5', value: wallOf(yearColdRollups), unit: 'ms', target: '< 300 ms', note: cpuNote(yearColdRollups) },
      { name: 'year summary from rollups, warm, median of 10', value: wallOf(yearRollups), unit: 'ms', target: '< 300 ms', note: cpuNote(yearRollups) },
      { name: 'year + today (live) from rollups, warm, median of 5', value: wallOf(yearToday), unit: 'ms', note: cpuNote(yearToday) },
      { name: 'month tickets.csv (build all lines)', value: round(csvMs), unit: 'ms', note: `${rows - 1} rows, ${round(bytes / 2 ** 20, 1)} MiB` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
