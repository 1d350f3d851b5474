/** A real center (the demo seed on a SQLite file) and a day's work on it, for the hub link tests. */
import type { FastifyInstance } from 'fastify';
import type { Ticket } from '../../protocol/domain';
import type { Actor } from '../../server/queue/commands';
import { FakeClock } from '../helpers/clock';

export const STAFF1: Actor = { staffId: 'stf-staff1', role: 'staff' };
export const STAFF2: Actor = { staffId: 'stf-staff2', role: 'staff' };
export const KIOSK: Actor = { staffId: null, role: 'public' };

/** Every kind of commit: issue (with priority), call, recall, start, complete, no-show, requeue, transfer, cancel, pause, resume, auto-complete. */
export function workADay(app: FastifyInstance, clock: FakeClock | null, n = 1): void {
  const c = app.queue.defaultCenterId;
  const q = app.queue;
  const tick = () => clock?.advance(7_000);
  for (let round = 0; round < n; round++) {
    const a = q.execute(c, { type: 'issue', serviceId: 'svc-hotich' }, KIOSK).ticket!;
    tick();
    const b = q.execute(c, { type: 'issue', serviceId: 'svc-chungthuc', priorityId: 'pri-elderly' }, KIOSK).ticket!;
    tick();
    const d = q.execute(c, { type: 'issue', serviceId: 'svc-datdai' }, KIOSK).ticket!;
    tick();
    const e = q.execute(c, { type: 'issue', serviceId: 'svc-hotich' }, KIOSK).ticket!;
    tick();
    const called = q.execute(c, { type: 'call-next', counterId: 'ctr-1' }, STAFF1).ticket!;
    tick();
    q.execute(c, { type: 'recall', counterId: 'ctr-1', ticketId: called.id }, STAFF1);
    tick();
    q.execute(c, { type: 'start', counterId: 'ctr-1', ticketId: called.id }, STAFF1);
    tick();
    q.execute(c, { type: 'transfer', counterId: 'ctr-1', ticketId: called.id, toServiceId: 'svc-datdai', note: 'Chuyển sang đất đai' }, STAFF1);
    tick();
    const second = q.execute(c, { type: 'call-next', counterId: 'ctr-2' }, STAFF2).ticket!;
    tick();
    q.execute(c, { type: 'requeue', counterId: 'ctr-2', ticketId: second.id }, STAFF2);
    tick();
    const third = q.execute(c, { type: 'call-next', counterId: 'ctr-2' }, STAFF2).ticket!;
    tick();
    // call-next while holding a ticket completes it first (demo setting), in the same commit
    q.execute(c, { type: 'call-next', counterId: 'ctr-2' }, STAFF2);
    tick();
    q.execute(c, { type: 'call-next', counterId: 'ctr-3' }, STAFF1);
    tick();
    q.execute(c, { type: 'pause', counterId: 'ctr-4', reason: 'break' }, STAFF2);
    tick();
    q.execute(c, { type: 'resume', counterId: 'ctr-4' }, STAFF2);
    tick();
    const waiting = [...q.state(c).active.values()].find((x) => x.status === 'waiting');
    if (waiting) q.execute(c, { type: 'cancel', ticketId: waiting.id }, STAFF1);
    tick();
    void [a, b, d, e, third];
  }
}

/** Record the ticket rows each commit left, as the queue writer had them in memory. */
export function recordCommits(app: FastifyInstance): Map<number, Ticket[]> {
  const bySeq = new Map<number, Ticket[]>();
  app.queue.onCommitted((c) => bySeq.set(c.seq, c.decision.tickets.map((t) => ({ ...t }))));
  return bySeq;
}
