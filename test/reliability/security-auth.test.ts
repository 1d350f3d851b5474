/**
 * Sign-in defences: the session cookie cannot be read by scripts nor sent cross-site,
 * a session ends on logout and at expiry, the login route is rate limited per address,
 * and an address that keeps guessing one username is made to wait (without telling which usernames exist).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { FakeClock } from '../helpers/clock';

const apps: TestApp[] = [];
async function app(options: Parameters<typeof createTestApp>[0] = {}) {
  const t = await createTestApp(options);
  apps.push(t);
  return t;
}
afterEach(async () => {
  for (const t of apps.splice(0)) await t.destroy();
});

const login = (t: TestApp, username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const me = (t: TestApp, cookie: string) => t.app.inject({ url: '/api/auth/me', headers: { cookie } });

describe('session cookie', () => {
  it('is httpOnly, SameSite=Strict, scoped to /, not Secure on plain HTTP, and Secure when COOKIE_SECURE=true', async () => {
    const plain = await app();
    const res = await login(plain, 'staff1', 'demo');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'qm_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(cookie.secure).toBeFalsy();
    expect(cookie.value.length).toBeGreaterThanOrEqual(40);
    // The token is not in the body either: only the cookie carries it.
    expect(res.body).not.toContain(cookie.value);

    const secure = await app({ env: { COOKIE_SECURE: 'true' } });
    const res2 = await login(secure, 'staff1', 'demo');
    expect(res2.cookies.find((c) => c.name === 'qm_session')).toMatchObject({ httpOnly: true, sameSite: 'Strict', secure: true });
  });

  it('stops working at logout and at expiry', async () => {
    const clock = new FakeClock();
    const t = await app({ clock, env: { SESSION_HOURS: '1' } });
    const a = await loginCookie(t.app, 'staff1');
    expect((await me(t, a)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: a } });
    expect((await me(t, a)).json().code).toBe('UNAUTHENTICATED');

    const b = await loginCookie(t.app, 'staff1');
    clock.advance(3600_000 - 1);
    expect((await me(t, b)).statusCode).toBe(200);
    clock.advance(2);
    expect((await me(t, b)).statusCode).toBe(401);
  });
});

describe('login rate limit', () => {
  it('answers 429 RATE_LIMITED with Retry-After after 20 attempts a minute from one address, even for good credentials', async () => {
    const t = await app();
    for (let i = 0; i < 20; i++) expect((await login(t, `nobody${i}`, 'x')).statusCode).toBe(401);
    const limited = await login(t, 'staff1', 'demo');
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toMatchObject({ code: 'RATE_LIMITED', message: expect.any(String) });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.cookies).toEqual([]);
    // Another address is not affected.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'staff1', password: 'demo' }, remoteAddress: '10.0.0.7' })).statusCode).toBe(200);
  });
});

describe('account lockout', () => {
  it('makes the address that failed 5 times wait, refusing even the right password, for that account only', async () => {
    const clock = new FakeClock();
    const t = await app({ clock });
    for (let i = 0; i < 5; i++) expect((await login(t, 'staff3', `wrong-${i}`)).json().code).toBe('INVALID_CREDENTIALS');
    const locked = await login(t, 'staff3', 'demo');
    expect(locked.statusCode).toBe(429);
    expect(locked.json().code).toBe('ACCOUNT_LOCKED');
    expect(locked.cookies).toEqual([]);
    expect((await login(t, 'staff4', 'demo')).statusCode).toBe(200);
    // The same account from another address is not locked (test/server/security-lockout.test.ts has the rest).
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'staff3', password: 'demo' }, remoteAddress: '10.0.0.9' });
    expect(elsewhere.statusCode).toBe(200);

    clock.advance(59_000);
    expect((await login(t, 'staff3', 'demo')).json().code).toBe('ACCOUNT_LOCKED');
    clock.advance(2_000);
    expect((await login(t, 'staff3', 'demo')).statusCode).toBe(200);
  });
});
