/**
 * Bookings on the hub's /book/ API relayed to real centers (in-process servers on real SQLite files, linked over
 * HTTP to a hub node on a real PostgreSQL): the booking reaches the center and takes a place there; its code checks
 * in at the center; the center's refusals come back as the center words them; a retry with the same
 * Idempotency-Key books once; a center offline gets 503 CENTER_UNREACHABLE and never books the request once back;
 * the hub keeps no ID number once the center has the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../../hub/app';
import { loadHubConfig } from '../../hub/config';
import { openPostgres } from '../../hub/db/db';
import { sweepRequests } from '../../hub/routes/book-store';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock, TEST_DAY_START } from '../helpers/clock';
import { createDatabase, startPostgres, type PgCluster } from '../helpers/postgres';

const MINUTE = 60_000;
/** Made-up CCCD numbers of the real shape (no real person). */
const ID_A = '001190012345';
const ID_B = '079285001122';
const ID_C = '031096004455';
const ID_D = '001170006789';

let cluster: PgCluster;
let hub: FastifyInstance;
let hubUrl: string;
let hubDbUrl: string;
let adminCookie: string;
const closers: (() => Promise<void>)[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
  const config = loadHubConfig({ HUB_PORT: '0', HUB_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED: 'demo', DEMO_PASSWORD: 'demo-pass', HUB_ENROL_PER_MINUTE: '10000' });
  hubDbUrl = await createDatabase(cluster, `hub_book_${process.pid}`);
  const db = openPostgres(hubDbUrl);
  // A short wait for a center's answer, so the offline case is quick; everything else as in production.
  hub = await buildHub({ config, db, logger: false, booking: { waitMs: 4_000, graceMs: 1_000, redeliverMs: 2_000, perHour: 1_000 } });
  await hub.listen({ port: 0, host: '127.0.0.1' });
  const addr = hub.server.address();
  hubUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const login = await hub.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'demo-pass' } });
  adminCookie = `qm_session=${login.cookies.find((c) => c.name === 'qm_session')!.value}`;
}, 120_000);

afterAll(async () => {
  for (const c of closers.reverse()) await c().catch(() => {});
  await hub?.close();
  await cluster?.stop();
});

async function waitFor<T>(read: () => Promise<T>, ok: (v: T) => boolean, what: string, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A center created on the hub and a real center server (Monday 09:00, clock moved by hand) linked to it. */
async function linkedCenter(code: string, dataDir?: string, clock = new FakeClock(TEST_DAY_START)): Promise<{ t: TestApp; clock: FakeClock }> {
  let env: Record<string, string> = { HUB_URL: hubUrl, APPOINTMENT_REQUESTS_PER_HOUR: '1000000' };
  if (!dataDir) {
    const created = await hub.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: adminCookie }, payload: { code, name: `Xã ${code}` } });
    expect(created.statusCode).toBe(201);
    env = { ...env, HUB_ENROLMENT_CODE: created.json().enrolmentCode };
  }
  const t = await createTestApp({ clock, env, dataDir });
  closers.push(() => t.destroy());
  await waitFor(() => centers(), (list) => list.some((c) => c.code === code && c.online && c.bookingOpen), `${code} bookable on the hub`);
  return { t, clock };
}

const centers = async () => (await hub.inject({ method: 'GET', url: '/api/book/centers' })).json() as { code: string; name: string; online: boolean; bookingOpen: boolean }[];

function hubBook(code: string, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return hub.inject({ method: 'POST', url: `/api/book/${code}/appointments`, payload: body, headers: { 'accept-language': 'vi', ...headers } });
}

async function centerSlots(t: TestApp, serviceId: string, date: string): Promise<{ time: string; free: number }[]> {
  const res = await t.app.inject({ method: 'GET', url: `/api/appointments/slots?serviceId=${serviceId}&date=${date}` });
  expect(res.statusCode).toBe(200);
  return res.json();
}

const countAt = (t: TestApp, sql: string, ...args: unknown[]) => t.app.db.prepare(sql).pluck().get(...args) as number;

describe('bookings made on the hub, relayed to the center', () => {
  let a: { t: TestApp; clock: FakeClock };
  let today: string;

  beforeAll(async () => {
    a = await linkedCenter('XA01');
    const info = await hub.inject({ method: 'GET', url: '/api/book/XA01/info' });
    expect(info.statusCode).toBe(200);
    today = info.json().today;
  }, 60_000);

  it('lists the center, its services and places as the center gives them', async () => {
    const list = await centers();
    expect(list.find((c) => c.code === 'XA01')).toEqual({ code: 'XA01', name: 'Xã XA01', online: true, bookingOpen: true });
    const services = (await hub.inject({ method: 'GET', url: '/api/book/XA01/services' })).json() as { id: string }[];
    expect(services.map((s) => s.id)).toContain('svc-hotich');
    const hubSlots = (await hub.inject({ method: 'GET', url: `/api/book/XA01/slots?serviceId=svc-hotich&date=${today}` })).json();
    expect(hubSlots).toEqual(await centerSlots(a.t, 'svc-hotich', today));
    expect((await hub.inject({ method: 'GET', url: '/api/book/NOPE/info' })).json().code).toBe('CENTER_NOT_FOUND');
  });

  it('books at the center: one place fewer there, the same code on a retry, no ID number left on the hub', async () => {
    const before = await centerSlots(a.t, 'svc-hotich', today);
    const slot = before.find((s) => s.free > 1)!;
    const body = { serviceId: 'svc-hotich', date: today, time: slot.time, idNumber: ID_A, phone: '0901 234 567', name: 'Nguyễn Văn A' };
    const res = await hubBook('XA01', body, { 'idempotency-key': 'key-a-1' });
    expect(res.statusCode, res.body).toBe(201);
    const booked = res.json() as { code: string; serviceId: string; date: string; time: string };
    expect(booked).toMatchObject({ serviceId: 'svc-hotich', date: today, time: slot.time });
    expect(countAt(a.t, 'SELECT COUNT(*) FROM appointments WHERE code = ?', booked.code)).toBe(1);
    const after = await centerSlots(a.t, 'svc-hotich', today);
    expect(after.find((s) => s.time === slot.time)!.free).toBe(slot.free - 1);

    // The same request again (its answer lost on the way): the same booking, nothing more at the center.
    const again = await hubBook('XA01', body, { 'idempotency-key': 'key-a-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json()).toEqual(booked);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(countAt(a.t, 'SELECT COUNT(*) FROM appointments')).toBe(1);

    // The hub shows the place taken once the center has published its places again.
    await waitFor(
      async () => (await hub.inject({ method: 'GET', url: `/api/book/XA01/slots?serviceId=svc-hotich&date=${today}` })).json() as { time: string; free: number }[],
      (list) => list.find((s) => s.time === slot.time)?.free === slot.free - 1,
      'the hub to show one place fewer',
    );

    // What the hub keeps: no ID number, phone or name once the center has the request.
    const rows = await hub.hubDb.query<{ person: unknown; request: unknown; answer: unknown }>('SELECT person, request, answer FROM booking_requests');
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) expect(r.person).toBeNull();
    const everything = JSON.stringify((await hub.hubDb.query('SELECT * FROM booking_requests')).rows);
    for (const secret of [ID_A, '0901', 'Nguyễn']) expect(everything).not.toContain(secret);
  });

  it('gives the center’s refusals as the center words them: a full slot, the per-person limit across both pages', async () => {
    const cookie = await loginCookie(a.t.app, 'admin');
    const set = await a.t.app.inject({ method: 'PUT', url: '/api/admin/appointment-settings', headers: { cookie }, payload: { services: { 'svc-chungthuc': { capacity: 1 } } } });
    expect(set.statusCode).toBe(200);
    const free = (await centerSlots(a.t, 'svc-chungthuc', today)).find((s) => s.free === 1)!;
    const first = await hubBook('XA01', { serviceId: 'svc-chungthuc', date: today, time: free.time, idNumber: ID_B });
    expect(first.statusCode, first.body).toBe(201);
    const full = await hubBook('XA01', { serviceId: 'svc-chungthuc', date: today, time: free.time, idNumber: ID_C });
    expect(full.statusCode).toBe(409);
    const atCenter = await a.t.app.inject({ method: 'POST', url: '/api/appointments', headers: { 'accept-language': 'vi' }, payload: { serviceId: 'svc-chungthuc', date: today, time: free.time, idNumber: ID_D } });
    expect(full.json()).toEqual(atCenter.json());
    expect(full.json().code).toBe('SLOT_FULL');

    // ID_C books at the center itself, then through the hub in the same field the same day: the center's limit.
    const times = (await centerSlots(a.t, 'svc-hotich', today)).filter((s) => s.free > 0).map((s) => s.time);
    const direct = await a.t.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 'svc-hotich', date: today, time: times[1], idNumber: ID_C } });
    expect(direct.statusCode).toBe(201);
    const viaHub = await hubBook('XA01', { serviceId: 'svc-hotich', date: today, time: times[2], idNumber: ID_C });
    expect(viaHub.statusCode).toBe(409);
    expect(viaHub.json().code).toBe('PERSON_LIMIT_REACHED');
    const centerSays = await a.t.app.inject({ method: 'POST', url: '/api/appointments', headers: { 'accept-language': 'vi' }, payload: { serviceId: 'svc-hotich', date: today, time: times[3], idNumber: ID_C } });
    expect(viaHub.json()).toEqual(centerSays.json());
    // In English when the citizen reads English.
    const en = await hubBook('XA01', { serviceId: 'svc-hotich', date: today, time: times[2], idNumber: ID_C }, { 'accept-language': 'en' });
    expect(en.json().message).toMatch(/[A-Za-z]/);
    expect(en.json().message).not.toBe(viaHub.json().message);
  });

  it('cancels through the hub: the place is free again at the center', async () => {
    const slot = (await centerSlots(a.t, 'svc-hotich', today)).find((s) => s.free > 0)!;
    const res = await hubBook('XA01', { serviceId: 'svc-hotich', date: today, time: slot.time, idNumber: ID_D });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json();
    const cancelled = await hub.inject({ method: 'DELETE', url: `/api/book/XA01/appointments/${code}` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().code).toBe(code);
    expect(countAt(a.t, 'SELECT status FROM appointments WHERE code = ?', code)).toBe('cancelled');
    expect((await centerSlots(a.t, 'svc-hotich', today)).find((s) => s.time === slot.time)!.free).toBe(slot.free);
    const twice = await hub.inject({ method: 'DELETE', url: `/api/book/XA01/appointments/${code}` });
    expect(twice.json().code).toBe('APPOINTMENT_NOT_ACTIVE');
  });

  it('a code booked on the hub checks in at the center', async () => {
    const slot = (await centerSlots(a.t, 'svc-hotich', today)).find((s) => s.free > 0)!;
    const res = await hubBook('XA01', { serviceId: 'svc-hotich', date: today, time: slot.time, idNumber: '001190054321' });
    expect(res.statusCode, res.body).toBe(201);
    const { code } = res.json();
    // The center's clock to the slot's time (the test day is in UTC+7).
    const [h, m] = slot.time.split(':').map(Number);
    a.clock.ms = Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)), h - 7, m) - 5 * MINUTE;
    const checkIn = await a.t.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    expect(countAt(a.t, 'SELECT status FROM appointments WHERE code = ?', code)).toBe('checked-in');
  });
});

describe('a center offline', () => {
  it('503 CENTER_UNREACHABLE, nothing stored to book later, nothing booked when it is back', async () => {
    const b = await linkedCenter('XA02');
    const today = (await hub.inject({ method: 'GET', url: '/api/book/XA02/info' })).json().today as string;
    const slot = (await centerSlots(b.t, 'svc-hotich', today)).find((s) => s.free > 1)!;
    const dataDir = b.t.dataDir;
    await b.t.close();

    const body = { serviceId: 'svc-hotich', date: today, time: slot.time, idNumber: ID_A };
    const res = await hubBook('XA02', body, { 'idempotency-key': 'key-b-1' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({
      code: 'CENTER_UNREACHABLE',
      message: 'Trung tâm đang mất kết nối, chưa đặt được lịch. Vui lòng thử lại sau hoặc đặt trực tiếp tại trung tâm.',
    });
    const en = await hubBook('XA02', body, { 'idempotency-key': 'key-b-2', 'accept-language': 'en' });
    expect(en.statusCode).toBe(503);
    expect(en.json().message).toMatch(/^The center is offline/);
    const rows = await hub.hubDb.query<{ status: string; person: unknown }>("SELECT r.status, r.person FROM booking_requests r JOIN centers c ON c.id = r.center_id WHERE c.code = 'XA02'");
    expect(rows.rows.length).toBeGreaterThan(0);
    for (const r of rows.rows) expect(r).toEqual({ status: 'expired', person: null });

    // Back: the relay polls again; the requests the hub gave up on are never delivered. A new booking goes through.
    const back = await createTestApp({ clock: b.clock, env: { HUB_URL: hubUrl, APPOINTMENT_REQUESTS_PER_HOUR: '1000000' }, dataDir });
    closers.push(() => back.destroy());
    await waitFor(() => centers(), (list) => list.some((c) => c.code === 'XA02' && c.online), 'XA02 back');
    const after = await hubBook('XA02', { ...body, idNumber: ID_B }, { 'idempotency-key': 'key-b-3' });
    expect(after.statusCode, after.body).toBe(201);
    expect(countAt(back, 'SELECT COUNT(*) FROM appointments')).toBe(1);
    expect(countAt(back, 'SELECT COUNT(*) FROM appointments WHERE code = ?', after.json().code)).toBe(1);

    // The first request retried with its key once the center is back: asked again, booked once.
    const retried = await hubBook('XA02', body, { 'idempotency-key': 'key-b-1' });
    expect(retried.statusCode, retried.body).toBe(201);
    expect(countAt(back, 'SELECT COUNT(*) FROM appointments')).toBe(2);
  }, 90_000);
});

describe('the race between the hub giving up and the center taking the request', () => {
  it('a request taken but not answered in time: 503 CENTER_ANSWER_PENDING, then the same key finds the center’s answer', async () => {
    // A center enrolled with no server behind it: the test is its link, so it decides when to answer.
    const created = await hub.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: adminCookie }, payload: { code: 'XA03', name: 'Xã XA03' } });
    const enrolled = await hub.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: created.json().enrolmentCode } });
    const auth = { authorization: `Bearer ${enrolled.json().credential}` };
    const snapshot = { at: 0, info: { enabled: true, today: '2026-11-23', horizonDays: 6, checkInEarlyMinutes: 15, checkInLateMinutes: 15, purgeAfterDays: 30, windowFrom: '08:00', windowTo: '16:00' }, center: { name: 'Xã XA03' }, services: [{ id: 'svc-hotich' }], slots: {} };
    expect((await hub.inject({ method: 'POST', url: '/api/hub/booking-snapshot', headers: auth, payload: snapshot })).statusCode).toBe(204);
    const poll = (wait: number) => hub.inject({ method: 'GET', url: `/api/hub/bookings?wait=${wait}`, headers: auth });
    expect((await poll(0)).json()).toEqual({ requests: [] });

    const body = { serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00', idNumber: ID_A };
    const citizen = hubBook('XA03', body, { 'idempotency-key': 'key-race' });
    const taken = await waitFor(async () => (await poll(1)).json().requests as Record<string, string>[], (r) => r.length === 1, 'the request');
    expect(taken[0]).toMatchObject({ kind: 'book', serviceId: 'svc-hotich', time: '10:00', idNumber: ID_A });
    // Erased on the hub as the center takes it.
    const person = await hub.hubDb.query('SELECT person FROM booking_requests WHERE id = $1', [taken[0].id]);
    expect(person.rows).toEqual([{ person: null }]);

    // The center is slow to answer: the citizen is told the center has it, not that nothing was booked.
    const first = await citizen;
    expect(first.statusCode).toBe(503);
    expect(first.json().code).toBe('CENTER_ANSWER_PENDING');

    // Delivered again (the answer may have been lost), without the personal part.
    const again = await waitFor(async () => (await poll(1)).json().requests as Record<string, string>[], (r) => r.length === 1, 'the redelivery');
    expect(again[0].id).toBe(taken[0].id);
    expect(again[0].idNumber).toBeUndefined();

    const answer = { id: taken[0].id, status: 201, body: { code: 'K7M2QX', serviceId: 'svc-hotich', date: '2026-11-23', time: '10:00' } };
    const answered = await hub.inject({ method: 'POST', url: '/api/hub/bookings/answers', headers: auth, payload: { answers: [answer] } });
    expect(answered.json()).toEqual({ accepted: [taken[0].id] });
    const retried = await hubBook('XA03', body, { 'idempotency-key': 'key-race' });
    expect(retried.statusCode).toBe(201);
    expect(retried.json()).toEqual(answer.body);
    expect(retried.headers['idempotent-replayed']).toBe('true');
    // Another center's credential cannot answer it, nor see it.
    expect((await hub.inject({ method: 'GET', url: '/api/hub/bookings?wait=0' })).statusCode).toBe(401);
  }, 60_000);
});

describe('the center’s relay', () => {
  it('answers a redelivery from its own record: the same code, or 410 never received; a cancel twice answered alike', async () => {
    const { t } = await linkedCenter('XA04');
    const today = (await hub.inject({ method: 'GET', url: '/api/book/XA04/info' })).json().today as string;
    const slot = (await centerSlots(t, 'svc-hotich', today)).find((s) => s.free > 0)!;
    const relay = t.app.hubBookings;
    const request = { id: 'bkr-test-1', kind: 'book' as const, lang: 'vi' as const, serviceId: 'svc-hotich', date: today, time: slot.time, idNumber: ID_B };
    const first = relay.handle(request)!;
    expect(first.status).toBe(201);
    const { idNumber: _dropped, ...withoutPerson } = request;
    expect(relay.handle({ ...withoutPerson, idNumber: '' })).toEqual(first);
    expect(relay.handle({ ...request, id: 'bkr-never-seen', idNumber: '' })).toEqual({ id: 'bkr-never-seen', status: 410, body: { code: 'CENTER_UNREACHABLE' } });
    // Delivered twice with the personal part: booked once.
    expect(relay.handle(request)).toEqual(first);
    expect(countAt(t, 'SELECT COUNT(*) FROM appointments')).toBe(1);
    // A cancel delivered twice: the same answer both times, not "already cancelled" the second.
    const cancel = { id: 'bkr-test-2', kind: 'cancel' as const, lang: 'vi' as const, code: first.body.code };
    const cancelled = relay.handle(cancel)!;
    expect(cancelled).toEqual({ id: 'bkr-test-2', status: 200, body: { code: first.body.code, serviceId: 'svc-hotich', date: today, time: slot.time } });
    expect(relay.handle(cancel)).toEqual(cancelled);
    expect(relay.handle({ ...cancel, id: 'bkr-test-3' })!.body.code).toBe('APPOINTMENT_NOT_ACTIVE');
  });
});

describe('the pace of booking requests on the hub', () => {
  it('per address: past the hour’s count 429 APPOINTMENT_LIMIT_REACHED; a retry of an answered request costs nothing; no ID number in the log', async () => {
    const config = loadHubConfig({ HUB_PORT: '0', HUB_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED: 'demo', DEMO_PASSWORD: 'demo-pass', HUB_ENROL_PER_MINUTE: '10000' });
    // Its log at the finest level, read afterwards: no ID number in it.
    const logLines: string[] = [];
    const logger = { level: 'trace', stream: { write: (line: string) => void logLines.push(line) } };
    const paced = await buildHub({ config, db: openPostgres(await createDatabase(cluster, `hub_book_pace_${process.pid}`)), logger, booking: { perHour: 2 } });
    closers.push(() => paced.close());
    await paced.listen({ port: 0, host: '127.0.0.1' });
    const addr = paced.server.address();
    const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
    const login = await paced.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'demo-pass' } });
    const cookie = `qm_session=${login.cookies.find((c) => c.name === 'qm_session')!.value}`;
    const created = await paced.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie }, payload: { code: 'XP01', name: 'Xã XP01' } });
    const t = await createTestApp({ clock: new FakeClock(TEST_DAY_START), env: { HUB_URL: url, HUB_ENROLMENT_CODE: created.json().enrolmentCode, APPOINTMENT_REQUESTS_PER_HOUR: '1000000' } });
    closers.push(() => t.destroy());
    await waitFor(async () => (await paced.inject({ method: 'GET', url: '/api/book/centers' })).json() as { online: boolean; bookingOpen: boolean }[], (l) => l[0]?.online && l[0]?.bookingOpen, 'XP01 bookable');
    const today = (await paced.inject({ method: 'GET', url: '/api/book/XP01/info' })).json().today as string;
    const times = (await centerSlots(t, 'svc-hotich', today)).filter((s) => s.free > 0).map((s) => s.time);
    const book = (idNumber: string, time: string, key: string) =>
      paced.inject({ method: 'POST', url: '/api/book/XP01/appointments', headers: { 'idempotency-key': key }, payload: { serviceId: 'svc-hotich', date: today, time, idNumber } });

    expect((await book(ID_A, times[0], 'p1')).statusCode).toBe(201);
    expect((await book(ID_B, times[0], 'p2')).statusCode).toBe(201);
    const third = await book(ID_C, times[0], 'p3');
    expect(third.statusCode).toBe(429);
    expect(third.json().code).toBe('APPOINTMENT_LIMIT_REACHED');
    expect(Number(third.headers['retry-after'])).toBeGreaterThan(0);
    // The first one asked again (its answer lost): answered, not counted.
    const again = await book(ID_A, times[0], 'p1');
    expect(again.statusCode).toBe(201);
    expect(countAt(t, 'SELECT COUNT(*) FROM appointments')).toBe(2);
    expect(logLines.length).toBeGreaterThan(0);
    for (const id of [ID_A, ID_B, ID_C]) expect(logLines.join('')).not.toContain(id);
  }, 60_000);
});

describe('several hub nodes, and the sweep', () => {
  it('a booking made on another node than the one holding the center’s long poll reaches the center', async () => {
    const { t } = await linkedCenter('XA05');
    const config = loadHubConfig({ HUB_PORT: '0', HUB_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED: 'demo', DEMO_PASSWORD: 'demo-pass' });
    const nodeB = await buildHub({ config, db: openPostgres(hubDbUrl), logger: false, booking: { waitMs: 4_000, perHour: 1_000 } });
    closers.push(() => nodeB.close());
    await nodeB.ready();
    const today = (await nodeB.inject({ method: 'GET', url: '/api/book/XA05/info' })).json().today as string;
    const slot = (await centerSlots(t, 'svc-hotich', today)).find((s) => s.free > 0)!;
    const res = await nodeB.inject({ method: 'POST', url: '/api/book/XA05/appointments', payload: { serviceId: 'svc-hotich', date: today, time: slot.time, idNumber: ID_C } });
    expect(res.statusCode, res.body).toBe(201);
    expect(countAt(t, 'SELECT COUNT(*) FROM appointments WHERE code = ?', res.json().code)).toBe(1);
  }, 60_000);

  it('no personal part outlives its limit, pending requests past the wait are closed, old requests are deleted', async () => {
    const center = (await hub.hubDb.query<{ id: string }>("SELECT id FROM centers WHERE code = 'XA01'")).rows[0].id;
    const now = Date.now();
    const insert = (id: string, status: string, age: number) =>
      hub.hubDb.query(
        `INSERT INTO booking_requests (id, center_id, idempotency_key, kind, request, person, status, created_at) VALUES ($1, $2, $1, 'book', '{}', $3::jsonb, $4, $5)`,
        [id, center, JSON.stringify({ idNumber: ID_D }), status, now - age],
      );
    await insert('bkr-sweep-pending', 'pending', 20_000);
    await insert('bkr-sweep-taken', 'taken', 6 * MINUTE);
    await insert('bkr-sweep-old', 'answered', 25 * 60 * MINUTE);
    await insert('bkr-sweep-fresh', 'pending', 0);
    await sweepRequests(hub.hubDb, now, { waitMs: 15_000, personMs: 5 * MINUTE, keepMs: 24 * 60 * MINUTE });
    const rows = (await hub.hubDb.query<{ id: string; status: string; person: unknown }>("SELECT id, status, person FROM booking_requests WHERE id LIKE 'bkr-sweep-%' ORDER BY id")).rows;
    expect(rows).toEqual([
      { id: 'bkr-sweep-fresh', status: 'pending', person: { idNumber: ID_D } },
      { id: 'bkr-sweep-pending', status: 'expired', person: null },
      { id: 'bkr-sweep-taken', status: 'taken', person: null },
    ]);
    await hub.hubDb.query("DELETE FROM booking_requests WHERE id LIKE 'bkr-sweep-%'");
  });
});
