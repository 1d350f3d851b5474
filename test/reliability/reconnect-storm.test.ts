/**
 * Reconnect storm: 1,000 /public screens (a child process) lose the server, which is
 * restarted in place (same port, same data dir); a counter calls a ticket the moment it
 * is back, before the screens' jittered reconnections land. Every screen must come back
 * to the same seq (within the promised 5 s, printed), and show that call exactly once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { preparedServer, sleep, type ServerProcess } from './helpers/server-process';
import { call, login } from './helpers/http';
import type { StormRequest, StormStatus } from './helpers/storm-clients';

const SCREENS = 1_000;
const PROMISE_MS = 5_000;
// The promise is 5 s after the server is back: a figure, printed here and measured by the benches, not asserted
// (the 1,000 screens share this machine's two cores with the server and the test). What is asserted is that every
// screen comes back to the same seq and shows the call exactly once.

let server: ServerProcess;
let cookie: string;
let storm: ChildProcess;

function ask(msg: StormRequest): Promise<StormStatus> {
  return new Promise((resolve) => {
    storm.once('message', (m) => resolve(m as StormStatus));
    storm.send(msg);
  });
}

async function waitFor(what: string, until: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await until())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

beforeAll(async () => {
  server = await preparedServer();
  await server.start();
  cookie = await login(server.url, 'staff1');
  for (const serviceId of ['svc-hotich', 'svc-hotich', 'svc-chungthuc', 'svc-chungthuc']) await call(server.url, 'POST', '/api/tickets', { body: { serviceId } });
  await call(server.url, 'POST', '/api/counters/ctr-1/call-next', { cookie });

  storm = spawn(process.execPath, ['--import', 'tsx', 'test/reliability/helpers/storm-clients.ts', server.url, String(SCREENS)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('screens did not all connect')), 150_000);
    storm.once('message', () => {
      clearTimeout(timer);
      resolve();
    });
    storm.once('exit', (code) => reject(new Error(`storm clients exited (${code})`)));
  });
}, 200_000);

afterAll(async () => {
  if (storm && storm.exitCode === null) {
    const gone = new Promise((r) => storm.once('exit', r));
    storm.send({ type: 'stop' });
    await gone;
  }
  await server?.destroy();
});

describe(`reconnect storm: ${SCREENS} screens, server restarted in place`, () => {
  for (const signal of ['SIGKILL', 'SIGTERM'] as const) {
    it(`after a ${signal} restart every screen resyncs to the same seq and shows the outage's call once`, { timeout: 120_000 }, async () => {
      const before = (await call(server.url, 'GET', '/api/queue/snapshot')).body.seq as number;
      const all = await ask({ type: 'status', seq: before, callKey: '' });
      expect(all.seqs).toEqual({ [before]: SCREENS });

      await server.kill(signal);
      await waitFor('every screen to notice the outage', async () => (await ask({ type: 'status', seq: before, callKey: '' })).connected === 0, 30_000);
      await server.start();
      const backAt = Date.now();
      const called = await call(server.url, 'POST', '/api/counters/ctr-2/call-next', { cookie });
      expect(called.status).toBe(200);
      const seq = before + 1;
      const snap = (await call(server.url, 'GET', '/api/queue/snapshot')).body;
      expect(snap.seq).toBe(seq);
      const call0 = snap.recentCalls[0];
      expect(call0.ticket.number).toBe(called.body.ticket.number);
      const key = `${call0.seq}:${call0.ticket.ref}`;

      let status: StormStatus | undefined;
      await waitFor(
        'every screen at the new seq',
        async () => {
          status = await ask({ type: 'status', seq, callKey: key });
          return status.lastReachedAt !== null;
        },
        60_000,
      );
      const resyncMs = status!.lastReachedAt! - backAt;
      console.info(`[reconnect-storm ${signal}] all ${SCREENS} screens at seq ${seq} ${resyncMs} ms after the server was back (promise ${PROMISE_MS} ms)`);
      expect(status!.seqs).toEqual({ [seq]: SCREENS });
      // Each screen shows the call exactly once: none missed it, none was told twice.
      expect(status!.callSeen).toEqual({ '1': SCREENS });
      expect(status!.connected).toBe(SCREENS);
    });
  }
});
