/**
 * Power-cut style: the server is killed mid-load and its database files (db, -wal, -shm)
 * are copied exactly as the kill left them, WAL included (nothing checkpointed them), to
 * a fresh directory. A new server on that copy must hold every acknowledged ticket.
 * This is what a backup taken at the wrong moment, or a disk moved to another PC, sees.
 * (A real power cut also drops the OS page cache; what makes that safe is
 * synchronous=FULL's fsync per commit, which this test cannot observe.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DB_NAME, preparedServer, ServerProcess, sleep } from './helpers/server-process';
import { call, login } from './helpers/http';
import { Load } from './helpers/load';
import { numberingProblems, withDb } from './helpers/db';

const ROUNDS = 3;
// tmpfs when the machine has one: the copy lives apart from the original's disk.
const COPY_ROOT = existsSync('/dev/shm') ? '/dev/shm' : tmpdir();

let server: ServerProcess;
let cookie: string;
const copies: ServerProcess[] = [];

beforeAll(async () => {
  server = await preparedServer();
  await server.start();
  cookie = await login(server.url, 'staff1');
});

afterAll(async () => {
  for (const c of copies) await c.destroy();
  await server?.destroy();
});

describe('power cut: SIGKILL, then copy the files as they are', () => {
  it(`a server started on the copy has every acknowledged ticket (${ROUNDS} rounds)`, { timeout: 180_000 }, async () => {
    for (let round = 1; round <= ROUNDS; round++) {
      const load = new Load({ url: server.url, cookie, kiosks: 3, counterIds: ['ctr-1', 'ctr-2'], maxRequestsPerLoop: 5_000, deadline: Date.now() + 60_000 }).start();
      const until = Date.now() + 30_000;
      while (load.record.issued.size < 20 && Date.now() < until) await sleep(10);
      await sleep(Math.random() * 1_000);
      await server.kill('SIGKILL');
      const copyDir = mkdtempSync(join(COPY_ROOT, 'qm-powercut-'));
      for (const suffix of ['', '-wal', '-shm']) copyFileSync(join(server.dataDir, DB_NAME + suffix), join(copyDir, DB_NAME + suffix));
      await load.stop();

      // The acknowledged tickets must be in the WAL, not only in an already checkpointed main file.
      expect(statSync(join(copyDir, `${DB_NAME}-wal`)).size).toBeGreaterThan(0);
      expect(load.record.issued.size).toBeGreaterThanOrEqual(20);
      expect(load.record.unexpected).toEqual([]);

      const copy = await ServerProcess.create({ dataDir: copyDir });
      copies.push(copy);
      await copy.start();
      const acked = [...load.record.issued.values()];
      // A few at a time: thousands of tickets, one loopback server.
      for (let i = 0; i < acked.length; i += 16) {
        const answers = await Promise.all(acked.slice(i, i + 16).map((t) => call(copy.url, 'GET', `/api/tickets/${t.id}`)));
        answers.forEach((a, j) => {
          expect(a.status, `ticket ${acked[i + j].number}`).toBe(200);
          expect(a.body.number).toBe(acked[i + j].number);
        });
      }
      await copy.kill('SIGTERM');
      expect(withDb(join(copyDir, DB_NAME), numberingProblems)).toEqual([]);
      rmSync(copyDir, { recursive: true, force: true });
      await server.start();
    }
  });
});
