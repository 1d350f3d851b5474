/**
 * `npx tsx scripts/text-sizes.ts`: the smallest text on each screen, measured in real Chromium at the size the
 * screen is used at, with a morning's queue behind it (tickets waiting, counters calling and serving, ratings).
 * Prints a Markdown table: the smallest computed font size of visible text (shadow roots included), what text has
 * it and where, and every size in use. A measurement to read, not a test: it sets no threshold.
 *
 * Needs the built pages (`npm run build`, or `vite build`) and Debian's chromium (CHROMIUM_PATH to override).
 * `--json` prints the figures as JSON instead.
 */
import { existsSync } from 'node:fs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../test/helpers/app';
import { hallUrl, launchBrowser } from '../test/helpers/browser';
import { FakeClock } from '../test/helpers/clock';
import { browserDeviceCookie, pairedDevice } from '../test/helpers/devices';
import { measureTextSizes, type TextSizes } from '../test/helpers/text-sizes';
import { WEB_ROOT } from '../server/plugins/pages';

interface Row extends TextSizes {
  screen: string;
  viewport: string;
  /** The font files the page had fetched by then (unicode-range: only the subsets its text uses), with their bytes. */
  fontFiles: Array<{ file: string; bytes: number }>;
}

/** Font files fetched by each page so far. */
const fontFilesOf = new WeakMap<Page, Array<{ file: string; bytes: number }>>();

const clock = new FakeClock(Date.UTC(2026, 10, 23, 2, 0, 0)); // Monday 09:00 in Hồ Chí Minh City
let t!: TestApp;
let browser!: Browser;
let base: string;
const rows: Row[] = [];
const contexts: BrowserContext[] = [];

const post = (url: string, cookie?: string, payload?: object) => t.app.inject({ method: 'POST', url, payload: payload ?? {}, headers: cookie ? { cookie } : {} });

/** A morning: tickets waiting in several services (some priority), counters serving, calling, paused; ratings. */
async function morning(): Promise<{ ratingTablet: string; phoneTicketId: string }> {
  const staff = await Promise.all([1, 2, 3, 4, 5].map((n) => loginCookie(t.app, `staff${n}`)));
  const services = ['svc-hotich', 'svc-chungthuc', 'svc-hotich', 'svc-datdai', 'svc-chungthuc', 'svc-cutru', 'svc-hotich', 'svc-bhyt', 'svc-kinhdoanh', 'svc-chungthuc'];
  for (const [i, serviceId] of services.entries()) {
    await post('/api/tickets', undefined, { serviceId, ...(i % 4 === 1 ? { priority: 'pri-elderly' } : {}) });
    clock.advance(90_000);
  }
  const tablets: Record<number, string> = {};
  for (const n of [1, 2, 5]) tablets[n] = await pairedDevice(t.app, 'rating', { counterNumber: n });
  for (const n of [1, 2, 5]) {
    const called = (await post(`/api/counters/${n}/call-next`, staff[n - 1])).json();
    clock.advance(60_000);
    await post(`/api/counters/${n}/start`, staff[n - 1], { ticketId: called.ticket.id });
    clock.advance(6 * 60_000);
    await post(`/api/counters/${n}/complete`, staff[n - 1], { ticketId: called.ticket.id });
    await post('/api/ratings', tablets[n], { ticketId: called.ticket.id, level: 4, reasons: [] });
  }
  let phoneTicketId = '';
  for (let i = 0; i < 6; i++) {
    const res = (await post('/api/tickets', undefined, { serviceId: i % 2 ? 'svc-hotich' : 'svc-datdai' })).json();
    phoneTicketId = res.ticket?.id ?? res.id ?? phoneTicketId;
    clock.advance(4 * 60_000);
  }
  const c1 = (await post('/api/counters/1/call-next', staff[0])).json();
  await post('/api/counters/1/start', staff[0], { ticketId: c1.ticket.id });
  await post('/api/counters/2/call-next', staff[1]);
  await post('/api/counters/3/call-next', staff[2]);
  await post('/api/counters/4/pause', staff[3], { reason: 'Họp giao ban' });
  clock.advance(3 * 60_000);
  if (!phoneTicketId) throw new Error('no ticket id for the phone page');
  return { ratingTablet: tablets[5]!, phoneTicketId };
}

async function open(path: string, viewport: { width: number; height: number }, options: { touch?: boolean; cookie?: string } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: options.touch ?? false, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  if (options.cookie) await context.addCookies([browserDeviceCookie(options.cookie, base)]);
  const page = await context.newPage();
  const fonts: Array<{ file: string; bytes: number }> = [];
  fontFilesOf.set(page, fonts);
  page.on('response', (response) => {
    if (!/\.woff2?$/.test(new URL(response.url()).pathname)) return;
    void response.body().then((body) => fonts.push({ file: new URL(response.url()).pathname.replace(/^.*\//, ''), bytes: body.length }), () => undefined);
  });
  await page.goto(`${base}${path}`);
  return page;
}

async function measure(page: Page, screen: string, ready: string): Promise<void> {
  await page.locator(ready).first().waitFor({ timeout: 20_000 }).catch(async (error: Error) => {
    // Say what the screen did show: a bare timeout says nothing.
    const shown = await page.evaluate(() => document.body.innerText.slice(0, 300));
    throw new Error(`${screen}: ${error.message}\nat ${page.url()}, showing: ${shown}`);
  });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  // Let entrance highlights and transitions settle.
  await page.waitForTimeout(700);
  const size = page.viewportSize()!;
  rows.push({ screen, viewport: `${size.width}×${size.height}`, fontFiles: [...(fontFilesOf.get(page) ?? [])], ...(await measureTextSizes(page)) });
  process.stderr.write(`measured ${screen}\n`);
}

async function signIn(username: string, hash: string): Promise<Page> {
  const page = await open(`/console/${hash}`, { width: 1366, height: 768 });
  await page.locator('qm-login input[name=username]').waitFor({ timeout: 20_000 });
  await page.fill('qm-login input[name=username]', username);
  await page.fill('qm-login input[name=password]', 'demo');
  await page.click('qm-login button');
  return page;
}

async function main(): Promise<void> {
  if (!existsSync(WEB_ROOT)) throw new Error('dist/web is missing: run `npm run build` first');
  t = await createTestApp({ clock });
  await t.listen();
  base = hallUrl(t.url);
  const { ratingTablet, phoneTicketId } = await morning();
  browser = await launchBrowser();

  // Kiosk, portrait 1080×1920: home (services and priority tiles), the ticket, the procedure search.
  const kiosk = await open('/kiosk/?kiosk=K1', { width: 1080, height: 1920 }, { touch: true });
  await measure(kiosk, 'kiosk: home', 'qm-service-grid button[data-service]');
  // The citizen's large-text mode, when the kiosk has one (the "Chữ to" button), then back to standard.
  const textSize = kiosk.locator('[data-testid="text-size"]');
  if (await textSize.count()) {
    await textSize.tap();
    await measure(kiosk, 'kiosk: home, large text', '[data-mode="large"]');
    await textSize.tap();
    await kiosk.locator('[data-mode="standard"]').waitFor();
  }
  await kiosk.locator('qm-priority-choice button[data-priority]').first().tap();
  await measure(kiosk, 'kiosk: after a priority tile', 'qm-service-grid button[data-service]');
  await kiosk.locator('qm-service-grid button[data-service="svc-hotich"]').tap();
  await measure(kiosk, 'kiosk: ticket', '[data-testid="ticket-number"]');
  await kiosk.getByRole('button', { name: 'Xong' }).click();
  await kiosk.locator('.lookup').tap();
  for (const ch of 'khai sinh') await kiosk.locator(`qm-onscreen-keyboard button[data-key="${ch === ' ' ? 'space' : ch}"]`).tap();
  await measure(kiosk, 'kiosk: search', '[data-testid="results"] button[data-procedure]');
  await kiosk.locator('[data-testid="results"] button[data-procedure]').first().tap();
  await measure(kiosk, 'kiosk: procedure detail', 'qm-procedure-detail');

  // Phone page, 390×844.
  await measure(await open(`/t/${phoneTicketId}`, { width: 390, height: 844 }, { touch: true }), 'phone page', '[data-testid="number"]');

  // Displays: the hall at 1920×1080 after a call, a counter display at 1280×400.
  const hall = await open('/display/?voice=off', { width: 1920, height: 1080 });
  await measure(hall, 'hall display', 'qm-hall-display[data-ready="true"]');
  await measure(await open('/display/counter/2', { width: 1280, height: 400 }), 'counter display', '[data-testid=counter-ticket]');

  // Rating tablet, 1280×800: waiting, then asking after counter 5 completes a ticket.
  const tablet = await open('/rate/counter/5', { width: 1280, height: 800 }, { touch: true, cookie: ratingTablet });
  await measure(tablet, 'rating tablet: waiting', 'qm-rating-tablet header');
  const staff5 = await loginCookie(t.app, 'staff5');
  await post('/api/tickets', undefined, { serviceId: 'svc-cutru' });
  const called = (await post('/api/counters/5/call-next', staff5)).json();
  await post('/api/counters/5/complete', staff5, { ticketId: called.ticket.id });
  await measure(tablet, 'rating tablet: asking', 'qm-rating-tablet .face[data-level="1"]');

  // Console, 1366×768.
  await measure(await open('/console/', { width: 1366, height: 768 }), 'console: login', 'qm-login input[name=username]');
  const counter = await signIn('staff1', '#/counter');
  await counter.locator('qm-counter-picker button[data-counter="1"]').click();
  await measure(counter, 'console: counter', '[data-testid=held-number]');
  await measure(await signIn('director', '#/floor'), 'console: floor', 'qm-floor .counter');
  await measure(await signIn('director', '#/reports'), 'console: reports', '[data-testid=kpi-served]');
  const admin = await signIn('admin', '#/admin/services');
  for (const tab of ['services', 'counters', 'priorities', 'staff', 'devices', 'center', 'procedures', 'audit']) {
    await admin.goto(`${base}/console/#/admin/${tab}`);
    await measure(admin, `console: admin › ${tab}`, `qm-admin`);
  }
}

function print(): void {
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log('| screen | viewport | smallest text | what has it | sizes in use (px × pieces of text) | font bytes fetched |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) {
    const what = r.atSmallest.map((s) => `"${s.text.replace(/\|/g, '\\|')}" (${s.where})`).join('; ');
    const sizes = r.sizes.map((s) => `${+s.px.toFixed(1)}×${s.count}`).join(', ');
    const fonts = r.fontFiles.map((f) => `${f.file.replace(/-[\w]{8}\.woff2$/, '')} ${f.bytes.toLocaleString('en')}`).join(' + ');
    const total = r.fontFiles.reduce((n, f) => n + f.bytes, 0);
    console.log(`| ${r.screen} | ${r.viewport} | ${r.smallest === null ? '—' : `${+r.smallest.toFixed(1)} px`} | ${what} | ${sizes} | ${fonts ? `${fonts} = ${total.toLocaleString('en')}` : 'none (cached or no text)'} |`);
  }
  console.log('\nNot measured: text drawn on a canvas (the report charts, at chart.js\'s 12 px default).');
}

try {
  await main();
  print();
} finally {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.destroy();
}
