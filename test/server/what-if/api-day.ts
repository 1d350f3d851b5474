/**
 * A logged day made through the real API on a fake clock: citizens take tickets at set minutes, and each
 * working counter, once free (and `paceMinutes` after its last finish: the officer files the papers), calls
 * next, starts at once and completes after the citizen's service time.
 */
import type { FastifyInstance } from 'fastify';
import { loginCookie } from '../../helpers/app';
import type { FakeClock } from '../../helpers/clock';

const MINUTE = 60_000;

export interface Arrival {
  minute: number;
  serviceId: string;
  serviceMinutes: number;
}

/** Two tickets every 5 minutes for Hộ tịch / Chứng thực (counters 1 and 2), one every 15 for Đất đai (counter 3), 09:00–11:00. */
export function busyMorning(): Arrival[] {
  const arrivals: Arrival[] = [];
  for (let m = 0; m < 120; m += 5) {
    arrivals.push({ minute: m, serviceId: 'svc-hotich', serviceMinutes: 7 + (m % 4) });
    arrivals.push({ minute: m + 2, serviceId: 'svc-chungthuc', serviceMinutes: 6 + (m % 3) });
    if (m % 15 === 0) arrivals.push({ minute: m + 1, serviceId: 'svc-datdai', serviceMinutes: 12 });
  }
  return arrivals;
}

/** Every counter busy: the morning above plus Cư trú, BHXH – BHYT and household business for counters 4 and 5. */
export function centerMorning(): Arrival[] {
  const arrivals = busyMorning();
  for (let m = 0; m < 120; m += 6) {
    arrivals.push({ minute: m + 3, serviceId: 'svc-cutru', serviceMinutes: 5 + (m % 5) });
    arrivals.push({ minute: m + 4, serviceId: m % 12 ? 'svc-bhyt' : 'svc-kinhdoanh', serviceMinutes: 7 + (m % 4) });
  }
  return arrivals;
}

/** Runs the day from the clock's instant (09:00 local in the tests) minute by minute until every ticket is done. */
export async function driveDay(app: FastifyInstance, clock: FakeClock, arrivals: Arrival[], counters = ['ctr-1', 'ctr-2', 'ctr-3'], paceMinutes = 0): Promise<void> {
  const cookies = await Promise.all(counters.map((_, i) => loginCookie(app, `staff${i + 1}`)));
  const serviceMinutes = new Map<string, number>();
  const desks = counters.map((id, i) => ({ id, cookie: cookies[i], holding: null as string | null, doneAt: 0, readyAt: 0, foundNone: false }));
  const post = async (cookie: string, url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, headers: { cookie }, payload });
    return res.statusCode === 200 ? res.json() : null;
  };
  const start = clock.ms;
  for (let minute = 0; minute < 600; minute++) {
    clock.ms = start + minute * MINUTE;
    for (const a of arrivals.filter((x) => x.minute === minute)) {
      const res = await app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: a.serviceId } });
      serviceMinutes.set(res.json().ticket?.id ?? res.json().id, a.serviceMinutes);
    }
    for (const d of desks) {
      if (d.holding && clock.ms >= d.doneAt) {
        await post(d.cookie, `/api/counters/${d.id}/complete`, { ticketId: d.holding });
        d.holding = null;
        d.readyAt = clock.ms + paceMinutes * MINUTE;
      }
      if (d.holding || clock.ms < d.readyAt) {
        d.foundNone = false;
        continue;
      }
      const called = await post(d.cookie, `/api/counters/${d.id}/call-next`, { expectedCurrentTicketId: null });
      const ticket = called?.ticket;
      d.foundNone = !ticket;
      if (!ticket) continue;
      await post(d.cookie, `/api/counters/${d.id}/start`, { ticketId: ticket.id });
      d.holding = ticket.id;
      d.doneAt = clock.ms + serviceMinutes.get(ticket.id)! * MINUTE;
    }
    if (minute > Math.max(...arrivals.map((a) => a.minute)) && desks.every((d) => d.foundNone && !d.holding)) break;
  }
}
