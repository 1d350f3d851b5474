import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';
import { serveOne } from './reports/fixtures';
import { pairedDevice } from '../helpers/devices';

let t: TestApp;
let clock: FakeClock;
let cookie: string;
/** The rating tablet of counter 1, where serve() finishes its tickets. */
let tablet: string;

beforeEach(async () => {
  clock = new FakeClock();
  t = await createTestApp({ clock });
  cookie = await loginCookie(t.app, 'staff1');
  tablet = await pairedDevice(t.app, 'rating', { counterNumber: 1 });
});
afterEach(() => t.destroy());

const rate = (payload: unknown, headers: Record<string, string> = {}) => t.app.inject({ method: 'POST', url: '/api/ratings', payload: payload as object, headers: { cookie: tablet, ...headers } });
const ratingRows = () => t.app.db.prepare('SELECT * FROM ratings').all() as Record<string, unknown>[];
const serve = () => serveOne(t.app, cookie, 'svc-hotich', 'ctr-1', (ms) => clock.advance(ms));

describe('POST /api/ratings', () => {
  it('stores a rating against the ticket, counter, staff and service', async () => {
    const ticket = await serve();
    expect(ticket.status).toBe('done');
    const res = await rate({ ticketId: ticket.id, level: 4, reasons: ['staff-helpful', 'Hướng dẫn rõ ràng'] });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ ticketId: ticket.id, level: 4, reasons: ['staff-helpful', 'clear-guidance'], at: clock.now() });
    expect(ratingRows()).toEqual([
      expect.objectContaining({ ticket_id: ticket.id, center_id: 'demo', business_day: '2026-11-23', counter_id: 'ctr-1', staff_id: 'stf-staff1', service_id: 'svc-hotich', level: 4, reasons: '["staff-helpful","clear-guidance"]' }),
    ]);
  });

  it('accepts chips by id, Vietnamese or English text, in any case, and drops duplicates', async () => {
    const ticket = await serve();
    const res = await rate({ ticketId: ticket.id, level: 1, reasons: ['THỜI GIAN CHỜ LÂU', 'long-wait', 'Unclear guidance'] });
    expect(res.statusCode).toBe(201);
    expect(res.json().reasons).toEqual(['long-wait', 'unclear-guidance']);
  });

  it('rates a ticket only once', async () => {
    const ticket = await serve();
    expect((await rate({ ticketId: ticket.id, level: 3 })).statusCode).toBe(201);
    const again = await rate({ ticketId: ticket.id, level: 1 });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'ALREADY_RATED', message: 'Số thứ tự này đã được đánh giá.' });
    expect(ratingRows()).toHaveLength(1);
    expect(ratingRows()[0].level).toBe(3);
  });

  it('refuses a ticket that is not done yet, in Vietnamese or English', async () => {
    const issued = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } })).json();
    const vi = await rate({ ticketId: issued.id, level: 4 });
    expect(vi.statusCode).toBe(409);
    expect(vi.json()).toMatchObject({ code: 'RATING_NOT_ALLOWED', message: `Chỉ có thể đánh giá sau khi quầy đã giải quyết xong số ${issued.number}.` });
    const en = await rate({ ticketId: issued.id, level: 4 }, { 'accept-language': 'en' });
    expect(en.json().message).toBe(`Ticket ${issued.number} can be rated only after the counter has finished with it.`);
    expect(ratingRows()).toHaveLength(0);
  });

  it('refuses a no-show ticket', async () => {
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    const called = (await t.app.inject({ method: 'POST', url: '/api/counters/ctr-1/call-next', headers: { cookie } })).json().ticket;
    for (let i = 0; i < 2; i++) await t.app.inject({ method: 'POST', url: '/api/counters/ctr-1/recall', headers: { cookie }, payload: { ticketId: called.id } });
    const noShow = await t.app.inject({ method: 'POST', url: '/api/counters/ctr-1/no-show', headers: { cookie }, payload: { ticketId: called.id } });
    expect(noShow.json().ticket.status).toBe('no-show');
    expect((await rate({ ticketId: called.id, level: 2 })).json().code).toBe('RATING_NOT_ALLOWED');
    expect(ratingRows()).toHaveLength(0);
  });

  it('accepts a rating up to two hours after completion, not after', async () => {
    const a = await serve();
    const b = await serve();
    // b is now exactly at the two-hour limit (still allowed); a was finished 210 s earlier.
    clock.advance(2 * 3600_000);
    expect((await rate({ ticketId: b.id, level: 4 })).statusCode).toBe(201);
    const late = await rate({ ticketId: a.id, level: 4 });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ code: 'RATING_EXPIRED', message: `Đã quá thời hạn đánh giá số ${a.number} (2 giờ sau khi giải quyết xong).` });
    expect(ratingRows().map((r) => r.ticket_id)).toEqual([b.id]);
  });

  it('answers 404 for an unknown ticket', async () => {
    const res = await rate({ ticketId: 'nope', level: 4 });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('TICKET_NOT_FOUND');
  });

  it.each([
    ['level 0', { level: 0 }, 'VALIDATION_ERROR'],
    ['level 5', { level: 5 }, 'VALIDATION_ERROR'],
    ['level 2.5', { level: 2.5 }, 'VALIDATION_ERROR'],
    ['level as text', { level: 'tốt' }, 'VALIDATION_ERROR'],
    ['no level', { level: undefined }, 'VALIDATION_ERROR'],
    ['no ticket', { ticketId: undefined }, 'VALIDATION_ERROR'],
    ['seven reasons', { reasons: ['staff-helpful', 'staff-polite', 'clear-guidance', 'fast-service', 'short-wait', 'good-facilities', 'crowded'] }, 'VALIDATION_ERROR'],
    ['a 61-character reason', { reasons: ['x'.repeat(61)] }, 'VALIDATION_ERROR'],
    ['an empty reason', { reasons: [''] }, 'VALIDATION_ERROR'],
    ['reasons not a list', { reasons: { a: 1 } }, 'VALIDATION_ERROR'],
    ['an unknown reason', { reasons: ['staff-helpful', 'Quầy đẹp'] }, 'RATING_REASON_UNKNOWN'],
  ])('refuses %s with 400 and stores nothing', async (_name, patch, code) => {
    const ticket = await serve();
    const res = await rate({ ticketId: ticket.id, level: 4, ...patch });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe(code);
    expect(res.json().message).toEqual(expect.any(String));
    expect(ratingRows()).toHaveLength(0);
  });

  it('names the unknown reason in the message', async () => {
    const ticket = await serve();
    const res = await rate({ ticketId: ticket.id, level: 4, reasons: ['Quầy đẹp'] });
    expect(res.json().message).toBe('Lý do đánh giá không có trong danh sách: “Quầy đẹp”.');
  });

  it('is rate-limited', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 31; i++) codes.push((await rate({ ticketId: 'nope', level: 4 })).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 404)).toBe(true);
    expect(codes[30]).toBe(429);
  });
});

describe('GET /api/ratings/reasons', () => {
  it('lists the levels and the chips split into positive and negative, in both languages', async () => {
    const res = await t.app.inject('/api/ratings/reasons');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.levels.map((l: { level: number; label: string }) => [l.level, l.label])).toEqual([
      [4, 'Rất hài lòng'],
      [3, 'Hài lòng'],
      [2, 'Bình thường'],
      [1, 'Không hài lòng'],
    ]);
    expect(body.positive).toContainEqual({ id: 'staff-helpful', label: 'Cán bộ nhiệt tình', labelEn: 'Helpful staff', positive: true });
    expect(body.negative).toContainEqual({ id: 'long-wait', label: 'Thời gian chờ lâu', labelEn: 'Long wait', positive: false });
    expect(body.negative.map((r: { label: string }) => r.label)).toContain('Hướng dẫn chưa rõ');
    const all = [...body.positive, ...body.negative] as { id: string; label: string }[];
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    for (const r of all) expect(r.label).toBe(r.label.normalize('NFC'));
    expect(body.positive.every((r: { positive: boolean }) => r.positive)).toBe(true);
  });
});

describe('GET /api/counters/:counterId/last-completed', () => {
  const last = (counter = 'ctr-1', query = '', who = tablet) => t.app.inject({ url: `/api/counters/${counter}/last-completed${query}`, headers: { cookie: who } });

  it('shows the ticket just finished at the counter, then its rating, and forgets it after a few minutes', async () => {
    const empty = (await last()).json();
    expect(empty).toMatchObject({ counter: { id: 'ctr-1', number: 1 }, ticket: null, rating: null, rateUntil: null });

    const ticket = await serve();
    const before = (await last('1')).json();
    expect(before.ticket).toMatchObject({ id: ticket.id, number: ticket.number, serviceName: 'Hộ tịch', serviceNameEn: 'Civil status', staffName: 'Nguyễn Văn An', completedAt: clock.now() });
    expect(before.rating).toBeNull();
    expect(before.rateUntil).toBe(clock.now() + 2 * 3600_000);

    await rate({ ticketId: ticket.id, level: 3, reasons: ['fast-service'] });
    expect((await last()).json().rating).toMatchObject({ ticketId: ticket.id, level: 3, reasons: ['fast-service'] });

    expect((await last('ctr-2', '', cookie)).json().ticket).toBeNull();
    clock.advance(5 * 60_000 + 1);
    expect((await last()).json().ticket).toBeNull();
    expect((await last('ctr-1', '?withinMinutes=10')).json().ticket.id).toBe(ticket.id);
  });

  it('answers 404 for an unknown counter', async () => {
    const res = await last('99');
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('COUNTER_NOT_FOUND');
  });
});

describe('who may rate', () => {
  it('refuses a rating from a browser that is not a rating tablet, even with the id of a ticket just finished', async () => {
    const ticket = await serve();
    const forged = await t.app.inject({ method: 'POST', url: '/api/ratings', payload: { ticketId: ticket.id, level: 1 }, remoteAddress: '127.0.0.9' });
    expect(forged.statusCode).toBe(403);
    expect(forged.json()).toMatchObject({ code: 'DEVICE_NOT_PAIRED', message: 'Thiết bị này chưa được ghép với trung tâm. Vui lòng nhờ quản trị viên duyệt thiết bị.' });
    const kiosk = await pairedDevice(t.app, 'kiosk');
    expect((await rate({ ticketId: ticket.id, level: 1 }, { cookie: kiosk })).json().code).toBe('DEVICE_KIND_MISMATCH');
    expect(ratingRows()).toHaveLength(0);
    // The citizen's own rating still counts.
    expect((await rate({ ticketId: ticket.id, level: 4 })).statusCode).toBe(201);
  });

  it("refuses the tablet of another counter: a ticket is rated at the counter that served it", async () => {
    const ticket = await serve();
    const otherTablet = await pairedDevice(t.app, 'rating', { counterNumber: 2 });
    const res = await rate({ ticketId: ticket.id, level: 1 }, { cookie: otherTablet });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('DEVICE_KIND_MISMATCH');
    expect(ratingRows()).toHaveLength(0);
  });

  it("tells a counter's last finished ticket only to that counter's tablet and to staff", async () => {
    const ticket = await serve();
    const ask = (headers: Record<string, string>) => t.app.inject({ url: '/api/counters/1/last-completed', headers, remoteAddress: '127.0.0.9' });
    const anonymous = await ask({});
    expect(anonymous.statusCode).toBe(403);
    expect(anonymous.json().code).toBe('DEVICE_NOT_PAIRED');
    expect(anonymous.body).not.toContain(ticket.id);
    const otherTablet = await pairedDevice(t.app, 'rating', { counterNumber: 2 });
    expect((await ask({ cookie: otherTablet })).json().code).toBe('DEVICE_KIND_MISMATCH');
    expect((await ask({ cookie: tablet })).json().ticket.id).toBe(ticket.id);
    expect((await ask({ cookie })).json().ticket.id).toBe(ticket.id);
  });

  it('a revoked tablet rates no more', async () => {
    const ticket = await serve();
    const admin = await loginCookie(t.app, 'admin');
    const id = (await t.app.inject({ url: '/api/devices/me', headers: { cookie: tablet } })).json().device.id;
    expect((await t.app.inject({ method: 'POST', url: `/api/devices/${id}/revoke`, headers: { cookie: admin } })).statusCode).toBe(200);
    expect((await rate({ ticketId: ticket.id, level: 2 })).json().code).toBe('DEVICE_NOT_PAIRED');
    expect(ratingRows()).toHaveLength(0);
  });
});
