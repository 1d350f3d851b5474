/**
 * Screenshots of every kiosk screen in both orientations, for review and the docs:
 *   npx vite build && npx tsx test/kiosk/screenshots.ts [outDir]
 * Default outDir: docs/screenshots (kiosk-*.png); the docs keep a selection of them.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { LANDSCAPE, PORTRAIT, openKiosk, startApp } from './e2e-helpers';

const outDir = process.argv[2] ?? 'docs/screenshots';
const only = process.argv[3];
mkdirSync(outDir, { recursive: true });

const t = await startApp();
const browser = await launchBrowser();
try {
  for (const [orientation, viewport] of [['portrait', PORTRAIT], ['landscape', LANDSCAPE]] as const) {
    const shot = async (page: import('playwright-core').Page, name: string) => {
      if (only && !name.includes(only)) return;
      await page.waitForTimeout(300);
      await page.screenshot({ path: join(outDir, `kiosk-${name}-${orientation}.png`) });
    };
    const { context, page } = await openKiosk(browser, t.url, viewport, 'kiosk=K1&confirm=600&idle=600');
    await shot(page, 'home');
    await page.locator('qm-priority-choice button[data-priority="pri-elderly"]').click();
    await shot(page, 'priority');
    await page.locator('qm-service-grid button[data-service="svc-hotich"]').click();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    await shot(page, 'ticket');
    await page.getByRole('button', { name: /Xong/ }).click();
    await page.locator('.lookup').click();
    for (const key of 'dang ky khai sinh') await page.locator(`qm-onscreen-keyboard button[data-key="${key === ' ' ? 'space' : key}"]`).click();
    await page.locator('button[data-procedure="proc-dang-ky-khai-sinh"]').waitFor();
    await shot(page, 'search');
    await page.locator('button[data-procedure="proc-dang-ky-khai-sinh"]').click();
    await page.locator('qm-procedure-detail h2').waitFor();
    await shot(page, 'procedure');
    await context.close();
  }
  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const issued = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
  const page = await phone.newPage();
  await page.goto(`${hallUrl(t.url)}/t/${issued.json().id}`);
  await page.locator('[data-testid="status"] .box').waitFor();
  if (!only || 'phone'.includes(only)) await page.screenshot({ path: join(outDir, 'kiosk-phone.png') });
  await phone.close();

  if (!only || 'offline'.includes(only)) {
    const { context, page: kiosk } = await openKiosk(browser, t.url, PORTRAIT);
    await t.close();
    await kiosk.locator('[data-testid="offline"]').waitFor();
    await kiosk.waitForTimeout(300);
    await kiosk.screenshot({ path: join(outDir, 'kiosk-offline-portrait.png') });
    await context.close();
  }
} finally {
  await browser.close();
  await t.destroy();
}
