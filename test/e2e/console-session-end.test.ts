/**
 * Sessions that end, seen from a real console in Chromium: the honest page's own
 * requests pass the same-origin check (Chromium sends Sec-Fetch-Site and Origin on
 * POST), and when an admin resets the account from another PC the console drops to
 * the sign-in screen at once instead of redialing a dead session forever.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-session-shots-'));
let t: TestApp;
let browser: Browser;
let page: Page;
const handshakes: string[] = [];

beforeAll(async () => {
  t = await createTestApp();
  await t.listen();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })).newPage();
  page.on('websocket', (ws) => ws.url().includes('/socket.io/') && handshakes.push(ws.url()));
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('a console whose session ends', () => {
  it('works from its own origin, then shows the sign-in screen when an admin resets the account', async () => {
    await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
    await page.goto(`${hallUrl(t.url)}/console/`);
    await page.fill('qm-login input[name=username]', 'staff4');
    await page.fill('qm-login input[name=password]', 'demo');
    await page.click('qm-login button');
    await page.click('qm-counter-picker button[data-counter="1"]');
    // A POST from the page itself (call next) passes the same-origin check.
    await page.keyboard.press('n');
    await expect.poll(() => page.textContent('[data-testid=held-number]')).toBe('A001');

    const admin = await loginCookie(t.app, 'admin');
    const staff = (await t.app.inject({ url: '/api/admin/staff', headers: { cookie: admin } })).json() as { id: string; username: string }[];
    const id = staff.find((s) => s.username === 'staff4')!.id;
    const before = handshakes.length;
    expect((await t.app.inject({ method: 'POST', url: `/api/admin/staff/${id}/reset-password`, headers: { cookie: admin } })).statusCode).toBe(200);

    await page.waitForSelector('qm-login input[name=username]', { timeout: 10_000 });
    expect(await page.textContent('qm-login [data-testid=session-ended]')).toBe(
      'Phiên đăng nhập đã kết thúc (hết hạn, mật khẩu đã được đổi ở máy khác, hoặc quản trị viên đã thay đổi tài khoản). Vui lòng đăng nhập lại.',
    );
    await page.screenshot({ path: join(dir, 'console-session-ended.png') });
    // One redial finds the session gone, then no more.
    await page.waitForTimeout(4_000);
    expect(handshakes.length - before).toBeLessThanOrEqual(1);
  });
});
