/**
 * The bundled font in real Chromium: the kiosk and the hall display draw their Vietnamese text with the Noto Sans
 * the product serves (not a font the PC happens to have: this machine has Noto Sans installed, so the check is on
 * the font being the page's web font), its files come from the product's own origin, and nothing is fetched from
 * any other origin.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { fontsRenderingText } from '../helpers/rendered-fonts';
import { BUNDLED_FONT_FAMILY } from '../../fonts/font-stack';

const WAIT = { timeout: 20_000 };
/** A letter only the Vietnamese subset has: ă â đ ê ô ơ ư ĩ ũ and the tone-marked letters. */
const VIETNAMESE_ONLY = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]/;

let t: TestApp;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  t = await createTestApp();
  await t.listen();
  origin = new URL(hallUrl(t.url)).origin;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

interface Opened {
  page: Page;
  requests: string[];
}

async function open(path: string, viewport: { width: number; height: number }, ready: string): Promise<Opened> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  const page = await context.newPage();
  const requests: string[] = [];
  // Every request of the page and its workers, whatever answers it.
  context.on('request', (request) => requests.push(request.url()));
  await page.goto(`${origin}${path}`);
  await page.locator(ready).first().waitFor(WAIT);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  return { page, requests };
}

async function expectBundledFont({ page, requests }: Opened): Promise<void> {
  // The family is declared and its faces loaded, and the check API agrees for Vietnamese text.
  const faces = await page.evaluate(() => [...document.fonts].map((f) => ({ family: f.family.replace(/^["']|["']$/g, ''), status: f.status, range: f.unicodeRange })));
  const ours = faces.filter((f) => f.family === BUNDLED_FONT_FAMILY);
  expect(ours.length).toBe(2);
  expect(ours.filter((f) => f.status === 'loaded').length).toBe(2);
  expect(await page.evaluate((family) => document.fonts.check(`16px "${family}"`, 'Tiếng Việt'), BUNDLED_FONT_FAMILY)).toBe(true);

  // Vietnamese text on screen is drawn with the web font, every glyph of it.
  const drawn = await fontsRenderingText(page, VIETNAMESE_ONLY);
  expect(drawn, 'an element with Vietnamese text').not.toBeNull();
  const glyphs = drawn!.fonts.reduce((n, f) => n + f.glyphCount, 0);
  expect(glyphs).toBeGreaterThan(0);
  expect(drawn!.fonts, `fonts drawing "${drawn!.text}"`).toEqual([expect.objectContaining({ familyName: 'Noto Sans', isCustomFont: true, glyphCount: glyphs })]);

  // Both subsets came from the product's own /assets/, and nothing from anywhere else.
  const fontFiles = requests.filter((url) => /\.woff2(\?|$)/.test(url));
  expect(fontFiles.map((url) => new URL(url).pathname).sort()).toEqual([
    expect.stringMatching(/^\/assets\/noto-sans-latin-wght-normal-[\w-]+\.woff2$/),
    expect.stringMatching(/^\/assets\/noto-sans-vietnamese-wght-normal-[\w-]+\.woff2$/),
  ]);
  const foreign = requests.filter((url) => !/^(data|blob):/.test(url) && new URL(url).origin !== origin && new URL(url.replace(/^ws/, 'http')).origin !== origin);
  expect(foreign).toEqual([]);
}

describe('bundled font', () => {
  it('the kiosk draws Vietnamese in the bundled Noto Sans, fetched from its own server only', async () => {
    const kiosk = await open('/kiosk/?kiosk=K1', { width: 1080, height: 1920 }, 'qm-service-grid button[data-service]');
    await expectBundledFont(kiosk);
    await kiosk.page.context().close();
  });

  it('the hall display draws Vietnamese in the bundled Noto Sans, fetched from its own server only', async () => {
    const hall = await open('/display/?voice=off', { width: 1920, height: 1080 }, 'qm-hall-display[data-ready="true"]');
    await expectBundledFont(hall);
    await hall.page.context().close();
  });
});
