/** The embedded default (no DATABASE_URL): the same hub on PGlite signs in, enrols, ingests and reports. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY, DAY_START, commit, enrolCenter, ingest, startHub, ticketRow, type TestHub } from './fixture';

let hub: TestHub;

beforeAll(async () => {
  hub = await startHub(null);
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

it('runs the whole uplink on PGlite', async () => {
  expect(hub.db.kind).toBe('pglite');
  const c = await enrolCenter(hub, 'EMB');
  const t = { id: 'e1', serviceId: 'svc-a', issuedAt: DAY_START };
  const commits = [
    commit(1, DAY_START, [ticketRow(t)]),
    commit(2, DAY_START + 120_000, [ticketRow({ ...t, status: 'called', firstCalledAt: DAY_START + 120_000, counterId: 'k1', staffId: 's1' })]),
  ];
  expect((await ingest(hub, c.credential, { commits })).json()).toMatchObject({ lastSeq: 2 });
  expect((await ingest(hub, c.credential, { commits })).json()).toMatchObject({ lastSeq: 2 });
  expect((await ingest(hub, c.credential, { commits: [commit(4, DAY_START, [])] })).statusCode).toBe(409);
  const s = (await hub.app.inject({ method: 'GET', url: `/api/hub/reports/summary?from=${DAY}&to=${DAY}`, headers: { cookie: hub.adminCookie } })).json();
  expect(s.totals).toMatchObject({ issued: 1, open: 1, wait: { count: 1, mean: 120, max: 120 } });
  expect(s.byCenter).toMatchObject([{ centerId: c.id, issued: 1, meanWaitSeconds: 120 }]);
  const health = (await hub.app.inject({ method: 'GET', url: '/api/health' })).json();
  expect(health).toEqual({ status: 'ok', role: 'hub', database: 'pglite', redis: 'single' });
  const page = await hub.app.inject({ method: 'GET', url: '/province/' });
  expect(page.statusCode).toBe(200);
  expect(page.headers['content-type']).toContain('text/html');
});
