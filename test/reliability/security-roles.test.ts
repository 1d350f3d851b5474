/**
 * Role matrix: anonymous, kiosk (anonymous with a kiosk id), staff, director and admin
 * against every route in /docs/json and the /staff socket. The expected matrix is written
 * out by path below; a route it does not classify fails the test, so a new route must be
 * given its audience on purpose.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { createTestApp, type TestApp } from '../helpers/app';
import { operations, type OpenApiOperation } from './helpers/fuzz';

type Caller = 'anonymous' | 'kiosk' | 'staff' | 'director' | 'admin';
const CALLERS: Caller[] = ['anonymous', 'kiosk', 'staff', 'director', 'admin'];
const EVERYONE: Caller[] = CALLERS;
const STAFF: Caller[] = ['staff', 'director', 'admin'];
const DIRECTORS: Caller[] = ['director', 'admin'];
const ADMINS: Caller[] = ['admin'];

/** Exact routes first; then families, so routes added to a family inherit its audience. */
const EXACT: Record<string, Caller[]> = {
  'GET /api/health': EVERYONE,
  'GET /api/center': EVERYONE,
  'GET /api/services': EVERYONE,
  'GET /api/counters': EVERYONE,
  'GET /api/priorities': EVERYONE,
  'GET /api/queue/snapshot': EVERYONE,
  'POST /api/tickets': EVERYONE,
  'GET /api/tickets/{id}': EVERYONE,
  'POST /api/tickets/{id}/cancel': STAFF,
  'POST /api/tickets/{id}/reprint': STAFF,
  'POST /api/auth/login': EVERYONE,
  'POST /api/auth/logout': EVERYONE,
  'GET /api/auth/me': STAFF,
  // One's own password: any signed-in account.
  'POST /api/auth/password': STAFF,
  'GET /api/procedures': EVERYONE,
  'GET /api/procedures/fields': EVERYONE,
  'GET /api/procedures/{id}': EVERYONE,
  // No role: a known device (devices.test.ts, devices-printing.test.ts, ratings.test.ts say which one).
  'POST /api/procedures/{id}/print': EVERYONE,
  'GET /api/ratings/reasons': EVERYONE,
  'POST /api/ratings': EVERYONE,
  // The counter's rating tablet (no login), or staff.
  'GET /api/counters/{counterId}/last-completed': EVERYONE,
  // A device asks to pair and reads its own state; admins decide.
  'POST /api/devices/pair': EVERYONE,
  'GET /api/devices/me': EVERYONE,
  'GET /api/devices': ADMINS,
  'POST /api/devices/approve': ADMINS,
  'PATCH /api/devices/{id}': ADMINS,
  'POST /api/devices/{id}/revoke': ADMINS,
  'PUT /api/devices/auto-approve': ADMINS,
  // The staffing what-if reads the reports' log: a report, though a POST.
  'POST /api/reports/what-if': DIRECTORS,
  'GET /': EVERYONE,
  'GET /display/counter/{number}': EVERYONE,
  'GET /t/{ticketId}': EVERYONE,
  'GET /rate/counter/{number}': EVERYONE,
  // The pairing page: any browser may ask to become a device.
  'GET /pair/': EVERYONE,
  'GET /pair': EVERYONE,
  // Appointments: booking, slots, check-in and cancel by code are public (at a person's pace); the booking
  // behind a ticket is for officers.
  'POST /api/appointments': EVERYONE,
  'GET /api/appointments/slots': EVERYONE,
  // The booking page's facts (the center's day, the check-in window, how long personal data is kept).
  'GET /api/appointments/info': EVERYONE,
  'POST /api/appointments/{code}/check-in': EVERYONE,
  'POST /api/appointments/check-in': EVERYONE,
  'DELETE /api/appointments/{code}': EVERYONE,
  'GET /api/appointments/by-ticket/{id}': STAFF,
};
const FAMILIES: { method: RegExp; path: RegExp; who: Caller[] }[] = [
  { method: /^POST$/, path: /^\/api\/counters\/\{counterId\}\/[a-z-]+$/, who: STAFF },
  { method: /^GET$/, path: /^\/api\/reports\//, who: DIRECTORS },
  { method: /^GET$/, path: /^\/api\/printers(\/|$)/, who: DIRECTORS },
  { method: /./, path: /^\/api\/admin\//, who: ADMINS },
];

function expected(op: OpenApiOperation): Caller[] | undefined {
  return EXACT[`${op.method} ${op.path}`] ?? FAMILIES.find((f) => f.method.test(op.method) && f.path.test(op.path))?.who;
}

let t: TestApp;
let ops: OpenApiOperation[];
let ticketId: string;
const staffIds: Partial<Record<Caller, string>> = {};

beforeAll(async () => {
  t = await createTestApp();
  ops = operations((await t.app.inject({ url: '/docs/json' })).json());
  for (const [caller, username] of [['staff', 'staff1'], ['director', 'director'], ['admin', 'admin']] as const) {
    staffIds[caller] = t.app.db.prepare('SELECT id FROM staff WHERE username = ?').pluck().get(username) as string;
  }
  ticketId = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } })).json().id;
});

afterAll(async () => {
  await t?.destroy();
});

/** A fresh session per request (sessions.create, not the login route: its rate limit is tested elsewhere). */
function cookieOf(caller: Caller): string | undefined {
  const id = staffIds[caller];
  return id ? `qm_session=${t.app.sessions.create(id, t.app.clock.now())}` : undefined;
}

function urlFor(op: OpenApiOperation, caller: Caller): string {
  const path = op.path.replace('{counterId}', 'ctr-1').replace('{number}', '1').replace('{ticketId}', ticketId).replace('{id}', op.path.startsWith('/api/tickets') ? ticketId : 'x');
  return caller === 'kiosk' ? `${path}?kiosk=K1` : path;
}

describe('role matrix over every documented route', () => {
  it('classifies every route in /docs/json', () => {
    expect(ops.filter((op) => !expected(op)).map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  it('lets each caller do exactly what its role allows', { timeout: 120_000 }, async () => {
    const wrong: string[] = [];
    for (const op of ops) {
      const allowed = expected(op) ?? [];
      for (const caller of CALLERS) {
        const cookie = cookieOf(caller);
        const res = await t.app.inject({
          method: op.method as 'GET',
          url: urlFor(op, caller),
          headers: { ...(cookie ? { cookie } : {}), ...(op.method === 'GET' || op.method === 'DELETE' ? {} : { 'content-type': 'application/json' }) },
          payload: op.method === 'GET' || op.method === 'DELETE' ? undefined : caller === 'kiosk' ? { kioskId: 'K1' } : {},
        });
        const code = res.statusCode >= 400 ? res.json().code : null;
        const refused = code === 'UNAUTHENTICATED' || code === 'FORBIDDEN';
        const line = `${caller.padEnd(9)} ${op.method} ${op.path} → ${res.statusCode} ${code ?? ''}`;
        if (allowed.includes(caller)) {
          if (refused) wrong.push(`${line} (should be allowed)`);
        } else if (cookie ? !(res.statusCode === 403 && code === 'FORBIDDEN') : !(res.statusCode === 401 && code === 'UNAUTHENTICATED')) {
          wrong.push(`${line} (should be ${cookie ? '403 FORBIDDEN' : '401 UNAUTHENTICATED'})`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  it('allowed really means done: one real action per role', async () => {
    const as = (caller: Caller) => ({ cookie: cookieOf(caller)! });
    const issued = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich', kioskId: 'K1' } });
    expect(issued.statusCode).toBe(201);
    const called = await t.app.inject({ method: 'POST', url: '/api/counters/ctr-1/call-next', headers: as('staff') });
    expect(called.statusCode).toBe(200);
    expect(called.json().ticket.id).toBe(issued.json().id);
    expect((await t.app.inject({ url: '/api/reports/summary', headers: as('director') })).statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/admin/config', headers: as('admin') })).statusCode).toBe(200);
  });
});

describe('role matrix over the /staff socket', () => {
  it('admits staff, director and admin with a snapshot listing the waiting tickets; refuses the others', { timeout: 60_000 }, async () => {
    const url = await t.listen();
    for (const caller of CALLERS) {
      const cookie = cookieOf(caller);
      const socket = io(`${url}/staff`, { transports: ['websocket'], forceNew: true, reconnection: false, extraHeaders: cookie ? { cookie } : {}, query: caller === 'kiosk' ? { kiosk: 'K1' } : {} });
      const outcome = await new Promise<string | { waiting: unknown }>((resolve) => {
        socket.once('connect_error', (err) => resolve(err.message));
        socket.once('queue:snapshot', (snap) => resolve(snap));
      });
      socket.close();
      if (STAFF.includes(caller)) expect(Array.isArray((outcome as { waiting: unknown }).waiting), caller).toBe(true);
      else expect(outcome, caller).toBe('UNAUTHENTICATED');
    }
    // /public is for everyone, and never lists waiting tickets: a ticket id is the capability to follow it.
    const pub = io(`${url}/public`, { transports: ['websocket'], forceNew: true, reconnection: false });
    const snap = await new Promise<Record<string, unknown>>((resolve) => pub.once('queue:snapshot', resolve));
    pub.close();
    expect(snap).not.toHaveProperty('waiting');
    expect(JSON.stringify(snap)).not.toContain(ticketId);
  });
});
