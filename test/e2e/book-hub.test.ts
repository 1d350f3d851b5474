/**
 * The province hub's /book/ in real Chromium at phone size: choose the center, a service, a day and a time, give
 * the ID number, and see the code the center made (the booking travelled down its link and back). The hub runs on
 * a real PostgreSQL; the center is a real server on SQLite (Monday 09:00, clock moved by hand) linked over HTTP.
 * A second center is enrolled but its link has never come up: it is listed, and cannot be chosen.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildHub } from '../../hub/app';
import { loadHubConfig } from '../../hub/config';
import { openPostgres } from '../../hub/db/db';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { FakeClock, TEST_DAY_START } from '../helpers/clock';
import { createDatabase, startPostgres, type PgCluster } from '../helpers/postgres';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'docs/screenshots';
const PHONE = { width: 390, height: 844 };
const ID = '001190012345';

let cluster: PgCluster;
let hub: FastifyInstance;
let hubUrl: string;
let center: TestApp;
let browser: Browser;

async function createCenter(cookie: string, code: string, name: string): Promise<string> {
  const res = await hub.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie }, payload: { code, name } });
  expect(res.statusCode).toBe(201);
  return res.json().enrolmentCode as string;
}

beforeAll(async () => {
  cluster = await startPostgres();
  const config = loadHubConfig({ HUB_PORT: '0', HUB_HOST: '127.0.0.1', LOG_LEVEL: 'silent', SEED: 'demo', DEMO_PASSWORD: 'demo-pass' });
  hub = await buildHub({ config, db: openPostgres(await createDatabase(cluster, `hub_book_e2e_${process.pid}`)), logger: false });
  await hub.listen({ port: 0, host: '127.0.0.1' });
  const addr = hub.server.address();
  hubUrl = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  const login = await hub.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'demo-pass' } });
  const cookie = `qm_session=${login.cookies.find((c) => c.name === 'qm_session')!.value}`;

  const code = await createCenter(cookie, 'XA01', 'Trung tâm Phục vụ hành chính công xã Minh Khai');
  center = await createTestApp({ clock: new FakeClock(TEST_DAY_START), env: { HUB_URL: hubUrl, HUB_ENROLMENT_CODE: code, APPOINTMENT_REQUESTS_PER_HOUR: '1000000' } });
  // Enrolled, but no center server behind it: listed as offline.
  const other = await createCenter(cookie, 'XA02', 'Trung tâm Phục vụ hành chính công xã Tân Lập');
  expect((await hub.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: other } })).statusCode).toBe(201);

  const end = Date.now() + 30_000;
  for (;;) {
    const list = (await hub.inject({ method: 'GET', url: '/api/book/centers' })).json() as { code: string; online: boolean; bookingOpen: boolean }[];
    if (list.some((c) => c.code === 'XA01' && c.online && c.bookingOpen)) break;
    if (Date.now() > end) throw new Error('the center never became bookable on the hub');
    await new Promise((r) => setTimeout(r, 100));
  }
  browser = await launchBrowser();
  mkdirSync(SHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await center?.destroy();
  await hub?.close();
  await cluster?.stop();
});

describe('the hub’s /book/ on a phone', () => {
  it('chooses the center, books, and shows the code the center made', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const phone = await context.newPage();
    await phone.goto(`${hallUrl(hubUrl)}/book/`);

    const open = phone.locator('button[data-center="XA01"]');
    await expect.poll(() => open.isVisible()).toBe(true);
    await expect.poll(() => phone.locator('qm-book h2').first().textContent()).toBe('Chọn trung tâm');
    expect(await open.isEnabled()).toBe(true);
    expect(await open.textContent()).toContain('Đang nhận đặt lịch');
    const offline = phone.locator('button[data-center="XA02"]');
    expect(await offline.isDisabled()).toBe(true);
    expect(await offline.textContent()).toContain('Tạm mất kết nối');
    await phone.screenshot({ path: `${SHOTS}/book-hub-centers.png` });
    // axe-core on the step: no critical, serious or moderate violation.
    await phone.evaluate(AXE_SOURCE);
    const failing = await phone.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string | null }[] }> } }).axe;
      const r = await axe.run(document, { resultTypes: ['violations'] });
      return r.violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? '')).map((v) => `${v.impact} ${v.id}`);
    });
    expect(failing).toEqual([]);

    await open.tap();
    await expect.poll(() => phone.url()).toContain('center=XA01');
    await phone.locator('button[data-service="svc-hotich"]').tap();
    const slot = phone.locator('button.slot:not([disabled])').first();
    await expect.poll(() => slot.isVisible()).toBe(true);
    const time = (await slot.getAttribute('data-time'))!;
    await slot.tap();
    await phone.locator('[data-testid="to-details"]').tap();
    await phone.locator('input[name="idNumber"]').fill(ID);
    await phone.locator('[data-testid="book-submit"]').tap();

    const codeOnPage = phone.locator('[data-testid="booking-code"]');
    await expect.poll(() => codeOnPage.isVisible(), { timeout: 30_000 }).toBe(true);
    const code = (await codeOnPage.textContent())!.trim();
    expect(await phone.locator('[data-testid="booking-time"]').textContent()).toBe(time);
    // The code is the center's own booking.
    const row = center.app.db.prepare('SELECT service_id, time, status FROM appointments WHERE code = ?').get(code);
    expect(row).toEqual({ service_id: 'svc-hotich', time, status: 'booked' });
    await phone.screenshot({ path: `${SHOTS}/book-hub-confirmation.png`, fullPage: true });

    // A link straight to the center whose link never came up: the hub's own words, and a way back to the list.
    await phone.goto(`${hallUrl(hubUrl)}/book/?center=XA02`);
    const alert = phone.locator('qm-book [role="alert"]');
    await expect.poll(() => alert.textContent()).toContain('Trung tâm đang mất kết nối, chưa đặt được lịch.');
    await phone.screenshot({ path: `${SHOTS}/book-hub-offline.png` });
    await phone.getByRole('button', { name: 'Đổi trung tâm' }).tap();
    await expect.poll(() => phone.locator('button[data-center="XA01"]').isVisible()).toBe(true);
    await context.close();
  });
});
