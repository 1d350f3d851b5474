/** What the link sends up: every commit once, in seq order, with the ticket rows each one left; ratings; config changes. */
import { afterEach, describe, expect, it } from 'vitest';
import { openReader } from '../../server/reports/read-connection';
import { readBatch, DEFAULT_LIMITS } from '../../server/hub-link/uplink-reader';
import { addRating } from '../../server/reports/ratings-store';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { recordCommits, workADay } from './fixtures';

let t: TestApp | null = null;
afterEach(async () => {
  await t?.destroy();
  t = null;
});

const start = { lastSeq: 0, lastRatingId: 0, lastConfigId: 0 };

describe('uplink batches', () => {
  it('sends every commit in seq order with its events and the exact ticket rows it left', async () => {
    const clock = new FakeClock();
    t = await createTestApp({ clock });
    const seen = recordCommits(t.app);
    workADay(t.app, clock, 2);
    const seq = t.app.queue.state().seq;
    expect(seq).toBeGreaterThan(20);

    const reader = openReader(t.app.db);
    const batch = readBatch(reader, t.app.queue.defaultCenterId, start);
    reader.close();
    expect(batch.centerSeq).toBe(seq);
    expect(batch.commits.map((c) => c.seq)).toEqual(Array.from({ length: seq }, (_, i) => i + 1));
    expect(batch.inexactTickets).toBe(0);
    for (const commit of batch.commits) {
      const expected = seen.get(commit.seq);
      if (!expected) continue; // a day roll before the first command, if any
      const byId = (xs: { id: unknown }[]) => [...xs].sort((a, b) => String(a.id).localeCompare(String(b.id)));
      expect(byId(commit.tickets as { id: unknown }[]), `tickets of seq ${commit.seq}`).toEqual(byId(expected));
      expect(commit.events.length).toBeGreaterThan(0);
      expect(commit.at).toBe(commit.events[0].at);
    }
    // The transfer's commit carries the ticket as it stood then (waiting, in the new service), not as it is now.
    const transfer = batch.commits.find((c) => c.events.some((e) => e.type === 'ticket.transferred'))!;
    expect(transfer.tickets[0]).toMatchObject({ status: 'waiting', serviceId: 'svc-datdai', transferCount: 1, note: 'Chuyển sang đất đai' });
  });

  it('resumes after a cursor and stops at the batch limits (count and bytes), never splitting a commit', async () => {
    const clock = new FakeClock();
    t = await createTestApp({ clock });
    workADay(t.app, clock, 3);
    const c = t.app.queue.defaultCenterId;
    const seq = t.app.queue.state().seq;
    const some = readBatch(t.app.db, c, { ...start, lastSeq: 5 }, { ...DEFAULT_LIMITS, commits: 7 });
    expect(some.commits.map((x) => x.seq)).toEqual([6, 7, 8, 9, 10, 11, 12]);
    const tiny = readBatch(t.app.db, c, { ...start, lastSeq: 5 }, { ...DEFAULT_LIMITS, maxBytes: 1 });
    expect(tiny.commits.map((x) => x.seq)).toEqual([6]);
    const none = readBatch(t.app.db, c, { ...start, lastSeq: seq });
    expect(none.commits).toEqual([]);
  });

  it('sends ratings by id and admin changes from the audit log, but not sign-ins', async () => {
    const clock = new FakeClock();
    t = await createTestApp({ clock });
    workADay(t.app, clock, 1);
    const c = t.app.queue.defaultCenterId;
    const done = t.app.db.prepare("SELECT id, counter_id FROM tickets WHERE status = 'done'").all() as { id: string; counter_id: string }[];
    expect(done.length).toBeGreaterThan(0);
    addRating(t.app.db, { ticketId: done[0].id, counterId: done[0].counter_id, level: 4, reasons: [], now: clock.now() });
    const cookie = await loginCookie(t.app, 'admin');
    const res = await t.app.inject({ method: 'PUT', url: '/api/admin/notice', headers: { cookie }, payload: { noticeLine: 'Nghỉ Tết từ 14/2', noticeLineEn: '' } });
    expect(res.statusCode).toBe(200);

    const batch = readBatch(t.app.db, c, start);
    expect(batch.ratings).toHaveLength(1);
    expect(batch.ratings[0]).toMatchObject({ ticketId: done[0].id, level: 4 });
    expect(batch.configChanges.map((x) => x.action)).toEqual(['center.notice']);
    // After the notice's id: nothing left; a sign-in later is skipped and the scan moves past it.
    const after = readBatch(t.app.db, c, { ...start, lastConfigId: batch.configChanges[0].id, lastRatingId: 1 });
    expect(after.configChanges).toEqual([]);
    expect(after.ratings).toEqual([]);
    expect(after.configScannedTo).toBeGreaterThanOrEqual(batch.configChanges[0].id);
  });
});
