/** Shared pieces of the kiosk browser tests: the real app, real Chromium, a portrait kiosk page. */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl } from '../helpers/browser';

export const PORTRAIT = { width: 1080, height: 1920 };
export const LANDSCAPE = { width: 1920, height: 1080 };

export interface KioskPage {
  context: BrowserContext;
  page: Page;
}

export async function openKiosk(browser: Browser, url: string, viewport = PORTRAIT, query = 'kiosk=K1'): Promise<KioskPage> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  await page.goto(`${hallUrl(url)}/kiosk/?${query}`);
  // The tiles appear once the services arrived from the server.
  await page.locator('qm-service-grid button[data-service]').first().waitFor();
  return { context, page };
}

export function ticketCount(t: TestApp): number {
  return t.app.db.prepare('SELECT COUNT(*) FROM tickets').pluck().get() as number;
}

export async function startApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<TestApp> {
  const t = await createTestApp(options);
  await t.listen();
  return t;
}

/** Listen on a given port (restart tests reuse the port the page already knows). */
export async function startAppOnPort(port: number, dataDir: string): Promise<TestApp> {
  const t = await createTestApp({ dataDir });
  await t.app.listen({ port, host: '127.0.0.1' });
  t.url = `http://127.0.0.1:${port}`;
  return t;
}

export function portOf(url: string): number {
  return Number(new URL(url).port);
}
