/**
 * No capability in public. A ticket's id is the capability behind its phone page (/t/:id) and its rating: an
 * anonymous listener on /public and an anonymous REST caller must never see one, nor a staff account id, however
 * the staff work the queue. The test records every Engine.IO packet an anonymous /public client receives and every
 * anonymous REST answer, and looks in them for every ticket id and staff id the center has.
 */
import { describe, expect, it } from 'vitest';
import { io as connect } from 'socket.io-client';
import { createTestApp, loginCookie } from '../helpers/app';
import { cleanupAfterEach, until } from '../helpers/wait';

const cleanup = cleanupAfterEach();

async function setUp() {
  const t = await createTestApp();
  await t.listen();
  cleanup.push(() => t.destroy());
  return t;
}

describe('anonymous views', () => {
  it('carry no ticket id and no staff id of the center, on /public and over REST, while staff work the queue', { timeout: 60_000 }, async () => {
    const t = await setUp();
    // Every packet the anonymous client receives, as the text on the wire.
    const frames: string[] = [];
    const display = connect(`${t.url}/public`, { transports: ['websocket'], reconnection: false, forceNew: true });
    cleanup.push(() => void display.close());
    display.io.on('open', () => display.io.engine.on('packet', (packet: { data?: unknown }) => frames.push(String(packet.data ?? ''))));
    await new Promise((resolve) => display.once('queue:snapshot', resolve));

    const staff1 = await loginCookie(t.app, 'staff1');
    const staff2 = await loginCookie(t.app, 'staff2');
    const post = async (url: string, cookie: string, payload: object = {}) => {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie }, payload });
      expect(res.statusCode, `${url} ${res.body}`).toBeLessThan(300);
      return res.json();
    };
    for (const serviceId of ['svc-hotich', 'svc-hotich', 'svc-chungthuc', 'svc-chungthuc', 'svc-hotich']) await post('/api/tickets', staff1, { serviceId });
    // Called, served and done; recalled; transferred with a note; called and held: every public shape a ticket takes.
    const first = (await post('/api/counters/1/call-next', staff1)).ticket;
    await post('/api/counters/1/start', staff1, { ticketId: first.id });
    await post('/api/counters/1/complete', staff1, { ticketId: first.id });
    const second = (await post('/api/counters/2/call-next', staff2)).ticket;
    await post('/api/counters/2/recall', staff2, { ticketId: second.id });
    await post('/api/counters/2/transfer', staff2, { ticketId: second.id, toCounterId: 'ctr-1', note: 'Thiếu bản sao CCCD' });
    const held = (await post('/api/counters/1/call-next', staff1)).ticket;
    await post('/api/counters/2/call-next', staff2);

    const ticketIds = (t.app.db.prepare('SELECT id FROM tickets').pluck().all() as string[]).filter((id) => id.length > 0);
    const staffIds = t.app.db.prepare('SELECT id FROM staff').pluck().all() as string[];
    expect(ticketIds.length).toBe(5);
    expect(held.id).toBe(second.id);

    // The anonymous client's own reads: the last update, and a resync.
    const seq = t.app.queue.state().seq;
    await until(() => frames.some((f) => f.includes(`"seq":${seq}`)), 'the last update on /public');
    const resync = await display.timeout(5_000).emitWithAck('queue:resync');
    expect(resync.ok).toBe(true);

    const anonymous: Record<string, string> = {};
    for (const url of ['/api/queue/snapshot', '/api/counters', '/api/services', '/api/center', '/api/health', '/api/priorities']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      anonymous[url] = res.body;
    }
    // The counter's last finished ticket is for its paired rating tablet: an anonymous caller is refused.
    for (const counter of [1, 2]) {
      const res = await t.app.inject({ method: 'GET', url: `/api/counters/${counter}/last-completed` });
      expect(res.statusCode).toBe(403);
      anonymous[`last-completed ${counter}`] = res.body;
    }

    expect(frames.length).toBeGreaterThan(10);
    const leaks: string[] = [];
    for (const id of [...ticketIds, ...staffIds]) {
      for (const frame of frames) if (frame.includes(id)) leaks.push(`/public frame: ${id} in ${frame.slice(0, 120)}`);
      for (const [url, body] of Object.entries(anonymous)) if (body.includes(id)) leaks.push(`${url}: ${id}`);
    }
    expect(leaks).toEqual([]);

    // What a hall still needs to tell tickets apart: a display key, the same on every view of one ticket.
    const snapshot = JSON.parse(anonymous['/api/queue/snapshot']) as { counters: { number: number; currentTicket: { ref: string; number: string } | null }[] };
    const counter1 = snapshot.counters.find((c) => c.number === 1)!;
    expect(counter1.currentTicket).toMatchObject({ number: held.number, ref: expect.any(String) });
  });

  it('show a ticket to its holder without staff fields, and to signed-in staff with them', async () => {
    const t = await setUp();
    const staff = await loginCookie(t.app, 'staff2');
    const issued = (await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: staff }, payload: { serviceId: 'svc-chungthuc' } })).json();
    const called = (await t.app.inject({ method: 'POST', url: '/api/counters/2/call-next', headers: { cookie: staff }, payload: {} })).json();
    expect(called.ticket.id).toBe(issued.id);
    const note = 'Ghi chú nội bộ: hồ sơ thiếu bản sao';
    const moved = await t.app.inject({ method: 'POST', url: '/api/counters/2/transfer', headers: { cookie: staff }, payload: { ticketId: issued.id, toCounterId: 'ctr-1', note } });
    expect(moved.statusCode, moved.body).toBe(200);

    // Called again at the counter it was sent to: an officer holds it, with the note.
    const again = (await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: staff }, payload: {} })).json();
    expect(again.ticket.id).toBe(issued.id);

    const holder = await t.app.inject({ method: 'GET', url: `/api/tickets/${issued.id}` });
    expect(holder.statusCode).toBe(200);
    expect(holder.json()).toMatchObject({ id: issued.id, number: issued.number, status: 'called', counterNumber: 1 });
    for (const field of ['note', 'staffId', 'kioskId']) expect(holder.json()).not.toHaveProperty(field);
    expect(holder.body).not.toContain('stf-');
    expect(holder.body).not.toContain('bản sao');

    const officer = await t.app.inject({ method: 'GET', url: `/api/tickets/${issued.id}`, headers: { cookie: staff } });
    expect(officer.json()).toMatchObject({ id: issued.id, note, staffId: 'stf-staff2' });
  });
});
