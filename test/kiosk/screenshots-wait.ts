/**
 * Screenshots of the estimated wait where it is uncertain: a line at two busy counters, so the kiosk's tile,
 * the ticket screen (portrait 1080×1920) and the phone page say it as a range.
 *   npx vite build && npx tsx test/kiosk/screenshots-wait.ts [outDir]
 * Default outDir: docs/screenshots (kiosk-*-wait-range*.png).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { loginCookie } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { PORTRAIT, openKiosk, startApp } from './e2e-helpers';

const outDir = process.argv[2] ?? 'docs/screenshots';
mkdirSync(outDir, { recursive: true });

const t = await startApp();
const browser = await launchBrowser();
try {
  // Hộ tịch is served at counters 1 and 2: a citizen at each, six waiting.
  const cookie = await loginCookie(t.app, 'staff1');
  for (let i = 0; i < 8; i++) await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
  for (const counter of [1, 2]) await t.app.inject({ method: 'POST', url: `/api/counters/${counter}/call-next`, headers: { cookie }, payload: {} });

  const { context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&confirm=600&idle=600');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, 'kiosk-home-wait-range-portrait.png') });
  await page.locator('qm-service-grid button[data-service="svc-hotich"]').click();
  await page.locator('[data-testid="ticket-number"]').waitFor();
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, 'kiosk-ticket-wait-range-portrait.png') });
  await context.close();

  const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
  const issued = await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } });
  const phonePage = await phone.newPage();
  await phonePage.goto(`${hallUrl(t.url)}/t/${issued.json().id}`);
  await phonePage.locator('[data-testid="eta"]').waitFor();
  await phonePage.waitForTimeout(300);
  await phonePage.screenshot({ path: join(outDir, 'kiosk-phone-wait-range.png') });
  await phone.close();
} finally {
  await browser.close();
  await t.destroy();
}
