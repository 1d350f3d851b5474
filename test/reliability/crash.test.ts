/**
 * Crash: the real server process, under steady issue + call load, is killed with
 * SIGKILL at random moments. After each kill the database on disk must hold every
 * acknowledged ticket with its number, and the restarted server must show exactly
 * that committed queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { preparedServer, sleep, type ServerProcess } from './helpers/server-process';
import { call, login } from './helpers/http';
import { Load, LoadRecord } from './helpers/load';
import { calledMoreThanOnce, centerSeq, countersHolding, numberingProblems, ticketsById, waitingIds, withDb } from './helpers/db';
import { comparable, staffSnapshot } from './helpers/sockets';

const KILLS = 10;
const COUNTERS = ['ctr-1', 'ctr-2', 'ctr-3'];

let server: ServerProcess;
let cookie: string;

beforeAll(async () => {
  server = await preparedServer();
  await server.start();
  // Sessions live in SQLite: one sign-in survives every restart below.
  cookie = await login(server.url, 'staff1');
});

afterAll(async () => {
  await server?.destroy();
});

/** The committed truth, read from the file while no server runs. */
function readTruth() {
  return withDb(server.dbFile, (db) => ({
    tickets: ticketsById(db),
    waiting: waitingIds(db),
    holding: countersHolding(db),
    seq: centerSeq(db),
    calledTwice: calledMoreThanOnce(db),
    numbering: numberingProblems(db),
  }));
}

type Truth = ReturnType<typeof readTruth>;

/** What the restarted server shows must be what the file says, before any new command. */
async function expectServerMatches(truth: Truth) {
  const snap = (await call(server.url, 'GET', '/api/queue/snapshot')).body;
  expect(snap.seq).toBe(truth.seq);
  // Which ticket each counter holds, by id: what staff see (the public snapshot shows no ids).
  const staff = await staffSnapshot(server.url, cookie);
  expect(staff.seq).toBe(truth.seq);
  for (const c of staff.counters) expect(c.currentTicket?.id ?? null, `counter ${c.id}`).toBe(truth.holding[c.id] ?? null);
  expect(staff.waiting.map((t) => t.id).sort()).toEqual(truth.waiting);
}

describe('crash: SIGKILL under load', () => {
  it(`keeps every acknowledged ticket, numbering and queue across ${KILLS} kills`, { timeout: 240_000 }, async () => {
    const record = new LoadRecord();
    for (let kill = 1; kill <= KILLS; kill++) {
      const issuedBefore = record.issued.size;
      const load = new Load({ url: server.url, cookie, kiosks: 3, counterIds: COUNTERS, maxRequestsPerLoop: 5_000, deadline: Date.now() + 60_000 }, record).start();
      // A random moment, but only once this round has some acknowledged work to lose.
      const until = Date.now() + 30_000;
      while (record.issued.size < issuedBefore + 5 && Date.now() < until) await sleep(10);
      await sleep(Math.random() * 800);
      await server.kill('SIGKILL');
      await load.stop();
      expect(record.issued.size, `round ${kill} issued nothing`).toBeGreaterThan(issuedBefore);

      const truth = readTruth();
      for (const t of record.issued.values()) expect(truth.tickets.get(t.id)?.number, `acknowledged ticket ${t.number}`).toBe(t.number);
      expect(truth.numbering).toEqual([]);
      expect(truth.calledTwice).toEqual([]);
      for (const c of record.lastCall.values()) {
        const row = truth.tickets.get(c.ticketId)!;
        expect(row.status, `ticket ${c.number} acknowledged as called`).not.toBe('waiting');
        // An unanswered call-next may have committed just before the kill: it completed ours and holds a newer one.
        if (truth.holding[c.counterId] !== c.ticketId) {
          expect(row.status).toBe('done');
          expect(truth.tickets.get(truth.holding[c.counterId]!)?.counter_id).toBe(c.counterId);
        }
      }

      await server.start();
      await expectServerMatches(truth);
    }
    console.info(`[crash] ${KILLS} kills: ${record.issued.size} tickets acknowledged, ${record.calls.length} calls acknowledged, ${record.unanswered} requests cut by a kill`);
    expect(record.unexpected).toEqual([]);
    // Across all ten lives of the server, no ticket was handed to two calls.
    const calledIds = record.calls.map((c) => c.ticketId);
    expect(new Set(calledIds).size).toBe(calledIds.length);
    expect(record.calls.length).toBeGreaterThan(0);
  });

  it('a kill with nothing in flight changes nothing a client can see', { timeout: 120_000 }, async () => {
    const load = new Load({ url: server.url, cookie, kiosks: 2, counterIds: COUNTERS, maxRequestsPerLoop: 200, deadline: Date.now() + 1_500 }).start();
    await load.stop();
    const before = await staffSnapshot(server.url, cookie);
    await server.restart('SIGKILL');
    const after = await staffSnapshot(server.url, cookie);
    expect(comparable(after)).toEqual(comparable(before));
    expect(load.record.unexpected).toEqual([]);
  });
});
