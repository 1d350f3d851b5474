/** The uplink on a real PostgreSQL: accounts, enrolment, ingest, replay, gaps, credentials, one center per credential. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPostgres, type PgCluster } from '../helpers/postgres';
import { DAY_START, commit, createCenter, enrolCenter, ingest, login, startHub, ticketRow, type TestHub } from './fixture';

let cluster: PgCluster;
let hub: TestHub;

beforeAll(async () => {
  cluster = await startPostgres();
  hub = await startHub(cluster);
}, 120_000);

afterAll(async () => {
  await hub?.close();
  await cluster?.stop();
});

const count = async (sql: string, params: unknown[] = []) => Number((await hub.db.query<{ n: number }>(sql, params)).rows[0].n);

/** Three commits of one ticket: issued, called, served. */
function threeCommits(prefix: string, firstSeq = 1) {
  const t0 = DAY_START + 60_000;
  const base = { id: `${prefix}-t1`, serviceId: 'svc-hotich', issuedAt: t0 };
  return [
    commit(firstSeq, t0, [ticketRow(base)], 'ticket.issued'),
    commit(firstSeq + 1, t0 + 300_000, [ticketRow({ ...base, status: 'called', firstCalledAt: t0 + 300_000, calledAt: t0 + 300_000, counterId: 'ctr-1', staffId: 'st-1' })], 'ticket.called'),
    commit(firstSeq + 2, t0 + 900_000, [
      ticketRow({ ...base, status: 'done', firstCalledAt: t0 + 300_000, calledAt: t0 + 300_000, startedAt: t0 + 320_000, completedAt: t0 + 800_000, counterId: 'ctr-1', staffId: 'st-1' }),
    ], 'ticket.completed'),
  ];
}

describe('province accounts', () => {
  it('signs in with the seeded admin and refuses a wrong password with the translated error', async () => {
    const ok = await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'demo-pass' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ username: 'admin', role: 'admin' });
    expect(ok.cookies.find((c) => c.name === 'qm_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict' });

    const bad = await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'nope' } });
    expect(bad.statusCode).toBe(401);
    expect(bad.json()).toEqual({ code: 'INVALID_CREDENTIALS', message: 'Tên đăng nhập hoặc mật khẩu không đúng.' });

    const me = await hub.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: hub.adminCookie } });
    expect(me.json().username).toBe('admin');
  });

  it('lets only an admin create centers; a director reads them; nobody else does', async () => {
    const director = await login(hub.app, 'director', 'demo-pass');
    const asDirector = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: director }, payload: { code: 'D1', name: 'Xã D' } });
    expect(asDirector.statusCode).toBe(403);
    expect(asDirector.json().code).toBe('FORBIDDEN');
    const anonymous = await hub.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { 'accept-language': 'en' } });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json()).toEqual({ code: 'UNAUTHENTICATED', message: 'Please sign in.' });
    const list = await hub.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie: director } });
    expect(list.statusCode).toBe(200);
    expect(Array.isArray(list.json())).toBe(true);
  });

  it('refuses a center code already taken', async () => {
    await createCenter(hub, 'DUP');
    const again = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie }, payload: { code: 'DUP', name: 'Khác' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('CODE_TAKEN');
  });

  it('refuses a change asked from another origin', async () => {
    const res = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie, origin: 'http://evil.test', host: 'hub.test' }, payload: { code: 'X9', name: 'X' } });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('CROSS_ORIGIN');
  });
});

describe('enrolment', () => {
  it('spends the one-time code once; the hub keeps only hashes', async () => {
    const c = await createCenter(hub, 'ENR');
    expect(c.enrolmentCode).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    // Typed by a person: case and dashes do not matter.
    const first = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: c.enrolmentCode.toLowerCase().replace(/-/g, ' ') } });
    expect(first.statusCode).toBe(201);
    const body = first.json();
    expect(body).toMatchObject({ centerId: c.id, code: 'ENR', name: 'Xã ENR' });
    expect(body.credential.startsWith(`${c.id}.`)).toBe(true);

    const second = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: c.enrolmentCode } });
    expect(second.statusCode).toBe(401);
    expect(second.json().code).toBe('ENROLMENT_CODE_INVALID');

    const row = (await hub.db.query<Record<string, unknown>>('SELECT * FROM centers WHERE id = $1', [c.id])).rows[0];
    const stored = JSON.stringify(row);
    expect(stored).not.toContain(body.credential.split('.')[1]);
    expect(stored).not.toContain(c.enrolmentCode);
    expect(row.credential_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses an expired code', async () => {
    const c = await createCenter(hub, 'OLD');
    hub.clock.t += 8 * 86_400_000;
    try {
      const res = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: c.enrolmentCode } });
      expect(res.statusCode).toBe(401);
      expect(res.json().code).toBe('ENROLMENT_CODE_INVALID');
    } finally {
      hub.clock.t -= 8 * 86_400_000;
    }
  });
});

describe('ingest', () => {
  it('applies a batch, answers the link state, and GET link says the same', async () => {
    const c = await enrolCenter(hub, 'ING');
    const before = await hub.app.inject({ method: 'GET', url: '/api/hub/link', headers: { authorization: `Bearer ${c.credential}` } });
    expect(before.json()).toEqual({ lastSeq: 0, lastRatingId: 0, lastConfigId: 0, downlinkVersion: 0 });

    const res = await ingest(hub, c.credential, {
      commits: threeCommits('ing'),
      ratings: [{ id: 7, ticketId: 'ing-t1', counterId: 'ctr-1', staffId: 'st-1', serviceId: 'svc-hotich', level: 4, reasons: ['fast-service'], at: DAY_START + 1_000_000 }],
      configChanges: [{ id: 3, at: DAY_START, action: 'service.updated', target: 'svc-hotich', data: { name: 'Hộ tịch' } }],
      live: { at: DAY_START + 900_000, waiting: 4, longestWaitSeconds: 310, openCounters: 2, printerFaults: 1 },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ lastSeq: 3, lastRatingId: 7, lastConfigId: 3, downlinkVersion: 0 });

    const link = await hub.app.inject({ method: 'GET', url: '/api/hub/link', headers: { authorization: `Bearer ${c.credential}` } });
    expect(link.json()).toEqual({ lastSeq: 3, lastRatingId: 7, lastConfigId: 3, downlinkVersion: 0 });

    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id = $1', [c.id])).toBe(3);
    const ticket = (await hub.db.query<{ row: Record<string, unknown>; seq: number }>('SELECT row, seq FROM center_tickets WHERE center_id = $1', [c.id])).rows;
    expect(ticket).toHaveLength(1);
    expect(ticket[0]).toMatchObject({ seq: 3, row: { status: 'done' } });
    // One ticket, counted once as it stands now (served), though three commits carried it.
    const roll = (await hub.db.query<Record<string, number>>('SELECT sum(issued) AS issued, sum(served) AS served, sum(open) AS open, sum(wait_sum) AS wait, sum(service_sum) AS service, sum(rating_4) AS r4 FROM rollup_hourly WHERE center_id = $1', [c.id])).rows[0];
    expect(roll).toEqual({ issued: 1, served: 1, open: 0, wait: 300, service: 480, r4: 1 });

    const centers = (await hub.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie: hub.adminCookie } })).json() as Record<string, unknown>[];
    expect(centers.find((x) => x.id === c.id)).toMatchObject({ code: 'ING', online: true, lastSeenAt: hub.clock.t, lastSeq: 3, waiting: 4, longestWaitSeconds: 310, openCounters: 2, printerFaults: 1 });
  });

  it('changes nothing when a batch is replayed, whole or in part', async () => {
    const c = await enrolCenter(hub, 'REP');
    const commits = threeCommits('rep');
    const rating = { id: 1, ticketId: 'rep-t1', counterId: 'ctr-1', staffId: 'st-1', serviceId: 'svc-hotich', level: 2, reasons: [], at: DAY_START + 1_000_000 };
    expect((await ingest(hub, c.credential, { commits, ratings: [rating] })).statusCode).toBe(200);
    const snapshot = async () => ({
      commits: (await hub.db.query('SELECT seq, at, events, tickets FROM center_commits WHERE center_id = $1 ORDER BY seq', [c.id])).rows,
      tickets: (await hub.db.query('SELECT * FROM center_tickets WHERE center_id = $1', [c.id])).rows,
      ratings: (await hub.db.query('SELECT * FROM center_ratings WHERE center_id = $1', [c.id])).rows,
      rollups: (await hub.db.query('SELECT * FROM rollup_hourly WHERE center_id = $1 ORDER BY business_day, service_id, counter_id, staff_id, hour', [c.id])).rows,
    });
    const before = await snapshot();
    expect(before.rollups.length).toBeGreaterThan(0);

    const whole = await ingest(hub, c.credential, { commits, ratings: [rating] });
    expect(whole.statusCode).toBe(200);
    expect(whole.json().lastSeq).toBe(3);
    expect(await snapshot()).toEqual(before);

    // The center resends from seq 2 with one new commit after: only seq 4 is new.
    const t4 = ticketRow({ id: 'rep-t2', serviceId: 'svc-hotich', issuedAt: DAY_START + 2_000_000 });
    const partial = await ingest(hub, c.credential, { commits: [commits[1], commits[2], commit(4, DAY_START + 2_000_000, [t4])] });
    expect(partial.json().lastSeq).toBe(4);
    const after = await snapshot();
    expect(after.commits).toHaveLength(4);
    expect(after.commits.slice(0, 3)).toEqual(before.commits);
    const sum = (rows: Record<string, unknown>[], k: string) => rows.reduce((s, r) => s + Number(r[k]), 0);
    expect(sum(after.rollups, 'issued')).toBe(2);
    expect(sum(after.rollups, 'served')).toBe(1);
    expect(sum(after.rollups, 'wait_sum')).toBe(300);
    expect(sum(after.rollups, 'rating_2')).toBe(1);
  });

  it('answers 409 with its state when a batch leaves a gap, and applies nothing of it', async () => {
    const c = await enrolCenter(hub, 'GAP');
    expect((await ingest(hub, c.credential, { commits: threeCommits('gap') })).statusCode).toBe(200);
    const gap = await ingest(hub, c.credential, { commits: threeCommits('gap2', 5), ratings: [{ id: 9, ticketId: 'gap2-t1', counterId: null, staffId: null, serviceId: null, level: 3, reasons: [], at: DAY_START }] });
    expect(gap.statusCode).toBe(409);
    expect(gap.json()).toEqual({ lastSeq: 3, lastRatingId: 0, lastConfigId: 0, downlinkVersion: 0 });
    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id = $1', [c.id])).toBe(3);
    expect(await count('SELECT count(*) AS n FROM center_ratings WHERE center_id = $1', [c.id])).toBe(0);
    // Resent from 4, it goes in.
    const next = await ingest(hub, c.credential, { commits: threeCommits('gap2', 4) });
    expect(next.statusCode).toBe(200);
    expect(next.json().lastSeq).toBe(6);
  });

  it('refuses commits out of order within a batch', async () => {
    const c = await enrolCenter(hub, 'ORD');
    const [a, b, d] = threeCommits('ord');
    const res = await ingest(hub, c.credential, { commits: [a, d, b] });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('VALIDATION_ERROR');
    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id = $1', [c.id])).toBe(0);
  });

  it('refuses a body carrying __proto__ or constructor.prototype, plain or escaped, and a body that is not JSON', async () => {
    const c = await enrolCenter(hub, 'PSN');
    const [a] = threeCommits('psn');
    const good = JSON.stringify({ commits: [a], ratings: [], configChanges: [], live: null });
    const bodies = [
      good.replace('"tickets":[{', '"tickets":[{"__proto__":{"polluted":true},'),
      good.replace('"tickets":[{', '"tickets":[{"\\u005f_proto__":{"polluted":true},'),
      good.replace('"tickets":[{', '"tickets":[{"constructor":{"prototype":{"polluted":true}},'),
      good.slice(0, -5),
    ];
    for (const payload of bodies) {
      const res = await hub.app.inject({ method: 'POST', url: '/api/hub/ingest', headers: { authorization: `Bearer ${c.credential}`, 'content-type': 'application/json' }, payload });
      expect(res.statusCode, payload.slice(0, 120)).toBe(400);
    }
    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id = $1', [c.id])).toBe(0);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ok = await hub.app.inject({ method: 'POST', url: '/api/hub/ingest', headers: { authorization: `Bearer ${c.credential}`, 'content-type': 'application/json' }, payload: good });
    expect(ok.statusCode).toBe(200);
  });

  it('takes a batch of thousands of commits in one request', async () => {
    const c = await enrolCenter(hub, 'BIG');
    const commits = Array.from({ length: 5000 }, (_, i) => commit(i + 1, DAY_START + i * 1000, [ticketRow({ id: `big-${i}`, serviceId: `svc-${i % 5}`, issuedAt: DAY_START + i * 1000 })]));
    const res = await ingest(hub, c.credential, { commits });
    expect(res.statusCode).toBe(200);
    expect(res.json().lastSeq).toBe(5000);
    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id = $1', [c.id])).toBe(5000);
    expect(await count('SELECT sum(issued) AS n FROM rollup_hourly WHERE center_id = $1', [c.id])).toBe(5000);
  });

  it('a heartbeat (no rows, only live) updates the live view and changes no seq', async () => {
    const c = await enrolCenter(hub, 'HB');
    hub.clock.t += 5_000;
    const res = await ingest(hub, c.credential, { live: { at: hub.clock.t, waiting: 12, longestWaitSeconds: 900, openCounters: 3, printerFaults: 0 } });
    expect(res.json().lastSeq).toBe(0);
    const list = (await hub.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie: hub.adminCookie } })).json() as Record<string, unknown>[];
    expect(list.find((x) => x.id === c.id)).toMatchObject({ online: true, waiting: 12, longestWaitSeconds: 900, openCounters: 3, lastSeenAt: hub.clock.t });
    // Not heard from for over a minute: offline, its last contact kept.
    hub.clock.t += 61_000;
    const later = (await hub.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie: hub.adminCookie } })).json() as Record<string, unknown>[];
    expect(later.find((x) => x.id === c.id)).toMatchObject({ online: false, lastSeenAt: hub.clock.t - 61_000 });
  });
});

describe('credentials', () => {
  it('answers 401 with the translated error to a missing, malformed or forged credential', async () => {
    const c = await enrolCenter(hub, 'FOR');
    const [, token] = c.credential.split('.');
    const forgedToken = (token[0] === 'A' ? 'B' : 'A') + token.slice(1);
    const other = await enrolCenter(hub, 'FOR2');
    const attempts: (string | undefined)[] = [undefined, 'Bearer', 'Bearer nonsense', `Bearer ${c.id}.${forgedToken}`, `Bearer ${other.id}.${token}`, `Basic ${c.credential}`];
    for (const authorization of attempts) {
      const res = await hub.app.inject({ method: 'POST', url: '/api/hub/ingest', headers: authorization ? { authorization } : {}, payload: { commits: threeCommits('forged'), ratings: [], configChanges: [], live: null } });
      expect(res.statusCode, String(authorization)).toBe(401);
      expect(res.json()).toEqual({ code: 'HUB_CREDENTIAL_INVALID', message: expect.stringContaining('Trung tâm không được hệ thống tỉnh công nhận') });
    }
    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id IN ($1, $2)', [c.id, other.id])).toBe(0);
  });

  it('a revoked credential gets 401 at once; a new enrolment code brings the center back with a new credential', async () => {
    const c = await enrolCenter(hub, 'REV');
    expect((await ingest(hub, c.credential, { commits: threeCommits('rev') })).statusCode).toBe(200);
    const director = await login(hub.app, 'director', 'demo-pass');
    expect((await hub.app.inject({ method: 'POST', url: `/api/hub/centers/${c.id}/revoke`, headers: { cookie: director } })).statusCode).toBe(403);
    const revoke = await hub.app.inject({ method: 'POST', url: `/api/hub/centers/${c.id}/revoke`, headers: { cookie: hub.adminCookie } });
    expect(revoke.statusCode).toBe(200);

    const refused = await ingest(hub, c.credential, { commits: threeCommits('rev', 4) });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('HUB_CREDENTIAL_INVALID');
    const link = await hub.app.inject({ method: 'GET', url: '/api/hub/link', headers: { authorization: `Bearer ${c.credential}` } });
    expect(link.statusCode).toBe(401);
    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id = $1', [c.id])).toBe(3);
    const list = (await hub.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie: hub.adminCookie } })).json() as Record<string, unknown>[];
    expect(list.find((x) => x.id === c.id)).toMatchObject({ online: false, enrolled: false });

    const renewed = await hub.app.inject({ method: 'POST', url: `/api/hub/centers/${c.id}/enrolment-code`, headers: { cookie: hub.adminCookie } });
    expect(renewed.statusCode).toBe(201);
    const enrol = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: renewed.json().enrolmentCode } });
    expect(enrol.statusCode).toBe(201);
    const fresh = enrol.json().credential as string;
    expect(fresh).not.toBe(c.credential);
    // It resumes where it was: the hub's log of the center is kept.
    const resumed = await ingest(hub, fresh, { commits: threeCommits('rev', 4) });
    expect(resumed.statusCode).toBe(200);
    expect(resumed.json().lastSeq).toBe(6);
    expect((await ingest(hub, c.credential, {})).statusCode).toBe(401);
  });

  it('a center writes only its own rows, whatever ids its body carries', async () => {
    const a = await enrolCenter(hub, 'CA');
    const b = await enrolCenter(hub, 'CB');
    expect((await ingest(hub, b.credential, { commits: threeCommits('b') })).statusCode).toBe(200);
    const bBefore = (await hub.db.query('SELECT * FROM center_commits WHERE center_id = $1 ORDER BY seq', [b.id])).rows;

    // A's credential, with B's id wherever a body could name a center.
    const hostile = threeCommits('a').map((x) => ({ ...x, centerId: b.id, tickets: x.tickets.map((t) => ({ ...t, centerId: b.id })) }));
    const res = await hub.app.inject({
      method: 'POST',
      url: `/api/hub/ingest?centerId=${b.id}`,
      headers: { authorization: `Bearer ${a.credential}`, 'x-center-id': b.id },
      payload: { centerId: b.id, commits: hostile, ratings: [{ id: 1, ticketId: 'b-t1', counterId: null, staffId: null, serviceId: null, level: 1, reasons: [], at: DAY_START }], configChanges: [], live: { at: 1, waiting: 99, longestWaitSeconds: 0, openCounters: 0, printerFaults: 0 } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().lastSeq).toBe(3);
    expect((await hub.db.query('SELECT * FROM center_commits WHERE center_id = $1 ORDER BY seq', [b.id])).rows).toEqual(bBefore);
    expect(await count('SELECT count(*) AS n FROM center_commits WHERE center_id = $1', [a.id])).toBe(3);
    expect(await count('SELECT count(*) AS n FROM center_ratings WHERE center_id = $1', [b.id])).toBe(0);
    expect(await count('SELECT count(*) AS n FROM center_ratings WHERE center_id = $1', [a.id])).toBe(1);
    const list = (await hub.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie: hub.adminCookie } })).json() as Record<string, unknown>[];
    expect(list.find((x) => x.id === b.id)).toMatchObject({ lastSeq: 3, waiting: 0 });
    expect(list.find((x) => x.id === a.id)).toMatchObject({ lastSeq: 3, waiting: 99 });
  });
});

describe('downlink', () => {
  it('gives a center what the province published for it or for all, after a version', async () => {
    const a = await enrolCenter(hub, 'DLA');
    const b = await enrolCenter(hub, 'DLB');
    const publish = (payload: object) => hub.app.inject({ method: 'POST', url: '/api/hub/downlink', headers: { cookie: hub.adminCookie }, payload });
    const v1 = (await publish({ kind: 'notice-line', data: { text: 'Nghỉ lễ 30/4' } })).json().version as number;
    const v2 = (await publish({ kind: 'holidays', data: ['2026-04-30'], centerId: b.id })).json().version as number;
    const pull = (cred: string, since: number) => hub.app.inject({ method: 'GET', url: `/api/hub/downlink?since=${since}`, headers: { authorization: `Bearer ${cred}` } });
    const forA = (await pull(a.credential, 0)).json();
    expect(forA.items.map((x: { version: number }) => x.version)).toEqual([v1]);
    expect(forA.items[0]).toMatchObject({ kind: 'notice-line', data: { text: 'Nghỉ lễ 30/4' } });
    const forB = (await pull(b.credential, v1)).json();
    expect(forB).toMatchObject({ version: v2, items: [{ version: v2, kind: 'holidays' }] });
    const link = await hub.app.inject({ method: 'GET', url: '/api/hub/link', headers: { authorization: `Bearer ${a.credential}` } });
    expect(link.json().downlinkVersion).toBe(v1);
  });
});

describe('names and reasons in the province summary', () => {
  it('shows the names the config changes carried, and counts rating reasons once', async () => {
    const c = await enrolCenter(hub, 'NAM');
    const configChanges = [
      { id: 1, at: DAY_START, action: 'config.snapshot', target: null, data: { services: [{ id: 'svc-hotich', name: 'Hộ tịch', sortOrder: 2 }, { id: 'svc-datdai', name: 'Đất đai', sortOrder: 1 }], counters: [{ id: 'ctr-1', number: 1, name: 'Quầy 1' }], staff: [{ id: 'st-1', displayName: 'Nguyễn Văn A' }] } },
      { id: 2, at: DAY_START, action: 'service.update', target: 'svc-hotich', data: { before: { id: 'svc-hotich', name: 'Hộ tịch' }, after: { id: 'svc-hotich', name: 'Hộ tịch – Khai sinh', sortOrder: 2 } } },
      { id: 3, at: DAY_START, action: 'center.notice', target: 'c', data: { before: {}, after: { noticeLine: 'x' } } },
    ];
    const ratings = [
      { id: 1, ticketId: 'nam-t1', counterId: 'ctr-1', staffId: 'st-1', serviceId: 'svc-hotich', level: 4, reasons: ['fast-service', 'staff-helpful'], at: DAY_START + 1_000_000 },
      { id: 2, ticketId: 'nam-t1', counterId: 'ctr-1', staffId: 'st-1', serviceId: 'svc-hotich', level: 1, reasons: ['long-wait'], at: DAY_START + 1_100_000 },
    ];
    const commits = threeCommits('nam');
    expect((await ingest(hub, c.credential, { commits, ratings, configChanges })).statusCode).toBe(200);
    expect((await ingest(hub, c.credential, { commits, ratings, configChanges })).statusCode).toBe(200);

    const s = (await hub.app.inject({ method: 'GET', url: `/api/hub/reports/summary?from=2026-03-10&centerId=${c.id}`, headers: { cookie: hub.adminCookie } })).json();
    expect(s.byService.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([['svc-hotich', 'Hộ tịch – Khai sinh']]);
    expect(s.byCounter.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([['ctr-1', 'Quầy 1']]);
    expect(s.byStaff.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([['st-1', 'Nguyễn Văn A']]);
    expect(s.satisfaction.reasons).toEqual({ 'Giải quyết nhanh': 1, 'Cán bộ nhiệt tình': 1, 'Thời gian chờ lâu': 1 });
    expect(s.reasonDetails.find((r: { id: string }) => r.id === 'long-wait')).toMatchObject({ labelEn: 'Long wait', count: 1, positive: false });
    expect(s.satisfaction.totals).toMatchObject({ total: 2, levels: { '1': 1, '4': 1 }, satisfiedShare: 0.5 });

    // Across the province a counter is named with its center's code.
    const all = (await hub.app.inject({ method: 'GET', url: '/api/hub/reports/summary?from=2026-03-10', headers: { cookie: hub.adminCookie } })).json();
    expect(all.byCounter.find((g: { key: string }) => g.key === `${c.id}/ctr-1`)?.label).toBe('NAM · Quầy 1');
  });
});

describe('a production hub (SEED=none)', () => {
  it('creates only admin with a one-time password, which opens nothing but its own replacement', async () => {
    const prod = await startHubNoSeed();
    try {
      const [account] = prod.app.hubSeededAccounts;
      expect(prod.app.hubSeededAccounts).toHaveLength(1);
      expect(account).toMatchObject({ username: 'admin', role: 'admin', oneTime: true });
      expect(account.password).not.toBe('demo-pass');
      const cookie = await login(prod.app, 'admin', account.password);
      const blocked = await prod.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie } });
      expect(blocked.statusCode).toBe(403);
      expect(blocked.json().code).toBe('PASSWORD_CHANGE_REQUIRED');
      const changed = await prod.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: account.password, newPassword: 'a-long-new-password' } });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().mustChangePassword).toBe(false);
      expect((await prod.app.inject({ method: 'GET', url: '/api/hub/centers', headers: { cookie } })).statusCode).toBe(200);
      await expect(login(prod.app, 'director', 'demo-pass')).rejects.toThrow('401');
    } finally {
      await prod.app.close();
    }
  });
});

async function startHubNoSeed() {
  const { buildHub } = await import('../../hub/app');
  const { loadHubConfig } = await import('../../hub/config');
  const { openPostgres } = await import('../../hub/db/db');
  const { createDatabase } = await import('../helpers/postgres');
  const db = openPostgres(await createDatabase(cluster, 'hub_seed_none'));
  const app = await buildHub({ config: loadHubConfig({ LOG_LEVEL: 'silent', SEED: 'none' }), db, logger: false });
  await app.ready();
  return { app };
}
