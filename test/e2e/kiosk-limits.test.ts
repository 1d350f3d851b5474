/**
 * An honest kiosk and an honest phone at the production issuing limits, in real Chromium at a LAN origin:
 * the hall's kiosk prints ticket after ticket as citizens come; a phone takes a few numbers, unprinted,
 * and is then told plainly, in Vietnamese, to come back later or use the kiosk.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { loginCookie, type TestApp } from '../helpers/app';
import { PRODUCTION_ISSUING } from '../helpers/limits';
import { openKiosk, startApp, ticketCount } from '../kiosk/e2e-helpers';

let browser: Browser;
let t: TestApp;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  t = await startApp({ env: PRODUCTION_ISSUING });
});
afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
  await t.destroy();
});

async function open(): Promise<Page> {
  const { context, page } = await openKiosk(browser, t.url, undefined, 'confirm=60');
  contexts.push(context);
  return page;
}

async function take(page: Page, serviceId: string): Promise<void> {
  await page.locator(`qm-service-grid button[data-service="${serviceId}"]`).tap();
}

describe('issuing limits, as citizens meet them', () => {
  it('the hall kiosk prints one citizen after another', async () => {
    const kiosk = await open();
    for (let i = 1; i <= 8; i++) {
      await take(kiosk, i % 2 ? 'svc-hotich' : 'svc-chungthuc');
      const message = kiosk.locator('[data-testid="print-message"]');
      await message.waitFor();
      expect(await message.getAttribute('data-problem')).toBe('false');
      await kiosk.getByRole('button', { name: 'Xong' }).click();
    }
    expect(ticketCount(t)).toBe(8);
    // Every slip went to the kiosk's printer.
    expect(t.app.db.prepare('SELECT COUNT(DISTINCT ticket_id) FROM print_jobs').pluck().get()).toBe(8);
  });

  it('a phone takes a few numbers, then reads why not and what to do, and nothing more is issued', async () => {
    const admin = await loginCookie(t.app, 'admin');
    const off = await t.app.inject({ method: 'PUT', url: '/api/devices/auto-approve', headers: { cookie: admin }, payload: { autoApprove: false } });
    expect(off.statusCode).toBe(200);
    const phone = await open();
    const perHour = Number(PRODUCTION_ISSUING.VISITOR_TICKETS_PER_HOUR);
    for (let i = 0; i < perHour; i++) {
      await take(phone, 'svc-hotich');
      await phone.locator('[data-testid="ticket-number"]').waitFor();
      await phone.getByRole('button', { name: 'Xong' }).click();
    }
    await take(phone, 'svc-hotich');
    const alert = phone.getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('lấy quá nhiều số');
    expect(ticketCount(t)).toBe(perHour);
    expect(t.app.db.prepare('SELECT COUNT(*) FROM print_jobs').pluck().get()).toBe(0);
  });
});
