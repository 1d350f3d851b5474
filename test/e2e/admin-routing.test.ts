/**
 * The admin's center settings offer the routing modes with the new default chosen, explain the mode picked
 * (in Vietnamese first), and save the choice to the queue.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-shots-'));
let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await t.listen();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('routing mode in the center settings', () => {
  it('shows the default with its explanation, follows the choice, and saves it', async () => {
    const page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })).newPage();
    await page.goto(`${hallUrl(t.url)}/console/#/admin/center`);
    await page.fill('qm-login input[name=username]', 'admin');
    await page.fill('qm-login input[name=password]', 'demo');
    await page.click('qm-login button');
    const select = page.locator('qm-admin-center select[name=routing]');
    await select.waitFor();
    expect(await select.inputValue()).toBe('target-wait');
    expect(await select.locator('option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual(['target-wait', 'service-order', 'earliest']);
    const hint = page.locator('qm-admin-center [data-testid=routing-hint]');
    expect(await hint.textContent()).toContain('lâu hơn thời gian chờ mục tiêu');
    await page.screenshot({ path: join(dir, 'console-admin-center-routing.png'), fullPage: true });

    await select.selectOption('service-order');
    await expect.poll(() => hint.textContent()).toContain('dịch vụ xếp cuối có thể phải chờ rất lâu');
    await page.click('qm-admin-center form:first-of-type button.primary');
    await expect.poll(() => t.app.queue.state().center.settings.routing).toBe('service-order');
  });
});
