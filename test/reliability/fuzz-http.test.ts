/**
 * HTTP fuzzing: for every route in /docs/json, fast-check generates hostile bodies, path
 * params, query strings, headers and cookies (valid, expired, forged). Whatever comes in,
 * the answer is a 4xx `{ code, message }` — or a 2xx of the declared shape when the input
 * happened to be valid — never a 5xx, and a refused request leaves the database as it was.
 * app.inject on the real app and a real SQLite file: thousands of requests in seconds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { isErrorCode } from '../../protocol/errors';
import { fingerprint } from './helpers/db';
import { pairedDevice } from '../helpers/devices';
import { encodeAny, headerValue, hostileJson, operations, weirdString, type OpenApiOperation } from './helpers/fuzz';

const RUNS_PER_ROUTE = 40;
const MB = 1024 * 1024;
/** Routes with their own body limit (server/admin/procedure-routes.ts: a whole catalog file). */
const BODY_LIMITS: Record<string, number> = { 'POST /api/admin/procedures/import': 5 * MB };

let t: TestApp;
let clock: FakeClock;
let ops: OpenApiOperation[];
let known: string[];
let expiredCookie: string;
const staffIds: Record<string, string> = {};

beforeAll(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock, env: { SESSION_HOURS: '1' } });
  // A real session, then time moves past its end: the cookie is well-formed but expired.
  expiredCookie = await loginCookie(t.app, 'staff2');
  clock.advance(2 * 3600_000);

  const admin = await loginCookie(t.app, 'admin');
  const staff = await loginCookie(t.app, 'staff1');
  const issued: string[] = [];
  for (const serviceId of ['svc-hotich', 'svc-hotich', 'svc-chungthuc', 'svc-cutru']) {
    issued.push((await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId } })).json().id);
  }
  const held = (await t.app.inject({ method: 'POST', url: '/api/counters/ctr-1/call-next', headers: { cookie: staff } })).json().ticket.id;
  await t.app.inject({ method: 'POST', url: '/api/counters/ctr-1/complete', headers: { cookie: staff }, payload: { ticketId: held } });
  await t.app.inject({ method: 'POST', url: '/api/counters/ctr-2/call-next', headers: { cookie: staff } });

  const config = (await t.app.inject({ url: '/api/admin/config', headers: { cookie: admin } })).json();
  for (const s of config.staff) staffIds[s.username] = s.id;
  const procedures = (await t.app.inject({ url: '/api/procedures?limit=3' })).json();
  known = [
    ...issued,
    ...config.services.map((s: { id: string }) => s.id),
    ...config.counters.flatMap((c: { id: string; number: number }) => [c.id, String(c.number)]),
    ...config.priorities.map((p: { id: string; code: string }) => p.id),
    ...Object.values(staffIds),
    ...((procedures.items ?? procedures.results ?? procedures) as { id: string }[]).slice?.(0, 3).map((p) => p.id) ?? [],
    '2026-11-23',
  ];
  ops = operations((await t.app.inject({ url: '/docs/json' })).json());
});

afterAll(async () => {
  await t?.destroy();
});

type Who = 'none' | 'staff' | 'director' | 'admin' | 'expired' | 'forged' | 'garbage';

/** A fresh session per request: a fuzzed logout or account change must not blind the next run. */
function cookieFor(who: Who, forged: string): string | undefined {
  const username = { staff: 'staff1', director: 'director', admin: 'admin' }[who as string];
  if (username) return `qm_session=${t.app.sessions.create(staffIds[username], clock.now())}`;
  if (who === 'expired') return expiredCookie;
  if (who === 'forged') return `qm_session=${encodeAny(forged)}`;
  if (who === 'garbage') return forged.replace(/[^\x20-\x7e]/g, '');
  return undefined;
}

const RAW_BODIES = ['{', '{"serviceId":', 'nul', '[]]', '\u0000', '{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"x":1}}}', '"just a string"', '1e999999'];

function bodyArb(op: OpenApiOperation): fc.Arbitrary<{ raw: string } | { json: unknown } | null> {
  const props = Object.entries(op.bodyProps);
  const field = (p: { type?: string; enum?: unknown[] }) =>
    fc.oneof(
      p.enum ? fc.constantFrom(...p.enum) : p.type === 'integer' ? fc.integer({ min: -2, max: 5 }) : weirdString(known),
      hostileJson(known),
    );
  const shaped = fc
    .tuple(fc.record(Object.fromEntries(props.map(([k, p]) => [k, field(p)])), { requiredKeys: [] }), fc.dictionary(weirdString(), hostileJson(), { maxKeys: 2 }))
    .map(([a, extra]) => ({ json: { ...extra, ...a } }));
  return fc.oneof(
    { weight: props.length ? 6 : 1, arbitrary: shaped },
    { weight: 2, arbitrary: hostileJson(known).map((json) => ({ json })) },
    { weight: 1, arbitrary: fc.constantFrom(...RAW_BODIES).map((raw) => ({ raw })) },
    { weight: 1, arbitrary: fc.constant(null) },
  );
}

function requestArb(op: OpenApiOperation) {
  return fc.record({
    params: fc.tuple(...op.pathParams.map(() => fc.oneof(weirdString(known), fc.constantFrom('%', '%zz', '%E0%A4', '%00', '..%2F..')))) as fc.Arbitrary<string[]>,
    query: fc.array(fc.tuple(fc.oneof(fc.constantFrom(...op.queryParams, 'kiosk', 'q'), weirdString()), weirdString(known)), { maxLength: 4 }),
    body: op.method === 'GET' || op.method === 'DELETE' ? fc.constant(null) : bodyArb(op),
    who: fc.constantFrom<Who>('none', 'staff', 'director', 'admin', 'admin', 'expired', 'forged', 'garbage'),
    forged: weirdString(),
    headers: fc.record({ 'accept-language': headerValue, 'idempotency-key': headerValue, 'x-forwarded-for': headerValue }, { requiredKeys: [] }),
    contentType: fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1', undefined),
  });
}

type Req = ReturnType<typeof requestArb> extends fc.Arbitrary<infer R> ? R : never;

function urlOf(op: OpenApiOperation, r: Req): string {
  let path = op.path;
  op.pathParams.forEach((name, i) => {
    const v = r.params[i];
    // Values starting with % are deliberately malformed encodings: sent as they are.
    path = path.replace(`{${name}}`, v.startsWith('%') || v.startsWith('..%') ? v : encodeAny(v));
  });
  const qs = r.query.map(([k, v]) => `${encodeAny(k)}=${encodeAny(v)}`).join('&');
  return qs ? `${path}?${qs}` : path;
}

/** The rule every answer obeys. */
function checkAnswer(op: OpenApiOperation, res: LightMyRequestResponse, before: Record<string, number>, on: TestApp = t) {
  const where = `${op.method} ${op.path} → ${res.statusCode} ${res.body.slice(0, 300)}`;
  expect(res.statusCode, where).toBeLessThan(500);
  if (res.statusCode >= 400) {
    const body = JSON.parse(res.body);
    // One of the product's own codes (protocol/errors.ts), not a framework's internal one.
    expect(isErrorCode(body.code), where).toBe(true);
    expect(typeof body.message, where).toBe('string');
    expect(body.message.length, where).toBeGreaterThan(0);
    const after = fingerprint(on.app.db);
    // A failed sign-in is audited on purpose (lockout evidence); nothing else may move.
    if (op.path === '/api/auth/login') delete after['rows:audit_log'], delete before['rows:audit_log'];
    expect(after, `refused request changed the database: ${where}`).toEqual(before);
  } else if (res.statusCode >= 200 && res.statusCode < 300 && op.okShape && String(res.statusCode) === op.okShape.status) {
    const body = JSON.parse(res.body);
    if (op.okShape.type === 'array') expect(Array.isArray(body), where).toBe(true);
    if (op.okShape.type === 'object') {
      expect(body !== null && typeof body === 'object' && !Array.isArray(body), where).toBe(true);
      for (const key of op.okShape.required) expect(body, `${where} lacks ${key}`).toHaveProperty([key]);
    }
  }
}

describe('HTTP fuzzing of every documented route', () => {
  it('documents a healthy number of routes (the fuzzing below is only as wide as /docs/json)', () => {
    expect(ops.length).toBeGreaterThan(30);
  });

  it(`answers ${RUNS_PER_ROUTE} hostile requests per route with 4xx {code, message} or a well-shaped 2xx, never a 5xx`, { timeout: 300_000 }, async () => {
    const seen = new Map<string, number>();
    for (const op of ops) {
      await fc.assert(
        fc.asyncProperty(requestArb(op), async (r) => {
          const headers: Record<string, string> = { ...r.headers };
          const cookie = cookieFor(r.who, r.forged);
          if (cookie) headers.cookie = cookie;
          let payload: string | undefined;
          if (r.body) {
            payload = 'raw' in r.body ? r.body.raw : JSON.stringify(r.body.json);
            if (r.contentType) headers['content-type'] = r.contentType;
          }
          const before = fingerprint(t.app.db);
          const res = await t.app.inject({ method: op.method as 'GET', url: urlOf(op, r), headers, payload });
          checkAnswer(op, res, before);
          const code = res.statusCode >= 400 ? res.json().code : res.statusCode;
          seen.set(String(code), (seen.get(String(code)) ?? 0) + 1);
        }),
        { numRuns: RUNS_PER_ROUTE },
      );
    }
    console.info(`[fuzz-http] ${ops.length} routes, answers: ${JSON.stringify(Object.fromEntries([...seen].sort((a, b) => b[1] - a[1])))}`);
    // The generators reach past the guards and the schemas: some inputs were valid, some refused by the rules.
    expect([...seen.keys()].some((k) => k.startsWith('2'))).toBe(true);
    expect(seen.get('VALIDATION_ERROR')).toBeGreaterThan(0);
    expect([...seen.keys()].filter((k) => !/^\d+$|^(VALIDATION_ERROR|UNAUTHENTICATED|FORBIDDEN|NOT_FOUND|BAD_REQUEST)$/.test(k)).length).toBeGreaterThan(3);
    // Still alive and answering.
    expect((await t.app.inject({ url: '/api/health' })).statusCode).toBe(200);
  });

  it('refuses bodies over the limit (1 MB) with 413 and handles bodies just under it, on every route taking a body', { timeout: 120_000 }, async () => {
    const bodied = ops.filter((op) => op.method === 'POST' || op.method === 'PUT' || op.method === 'PATCH');
    expect(bodied.length).toBeGreaterThan(10);
    // A fresh app: the fuzzing above used up the sign-in rate limit, which answers before the body is read.
    const fresh = await createTestApp();
    // The day's first read commits the day roll (seq 1): do it before measuring "unchanged".
    await fresh.app.inject({ url: '/api/health' });
    const adminId = fresh.app.db.prepare("SELECT id FROM staff WHERE username = 'admin'").pluck().get() as string;
    // Device-guarded routes refuse other callers before reading the body: each is asked by the device it expects.
    const tablet = await pairedDevice(fresh.app, 'rating', { counterNumber: 1 });
    const kiosk = await pairedDevice(fresh.app, 'kiosk');
    for (const op of bodied) {
      const path = op.path.replace(/\{[^}]+\}/g, 'ctr-1');
      const limit = BODY_LIMITS[`${op.method} ${op.path}`] ?? MB;
      for (const size of [limit - 512, limit + 512]) {
        const first = Object.keys(op.bodyProps)[0] ?? 'x';
        const payload = JSON.stringify({ [first]: 'ư'.repeat(Math.floor((size - first.length - 8) / 2)) });
        const cookie = `qm_session=${fresh.app.sessions.create(adminId, fresh.app.clock.now())}; ${op.path === '/api/ratings' ? tablet : kiosk}`;
        const before = fingerprint(fresh.app.db);
        const res = await fresh.app.inject({ method: op.method as 'POST', url: path, headers: { cookie, 'content-type': 'application/json' }, payload });
        checkAnswer(op, res, before, fresh);
        if (Buffer.byteLength(payload) > limit) expect(res.json().code, `${op.method} ${path}`).toBe('PAYLOAD_TOO_LARGE');
        else expect(res.statusCode, `${op.method} ${path} under the limit`).not.toBe(413);
      }
    }
    await fresh.destroy();
  });
});
