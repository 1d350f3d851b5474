/**
 * Screenshots of the kiosk's visual accessibility, portrait 1080×1920, for review and the docs:
 *   npx vite build && npx tsx test/kiosk/screenshots-large-text.ts [outDir]
 * The home screen (standard and elderly-first layouts), the home screen, ticket and procedure search in the
 * large-text / high-contrast mode ("Chữ to"), and the ticket in the standard mode.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { PORTRAIT, openKiosk, startApp } from './e2e-helpers';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });

const shot = async (page: Page, name: string) => {
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `kiosk-${name}-portrait.png`) });
};
const textSize = (page: Page) => page.locator('[data-testid="text-size"]');

const t = await startApp();
const browser = await launchBrowser();
try {
  {
    const { context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&confirm=600&idle=600');
    await shot(page, 'home');
    await page.locator('qm-service-grid button[data-service="svc-hotich"]').click();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    await shot(page, 'ticket');
    await page.locator('[data-testid="done"]').click();
    await textSize(page).click();
    await shot(page, 'home-large');
    await page.locator('qm-service-grid button[data-service="svc-chungthuc"]').click();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    await shot(page, 'ticket-large');
    await page.locator('[data-testid="hold-screen"]').click();
    await page.locator('[data-testid="screen-held"]').waitFor();
    await shot(page, 'ticket-held-large');
    await page.locator('[data-testid="done"]').click();
    await textSize(page).click();
    await page.locator('.lookup').click();
    for (const key of 'dang ky khai sinh') await page.locator(`qm-onscreen-keyboard button[data-key="${key === ' ' ? 'space' : key}"]`).click();
    await page.locator('button[data-procedure="proc-dang-ky-khai-sinh"]').waitFor();
    await shot(page, 'search-large');
    await page.locator('button[data-procedure="proc-dang-ky-khai-sinh"]').click();
    await page.locator('qm-procedure-detail h2').waitFor();
    await shot(page, 'procedure-large');
    await context.close();
  }
  {
    const { context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&confirm=600&idle=600&layout=elderly-first');
    await shot(page, 'home-elderly-first');
    await textSize(page).click();
    await shot(page, 'home-elderly-first-large');
    await context.close();
  }
} finally {
  await browser.close();
  await t.destroy();
}
