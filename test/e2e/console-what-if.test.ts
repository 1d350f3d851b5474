/**
 * The director's staffing what-if in real Chromium: a morning logged through the API, replayed the next day
 * with the counters as they are (the real waits come back), with a sixth counter (shorter), as a typical day,
 * with unreadable hours and with every counter closed (translated refusals). Screenshot: console-what-if.png at 1366×768.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { FakeClock } from '../helpers/clock';
import { centerMorning, driveDay } from '../server/what-if/api-day';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-shots-'));
let t: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const clock = new FakeClock();
  t = await createTestApp({ clock });
  await driveDay(t.app, clock, centerMorning(), ['ctr-1', 'ctr-2', 'ctr-3', 'ctr-4', 'ctr-5']);
  // The next morning: the logged day is yesterday, inside the screen's default period (the last 7 days).
  clock.set('2026-11-24T01:30:00Z');
  await t.listen();
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' });
  page = await context.newPage();
  await page.goto(`${hallUrl(t.url)}/console/#/reports/what-if`);
  await page.fill('qm-login input[name=username]', 'director');
  await page.fill('qm-login input[name=password]', 'demo');
  await page.click('qm-login button');
  await page.waitForSelector('qm-what-if [data-testid=what-if-counter-5]');
}, 90_000);
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

const text = (selector: string) => page.textContent(selector).then((s) => (s ?? '').replace(/\s+/g, ' ').trim());
/** Run, and wait until the answer (or the refusal) is in. */
const run = async () => {
  await page.click('[data-testid=what-if-run]');
  await page.waitForSelector('[data-testid=what-if-run]:not([disabled])');
};

describe('staffing what-if screen', () => {
  it('starts from the counters as configured and the last seven days, in Vietnamese', async () => {
    expect(await text('qm-what-if h1')).toBe('Thử bố trí quầy — Dự báo thời gian chờ');
    expect(await page.inputValue('qm-what-if input[name=from]')).toBe('17/11/2026');
    expect(await page.inputValue('qm-what-if input[name=to]')).toBe('23/11/2026');
    expect(await text('[data-testid=what-if-counter-1] legend')).toContain('Quầy 1 – Hộ tịch');
    expect(await page.isChecked('[data-testid=what-if-counter-1] input[value=svc-hotich]')).toBe(true);
    expect(await page.isChecked('[data-testid=what-if-counter-1] input[value=svc-datdai]')).toBe(false);
  });

  it('replays the logged morning with the counters unchanged: predicted = real', async () => {
    await run();
    await page.waitForSelector('[data-testid=what-if-by-service]');
    expect(await text('[data-testid=what-if-basis]')).toContain('1 ngày có số');
    const mean = await text('[data-testid=what-if-mean]');
    const [predicted, real] = [/Chờ trung bình (\S+ phút)/.exec(mean)![1], /Thực tế: (\S+ phút)/.exec(mean)![1]];
    expect(predicted).toBe(real);
    expect(await text('[data-testid=what-if-by-service]')).toContain('Hộ tịch');
  });

  it('with a sixth counter for Hộ tịch and Chứng thực: shorter waits, shown in green', async () => {
    await page.click('[data-testid=what-if-add]');
    await page.check('[data-testid=what-if-counter-6] input[value=svc-hotich]');
    await page.check('[data-testid=what-if-counter-6] input[value=svc-chungthuc]');
    expect(await text('[data-testid=what-if-counter-6] legend')).toBe('Quầy 6 Quầy mới');
    await run();
    await page.waitForFunction(() => {
      const result = document.querySelector('qm-console-app')?.shadowRoot?.querySelector('qm-what-if')?.shadowRoot?.querySelector('qm-what-if-result');
      return result?.shadowRoot?.querySelector('[data-testid=what-if-mean] .better');
    });
    const row = await text('[data-testid=what-if-by-service] tbody tr:has-text("Hộ tịch")');
    expect(row).toContain('−');
    await page.waitForTimeout(300); // chart.js draws on the next frame
    await page.screenshot({ path: join(dir, 'console-what-if.png'), fullPage: true });
  });

  it('a typical day instead: days drawn from the period’s arrivals', async () => {
    await page.selectOption('qm-what-if select[name=basis]', 'typical');
    await run();
    await page.waitForFunction(() => {
      const result = document.querySelector('qm-console-app')?.shadowRoot?.querySelector('qm-what-if')?.shadowRoot?.querySelector('qm-what-if-result');
      return result?.shadowRoot?.querySelector('[data-testid=what-if-basis]')?.textContent?.includes('ngày điển hình');
    });
    expect(await text('[data-testid=what-if-basis]')).toContain('8 ngày điển hình được mô phỏng');
    await page.selectOption('qm-what-if select[name=basis]', 'logged');
  });

  it('says what is wrong: unreadable hours (in the page), no counter open (from the server, translated)', async () => {
    await page.selectOption('[data-testid=what-if-counter-6] select', 'hours');
    await page.fill('[data-testid=what-if-counter-6] .hours input', 'cả ngày');
    await page.click('[data-testid=what-if-run]');
    expect(await text('qm-what-if [role=alert]')).toBe('Khung giờ của quầy 6 không đúng: hãy nhập dạng 07:30-11:30, 13:30-17:00.');
    for (const n of [1, 2, 3, 4, 5, 6]) await page.selectOption(`[data-testid=what-if-counter-${n}] select`, 'closed');
    await run();
    expect(await text('qm-what-if [role=alert]')).toBe('Cần ít nhất một quầy mở và có dịch vụ.');
  });
});
