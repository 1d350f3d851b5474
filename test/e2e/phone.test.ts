/** The phone page follows one ticket live over the /public socket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { loginCookie, type TestApp } from '../helpers/app';
import { startApp } from '../kiosk/e2e-helpers';

let browser: Browser;
let t: TestApp;

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startApp();
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

const issue = async () => (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } })).json() as { id: string; number: string };

describe('phone ticket page', () => {
  it('shows a wide estimate as a range, and keeps it live as the line moves', async () => {
    // Đất đai: counter 3 alone, a citizen there and five ahead of this one.
    const cookie = await loginCookie(t.app, 'staff3');
    const call = () => t.app.inject({ method: 'POST', url: '/api/counters/3/call-next', headers: { cookie }, payload: {} });
    for (let i = 0; i < 6; i++) await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-datdai' } });
    await call();
    const mine = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-datdai' } })).json() as { id: string };
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    const page = await context.newPage();
    await page.goto(`${hallUrl(t.url)}/t/${mine.id}`);
    await page.getByText('Còn 5 người trước bạn').waitFor();
    const eta = page.locator('[data-testid="eta"]');
    const range = async () => (await eta.innerText()).match(/^Dự kiến chờ khoảng (\d+)–(\d+) phút$/)?.slice(1).map(Number);
    await expect.poll(range).toBeDefined();
    const [low, high] = (await range())!;
    for (let i = 0; i < 4; i++) await call();
    await page.getByText('Còn 1 người trước bạn').waitFor();
    await expect.poll(async () => (await range())?.[1] ?? 0).toBeLessThan(high);
    expect(low).toBeGreaterThan(0);
    // Next in line, the counter busy: soon, never "no wait".
    await call();
    await page.getByText('Bạn là người tiếp theo').waitFor();
    await expect.poll(() => eta.innerText()).toMatch(/Sắp đến lượt bạn|Dự kiến chờ khoảng/);
    await context.close();
  });

  it('updates the position live and announces the call with the counter number', async () => {
    const ahead = await issue();
    const mine = await issue();
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
    // Record vibrations: headless Chromium has no motor.
    await context.addInitScript(() => {
      const calls: unknown[] = [];
      (window as unknown as { vibrations: unknown[] }).vibrations = calls;
      Object.defineProperty(navigator, 'vibrate', { value: (pattern: unknown) => (calls.push(pattern), true) });
    });
    const page = await context.newPage();
    await page.goto(`${hallUrl(t.url)}/t/${mine.id}`);
    const status = page.locator('[data-testid="status"]');
    await page.getByText('Còn 1 người trước bạn').waitFor();
    expect(await page.locator('[data-testid="number"]').innerText()).toBe(mine.number);

    const cookie = await loginCookie(t.app, 'staff1');
    const call = () => t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie }, payload: {} });
    expect((await call()).json().ticket.id).toBe(ahead.id);
    await page.getByText('Bạn là người tiếp theo').waitFor();
    expect(await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(0);

    expect((await call()).json().ticket.id).toBe(mine.id);
    const called = page.getByRole('alert');
    await called.waitFor();
    expect(await called.innerText()).toBe('Đến lượt bạn — mời đến quầy số 1');
    await expect(status.innerText()).resolves.toContain('quầy số 1');
    expect(await page.evaluate(() => (window as unknown as { vibrations: unknown[] }).vibrations.length)).toBe(1);
    await context.close();
  });

  it('says plainly when the ticket does not exist', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${hallUrl(t.url)}/t/khongcoveso1234`);
    await page.getByText('Không tìm thấy số thứ tự này').waitFor();
    await context.close();
  });
});
