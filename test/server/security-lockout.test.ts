/**
 * Sign-in lockout is fair: failures count per (username, address), so a stranger's
 * guesses never lock the real admin out from the admin's own PC, and a name that is
 * no account gets exactly the answers a real one gets, locks included.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { verifyPassword } from '../../server/auth/password';

// Every password check counted, so "the same scrypt work" is checked by what runs, not by a stopwatch.
vi.mock('../../server/auth/password', async (original) => {
  const real = await original<typeof import('../../server/auth/password')>();
  return { ...real, verifyPassword: vi.fn(real.verifyPassword) };
});
import { FakeClock } from '../helpers/clock';

const ATTACKER = '127.0.0.7';
const ADMIN_PC = '127.0.0.8';

let t: TestApp;
afterEach(() => t?.destroy());

const login = (username: string, password: string, remoteAddress: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress });

/** What a client sees of a refusal: status, body, and the wait it is told. */
const answer = (res: Awaited<ReturnType<typeof login>>) => ({ status: res.statusCode, body: res.json(), retryAfter: res.headers['retry-after'] });

describe('fair lockout', () => {
  it('leaves the real admin signing in from another address untouched by five (or fifty) wrong guesses', async () => {
    t = await createTestApp({ clock: new FakeClock() });
    for (let i = 0; i < 5; i++) expect((await login('admin', `guess-${i}`, ATTACKER)).json().code).toBe('INVALID_CREDENTIALS');
    expect((await login('admin', 'demo', ATTACKER)).json().code).toBe('ACCOUNT_LOCKED');
    const admin = await login('admin', 'demo', ADMIN_PC);
    expect(admin.statusCode).toBe(200);
    expect(admin.cookies.some((c) => c.name === 'qm_session')).toBe(true);
  });

  it('makes the guessing address wait 1, then 2, 4, 8, at most 15 minutes', async () => {
    const clock = new FakeClock();
    t = await createTestApp({ clock });
    for (let i = 0; i < 4; i++) await login('staff3', 'wrong', ATTACKER);
    const waits: number[] = [];
    for (let round = 0; round < 6; round++) {
      expect((await login('staff3', 'wrong', ATTACKER)).json().code).toBe('INVALID_CREDENTIALS');
      const locked = await login('staff3', 'demo', ATTACKER);
      expect(locked.json().code).toBe('ACCOUNT_LOCKED');
      const minutes = Number(locked.headers['retry-after']) / 60;
      waits.push(minutes);
      // Locked until the last second of the wait (the per-address limit of 20 sign-ins a minute allows one look).
      if (round === 5) {
        clock.advance(minutes * 60_000 - 1000);
        expect((await login('staff3', 'demo', ATTACKER)).json().code).toBe('ACCOUNT_LOCKED');
        clock.advance(1000);
      } else clock.advance(minutes * 60_000);
    }
    expect(waits).toEqual([1, 2, 4, 8, 15, 15]);
    // After the wait, the right password works and clears the count.
    expect((await login('staff3', 'demo', ATTACKER)).statusCode).toBe(200);
    expect((await login('staff3', 'wrong', ATTACKER)).json().code).toBe('INVALID_CREDENTIALS');
  });

  it('answers a name that is no account exactly like a real one, before and after five failures', async () => {
    t = await createTestApp({ clock: new FakeClock() });
    const real: ReturnType<typeof answer>[] = [];
    const ghost: ReturnType<typeof answer>[] = [];
    for (let i = 0; i < 7; i++) {
      real.push(answer(await login('staff2', `wrong-${i}`, ATTACKER)));
      ghost.push(answer(await login('khong-ton-tai', `wrong-${i}`, ATTACKER)));
    }
    expect(ghost).toEqual(real);
    expect(real.map((a) => a.body.code)).toEqual([...Array(5).fill('INVALID_CREDENTIALS'), 'ACCOUNT_LOCKED', 'ACCOUNT_LOCKED']);
    expect(real[5]).toMatchObject({ status: 429, retryAfter: '60', body: { message: 'Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau 1 phút.' } });
  });

  it('spends the same scrypt work on a name that is no account', async () => {
    t = await createTestApp();
    const checks = vi.mocked(verifyPassword);
    const work = async (username: string) => {
      checks.mockClear();
      await login(username, 'wrong', ADMIN_PC);
      return checks.mock.calls.map(([, stored]) => stored.split('$').slice(0, 4).join('$'));
    };
    const real = await work('staff4');
    const ghost = await work('ghost-1');
    // One scrypt verification each, with the same cost parameters (scrypt$N$r$p).
    expect(real).toHaveLength(1);
    expect(ghost).toEqual(real);
  });

  it('still writes the audit rows of a real account, with the address', async () => {
    t = await createTestApp({ clock: new FakeClock() });
    for (let i = 0; i < 5; i++) await login('director', 'wrong', ATTACKER);
    await login('ghost', 'wrong', ATTACKER);
    await new Promise((r) => setImmediate(r));
    const rows = t.app.db.prepare("SELECT action, data FROM audit_log WHERE action LIKE 'auth.%' ORDER BY id").all() as { action: string; data: string }[];
    expect(rows.map((r) => r.action)).toEqual([...Array(4).fill('auth.failed'), 'auth.locked']);
    expect(JSON.parse(rows[0].data)).toEqual({ address: ATTACKER });
  });

  it('lets every address try again after an admin resets the password', async () => {
    t = await createTestApp({ clock: new FakeClock() });
    for (let i = 0; i < 5; i++) await login('staff5', 'wrong', ATTACKER);
    const admin = (await login('admin', 'demo', ADMIN_PC)).cookies.find((c) => c.name === 'qm_session')!.value;
    const staff = (await t.app.inject({ url: '/api/admin/staff', headers: { cookie: `qm_session=${admin}` } })).json() as { id: string; username: string }[];
    const reset = await t.app.inject({ method: 'POST', url: `/api/admin/staff/${staff.find((s) => s.username === 'staff5')!.id}/reset-password`, headers: { cookie: `qm_session=${admin}` } });
    expect((await login('staff5', reset.json().password, ATTACKER)).statusCode).toBe(200);
  });
});
