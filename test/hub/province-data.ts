/**
 * A province's worth of made-up but plausible data for the dashboard's tests and screenshots, pushed through the
 * hub's real ingest route as centers would push it: a configuration snapshot (services with their procedure
 * fields, counters, officers), a week of days simulated per center (arrivals, counters calling the next ticket,
 * service, no-shows, cancellations, ratings), today up to the hub's clock, and each center's live figures.
 * Deterministic (a seeded generator), so the pictures and the asserted numbers stay the same.
 */
import type { UplinkCommit, UplinkRating } from '../../protocol/hub';
import { addDays } from '../../protocol/local-time';
import { commit, enrolCenter, createCenter, ingest, ticketRow, type TestHub } from './fixture';

export const SERVICES = [
  { id: 'svc-ht', name: 'Hộ tịch', field: 'Hộ tịch', prefix: 'A', target: 20 },
  { id: 'svc-ct', name: 'Chứng thực bản sao', field: 'Chứng thực', prefix: 'B', target: 15 },
  { id: 'svc-dd', name: 'Đất đai', field: 'Đất đai', prefix: 'C', target: 30 },
  { id: 'svc-kd', name: 'Đăng ký kinh doanh', field: 'Thành lập và hoạt động doanh nghiệp', prefix: 'D', target: 30 },
  { id: 'svc-xh', name: 'Bảo trợ xã hội', field: 'Lao động, thương binh và xã hội', prefix: 'E', target: 20 },
];

const STAFF_NAMES = ['Nguyễn Thị Lan', 'Trần Văn Hùng', 'Lê Thị Mai', 'Phạm Quốc Bảo', 'Hoàng Thu Trang', 'Vũ Đức Anh'];

export interface CenterPlan {
  code: string;
  name: string;
  counters: number;
  /** Arrivals per hour as a share of what the counters can serve. */
  load: number;
  printerFaults?: number;
  /** 'HH:mm' today: the center went quiet then (offline since). */
  offlineFrom?: string;
  /** Created but never enrolled. */
  notEnrolled?: boolean;
}

export const PROVINCE_PLAN: CenterPlan[] = [
  { code: 'TTHCC', name: 'Trung tâm Phục vụ hành chính công tỉnh', counters: 6, load: 1.08 },
  { code: 'P-TAN-DINH', name: 'Phường Tân Định', counters: 4, load: 0.95 },
  { code: 'X-BINH-MINH', name: 'Xã Bình Minh', counters: 3, load: 0.8, printerFaults: 1 },
  { code: 'P-HOA-BINH', name: 'Phường Hòa Bình', counters: 4, load: 1.15 },
  { code: 'X-TAN-LAP', name: 'Xã Tân Lập', counters: 2, load: 0.85, offlineFrom: '09:42' },
  { code: 'X-SUOI-NGOT', name: 'Xã Suối Ngọt', counters: 2, load: 0.6 },
  { code: 'X-MUONG-LA', name: 'Xã Mường La', counters: 2, load: 0.5, notEnrolled: true },
  { code: 'P-AN-PHU', name: 'Phường An Phú', counters: 3, load: 0.9 },
  { code: 'X-PHU-HUU', name: 'Xã Phú Hữu', counters: 2, load: 0.7 },
  { code: 'X-LONG-HAI', name: 'Xã Long Hải', counters: 2, load: 1.05, printerFaults: 2, offlineFrom: '10:12' },
  { code: 'P-THANH-MY', name: 'Phường Thạnh Mỹ Lợi', counters: 3, load: 1.0 },
  { code: 'X-DAK-ROSA', name: 'Xã Đắk Rơ Sa', counters: 1, load: 0.55 },
];

/** Epoch ms of 'YYYY-MM-DD' 'HH:mm' in Ho Chi Minh City (UTC+7, no summer time). */
export function ict(day: string, hhmm: string): number {
  const [y, m, d] = day.split('-').map(Number);
  const [h, min] = hhmm.split(':').map(Number);
  return Date.UTC(y, m - 1, d, h - 7, min);
}

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function hash(text: string): number {
  let h = 2166136261;
  for (const ch of text) h = Math.imul(h ^ ch.charCodeAt(0), 16777619);
  return h >>> 0;
}

export interface SimulatedCenter {
  commits: UplinkCommit[];
  ratings: UplinkRating[];
  live: { at: number; waiting: number; longestWaitSeconds: number; openCounters: number; printerFaults: number };
  /** Today's tickets still waiting at the cut-off, per service. */
  waitingToday: Record<string, number>;
}

/** A center's days from `from` to `day` (today, up to `cutoff`): one commit per ticket, its final row. */
export function simulateCenter(plan: CenterPlan, from: string, day: string, cutoff: number): SimulatedCenter {
  const random = rng(hash(plan.code));
  const commits: UplinkCommit[] = [];
  const ratings: UplinkRating[] = [];
  const waitingToday: Record<string, number> = {};
  let seq = 0;
  let ratingId = 0;
  let longestWaitSeconds = 0;
  for (let d = from; d <= day; d = addDays(d, 1)) {
    const weekday = new Date(`${d}T00:00:00Z`).getUTCDay();
    if (weekday === 0) continue; // closed on Sundays
    const sessions: [string, string][] = weekday === 6 ? [['07:30', '11:30']] : [['07:30', '11:30'], ['13:30', '16:30']];
    const counterFree = new Array<number>(plan.counters).fill(0);
    const numbers = new Map<string, number>();
    const dayLoad = plan.load * (0.85 + random() * 0.3);
    let n = 0;
    for (const [open, close] of sessions) {
      const start = ict(d, open);
      const end = ict(d, close);
      for (let k = 0; k < plan.counters; k++) counterFree[k] = Math.max(counterFree[k], start);
      // Capacity: one ticket per ~8 minutes per counter.
      const perHour = (plan.counters * 60 * dayLoad) / 8;
      let at = start;
      for (;;) {
        // Busier mid-morning.
        const hour = (at - start) / 3_600_000;
        const shape = 0.7 + 0.6 * Math.exp(-((hour - 1.5) ** 2));
        at += Math.round((-Math.log(1 - random()) * 3_600_000) / (perHour * shape));
        if (at >= end || (d === day && at >= cutoff)) break;
        const svc = SERVICES[Math.min(SERVICES.length - 1, Math.floor(random() ** 1.4 * SERVICES.length))];
        const seqNo = (numbers.get(svc.id) ?? 0) + 1;
        numbers.set(svc.id, seqNo);
        const id = `${plan.code}-${d}-${++n}`;
        const base = { id, serviceId: svc.id, issuedAt: at, businessDay: d, seqNo, number: `${svc.prefix}${String(seqNo).padStart(3, '0')}`, queuedAt: at, targetWaitMinutes: svc.target };
        const r = random();
        if (r < 0.02) {
          commits.push(commit(++seq, at + 300_000, [ticketRow({ ...base, status: 'cancelled', completedAt: at + 300_000 })]));
          continue;
        }
        let k = 0;
        for (let i = 1; i < plan.counters; i++) if (counterFree[i] < counterFree[k]) k = i;
        const callAt = Math.max(at, counterFree[k]) + Math.round(random() * 30_000);
        const counterId = `k${k + 1}`;
        const staffId = `s${k + 1}`;
        const limit = d === day ? cutoff : Infinity;
        if (callAt >= limit) {
          commits.push(commit(++seq, at, [ticketRow({ ...base, status: 'waiting' })]));
          waitingToday[svc.id] = (waitingToday[svc.id] ?? 0) + 1;
          longestWaitSeconds = Math.max(longestWaitSeconds, Math.round((cutoff - at) / 1000));
          continue;
        }
        const called = { ...base, counterId, staffId, firstCalledAt: callAt, calledAt: callAt };
        if (r < 0.07) {
          const doneAt = callAt + 120_000;
          counterFree[k] = doneAt;
          commits.push(commit(++seq, doneAt, [ticketRow({ ...called, status: 'no-show', completedAt: doneAt })]));
          continue;
        }
        const startAt = callAt + 20_000 + Math.round(random() * 40_000);
        const doneAt = startAt + Math.round((3 + random() * 9) * 60_000);
        counterFree[k] = doneAt;
        if (startAt >= limit) {
          commits.push(commit(++seq, callAt, [ticketRow({ ...called, status: 'called' })]));
          continue;
        }
        if (doneAt >= limit) {
          commits.push(commit(++seq, startAt, [ticketRow({ ...called, status: 'serving', startedAt: startAt })]));
          continue;
        }
        commits.push(commit(++seq, doneAt, [ticketRow({ ...called, status: 'done', startedAt: startAt, completedAt: doneAt })]));
        if (random() < 0.45) {
          const lr = random();
          const level = lr < 0.55 ? 4 : lr < 0.85 ? 3 : lr < 0.95 ? 2 : 1;
          const reasons = level >= 3 ? (random() < 0.5 ? ['staff-helpful'] : ['fast-service']) : random() < 0.6 ? ['long-wait'] : ['unclear-guidance'];
          ratings.push({ id: ++ratingId, ticketId: id, counterId, staffId, serviceId: svc.id, level, reasons, at: doneAt + 30_000 });
        }
      }
    }
  }
  const waiting = Object.values(waitingToday).reduce((a, b) => a + b, 0);
  commits.sort((a, b) => a.seq - b.seq);
  return { commits, ratings, waitingToday, live: { at: cutoff, waiting, longestWaitSeconds, openCounters: plan.counters, printerFaults: plan.printerFaults ?? 0 } };
}

export function configSnapshot(plan: CenterPlan, at: number) {
  return {
    id: 1,
    at,
    action: 'config.snapshot',
    target: null,
    data: {
      services: SERVICES.map((s, i) => ({ id: s.id, name: s.name, sortOrder: i + 1, field: s.field })),
      counters: Array.from({ length: plan.counters }, (_, i) => ({ id: `k${i + 1}`, number: i + 1, name: `Quầy ${i + 1}` })),
      staff: Array.from({ length: plan.counters }, (_, i) => ({ id: `s${i + 1}`, displayName: STAFF_NAMES[i % STAFF_NAMES.length] })),
    },
  };
}

export interface SeededCenter {
  plan: CenterPlan;
  id: string;
  credential: string | null;
  sim: SimulatedCenter | null;
}

/**
 * Creates the centers on the hub and pushes their week through POST /api/hub/ingest in batches of 400 commits.
 * The hub's clock is set to each center's last contact while its batches go in (so "offline since 09:42" is
 * what the hub recorded), then left at `day` `now`.
 */
export async function seedProvince(hub: TestHub, options: { day: string; now: string; days?: number; plan?: CenterPlan[] }): Promise<SeededCenter[]> {
  const from = addDays(options.day, -((options.days ?? 7) - 1));
  const out: SeededCenter[] = [];
  for (const plan of options.plan ?? PROVINCE_PLAN) {
    if (plan.notEnrolled) {
      const c = await createCenter(hub, plan.code, plan.name);
      out.push({ plan, id: c.id, credential: null, sim: null });
      continue;
    }
    const res = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie }, payload: { code: plan.code, name: plan.name } });
    if (res.statusCode !== 201) throw new Error(`create ${plan.code}: ${res.statusCode} ${res.body}`);
    const created = res.json() as { id: string; enrolmentCode: string };
    const enrolled = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: created.enrolmentCode } });
    const credential = (enrolled.json() as { credential: string }).credential;
    const cutoff = ict(options.day, plan.offlineFrom ?? options.now);
    hub.clock.t = cutoff;
    const sim = simulateCenter(plan, from, options.day, cutoff);
    await pushAll(hub, credential, sim, configSnapshot(plan, ict(from, '07:00')));
    out.push({ plan, id: created.id, credential, sim });
  }
  hub.clock.t = ict(options.day, options.now);
  return out;
}

async function pushAll(hub: TestHub, credential: string, sim: SimulatedCenter, config: ReturnType<typeof configSnapshot>) {
  const size = 400;
  for (let i = 0; i < sim.commits.length || i === 0; i += size) {
    const last = i + size >= sim.commits.length;
    const res = await ingest(hub, credential, {
      commits: sim.commits.slice(i, i + size),
      configChanges: i === 0 ? [config] : [],
      ratings: last ? sim.ratings : [],
      live: last ? sim.live : null,
    });
    if (res.statusCode !== 200) throw new Error(`ingest: ${res.statusCode} ${res.body}`);
  }
}

export { enrolCenter };
