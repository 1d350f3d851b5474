/**
 * The kiosk for weak eyes, in real Chromium at 1080×1920: the "Chữ to" large-text / high-contrast mode (for one
 * citizen's session), zoom allowed, "Giữ màn hình" on the ticket screen, the elderly-first home layout, and the
 * contrast of the big number.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import { loginCookie, type TestApp } from '../helpers/app';
import { openKiosk, PORTRAIT, startApp } from '../kiosk/e2e-helpers';
import { measureScreen, textContrast } from '../kiosk/kiosk-measure';

let browser: Browser;
let t: TestApp;
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
beforeEach(async () => {
  t = await startApp();
});
afterEach(async () => {
  await context?.close();
  await t.destroy();
});

const tile = (serviceId: string) => page.locator(`qm-service-grid button[data-service="${serviceId}"]`);
const shownNumber = () => page.locator('[data-testid="ticket-number"]');
const toggle = () => page.locator('[data-testid="text-size"]');
const mode = () => page.locator('qm-kiosk .frame').getAttribute('data-mode');
const fontPx = (selector: string) => page.locator(selector).first().evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
const home = () => tile('svc-hotich').waitFor();

describe('large text and high contrast ("Chữ to")', () => {
  it('a labelled button turns it on: every text larger, dark on white or white on near-black, nothing cut or scrolling sideways', async () => {
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=600'));
    await expect(toggle().innerText()).resolves.toBe('Chữ to');
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
    const before = await measureScreen(page);
    const name = await fontPx('qm-service-grid .figures');
    const priority = await fontPx('qm-priority-choice button');

    await toggle().tap();
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
    expect(await mode()).toBe('large');
    expect(await fontPx('qm-service-grid .figures')).toBeGreaterThanOrEqual(name * 1.35);
    expect(await fontPx('qm-priority-choice button')).toBeGreaterThanOrEqual(priority * 1.35);
    const after = await measureScreen(page);
    expect(after.smallest.px).toBeGreaterThanOrEqual(before.smallest.px * 1.2);
    expect(after.smallest.px).toBeGreaterThanOrEqual(32);
    expect(after.overflowing).toEqual([]);
    expect(after.lowContrast).toEqual([]);
    expect(after.horizontalScroll).toBe(false);
    // Tiles white on near-black (no maroon, no blue), the page white.
    const colours = await page.evaluate(() => {
      const grid = document.querySelector('qm-kiosk')!.shadowRoot!.querySelector('qm-service-grid')!.shadowRoot!.querySelector('button')!;
      const pri = document.querySelector('qm-kiosk')!.shadowRoot!.querySelector('qm-priority-choice')!.shadowRoot!.querySelector('button')!;
      return [getComputedStyle(grid).backgroundColor, getComputedStyle(pri).backgroundColor, getComputedStyle(grid).color];
    });
    expect(colours).toEqual(['rgb(17, 17, 17)', 'rgb(17, 17, 17)', 'rgb(255, 255, 255)']);

    await toggle().tap();
    expect(await mode()).toBe('standard');
    expect(await fontPx('qm-service-grid .figures')).toBe(name);
  });

  it('speaks English when the kiosk does', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(toggle().innerText()).resolves.toBe('Large text');
  });

  it('stays on from screen to screen for the same citizen: search, priority, back home', async () => {
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=600'));
    await toggle().tap();
    await page.locator('.lookup').tap();
    await page.locator('qm-procedure-search input').waitFor();
    expect(await mode()).toBe('large');
    expect(await fontPx('qm-procedure-search input')).toBeGreaterThanOrEqual(42 * 1.2);
    for (const key of 'khai sinh') await page.locator(`qm-onscreen-keyboard button[data-key="${key === ' ' ? 'space' : key}"]`).tap();
    await page.locator('button[data-procedure="proc-dang-ky-khai-sinh"]').waitFor();
    const search = await measureScreen(page);
    expect(search.smallest.px).toBeGreaterThanOrEqual(32);
    expect(search.horizontalScroll).toBe(false);
    expect(search.lowContrast).toEqual([]);
    await page.locator('qm-procedure-search .bar button').tap();
    await home();
    expect(await mode()).toBe('large');
    await page.locator('qm-priority-choice button[data-priority="pri-elderly"]').tap();
    await page.locator('.band h2').waitFor();
    expect(await mode()).toBe('large');
    await page.locator('.band button').tap();
    await home();
    expect(await mode()).toBe('large');
    expect(await toggle().getAttribute('aria-pressed')).toBe('true');
  });

  it('ends when the kiosk goes idle — from another screen, and on the home screen itself', async () => {
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=2'));
    await toggle().tap();
    await page.locator('.lookup').tap();
    await page.locator('qm-procedure-search input').waitFor();
    expect(await mode()).toBe('large');
    await home();
    await expect.poll(mode).toBe('standard');
    // Turned on at home and left there: the next citizen still finds the usual screen.
    await toggle().tap();
    expect(await mode()).toBe('large');
    await expect.poll(mode).toBe('standard');
    expect(await toggle().getAttribute('aria-pressed')).toBe('false');
  });

  it('ends when the ticket screen returns home: by "Xong", and by itself', async () => {
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=600&confirm=2'));
    await toggle().tap();
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    expect(await mode()).toBe('large');
    const ticket = await measureScreen(page);
    expect(ticket.smallest.px).toBeGreaterThanOrEqual(32);
    expect(ticket.overflowing).toEqual([]);
    expect(ticket.horizontalScroll).toBe(false);
    expect(ticket.lowContrast).toEqual([]);
    await page.locator('[data-testid="done"]').tap();
    await home();
    expect(await mode()).toBe('standard');

    await toggle().tap();
    await tile('svc-chungthuc').tap();
    await shownNumber().waitFor();
    expect(await mode()).toBe('large');
    await expect.poll(() => shownNumber().count()).toBe(0);
    await home();
    expect(await mode()).toBe('standard');
  });

  it('the big number is at least 7:1 against its background in both modes', async () => {
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=600&confirm=600'));
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    const standard = await textContrast(page, '[data-testid="ticket-number"]');
    expect(standard).toBeGreaterThanOrEqual(7);
    await toggle().tap();
    expect(await mode()).toBe('large');
    const large = await textContrast(page, '[data-testid="ticket-number"]');
    expect(large).toBeGreaterThanOrEqual(7);
    // High contrast means black on white here, not the standard navy.
    expect(large).toBeGreaterThan(standard);
    expect(large).toBeGreaterThanOrEqual(20);
  });
});

describe('the ticket screen', () => {
  it('stays 45 s by default', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    expect(await page.locator('qm-kiosk').evaluate((el) => (el as unknown as { confirmSeconds: number }).confirmSeconds)).toBe(45);
  });

  it('"Giữ màn hình" keeps it past its usual time until "Xong", and the kiosk still returns home after the upper bound', async () => {
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=600&confirm=2&hold=8'));
    // Unheld, the screen goes home after its 2 s.
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    await expect.poll(() => shownNumber().count()).toBe(0);

    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    await page.locator('[data-testid="hold-screen"]').tap();
    await expect(page.locator('[data-testid="screen-held"]').innerText()).resolves.toContain('Màn hình đang được giữ');
    // Twice the usual time later, still there.
    await page.waitForTimeout(4000);
    expect(await shownNumber().innerText()).toBe('A002');
    // Not forever: 8 s after the last touch it goes home by itself.
    await expect.poll(() => shownNumber().count(), { timeout: 20_000 }).toBe(0);
    await home();

    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    await page.locator('[data-testid="hold-screen"]').tap();
    await page.locator('[data-testid="screen-held"]').waitFor();
    await page.locator('[data-testid="done"]').tap();
    await home();
    expect(await shownNumber().count()).toBe(0);
  });
});

describe('home layouts', () => {
  const tops = () =>
    page.evaluate(() => {
      const root = document.querySelector('qm-kiosk')!.shadowRoot!;
      return {
        priority: root.querySelector('qm-priority-choice')!.getBoundingClientRect().top,
        services: root.querySelector('qm-service-grid')!.getBoundingClientRect().top,
      };
    });

  it('standard: services first, then priority tiles as large as the tiles’ own text, at least 4.5:1', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    const { priority, services } = await tops();
    expect(services).toBeLessThan(priority);
    expect(await fontPx('qm-priority-choice button')).toBeGreaterThanOrEqual(await fontPx('qm-service-grid .figures'));
    expect(await textContrast(page, 'qm-priority-choice button[data-priority="pri-elderly"] span')).toBeGreaterThanOrEqual(4.5);
    const m = await measureScreen(page);
    expect(m.overflowing).toEqual([]);
    expect(m.lowContrast).toEqual([]);
  });

  it('elderly-first (the center setting, live): large priority tiles at the top, text at least 32 px', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    const admin = await loginCookie(t.app, 'admin');
    const { id: _id, ...center } = t.app.queue.state().center;
    const res = await t.app.inject({ method: 'PUT', url: '/api/admin/center', headers: { cookie: admin }, payload: { ...center, settings: { ...center.settings, kioskLayout: 'elderly-first' } } });
    expect(res.statusCode).toBe(200);
    await page.locator('[data-layout="elderly-first"] qm-priority-choice').waitFor();
    const { priority, services } = await tops();
    expect(priority).toBeLessThan(services);
    expect(await fontPx('qm-priority-choice button')).toBeGreaterThanOrEqual(32);
    expect(await page.locator('qm-priority-choice button[data-priority="pri-elderly"] svg').evaluate((svg) => svg.getBoundingClientRect().width)).toBeGreaterThanOrEqual(96);
    const m = await measureScreen(page);
    expect(m.overflowing).toEqual([]);
    expect(m.horizontalScroll).toBe(false);
    // Two taps still: the group, then the service.
    await page.locator('qm-priority-choice button[data-priority="pri-elderly"]').tap();
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    expect(t.app.db.prepare('SELECT priority_id FROM tickets').pluck().get()).toBe('pri-elderly');
  });

  it('elderly-first with large text fits the portrait screen, in a busy hour too (waits said as ranges)', async () => {
    const staff = await loginCookie(t.app, 'staff1');
    for (const serviceId of ['svc-hotich', 'svc-datdai', 'svc-kinhdoanh', 'svc-baotro'])
      for (let i = 0; i < 8; i++) await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId } });
    for (const counter of [1, 2, 3]) await t.app.inject({ method: 'POST', url: `/api/counters/${counter}/call-next`, headers: { cookie: staff }, payload: {} });
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=600&layout=elderly-first'));
    await toggle().tap();
    await expect(tile('svc-baotro').innerText()).resolves.toMatch(/Chờ khoảng \d+–\d+ phút/);
    const m = await measureScreen(page);
    expect(m.smallest.px).toBeGreaterThanOrEqual(32);
    expect(m.overflowing).toEqual([]);
    expect(m.horizontalScroll).toBe(false);
    expect(m.lowContrast).toEqual([]);
    const { priority, services } = await tops();
    expect(priority).toBeLessThan(services);
    // Every service tile in view, without scrolling the grid.
    const grid = await page.locator('qm-service-grid').evaluate((el) => [el.scrollHeight, el.clientHeight]);
    expect(grid[0]).toBeLessThanOrEqual(grid[1] + 1);
  });
});

describe('zoom', () => {
  it('the kiosk page lets a citizen zoom', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    const viewport = await page.locator('meta[name="viewport"]').getAttribute('content');
    expect(viewport).toContain('width=device-width');
    expect(viewport).not.toMatch(/user-scalable\s*=\s*(no|0)|maximum-scale/);
  });

  it('a citizen can pinch to enlarge, and the next citizen finds the page unzoomed after the idle return', async () => {
    ({ context, page } = await openKiosk(browser, t.url, PORTRAIT, 'kiosk=K1&idle=3'));
    const scale = () => page.evaluate(() => window.visualViewport?.scale ?? 1);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Input.synthesizePinchGesture', { x: 540, y: 900, scaleFactor: 2, gestureSourceType: 'mouse' });
    await expect.poll(scale).toBeGreaterThan(1.5);
    await expect.poll(scale, { timeout: 20_000 }).toBe(1);
    await home();
  });
});
