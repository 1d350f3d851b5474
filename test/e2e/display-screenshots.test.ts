/**
 * Screenshots of the displays with a realistic morning: several services
 * waiting, a priority call, a paused counter. Written to a temp folder; with
 * UPDATE_SCREENSHOTS=1 also to docs/screenshots/ (the ones the README shows).
 */
import { copyFileSync, mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { counterCommand, issueTicket } from '../display/browser-helpers';

const outDir = mkdtempSync(join(tmpdir(), 'qm-display-shots-'));
let t: TestApp;
let browser: Browser;

beforeAll(async () => {
  t = await createTestApp();
  await t.listen();
  const issue = async (serviceId: string, n: number, priority?: string) => {
    for (let i = 0; i < n; i++) await issueTicket(t.url, serviceId, priority);
  };
  await issue('svc-hotich', 9);
  await issue('svc-chungthuc', 7);
  await issue('svc-datdai', 4);
  await issue('svc-xaydung', 2);
  await issue('svc-kinhdoanh', 3);
  await issue('svc-baotro', 1, 'pri-merit');
  await issue('svc-cutru', 5);
  await issue('svc-bhyt', 6);
  await issue('svc-hotich', 1, 'pri-elderly');
  const staff = async (n: number) => loginCookie(t.app, `staff${n}`);
  for (const [counter, times] of [[2, 3], [3, 2], [1, 3], [5, 1]] as const) {
    const cookie = await staff(counter);
    for (let i = 0; i < times; i++) await counterCommand(t.url, cookie, counter, 'call-next');
  }
  await counterCommand(t.url, await staff(5), 5, 'complete', { ticketId: t.app.queue.state().counterStates.get('ctr-5')!.currentTicketId });
  await counterCommand(t.url, await staff(5), 5, 'pause', { reason: 'Nghỉ giữa giờ' });
  // Last: a priority ticket (elderly) called at counter 4, shown large.
  await issueTicket(t.url, 'svc-kinhdoanh', 'pri-elderly');
  await counterCommand(t.url, await staff(4), 4, 'call-next');
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

async function shoot(path: string, viewport: { width: number; height: number }, file: string, ready: string): Promise<void> {
  const page = await browser.newPage({ viewport });
  await page.goto(`${hallUrl(t.url)}${path}`);
  await page.locator(ready).waitFor({ timeout: 30_000 }).catch(async (error: Error) => {
    // Say what the screen did show: a bare timeout says nothing.
    const state = await page.evaluate(() => document.body.firstElementChild?.outerHTML.slice(0, 300));
    await page.screenshot({ path: join(outDir, `failed-${file}`) });
    throw new Error(`${error.message}\nroot: ${state}\nscreenshot: ${join(outDir, `failed-${file}`)}`);
  });
  // Let the arrival highlight settle so the picture shows the resting state.
  await page.waitForTimeout(2600);
  const target = join(outDir, file);
  await page.screenshot({ path: target });
  await page.close();
  expect(statSync(target).size).toBeGreaterThan(10_000);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(target, join('docs/screenshots', file));
  }
}

describe('display screenshots', () => {
  it('hall display, landscape 1920×1080', async () => {
    await shoot('/display/?voice=off', { width: 1920, height: 1080 }, 'display-hall.png', '[data-testid=spotlight][data-counter="4"]');
  });

  it('hall display, portrait 1080×1920, with English subtitles', async () => {
    await shoot('/display/?voice=off&lang=en', { width: 1080, height: 1920 }, 'display-hall-portrait.png', '[data-testid=spotlight][data-counter="4"]');
  });

  it('counter display, 1280×400', async () => {
    await shoot('/display/counter/4', { width: 1280, height: 400 }, 'display-counter.png', '[data-testid=counter-ticket]');
  });

  it('counter display, paused, 1024×600', async () => {
    await shoot('/display/counter/5', { width: 1024, height: 600 }, 'display-counter-paused.png', '[data-testid=pause-reason]');
  });
});
