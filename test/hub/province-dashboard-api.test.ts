/**
 * What the province dashboard reads besides the centers' list: one center's floor from the ingested ticket rows,
 * the summary by procedure field, and the summary as CSV (with the formula-cell rule), on the embedded hub.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DAY, DAY_START, commit, ingest, startHub, ticketRow, type TestHub } from './fixture';

let hub: TestHub;
let centerId: string;
let credential: string;

const get = (url: string, cookie = hub.adminCookie) => hub.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} });

beforeAll(async () => {
  hub = await startHub(null);
  const created = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie }, payload: { code: 'FLR', name: '=HYPERLINK("http://x")' } });
  centerId = created.json().id;
  const enrolled = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: created.json().enrolmentCode } });
  credential = enrolled.json().credential;
  const m = 60_000;
  const t = (id: string, serviceId: string, minute: number, extra: Record<string, unknown> = {}) => ticketRow({ id, serviceId, issuedAt: DAY_START + minute * m, queuedAt: DAY_START + minute * m, number: id.toUpperCase(), ...extra });
  const commits = [
    commit(1, DAY_START, [t('a1', 'svc-a', 0)]),
    commit(2, DAY_START + 5 * m, [t('a2', 'svc-a', 5), t('b1', 'svc-b', 5)]),
    commit(3, DAY_START + 10 * m, [t('a1', 'svc-a', 0, { status: 'called', firstCalledAt: DAY_START + 10 * m, calledAt: DAY_START + 10 * m, counterId: 'k1', staffId: 's1' })]),
    commit(4, DAY_START + 11 * m, [t('a1', 'svc-a', 0, { status: 'serving', firstCalledAt: DAY_START + 10 * m, calledAt: DAY_START + 10 * m, startedAt: DAY_START + 11 * m, counterId: 'k1', staffId: 's1' })]),
    commit(5, DAY_START + 12 * m, [t('b1', 'svc-b', 5, { status: 'done', firstCalledAt: DAY_START + 7 * m, calledAt: DAY_START + 7 * m, startedAt: DAY_START + 8 * m, completedAt: DAY_START + 12 * m, counterId: 'k2', staffId: 's2' })]),
    commit(6, DAY_START + 13 * m, [t('c1', 'svc-c', 13)]),
    commit(7, DAY_START + 14 * m, [t('a3', 'svc-a', 14)]),
  ];
  const configChanges = [
    { id: 1, at: DAY_START - m, action: 'config.snapshot', target: null, data: { services: [{ id: 'svc-a', name: 'Hộ tịch', sortOrder: 1, field: 'Hộ tịch' }, { id: 'svc-b', name: 'Chứng thực', sortOrder: 2, field: '@Chứng thực' }, { id: 'svc-c', name: 'Khác', sortOrder: 3 }], counters: [{ id: 'k1', number: 1, name: 'Quầy 1' }, { id: 'k2', number: 2, name: 'Quầy 2' }, { id: 'k3', number: 3, name: 'Quầy 3' }], staff: [] } },
    // A later change moves svc-a to another field: the newest one counts.
    { id: 2, at: DAY_START, action: 'service.update', target: 'svc-a', data: { before: null, after: { id: 'svc-a', name: 'Hộ tịch', sortOrder: 1, field: 'Hộ tịch – Quốc tịch' } } },
  ];
  hub.clock.t = DAY_START + 20 * m;
  const res = await ingest(hub, credential, { commits, configChanges, live: { at: DAY_START + 20 * m, waiting: 3, longestWaitSeconds: 900, openCounters: 2, printerFaults: 1 } });
  expect(res.statusCode).toBe(200);
}, 120_000);

afterAll(async () => {
  await hub?.close();
});

it("shows a center's floor from its ticket rows: per service waiting and longest wait, per counter its state and number", async () => {
  hub.clock.t = DAY_START + 20 * 60_000 + 30_000; // half a minute after its last batch: still online
  const res = await get(`/api/hub/centers/${centerId}/floor`);
  expect(res.statusCode).toBe(200);
  const f = res.json();
  expect(f).toMatchObject({ centerId, code: 'FLR', businessDay: DAY, online: true, asOf: DAY_START + 20 * 60_000 + 30_000 });
  expect(f.services).toEqual([
    { id: 'svc-a', name: 'Hộ tịch', waiting: 2, longestWaitSeconds: 15 * 60 + 30, inService: 1, served: 0 },
    { id: 'svc-b', name: 'Chứng thực', waiting: 0, longestWaitSeconds: 0, inService: 0, served: 1 },
    { id: 'svc-c', name: 'Khác', waiting: 1, longestWaitSeconds: 7 * 60 + 30, inService: 0, served: 0 },
  ]);
  expect(f.counters).toEqual([
    { id: 'k1', name: 'Quầy 1', state: 'serving', number: 'A1', serviceId: 'svc-a', since: DAY_START + 11 * 60_000, served: 0 },
    { id: 'k2', name: 'Quầy 2', state: 'idle', number: null, serviceId: null, since: null, served: 1 },
    { id: 'k3', name: 'Quầy 3', state: 'idle', number: null, serviceId: null, since: null, served: 0 },
  ]);
});

it('measures the waits of an offline center at its last contact, not now', async () => {
  hub.clock.t = DAY_START + 3 * 3_600_000;
  const f = (await get(`/api/hub/centers/${centerId}/floor`)).json();
  expect(f.online).toBe(false);
  expect(f.asOf).toBe(DAY_START + 20 * 60_000);
  expect(f.services[0]).toMatchObject({ id: 'svc-a', waiting: 2, longestWaitSeconds: 15 * 60 });
});

it('refuses the floor without a session and for an unknown center', async () => {
  expect((await get(`/api/hub/centers/${centerId}/floor`, '')).statusCode).toBe(401);
  const missing = await get('/api/hub/centers/ctr-nope/floor');
  expect(missing.statusCode).toBe(404);
  expect(missing.json().code).toBe('CENTER_NOT_FOUND');
});

it('breaks the summary down by procedure field, from the newest change naming each service', async () => {
  const s = (await get(`/api/hub/reports/summary?from=${DAY}&to=${DAY}`)).json();
  expect(s.byField.map((g: { key: string; issued: number }) => [g.key, g.issued])).toEqual([
    ['@Chứng thực', 1],
    ['Hộ tịch – Quốc tịch', 3],
    ['', 1],
  ]);
  const hoTich = s.byField.find((g: { key: string }) => g.key === 'Hộ tịch – Quốc tịch');
  expect(hoTich.wait).toMatchObject({ count: 1, mean: 600, max: 600 });
  expect(s.byField.at(-1).label).toBe('Chưa rõ lĩnh vực');
  // The fields add up to the province's totals.
  expect(s.byField.reduce((n: number, g: { issued: number }) => n + g.issued, 0)).toBe(s.totals.issued);
});

it('sends the summary as CSV with the center and field rows, formula-looking cells defused', async () => {
  const res = await get(`/api/hub/reports/summary.csv?from=${DAY}&to=${DAY}`);
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('text/csv');
  expect(res.headers['content-disposition']).toContain(`hang-cho-tinh-tong-hop-${DAY}_${DAY}.csv`);
  expect(res.body.startsWith('\uFEFFPhân loại,Mã,Tên,Số phiếu đã cấp')).toBe(true);
  const lines = res.body.slice(1).split('\r\n');
  expect(lines[1].startsWith('Tổng,all,Tất cả,5,1,')).toBe(true);
  expect(lines).toContain(lines.find((l) => l.startsWith('Trung tâm,FLR,')));
  expect(lines.find((l) => l.startsWith('Trung tâm,FLR,'))).toContain(`"'=HYPERLINK(""http://x"")"`);
  expect(lines.find((l) => l.startsWith("Lĩnh vực,'@Chứng thực,'@Chứng thực,1,1,"))).toBeDefined();
  const keys = await get(`/api/hub/reports/summary.csv?from=${DAY}&to=${DAY}&header=keys&centerId=${centerId}`);
  expect(keys.body.startsWith('\uFEFFgrouping,key,label,issued')).toBe(true);
  expect(keys.headers['content-disposition']).toContain('hang-cho-FLR-tong-hop-');
  expect((await get(`/api/hub/reports/summary.csv?from=${DAY}&to=${DAY}`, '')).statusCode).toBe(401);
});
