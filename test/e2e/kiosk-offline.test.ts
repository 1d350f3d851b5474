/** The kiosk while the server is down: it says so, issues nothing, and recovers by itself. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import type { TestApp } from '../helpers/app';
import { openKiosk, portOf, startApp, startAppOnPort, ticketCount } from '../kiosk/e2e-helpers';

let browser: Browser;
const apps: TestApp[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  for (const app of apps) await app.destroy();
});

describe('server unreachable', () => {
  it('shows the offline message, never a number, and recovers when the server is back', async () => {
    const first = await startApp();
    apps.push(first);
    const { context, page } = await openKiosk(browser, first.url);
    const offline = page.locator('[data-testid="offline"]');
    const tile = page.locator('qm-service-grid button[data-service="svc-hotich"]');
    expect(await offline.count()).toBe(0);

    await first.close();
    await offline.waitFor();
    await expect(offline.innerText()).resolves.toContain('Mất kết nối với máy chủ');
    expect(await offline.getAttribute('role')).toBe('alert');
    expect(await tile.isDisabled()).toBe(true);
    // A tap on an inert tile must not pretend: no number appears.
    await tile.click({ force: true });
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);

    const second = await startAppOnPort(portOf(first.url), first.dataDir);
    apps.push(second);
    await offline.waitFor({ state: 'detached' });
    expect(await tile.isDisabled()).toBe(false);
    await tile.tap();
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    expect(await number.innerText()).toBe('A001');
    expect(ticketCount(second)).toBe(1);
    await context.close();
  });

  it('gives up on a ticket plainly when the server stays unreachable, and shows no number', async () => {
    const t = await startApp();
    apps.push(t);
    const { context, page } = await openKiosk(browser, t.url);
    // The socket stays up; only ticket requests fail, as when a proxy in between drops them.
    await page.route('**/api/tickets', (route) => route.abort('connectionrefused'));
    await page.locator('qm-service-grid button[data-service="svc-hotich"]').tap();
    const status = page.getByRole('status');
    await page.getByText('Đang thử lại').waitFor();
    await expect(status.innerText()).resolves.toContain('Chưa kết nối được máy chủ');
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 40_000 });
    await expect(alert.innerText()).resolves.toContain('mất kết nối với máy chủ');
    expect(await page.locator('[data-testid="ticket-number"]').count()).toBe(0);
    expect(ticketCount(t)).toBe(0);
    await context.close();
  });
});
