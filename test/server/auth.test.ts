import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(() => t.destroy());

const login = (username: string, password: string, ip = '10.0.0.1') =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: ip });

describe('auth', () => {
  it('sets an httpOnly SameSite=Strict session cookie', async () => {
    const res = await login('staff1', 'demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qm_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json()).toMatchObject({ username: 'staff1', role: 'staff', displayName: 'Nguyễn Văn An' });
  });

  it('refuses wrong passwords and unknown users the same way', async () => {
    const wrong = await login('staff1', 'nope');
    const unknown = await login('ghost', 'nope');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('locks the address that failed 5 times, even with the right password, and no other address', async () => {
    for (let i = 0; i < 5; i++) await login('staff3', 'wrong', '10.0.1.1');
    const locked = await login('staff3', 'demo', '10.0.1.1');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect((await login('staff3', 'demo', '10.0.2.1')).statusCode).toBe(200);
  });

  it('rate-limits login attempts per address', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 25; i++) codes.push((await login(`user${i}`, 'x', '10.9.9.9')).statusCode);
    expect(codes.slice(0, 20).every((c) => c === 401)).toBe(true);
    expect(codes.slice(20).every((c) => c === 429)).toBe(true);
  });

  it('logs out: the cookie no longer works', async () => {
    const cookie = await loginCookie(t.app);
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect((await t.app.inject({ url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('guards counter commands: 401 without a session, before validating the body', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/counters/1/recall', payload: { bogus: true } });
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('UNAUTHENTICATED');
  });
});

describe('counter commands', () => {
  it('refuse bad input with 4xx and change nothing', async () => {
    const cookie = await loginCookie(t.app);
    const seqBefore = t.app.queue.state().seq;
    const cases: [string, object | undefined, number, string][] = [
      ['/api/counters/99/call-next', undefined, 404, 'COUNTER_NOT_FOUND'],
      ['/api/counters/1/call-next', undefined, 404, 'QUEUE_EMPTY'],
      ['/api/counters/1/recall', {}, 400, 'VALIDATION_ERROR'],
      ['/api/counters/1/recall', { ticketId: 'nope' }, 404, 'TICKET_NOT_FOUND'],
      ['/api/counters/1/pause', { reason: '' }, 400, 'VALIDATION_ERROR'],
      ['/api/counters/1/resume', undefined, 409, 'COUNTER_NOT_PAUSED'],
      ['/api/counters/1/transfer', { ticketId: 'x', toServiceId: 'y' }, 404, 'TICKET_NOT_FOUND'],
    ];
    for (const [url, payload, status, code] of cases) {
      const res = await t.app.inject({ method: 'POST', url, headers: { cookie }, ...(payload ? { payload } : {}) });
      expect([url, res.statusCode, res.json().code]).toEqual([url, status, code]);
    }
    expect(t.app.queue.state().seq).toBe(seqBefore);
    expect(t.app.db.prepare('SELECT COUNT(*) FROM ticket_events').pluck().get()).toBe(seqBefore === 0 ? 0 : 1);
  });

  it('run a whole ticket life: call, recall, start, complete; a double click acts once', async () => {
    const cookie = await loginCookie(t.app);
    const post = (url: string, payload?: object, headers: Record<string, string> = {}) =>
      t.app.inject({ method: 'POST', url, headers: { cookie, ...headers }, ...(payload ? { payload } : {}) });
    const a = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-chungthuc' } })).json();
    const b = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-chungthuc' } })).json();

    const call1 = await post('/api/counters/2/call-next', { expectedCurrentTicketId: null }, { 'idempotency-key': 'click-1' });
    const call1again = await post('/api/counters/2/call-next', { expectedCurrentTicketId: null }, { 'idempotency-key': 'click-1' });
    expect(call1.json().ticket.id).toBe(a.id);
    expect(call1again.json().ticket.id).toBe(a.id);
    // A stale page that believes the counter is idle cannot call again.
    const stale = await post('/api/counters/2/call-next', { expectedCurrentTicketId: null });
    expect(stale.json().code).toBe('STALE_STATE');

    expect((await post('/api/counters/2/recall', { ticketId: a.id })).json().ticket.recallCount).toBe(1);
    expect((await post('/api/counters/2/start', { ticketId: a.id })).json().ticket.status).toBe('serving');
    expect((await post('/api/counters/2/complete', { ticketId: a.id })).json().ticket.status).toBe('done');
    const again = await post('/api/counters/2/complete', { ticketId: a.id });
    expect(again.statusCode).toBe(404);
    const call2 = await post('/api/counters/2/call-next', { expectedCurrentTicketId: null });
    expect(call2.json().ticket.id).toBe(b.id);
    expect(call2.json().counter.servedToday).toBe(1);
  });
});

describe('password change', () => {
  it('needs the current password, then the new one works and the old one does not', async () => {
    const cookie = await loginCookie(t.app, 'staff4');
    const change = (currentPassword: string, newPassword: string) =>
      t.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword, newPassword } });
    expect((await change('wrong', 'a-long-new-secret')).statusCode).toBe(401);
    expect((await change('demo', 'short')).statusCode).toBe(400);
    expect((await change('demo', 'a-long-new-secret')).statusCode).toBe(200);
    expect((await login('staff4', 'demo', '10.3.0.1')).statusCode).toBe(401);
    expect((await login('staff4', 'a-long-new-secret', '10.3.0.2')).statusCode).toBe(200);
  });
});

describe('one-time password', () => {
  it('opens only the way to replace it', async () => {
    const bare = await createTestApp({ env: { SEED: 'none' } });
    try {
      const { password } = bare.app.seededAccounts[0];
      const cookie = await loginCookie(bare.app, 'admin', password);
      const me = await bare.app.inject({ url: '/api/auth/me', headers: { cookie } });
      expect(me.json().mustChangePassword).toBe(true);
      const blocked = await bare.app.inject({ url: '/api/admin/audit', headers: { cookie } });
      expect([blocked.statusCode, blocked.json().code]).toEqual([403, 'PASSWORD_CHANGE_REQUIRED']);
      const wrong = await bare.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: 'nope', newPassword: 'a-long-new-secret' } });
      expect(wrong.json().code).toBe('WRONG_CURRENT_PASSWORD');
      const changed = await bare.app.inject({ method: 'POST', url: '/api/auth/password', headers: { cookie }, payload: { currentPassword: password, newPassword: 'a-long-new-secret' } });
      expect(changed.statusCode).toBe(200);
      expect((await bare.app.inject({ url: '/api/admin/audit', headers: { cookie } })).statusCode).toBe(200);
    } finally {
      await bare.destroy();
    }
  });
});
