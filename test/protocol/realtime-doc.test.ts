/**
 * The AsyncAPI document of the Socket.IO protocol (docs/realtime.asyncapi.yaml) cannot drift from the code:
 * - its events per namespace and direction are exactly the keys of the typed event maps (runtime lists in
 *   protocol/realtime.ts, checked against the maps by the compiler);
 * - every event a real client receives in a short scenario is documented, and its payload (and every ack)
 *   validates against the document's schema, which refuses unknown and missing properties;
 * - it is served beside /docs.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io as connect, type Socket } from 'socket.io-client';
import Schema from 'typebox/schema';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { PUBLIC_CLIENT_EVENTS, PUBLIC_SERVER_EVENTS, STAFF_CLIENT_EVENTS, STAFF_SERVER_EVENTS } from '../../protocol/realtime';
import { REALTIME_DOC_PATH, parseRealtimeDoc, realtimeEvents, resolveRef, type RealtimeDoc } from '../../server/realtime-doc';

const doc = parseRealtimeDoc(readFileSync(REALTIME_DOC_PATH, 'utf8'));
const sorted = (names: readonly string[]) => [...names].sort();

/** A validator for a payload of the document: its `#/components/schemas/` references become `#/$defs/`. */
function validator(payload: unknown) {
  const rewrite = (v: unknown) => JSON.parse(JSON.stringify(v).replaceAll('"#/components/schemas/', '"#/$defs/'));
  const compiled = Schema.Compile({ ...rewrite(payload), $defs: rewrite(doc.components.schemas) });
  return (value: unknown) => {
    if (!compiled.Check(value)) throw new Error(`does not match the document: ${JSON.stringify(compiled.Errors(value)).slice(0, 800)}`);
  };
}

type Message = RealtimeDoc['components']['messages'][string];
/** The message an operation of this namespace and direction carries for an event (or its reply). */
function documented(namespace: string, action: 'send' | 'receive', event: string): { message: Message; ack: Message | null } | null {
  for (const op of Object.values(doc.operations)) {
    if (op.action !== action || resolveRef<{ address: string }>(doc, op.channel).address !== namespace) continue;
    const message = resolveRef<Message>(doc, op.messages[0]);
    if (message.name === event) return { message, ack: op.reply ? resolveRef<Message>(doc, op.reply.messages[0]) : null };
  }
  return null;
}

describe('the AsyncAPI document', () => {
  it('is AsyncAPI 3.0 and every reference in it resolves', () => {
    expect(doc.asyncapi).toBe('3.0.0');
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (!node || typeof node !== 'object') return;
      if ('$ref' in node) expect(() => resolveRef(doc, node), JSON.stringify(node)).not.toThrow();
      Object.values(node).forEach(walk);
    };
    walk(doc);
    for (const payload of Object.values(doc.components.messages).map((m) => m.payload)) if (payload) validator(payload);
  });

  it('lists exactly the events of the typed maps, per namespace and direction', () => {
    const events = realtimeEvents(doc);
    expect(Object.keys(events).sort()).toEqual(['/public', '/staff']);
    expect(sorted(events['/public']!.serverToClient)).toEqual(sorted(PUBLIC_SERVER_EVENTS));
    expect(sorted(events['/public']!.clientToServer)).toEqual(sorted(PUBLIC_CLIENT_EVENTS));
    expect(sorted(events['/staff']!.serverToClient)).toEqual(sorted(STAFF_SERVER_EVENTS));
    expect(sorted(events['/staff']!.clientToServer)).toEqual(sorted(STAFF_CLIENT_EVENTS));
    // Each channel lists the messages its operations use, and nothing else.
    for (const [key, channel] of Object.entries(doc.channels)) {
      const used = Object.values(doc.operations)
        .filter((op) => op.channel.$ref === `#/channels/${key}`)
        .flatMap((op) => [...op.messages, ...(op.reply?.messages ?? [])].map((m) => m.$ref.split('/').pop()));
      expect(sorted(used as string[])).toEqual(sorted(Object.keys(channel.messages)));
    }
  });

  it('tells non-JavaScript clients about the trailing offset argument', () => {
    expect(doc.info.description).toMatch(/offset/);
    expect(doc.info.description).toMatch(/\*_offset|\*args/);
  });
});

describe('a real client against the real server', () => {
  let t: TestApp;
  const sockets: Socket[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    await t.listen();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    await t.destroy();
  });

  /** Records every event with ALL its arguments, as a python-socketio handler would get them. */
  function open(namespace: string, cookie?: string) {
    const s = connect(`${t.url}${namespace}`, { transports: ['websocket'], reconnection: false, forceNew: true, extraHeaders: cookie ? { cookie } : {} });
    sockets.push(s);
    const received: Received = [];
    s.onAny((event: string, ...args: unknown[]) => received.push({ event, args }));
    return { s, received };
  }
  type Received = { event: string; args: unknown[] }[];
  type Update = { seq: number; kinds: string[]; tickets: { id: string }[] };
  /** The queue:update of the commit that did `kind`. */
  const updateOf = (received: Received, kind: string) =>
    received.map((r) => (r.event === 'queue:update' ? (r.args[0] as Update) : null)).find((u) => u?.kinds.includes(kind));
  /** Emits with an ack and returns every argument the ack got. */
  const ackArgs = (s: Socket, event: string, ...args: unknown[]) => new Promise<unknown[]>((resolve) => s.emit(event, ...args, (...reply: unknown[]) => resolve(reply)));
  const post = (url: string, payload?: object, cookie?: string) =>
    fetch(`${t.url}${url}`, {
      method: 'POST',
      headers: { ...(payload ? { 'content-type': 'application/json' } : {}), ...(cookie ? { cookie } : {}) },
      body: payload ? JSON.stringify(payload) : undefined,
    });

  it('sends only documented events, each matching its schema and followed by a string offset; acks match theirs', async () => {
    const cookie = await loginCookie(t.app, 'staff2');
    const display = open('/public');
    const console_ = open('/staff', cookie);
    await expect.poll(() => display.received.some((r) => r.event === 'queue:snapshot')).toBe(true);
    await expect.poll(() => console_.received.some((r) => r.event === 'printer:unprinted')).toBe(true);

    const issued = await (await post('/api/tickets', { serviceId: 'svc-hotich' })).json();
    const watch = await ackArgs(display.s, 'ticket:watch', issued.id);
    const missing = await ackArgs(display.s, 'ticket:watch', 'no-such-ticket');
    expect((await post('/api/counters/2/call-next', undefined, cookie)).status).toBe(200);
    await expect.poll(() => updateOf(display.received, 'ticket.called')).toBeDefined();
    await expect.poll(() => updateOf(console_.received, 'ticket.called')).toBeDefined();
    await expect.poll(() => display.received.filter((r) => r.event === 'ticket:updated').length).toBeGreaterThan(0);
    t.app.broadcastConfigChanged(t.app.queue.defaultCenterId);
    await expect.poll(() => display.received.some((r) => r.event === 'config:changed')).toBe(true);
    await expect.poll(() => console_.received.some((r) => r.event === 'config:changed')).toBe(true);
    const publicResync = await ackArgs(display.s, 'queue:resync');
    const staffResync = await ackArgs(console_.s, 'queue:resync');

    for (const [namespace, { received }] of [['/public', display], ['/staff', console_]] as const) {
      for (const { event, args } of received) {
        const doc = documented(namespace, 'send', event);
        expect(doc, `${namespace} ${event} is documented`).not.toBeNull();
        validator(doc!.message.payload)(args[0]);
        // Connection-state recovery is on: one payload, then the packet's offset (a string).
        expect(args, `${namespace} ${event}`).toHaveLength(2);
        expect(typeof args[1]).toBe('string');
      }
      const names = received.map((r) => r.event);
      // The call goes out before its commit's update.
      const call = received.find((r) => r.event === 'ticket:called')!;
      const seq = (call.args[0] as { seq: number }).seq;
      expect(names.indexOf('ticket:called')).toBeLessThan(received.findIndex((r) => r.event === 'queue:update' && (r.args[0] as { seq: number }).seq === seq));
    }
    const seen = (received: Received) => sorted([...new Set(received.map((r) => r.event))]);
    expect(seen(display.received)).toEqual(sorted(['queue:snapshot', 'queue:update', 'ticket:called', 'ticket:updated', 'config:changed']));
    expect(seen(console_.received)).toEqual(sorted(['queue:snapshot', 'queue:update', 'ticket:called', 'printer:unprinted', 'config:changed']));
    // /public never carries a waiting ticket's id; /staff does.
    expect(updateOf(display.received, 'ticket.issued')!.tickets).toEqual([]);
    expect(updateOf(console_.received, 'ticket.issued')!.tickets.map((x) => x.id)).toEqual([issued.id]);

    // Acks: one argument, no offset, matching the reply schema.
    for (const [namespace, event, reply] of [
      ['/public', 'ticket:watch', watch],
      ['/public', 'ticket:watch', missing],
      ['/public', 'queue:resync', publicResync],
      ['/staff', 'queue:resync', staffResync],
    ] as const) {
      expect(reply).toHaveLength(1);
      validator(documented(namespace, 'receive', event)!.ack!.payload)(reply[0]);
    }
    expect(missing[0]).toMatchObject({ ok: false, code: 'TICKET_NOT_FOUND' });
    expect(watch[0]).toMatchObject({ ok: true, data: { ticket: { number: issued.number, issuedAt: issued.issuedAt } } });
  });

  it('serves the document beside /docs', async () => {
    const yaml = await fetch(`${t.url}/docs/realtime.yaml`);
    expect(yaml.status).toBe(200);
    expect(yaml.headers.get('content-type')).toBe('application/yaml; charset=utf-8');
    expect(await yaml.text()).toBe(readFileSync(REALTIME_DOC_PATH, 'utf8'));
    const json = await fetch(`${t.url}/docs/realtime.json`);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(await json.json()).toEqual(doc);
    const page = await fetch(`${t.url}/docs/realtime`);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    for (const event of new Set([...PUBLIC_SERVER_EVENTS, ...PUBLIC_CLIENT_EVENTS, ...STAFF_SERVER_EVENTS, ...STAFF_CLIENT_EVENTS])) {
      expect(html).toContain(`<code>${event}</code>`);
    }
    // Not part of the REST API's OpenAPI document.
    const openapi = await (await fetch(`${t.url}/docs/json`)).json();
    expect(Object.keys(openapi.paths).filter((p) => p.startsWith('/docs'))).toEqual([]);
  });
});
