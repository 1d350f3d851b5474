/**
 * A kiosk, display or console PC whose own clock is wrong (another year, day and hour, another zone) still shows
 * and asks for the center's time: every page takes "now" and "today" from the server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { FakeClock } from '../helpers/clock';

/** The server: Monday 23/11/2026, 09:00 in Hồ Chí Minh City. */
const SERVER_TIME = Date.UTC(2026, 10, 23, 2, 0, 0);
/** The PC: a summer evening five years later, in New York. */
const PC_TIME = Date.UTC(2031, 6, 4, 20, 30, 0);

let t: TestApp;
let browser: Browser;

async function openWithWrongClock(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'America/New_York' });
  await context.clock.install({ time: PC_TIME });
  const page = await context.newPage();
  await page.goto(`${hallUrl(t.url)}${path}`);
  // The clock really is wrong in the page.
  expect(await page.evaluate(() => new Date().getUTCFullYear())).toBe(2031);
  return page;
}

async function signIn(page: Page, username: string) {
  await page.fill('qm-login input[name=username]', username);
  await page.fill('qm-login input[name=password]', 'demo');
  await page.click('qm-login button');
}

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(SERVER_TIME) });
  await t.listen();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('a PC with a wrong clock', () => {
  it('kiosk: shows the center’s time', async () => {
    const page = await openWithWrongClock('/kiosk/?kiosk=K1', { width: 1080, height: 1920 });
    await expect.poll(() => page.textContent('[data-testid=kiosk-clock]')).toBe('09:00');
    await page.context().close();
  });

  it('hall display: shows the center’s date and time', async () => {
    const page = await openWithWrongClock('/display/', { width: 1920, height: 1080 });
    await expect.poll(() => page.textContent('[data-testid=clock-date]')).toContain('23/11/2026');
    expect(await page.textContent('[data-testid=clock-time]')).toMatch(/^09:0\d/);
    await page.context().close();
  });

  it('counter console: counts the time since the call from the server’s clock', async () => {
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    const page = await openWithWrongClock('/console/', { width: 1366, height: 768 });
    await signIn(page, 'staff1');
    await page.click('qm-counter-picker button[data-counter="1"]');
    await page.click('button[data-action=callNext]');
    await expect.poll(() => page.textContent('[data-testid=since-call]')).toMatch(/^0:0\d$/);
    await page.context().close();
  });

  it('director reports: "today" is the center’s business day', async () => {
    const page = await openWithWrongClock('/console/#/reports', { width: 1920, height: 1080 });
    await signIn(page, 'director');
    await expect.poll(() => page.textContent('[data-testid=report-range]')).toContain('Từ 23/11/2026 đến 23/11/2026');
    expect(await page.inputValue('input[name=from]')).toBe('23/11/2026');
    // The presets count from the server's day too: "7 ngày" ends on 23/11/2026.
    await page.getByRole('button', { name: '7 ngày' }).click();
    await expect.poll(() => page.textContent('[data-testid=report-range]')).toContain('Từ 17/11/2026 đến 23/11/2026');
    await page.context().close();
  });
});
