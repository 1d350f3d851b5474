/** Officers who take two minutes between citizens: the replay keeps their pace, so the real counters still reproduce the day. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { busyMorning, driveDay } from './api-day';

let t: TestApp;
let cookie: string;
const DAY = '2026-11-23';
const REAL = [
  { number: 1, serviceIds: ['svc-hotich', 'svc-chungthuc'] },
  { number: 2, serviceIds: ['svc-chungthuc', 'svc-hotich'] },
  { number: 3, serviceIds: ['svc-datdai', 'svc-xaydung'] },
];

beforeAll(async () => {
  const clock = new FakeClock();
  t = await createTestApp({ clock });
  await driveDay(t.app, clock, busyMorning(), ['ctr-1', 'ctr-2', 'ctr-3'], 2);
  clock.advance(24 * 3_600_000);
  cookie = await loginCookie(t.app, 'director');
}, 60_000);
afterAll(() => t.destroy());

it('reproduces the waits of a day whose officers took two minutes between citizens', async () => {
  const r = (await t.app.inject({ method: 'POST', url: '/api/reports/what-if', headers: { cookie }, payload: { from: DAY, to: DAY, counters: REAL } })).json();
  expect(r.overall.called).toBe(r.overall.logged.called);
  for (const g of [r.overall, ...r.byService]) expect(Math.abs(g.meanWaitSeconds - g.logged.meanWaitSeconds)).toBeLessThanOrEqual(Math.max(30, 0.03 * g.logged.meanWaitSeconds));
  // The pace mattered: the same morning with officers who never pause waited far less.
  expect(r.overall.logged.meanWaitSeconds).toBeGreaterThan(40 * 60);
});
