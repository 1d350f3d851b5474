/** A center under test for appointments: the real app on SQLite, on the tests' Monday 23/11/2026 at 09:00. */
import type { FastifyInstance } from 'fastify';
import { FakeClock, TEST_DAY_START } from '../../helpers/clock';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';

export const MINUTE = 60_000;
/** Made-up CCCD numbers of the real shape (province code, century-and-sex digit, year, serial). */
export const ID_A = '001190012345';
export const ID_B = '079285001122';
export const ID_C = '031096004455';

export async function appointmentApp(env: Record<string, string> = {}): Promise<{ t: TestApp; app: FastifyInstance; clock: FakeClock }> {
  const clock = new FakeClock(TEST_DAY_START);
  const t = await createTestApp({ clock, env: { APPOINTMENT_REQUESTS_PER_HOUR: '1000000', ...env } });
  return { t, app: t.app, clock };
}

export function book(app: FastifyInstance, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return app.inject({ method: 'POST', url: '/api/appointments', payload: body, headers });
}

export async function setSettings(app: FastifyInstance, patch: Record<string, unknown>): Promise<void> {
  const cookie = await loginCookie(app, 'admin');
  const res = await app.inject({ method: 'PUT', url: '/api/admin/appointment-settings', payload: patch, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`settings refused: ${res.statusCode} ${res.body}`);
}
