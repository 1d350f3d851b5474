import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import type { CallRecord, PublicSnapshot, QueueUpdate, StaffSnapshot } from '../../protocol/realtime';

let t: TestApp;
const sockets: Socket[] = [];

beforeEach(async () => {
  t = await createTestApp();
  await t.listen();
});
afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await t.destroy();
});

function open(namespace: string, extraHeaders: Record<string, string> = {}): Socket {
  const s = connect(`${t.url}${namespace}`, { transports: ['websocket'], extraHeaders, reconnection: false });
  sockets.push(s);
  return s;
}

function next<T>(s: Socket, event: string): Promise<T> {
  return new Promise((resolve) => s.once(event, resolve));
}

const post = (url: string, payload?: object, cookie?: string) =>
  fetch(`${t.url}${url}`, {
    method: 'POST',
    headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
    body: payload ? JSON.stringify(payload) : undefined,
  });

describe('/public namespace', () => {
  it('sends a snapshot on connect and ticket:called when staff call next', async () => {
    const display = open('/public');
    const snapshot = await next<PublicSnapshot>(display, 'queue:snapshot');
    expect(snapshot.center.name).toContain('Hòa Bình');
    expect(snapshot.counters).toHaveLength(5);

    const issued = await (await post('/api/tickets', { serviceId: 'svc-hotich' })).json();
    const cookie = await loginCookie(t.app, 'staff2');
    const called = next<CallRecord>(display, 'ticket:called');
    const res = await post('/api/counters/2/call-next', undefined, cookie);
    expect(res.status).toBe(200);
    const call = await called;
    expect(call.ticket).toMatchObject({ number: 'A001', issuedAt: issued.issuedAt, status: 'called' });
    expect(call.ticket).not.toHaveProperty('id');
    expect(call.counter).toMatchObject({ number: 2 });
    expect(call.seq).toBe(snapshot.seq + 2);
  });

  it('carries a seq that grows by one per commit', async () => {
    const display = open('/public');
    const snapshot = await next<PublicSnapshot>(display, 'queue:snapshot');
    const seen: number[] = [];
    display.on('queue:update', (u: QueueUpdate) => seen.push(u.seq));
    for (let i = 0; i < 3; i++) await post('/api/tickets', { serviceId: 'svc-cutru' });
    await expect.poll(() => seen.length).toBe(3);
    expect(seen).toEqual([snapshot.seq + 1, snapshot.seq + 2, snapshot.seq + 3]);
  });

  it('lets a phone follow its own ticket', async () => {
    const first = await (await post('/api/tickets', { serviceId: 'svc-bhyt' })).json();
    const mine = await (await post('/api/tickets', { serviceId: 'svc-bhyt' })).json();
    const phone = open('/public');
    await next(phone, 'queue:snapshot');
    const watch = await phone.emitWithAck('ticket:watch', mine.id);
    expect(watch).toMatchObject({ ok: true, data: { waitingAhead: 1 } });
    const bad = await phone.emitWithAck('ticket:watch', 'no-such-ticket');
    expect(bad).toMatchObject({ ok: false, code: 'TICKET_NOT_FOUND' });

    const cookie = await loginCookie(t.app);
    const updates: { waitingAhead: number; ticket: { status: string } }[] = [];
    phone.on('ticket:updated', (u) => updates.push(u));
    await post('/api/counters/5/call-next', undefined, cookie);
    await expect.poll(() => updates.at(-1)?.waitingAhead).toBe(0);
    await post('/api/counters/5/call-next', undefined, cookie);
    await expect.poll(() => updates.at(-1)?.ticket.status).toBe('called');
    expect(first.id).not.toBe(mine.id);
  });

  it('keeps waiting tickets ids out of public updates', async () => {
    const display = open('/public');
    await next(display, 'queue:snapshot');
    const update = next<QueueUpdate>(display, 'queue:update');
    await post('/api/tickets', { serviceId: 'svc-hotich' });
    expect((await update).tickets).toEqual([]);
  });
});

describe('/staff namespace', () => {
  it('refuses a connection without a session', async () => {
    const s = open('/staff');
    const err = await next<Error>(s, 'connect_error');
    expect(err.message).toBe('UNAUTHENTICATED');
  });

  it('sends the waiting list to a signed-in console', async () => {
    await post('/api/tickets', { serviceId: 'svc-datdai' });
    const cookie = await loginCookie(t.app);
    const s = open('/staff', { cookie });
    const snapshot = await next<StaffSnapshot>(s, 'queue:snapshot');
    expect(snapshot.waiting.map((w) => w.number)).toEqual(['C001']);
  });
});
