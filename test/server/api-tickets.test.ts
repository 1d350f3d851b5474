import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';

let t: TestApp;
let clock: FakeClock;

beforeEach(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
});
afterEach(() => t.destroy());

const issue = (payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/tickets', payload: payload as object, headers });
const ticketCount = () => t.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;

describe('POST /api/tickets', () => {
  it('issues numbered tickets per service with position and phone URL', async () => {
    const a = await issue({ serviceId: 'svc-hotich' });
    expect(a.statusCode).toBe(201);
    const b = await issue({ serviceId: 'svc-hotich' });
    const c = await issue({ serviceId: 'svc-chungthuc' });
    expect([a.json().number, b.json().number, c.json().number]).toEqual(['A001', 'A002', 'B001']);
    expect(b.json()).toMatchObject({ status: 'waiting', waitingAhead: 1, serviceName: 'Hộ tịch' });
    expect(a.json().phoneUrl).toBe(`http://kiosk.test/t/${a.json().id}`);
    expect(a.json().id).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it('returns the same ticket for a repeated Idempotency-Key', async () => {
    const first = await issue({ serviceId: 'svc-hotich' }, { 'idempotency-key': 'tap-1' });
    const again = await issue({ serviceId: 'svc-hotich' }, { 'idempotency-key': 'tap-1' });
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(first.json().id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(ticketCount()).toBe(1);
  });

  it('accepts a priority category by id or code and orders it first', async () => {
    await issue({ serviceId: 'svc-hotich' });
    const p = await issue({ serviceId: 'svc-hotich', priority: 'NCT' });
    expect(p.json()).toMatchObject({ priorityId: 'pri-elderly', priorityName: 'Người cao tuổi (từ 60 tuổi)', waitingAhead: 0 });
    const byName = await issue({ serviceId: 'svc-hotich', priority: 'pregnant' });
    expect(byName.json().priorityId).toBe('pri-pregnant');
  });

  it.each([
    [{}, 400, 'VALIDATION_ERROR'],
    [{ serviceId: '' }, 400, 'VALIDATION_ERROR'],
    [{ serviceId: 'x'.repeat(500) }, 400, 'VALIDATION_ERROR'],
    [{ serviceId: 'svc-nope' }, 404, 'SERVICE_NOT_FOUND'],
    [{ serviceId: 'svc-hotich', priority: 'bogus' }, 404, 'PRIORITY_NOT_FOUND'],
    [[1, 2], 400, 'VALIDATION_ERROR'],
  ])('refuses %j with %i %s and changes nothing', async (payload, status, code) => {
    const res = await issue(payload);
    expect(res.statusCode).toBe(status);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toEqual(expect.any(String));
    expect(ticketCount()).toBe(0);
  });

  it('translates error messages by Accept-Language', async () => {
    const vi = await issue({ serviceId: 'svc-nope' });
    const en = await issue({ serviceId: 'svc-nope' }, { 'accept-language': 'en-US,en;q=0.9' });
    expect(vi.json().message).toBe('Không tìm thấy dịch vụ.');
    expect(en.json().message).toBe('Service not found.');
  });

  it('refuses malformed JSON with a 400', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: '{bad', headers: { 'content-type': 'application/json' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('BAD_REQUEST');
  });
});

describe('GET /api/tickets/:id', () => {
  it('shows live position, then the counter once called', async () => {
    const first = (await issue({ serviceId: 'svc-hotich' })).json();
    const second = (await issue({ serviceId: 'svc-hotich' })).json();
    expect((await t.app.inject(`/api/tickets/${second.id}`)).json().waitingAhead).toBe(1);
    const cookie = await loginCookie(t.app);
    const call = await t.app.inject({ method: 'POST', url: '/api/counters/ctr-1/call-next', headers: { cookie } });
    expect(call.statusCode).toBe(200);
    expect(call.json().ticket.id).toBe(first.id);
    expect(call.json().counter.staffName).toBe('Nguyễn Văn An');
    expect((await t.app.inject(`/api/tickets/${second.id}`)).json().waitingAhead).toBe(0);
    expect((await t.app.inject(`/api/tickets/${first.id}`)).json()).toMatchObject({ status: 'called', counterNumber: 1 });
  });

  it('answers 404 for unknown and 400 for malformed ids', async () => {
    expect((await t.app.inject('/api/tickets/doesnotexist')).json().code).toBe('TICKET_NOT_FOUND');
    expect((await t.app.inject('/api/tickets/bad%20id!')).statusCode).toBe(400);
  });
});
