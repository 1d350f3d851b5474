/** submit(): commands of one event-loop turn share one transaction, and behave exactly as if run one by one. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openQueueRig, KIOSK, staffActor, type QueueRig } from '../../helpers/queue-fixtures';
import { staffSnapshot } from '../../../server/queue/read-model';

let rig: QueueRig;
afterEach(() => rig.close());

const count = (sql: string) => rig.db.prepare(sql).pluck().get() as number;

describe('group commit', () => {
  it('writes a burst in one transaction, with consecutive seqs and numbers', async () => {
    rig = openQueueRig();
    const seen: number[] = [];
    rig.queue.onCommitted((c) => c.command === 'issue' && seen.push(c.seq));
    const transactions = vi.spyOn(rig.store, 'commitMany');
    const results = await Promise.all(Array.from({ length: 20 }, () => rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK)));
    expect(results.map((r) => r.ticket!.number)).toEqual(Array.from({ length: 20 }, (_, i) => `A${String(i + 1).padStart(3, '0')}`));
    expect(transactions).toHaveBeenCalledTimes(1);
    expect(seen).toEqual(results.map((r) => r.seq));
    expect(new Set(seen).size).toBe(20);
    expect(count('SELECT COUNT(*) FROM tickets')).toBe(20);
  });

  it('answers a repeated Idempotency-Key in the same burst with the same ticket', async () => {
    rig = openQueueRig();
    const key = { scope: 'issue:demo', key: 'tap-7' };
    const [a, b] = await Promise.all([
      rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK, key),
      rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK, key),
    ]);
    expect(b.ticket!.id).toBe(a.ticket!.id);
    expect([a.replayed, b.replayed]).toEqual([false, true]);
    expect(count('SELECT COUNT(*) FROM tickets')).toBe(1);
  });

  it('refuses one command without touching the others, and two counters never get the same ticket', async () => {
    rig = openQueueRig();
    await rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-chungthuc' }, KIOSK);
    const results = await Promise.allSettled([
      rig.queue.submit('demo', { type: 'call-next', counterId: 'ctr-1' }, staffActor(1)),
      rig.queue.submit('demo', { type: 'call-next', counterId: 'ctr-2' }, staffActor(2)),
      rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-cutru' }, KIOSK),
    ]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason.code).toBe('QUEUE_EMPTY');
    expect(count("SELECT COUNT(*) FROM ticket_events WHERE type = 'ticket.called'")).toBe(1);
  });

  it('rolls memory back to the database when the transaction fails', async () => {
    rig = openQueueRig();
    await rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK);
    const before = staffSnapshot(rig.queue.state(), rig.clock.now(), []);
    // A disk that refuses the write: the one fault that cannot be played for real here.
    vi.spyOn(rig.store, 'commitMany').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    const failed = await Promise.allSettled([
      rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK),
      rig.queue.submit('demo', { type: 'call-next', counterId: 'ctr-1' }, staffActor(1)),
    ]);
    expect(failed.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(staffSnapshot(rig.queue.state(), rig.clock.now(), [])).toEqual(before);
    const next = await rig.queue.submit('demo', { type: 'issue', serviceId: 'svc-hotich' }, KIOSK);
    expect(next.ticket!.number).toBe('A002');
  });
});
