/**
 * Every console screen in real Chromium at the sizes it is used at, with a
 * realistic morning behind it. Each screen is checked for what it must show;
 * the PNGs go to SCREENSHOT_DIR (docs/screenshots when refreshing the docs).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { FakeClock } from '../helpers/clock';
import { browserDeviceCookie, pairedDevice } from '../helpers/devices';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-shots-'));
let t: TestApp;
let browser: Browser;
const clock = new FakeClock(Date.UTC(2026, 10, 23, 1, 0, 0)); // 08:00 in Hồ Chí Minh City
/** The rating tablets of counters 1, 2 and 5: only a counter's tablet rates its tickets. */
const tablets: Record<number, string> = {};

const post = (url: string, cookie?: string, payload?: object) => t.app.inject({ method: 'POST', url, payload: payload ?? {}, headers: cookie ? { cookie } : {} });

async function morning() {
  const staff = await Promise.all(['staff1', 'staff2', 'staff3', 'staff4', 'staff5'].map((u) => loginCookie(t.app, u)));
  const services = ['svc-hotich', 'svc-chungthuc', 'svc-hotich', 'svc-datdai', 'svc-chungthuc', 'svc-cutru', 'svc-hotich', 'svc-bhyt', 'svc-kinhdoanh', 'svc-chungthuc'];
  for (const [i, s] of services.entries()) {
    await post('/api/tickets', undefined, { serviceId: s, ...(i % 4 === 1 ? { priority: 'NCT' } : {}) });
    clock.advance(90_000);
  }
  // Served earlier this morning, with ratings.
  for (const n of [1, 2, 5]) tablets[n] = await pairedDevice(t.app, 'rating', { counterNumber: n });
  for (const [n, cookie] of [[1, staff[0]], [2, staff[1]], [5, staff[4]]] as const) {
    const called = (await post(`/api/counters/${n}/call-next`, cookie)).json();
    clock.advance(60_000);
    await post(`/api/counters/${n}/start`, cookie, { ticketId: called.ticket.id });
    clock.advance(6 * 60_000);
    await post(`/api/counters/${n}/complete`, cookie, { ticketId: called.ticket.id });
    await post('/api/ratings', tablets[n], { ticketId: called.ticket.id, level: n === 2 ? 3 : 4, reasons: n === 2 ? [] : ['Cán bộ nhiệt tình'] });
  }
  for (let i = 0; i < 6; i++) {
    await post('/api/tickets', undefined, { serviceId: i % 2 ? 'svc-hotich' : 'svc-datdai', ...(i === 3 ? { priority: 'NKT' } : {}) });
    clock.advance(4 * 60_000);
  }
  // Now: counter 1 serving, 2 just called, 3 called, 4 paused, 5 idle.
  const c1 = (await post('/api/counters/1/call-next', staff[0])).json();
  await post('/api/counters/1/start', staff[0], { ticketId: c1.ticket.id });
  await post('/api/counters/2/call-next', staff[1]);
  const c3 = (await post('/api/counters/3/call-next', staff[2])).json();
  await post('/api/counters/3/recall', staff[2], { ticketId: c3.ticket.id });
  await post('/api/counters/4/pause', staff[3], { reason: 'Họp giao ban' });
  clock.advance(3 * 60_000);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(dir, `console-${name}.png`) });
}

async function signIn(width: number, height: number, username: string, hash: string) {
  const context = await browser.newContext({ viewport: { width, height }, locale: 'vi-VN' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(String(e)));
  page.on('response', (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
  await page.goto(`${hallUrl(t.url)}/console/${hash}`);
  await page.waitForSelector('qm-login input[name=username]', { timeout: 10_000 }).catch(async () => {
    throw new Error(`login form missing: ${problems.join('; ')} — ${(await page.content()).slice(0, 300)}`);
  });
  await page.fill('qm-login input[name=username]', username);
  await page.fill('qm-login input[name=password]', 'demo');
  await page.click('qm-login button');
  return page;
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  await t.listen();
  await morning();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('console screens', () => {
  it('login', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 768 } })).newPage();
    await page.goto(`${hallUrl(t.url)}/console/`);
    await page.waitForSelector('qm-login input[name=username]');
    await shot(page, 'login');
  });

  for (const [w, h] of [
    [1920, 1080],
    [1366, 768],
  ] as const) {
    it(`counter console at ${w}×${h}`, async () => {
      const page = await signIn(w, h, 'staff1', '#/counter');
      await page.click('qm-counter-picker button[data-counter="1"]');
      await page.waitForSelector('[data-testid=held-number]');
      expect(await page.getAttribute('[data-testid=held]', 'data-status')).toBe('serving');
      expect(await page.textContent('[data-testid=served-today]')).toContain('1');
      // The call button and the shortcut legend are on screen without scrolling.
      for (const sel of ['button[data-action=callNext]', 'button[data-action=complete]']) {
        const box = (await page.locator(sel).boundingBox())!;
        expect(box.y + box.height).toBeLessThanOrEqual(h);
      }
      await shot(page, `counter-${w}x${h}`);
      if (w === 1366) {
        await page.keyboard.press('t');
        await page.waitForSelector('qm-counter-dialog form');
        await shot(page, 'counter-transfer');
      }
    });
  }

  it('rating tablet', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.addCookies([browserDeviceCookie(tablets[5]!, hallUrl(t.url))]);
    const page = await context.newPage();
    await page.goto(`${hallUrl(t.url)}/rate/counter/5`);
    await page.waitForSelector('qm-rating-tablet header');
    const cookie = await loginCookie(t.app, 'staff5');
    await post('/api/tickets', undefined, { serviceId: 'svc-cutru' });
    const called = (await post('/api/counters/5/call-next', cookie)).json();
    await post('/api/counters/5/complete', cookie, { ticketId: called.ticket.id });
    await page.waitForSelector('qm-rating-tablet .face[data-level="1"]');
    await shot(page, 'rating-ask');
    await page.click('qm-rating-tablet .face[data-level="3"]');
    await page.click('qm-rating-tablet .chip >> nth=1');
    await shot(page, 'rating-reasons');
  });

  it('director floor', async () => {
    const page = await signIn(1920, 1080, 'director', '#/floor');
    await page.waitForSelector('qm-floor .counter');
    expect(await page.textContent('qm-floor [data-counter="4"]')).toContain('Họp giao ban');
    // The officer working each counter: counter 2 just called by staff2, counter 1 serving for staff1.
    expect(await page.textContent('qm-floor [data-counter="2"] [data-testid=staff-name]')).toBe('Cán bộ: Lê Thị Bích Ngọc');
    expect(await page.textContent('qm-floor [data-counter="1"] [data-testid=staff-name]')).toBe('Cán bộ: Nguyễn Văn An');
    // Civil status tickets (target 20 min) have waited longer than that by now.
    expect(await page.textContent('qm-floor [data-testid=alerts]')).toContain('Hộ tịch: số chờ lâu nhất');
    await shot(page, 'floor');
  });

  it('director reports', async () => {
    const page = await signIn(1920, 1080, 'director', '#/reports');
    await page.waitForSelector('[data-testid=kpi-served]');
    expect(await page.textContent('[data-testid=report-range]')).toContain('23/11/2026');
    await page.waitForTimeout(300); // chart.js draws on the next frame
    await page.screenshot({ path: join(dir, 'console-reports.png'), fullPage: true });
  });

  it('admin screens', async () => {
    const page = await signIn(1366, 768, 'admin', '#/admin/counters');
    await page.waitForSelector('qm-admin-table tr[data-id="ctr-1"]');
    await page.click('qm-admin-table tr[data-id="ctr-3"] button');
    await page.waitForSelector('qm-admin-table form');
    await shot(page, 'admin-counters');
    await page.goto(`${hallUrl(t.url)}/console/#/admin/staff`);
    await page.waitForSelector('qm-admin-staff tr[data-id="stf-staff1"]');
    await shot(page, 'admin-staff');
    await page.goto(`${hallUrl(t.url)}/console/#/admin/center`);
    await page.waitForSelector('qm-admin-center form');
    await shot(page, 'admin-center');
  });
});
