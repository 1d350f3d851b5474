/**
 * Every page in real Chromium at the size it is used at, checked by axe-core (open shadow roots included) for
 * critical, serious and moderate violations, and what a screen reader gets on the citizen's pages (Playwright
 * accessibility snapshots): landmarks, the h1, named buttons, the ticket number.
 *
 * One server with a logged day behind it (for the reports and the what-if) and a live morning (calls on the
 * displays, tickets waiting), one browser.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { FakeClock } from '../helpers/clock';
import { browserDeviceCookie, pairedDevice } from '../helpers/devices';
import { centerMorning, driveDay } from '../server/what-if/api-day';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const KIOSK = { width: 1080, height: 1920 };
const DISPLAY = { width: 1920, height: 1080 };
const CONSOLE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };
const TABLET = { width: 1280, height: 800 };

/** The impacts that fail a page; minor ones are listed in the summary only. */
const FAILING = ['critical', 'serious', 'moderate'];

interface Finding {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string; summary: string }[];
}

let t: TestApp;
let browser: Browser;
const clock = new FakeClock();
const contexts: BrowserContext[] = [];
const summary: Record<string, Record<string, number>> = {};
let ticket: { id: string; number: string };
let ratingTablet: string;
/** The ticket counter 2 holds: completed while its rating tablet looks on. */
let atCounter2: string;

const get = async (url: string) => (await t.app.inject({ method: 'GET', url })).json() as unknown;
/** A name inside a regular expression. */
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
let center: { name: string };
const post = (url: string, cookie?: string, payload?: object) => t.app.inject({ method: 'POST', url, payload: payload ?? {}, headers: cookie ? { cookie } : {} });

async function newPage(viewport: { width: number; height: number }, cookies: string[] = [], extra: { hasTouch?: boolean; isMobile?: boolean } = {}): Promise<Page> {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', ...extra });
  contexts.push(context);
  if (cookies.length) await context.addCookies(cookies.map((c) => browserDeviceCookie(c, hallUrl(t.url))));
  const page = await context.newPage();
  return page;
}

/** End the arrival highlights and other finite animations, in the document and every open shadow root: axe reads final colours. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => {
    const roots: (Document | ShadowRoot)[] = [document];
    for (let i = 0; i < roots.length; i++) for (const el of roots[i]!.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
    for (const root of roots) for (const a of root.getAnimations()) if (a.effect?.getComputedTiming().endTime !== Infinity) a.finish();
  });
}

/** Hold every animation at its start (the page's clock for animations stopped), so the arrival highlight can be measured. */
async function freezeAnimations(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Animation.enable');
  await cdp.send('Animation.setPlaybackRate', { playbackRate: 0 });
}

/** axe-core on the whole page, open shadow roots included. */
async function axe(page: Page, name: string): Promise<Finding[]> {
  await settle(page);
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const findings = (await page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[]; failureSummary?: string }[] }[] }> } }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: (n.failureSummary ?? '').replace(/\s+/g, ' ') })),
    }));
  })) as Finding[];
  // Elements per impact, and per rule for the ones left (minor).
  const counts: Record<string, number> = (summary[name] ??= {});
  for (const f of findings) {
    const key = FAILING.includes(f.impact ?? '') ? (f.impact ?? 'none') : `${f.impact ?? 'none'} ${f.id}`;
    counts[key] = (counts[key] ?? 0) + f.nodes.length;
  }
  return findings;
}

/** No critical, serious or moderate violation; the message lists each one with its elements. */
async function expectClean(page: Page, name: string): Promise<void> {
  const failing = (await axe(page, name)).filter((f) => FAILING.includes(f.impact ?? ''));
  const report = failing.map((f) => `${f.impact} ${f.id}: ${f.help}\n${f.nodes.map((n) => `    ${n.target} — ${n.summary}`).join('\n')}`).join('\n');
  expect.soft(report, `${name}\n${report}`).toBe('');
}

/** No violation at all, minor ones included (the appointment screens); the message lists each one with its elements. */
async function expectSpotless(page: Page, name: string): Promise<void> {
  const findings = await axe(page, name);
  const report = findings.map((f) => `${f.impact} ${f.id}: ${f.help}\n${f.nodes.map((n) => `    ${n.target} — ${n.summary}`).join('\n')}`).join('\n');
  expect.soft(report, `${name}\n${report}`).toBe('');
}

/**
 * WCAG contrast of an element's text against the first opaque background behind it (shadow hosts crossed): the
 * lowest over its arrival animations (each sampled from start to end) and at rest.
 */
async function contrastOf(page: Page, selector: string): Promise<{ atRest: number; lowest: number; animations: number }> {
  return page.locator(selector).evaluate((el) => {
    const parse = (c: string) => {
      const m = c.match(/rgba?\(([^)]+)\)/);
      if (!m) throw new Error(`colour not understood: ${c}`);
      const [r, g, b, a = 1] = m[1]!.split(/[ ,/]+/).filter(Boolean).map(Number);
      return { rgb: [r!, g!, b!], a };
    };
    const luminance = ([r, g, b]: number[]) => {
      const lin = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * lin(r!) + 0.7152 * lin(g!) + 0.0722 * lin(b!);
    };
    const up = (node: Element) => node.parentElement ?? ((node.getRootNode() as ShadowRoot).host ?? null);
    const chain: Element[] = [];
    for (let node: Element | null = el; node; node = up(node)) chain.push(node);
    const measure = () => {
      const style = getComputedStyle(el);
      const text = parse(style.color);
      if (text.a !== 1) throw new Error(`translucent text: ${style.color}`);
      let background: number[] = [255, 255, 255];
      for (const node of chain) {
        const s = getComputedStyle(node);
        if (Number(s.opacity) !== 1) throw new Error(`the number is drawn at opacity ${s.opacity}`);
        if (s.backgroundImage !== 'none') throw new Error(`a background image behind the number: ${s.backgroundImage}`);
        const bg = parse(s.backgroundColor);
        if (bg.a === 1) {
          background = bg.rgb;
          break;
        }
        if (bg.a !== 0) throw new Error(`a translucent background behind the number: ${s.backgroundColor}`);
      }
      const [hi, lo] = [luminance(text.rgb), luminance(background)].sort((a, b) => b - a);
      return (hi! + 0.05) / (lo! + 0.05);
    };
    let lowest = Infinity;
    let animations = 0;
    for (const animation of chain.flatMap((node) => node.getAnimations())) {
      const end = animation.effect?.getComputedTiming().endTime;
      if (typeof end !== 'number' || !Number.isFinite(end)) continue;
      animations++;
      animation.pause();
      for (let i = 0; i <= 40; i++) {
        animation.currentTime = (end * i) / 40;
        lowest = Math.min(lowest, measure());
      }
      animation.finish();
    }
    const atRest = measure();
    return { atRest, lowest: Math.min(lowest, atRest), animations };
  });
}

beforeAll(async () => {
  t = await createTestApp({ clock });
  // A logged Monday morning, for the reports and the what-if; the next morning is today.
  await driveDay(t.app, clock, centerMorning(), ['ctr-1', 'ctr-2', 'ctr-3', 'ctr-4', 'ctr-5']);
  clock.set('2026-11-24T01:30:00Z');
  await t.listen();
  center = (await get('/api/center')) as { name: string };
  const staff1 = await loginCookie(t.app, 'staff1');
  const staff2 = await loginCookie(t.app, 'staff2');
  for (const [i, s] of ['svc-hotich', 'svc-chungthuc', 'svc-hotich', 'svc-datdai', 'svc-cutru', 'svc-hotich'].entries()) {
    await post('/api/tickets', undefined, { serviceId: s, ...(i === 1 ? { priority: 'pri-elderly' } : {}) });
    clock.advance(60_000);
  }
  ticket = (await post('/api/tickets', undefined, { serviceId: 'svc-hotich' })).json();
  await post('/api/counters/1/call-next', staff1);
  atCounter2 = (await post('/api/counters/2/call-next', staff2)).json().ticket.id;
  ratingTablet = await pairedDevice(t.app, 'rating', { counterNumber: 2 });
  browser = await launchBrowser();
}, 120_000);
afterEach(async () => {
  for (const c of contexts.splice(0)) await c.close().catch(() => undefined);
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
  const rows = Object.entries(summary).map(([page, counts]) => `${page}: ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ') || 'clean'}`);
  console.log(`axe findings (elements) per page:\n${rows.join('\n')}`);
});

describe('kiosk', () => {
  let page: Page;
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: KIOSK, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh', hasTouch: true });
    page = await context.newPage();
    await page.goto(`${hallUrl(t.url)}/kiosk/?kiosk=K1`);
    await page.locator('qm-service-grid button[data-service]').first().waitFor();
  });
  afterAll(() => context?.close());

  it('home: axe clean', async () => {
    await expectClean(page, 'kiosk home');
  });

  it('home: what a screen reader gets', async () => {
    const tree = await page.locator('body').ariaSnapshot();
    // A banner with the center's name as the h1, then the main content.
    expect(tree).toMatch(new RegExp(`^- banner:\n  - heading "${escape(center.name)}" \\[level=1\\]`));
    expect(tree).toMatch(/\n- main:\n/);
    expect(tree.match(/\[level=1\]/g)).toHaveLength(1);
    // Each service tile is a button named with the service, how many wait and the wait, in the list of services.
    const services = (await get('/api/services')) as { id: string; name: string }[];
    expect(services.length).toBeGreaterThan(3);
    for (const s of services) {
      const tile = await page.locator(`qm-service-grid button[data-service="${s.id}"]`).ariaSnapshot();
      expect(tile).toMatch(new RegExp(`^- button "${escape(s.name)} \\d+ người đang chờ (Không phải chờ|Sắp đến lượt|Chờ khoảng \\d+(–\\d+)? phút)"$`));
    }
    expect(tree).toMatch(/- list:\n {4}- listitem:\n {6}- button "Hộ tịch \d+ người đang chờ/);
    // The priority path: a named region with its heading, a button per category.
    expect(tree).toMatch(/- region "Ưu tiên":\n {4}- heading "Ưu tiên" \[level=2\]/);
    for (const p of (await get('/api/priorities')) as { name: string }[]) expect(tree).toContain(`- button "${p.name}"`);
    expect(tree).toContain('- button "Tra cứu thủ tục, hồ sơ cần chuẩn bị"');
  });

  it('priority, then the services for it: axe clean', async () => {
    await page.locator('qm-priority-choice button[data-priority="pri-elderly"]').tap();
    await page.locator('qm-service-grid button[data-service]').first().waitFor();
    await expectClean(page, 'kiosk priority services');
    await page.getByRole('button', { name: /Quay lại|Trang đầu/ }).first().tap();
    await page.locator('qm-priority-choice').waitFor();
  });

  it('procedure search, results and a procedure: axe clean', async () => {
    await page.locator('.lookup').tap();
    await page.locator('qm-procedure-search input').waitFor();
    await expectClean(page, 'kiosk procedure search');
    for (const ch of 'khai sinh') await page.locator(`qm-onscreen-keyboard button[data-key="${ch === ' ' ? 'space' : ch}"]`).tap();
    const first = page.locator('[data-testid="results"][data-for="khai sinh"] button[data-procedure]').first();
    await first.waitFor();
    await expectClean(page, 'kiosk procedure results');
    await first.tap();
    await page.locator('qm-procedure-detail article').waitFor();
    await expectClean(page, 'kiosk procedure detail');
    await page.getByRole('button', { name: 'Quay lại' }).first().tap();
    await page.getByRole('button', { name: 'Quay lại' }).first().tap();
    await page.locator('qm-service-grid button[data-service]').first().waitFor();
  });

  it('ticket screen: axe clean, and the number announced', async () => {
    await page.locator('qm-service-grid button[data-service="svc-chungthuc"]').tap();
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    const shown = (await number.innerText()).trim();
    expect(shown).toMatch(/^B\d{3}$/);
    // The card is a live region in main: what was issued is read out, the number right after its label.
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toMatch(/\n- main:\n  - status:\n/);
    const card = await page.locator('qm-ticket-issued [role=status]').ariaSnapshot();
    expect(card).toMatch(new RegExp(`^- status:\n  - paragraph: Số thứ tự của bạn\n  - paragraph: ${shown}\n  - paragraph: Chứng thực\n`));
    expect(card).toMatch(/- term: Số người chờ trước bạn\n\s+- definition: "\d+"/);
    expect(card).toMatch(/- term: Thời gian chờ dự kiến\n\s+- definition: (Không phải chờ|Sắp đến lượt|.*phút)/);
    expect(card).toContain('- img "Quét mã để theo dõi lượt trên điện thoại"');
    expect(card).toContain('- button "Xong"');
    await expectClean(page, 'kiosk ticket');
  });
});

describe('kiosk: large text, elderly-first layout, printer trouble', () => {
  it('large-text mode on home and the ticket screen: axe clean', async () => {
    const page = await newPage(KIOSK, [], { hasTouch: true });
    await page.goto(`${hallUrl(t.url)}/kiosk/?kiosk=K1`);
    await page.locator('qm-service-grid button[data-service]').first().waitFor();
    await page.getByRole('button', { name: 'Chữ to' }).tap();
    await page.locator('qm-kiosk .frame.large').waitFor();
    await expectClean(page, 'kiosk home, large text');
    await page.locator('qm-service-grid button[data-service="svc-cutru"]').tap();
    await page.locator('[data-testid="ticket-number"]').waitFor();
    await expectClean(page, 'kiosk ticket, large text');
  });

  it('elderly-first home, the printer warning and a ticket whose slip failed: axe clean', async () => {
    const page = await newPage(KIOSK, [], { hasTouch: true });
    await page.goto(`${hallUrl(t.url)}/kiosk/?kiosk=K1&layout=elderly-first`);
    await page.locator('qm-service-grid button[data-service]').first().waitFor();
    await expectClean(page, 'kiosk home, elderly-first');
    t.app.io.of('/public').emit('printer:status', [{ id: 'default', status: 'paper-out' }]);
    await page.locator('qm-kiosk .printer-note').waitFor();
    await expectClean(page, 'kiosk home, printer warning');
    const printTicket = t.app.printing.printTicket;
    t.app.printing.printTicket = () => ({ state: 'failed', printerId: 'default', printerStatus: 'paper-out', jobId: null });
    try {
      await page.locator('qm-service-grid button[data-service="svc-hotich"]').tap();
      await page.locator('[data-testid="print-message"][data-problem="true"]').waitFor();
      await expectClean(page, 'kiosk ticket, slip failed');
    } finally {
      t.app.printing.printTicket = printTicket;
      t.app.io.of('/public').emit('printer:status', [{ id: 'default', status: 'ok' }]);
    }
  });
});

describe('displays', () => {
  it('hall display: axe clean, one main and an h1, the called number ≥ 7:1', async () => {
    const page = await newPage(DISPLAY);
    await freezeAnimations(page);
    await page.goto(`${hallUrl(t.url)}/display/`);
    await page.locator('qm-hall-display[data-ready="true"]').waitFor();
    await page.locator('[data-testid=spotlight]').waitFor();
    // The called number: at least 7:1 at rest and all through the highlight it arrives with.
    const ratio = await contrastOf(page, '[data-testid=spotlight] .number');
    expect(ratio.animations).toBeGreaterThan(0);
    expect(ratio.lowest).toBeGreaterThanOrEqual(7);
    await expectClean(page, 'hall display');
    summary['hall display']!['big number contrast at rest'] = Math.round(ratio.atRest * 100) / 100;
    summary['hall display']!['big number contrast, lowest while it arrives'] = Math.round(ratio.lowest * 100) / 100;
    // One main landmark with the center's name as its h1; the call in a status region, said as a sentence.
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toMatch(new RegExp(`^- main:\n  - heading "${escape(center.name)}" \\[level=1\\]`));
    expect(tree).toMatch(/- status: Mời công dân có số thứ tự [AB]\d{3} Quầy [12] (Hộ tịch|Chứng thực)/);
    // Recent calls under their heading, as an ordered list.
    expect(tree).toMatch(/- heading "Các số vừa gọi" \[level=2\]\n  - list:\n    - listitem/);
    // The waiting counts: a list, one item per service with its count.
    expect(tree).toMatch(/- list "Đang chờ":\n    - listitem: A Hộ tịch \d+ người chờ/);
  });

  it('counter display: axe clean, the called number ≥ 7:1', async () => {
    const page = await newPage(DISPLAY);
    await freezeAnimations(page);
    await page.goto(`${hallUrl(t.url)}/display/counter/1`);
    await page.locator('[data-testid=counter-ticket]').waitFor();
    const ratio = await contrastOf(page, '[data-testid=counter-ticket]');
    expect(ratio.animations).toBeGreaterThan(0);
    expect(ratio.lowest).toBeGreaterThanOrEqual(7);
    // The counter's own number, as large.
    const id = await contrastOf(page, '[data-testid=counter-number]');
    expect(id.lowest).toBeGreaterThanOrEqual(7);
    await expectClean(page, 'counter display');
    summary['counter display']!['big number contrast at rest'] = Math.round(ratio.atRest * 100) / 100;
    summary['counter display']!['big number contrast, lowest while it arrives'] = Math.round(ratio.lowest * 100) / 100;
    summary['counter display']!['counter number contrast'] = Math.round(id.lowest * 100) / 100;
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toMatch(/^- main:\n  - heading "Quầy 1" \[level=1\]/);
    expect(tree).toMatch(/Mời vào quầy [AB]\d{3}/);
  });
});

describe('other states of the displays and the phone page', () => {
  it('a called ticket on the phone, idle and paused counter displays, the hall in two languages: axe clean', async () => {
    const mine = (await post('/api/tickets', undefined, { serviceId: 'svc-kinhdoanh' })).json() as { id: string; number: string };
    const called = await post('/api/counters/4/call-next', await loginCookie(t.app, 'staff4'));
    expect(called.json().ticket.id).toBe(mine.id);
    const paused = await post('/api/counters/5/pause', await loginCookie(t.app, 'staff5'), { reason: 'Họp giao ban' });
    expect(paused.statusCode, paused.body).toBe(200);
    const phone = await newPage(PHONE, [], { hasTouch: true, isMobile: true });
    await phone.goto(`${hallUrl(t.url)}/t/${mine.id}`);
    await phone.getByRole('alert').filter({ hasText: 'quầy số 4' }).waitFor();
    await expectClean(phone, 'phone ticket, called');
    for (const [n, state] of [[3, 'idle'], [5, 'paused']] as const) {
      const page = await newPage(DISPLAY);
      await page.goto(`${hallUrl(t.url)}/display/counter/${n}`);
      await page.locator(`[data-testid=counter-main].${state}`).waitFor();
      await expectClean(page, `counter display, ${state}`);
    }
    const hall = await newPage(DISPLAY);
    await hall.goto(`${hallUrl(t.url)}/display/?lang=both`);
    await hall.locator('[data-testid=spotlight] .en').first().waitFor();
    await expectClean(hall, 'hall display, Vietnamese and English');
  });
});

describe('phone ticket page', () => {
  it('axe clean; a screen reader hears the page title, the number and the place in line', async () => {
    const page = await newPage(PHONE, [], { hasTouch: true, isMobile: true });
    await page.goto(`${hallUrl(t.url)}/t/${ticket.id}`);
    await page.getByText(/người trước bạn|người tiếp theo/).waitFor();
    await page.getByText('Hộ tịch').waitFor(); // the page's REST view and its socket update may come in either order
    await expectClean(page, 'phone ticket');
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toMatch(/^- banner:\n  - heading "Số thứ tự của bạn" \[level=1\]\n  - button "English"\n- main:\n/);
    expect(tree).toMatch(new RegExp(`- main:\n  - paragraph: ${ticket.number}\n  - paragraph: Hộ tịch\n`));
    expect(tree).toMatch(/- strong: Còn \d+ người trước bạn/);
    expect(tree).toMatch(/Dự kiến chờ khoảng \d+(–\d+)? phút|Sắp đến lượt/);
  });
});

describe('rating tablet and pairing', () => {
  it('paired tablet asking for a rating: axe clean', async () => {
    const page = await newPage(TABLET, [ratingTablet], { hasTouch: true });
    await page.goto(`${hallUrl(t.url)}/rate/counter/2`);
    await page.locator('qm-rating-tablet header').waitFor();
    await expectClean(page, 'rating tablet (idle)');
    const completed = await post('/api/counters/2/complete', await loginCookie(t.app, 'staff2'), { ticketId: atCounter2 });
    expect(completed.statusCode, completed.body).toBe(200);
    await page.locator('qm-rating-tablet .face[data-level="1"]').waitFor();
    await expectClean(page, 'rating tablet (asking)');
    await page.locator('qm-rating-tablet .face[data-level="3"]').tap();
    await page.locator('qm-rating-tablet .chip').first().waitFor();
    await expectClean(page, 'rating tablet (reasons)');
  });

  it('unpaired tablet and the pairing page: axe clean', async () => {
    const admin = await loginCookie(t.app, 'admin');
    const set = (autoApprove: boolean) => t.app.inject({ method: 'PUT', url: '/api/devices/auto-approve', headers: { cookie: admin }, payload: { autoApprove } });
    expect((await set(false)).statusCode).toBe(200);
    try {
      const page = await newPage(TABLET, [], { hasTouch: true });
      await page.goto(`${hallUrl(t.url)}/rate/counter/3`);
      await page.locator('[data-testid=rating-unpaired]').waitFor();
      await expectClean(page, 'rating tablet (unpaired)');
      const pair = await newPage(KIOSK, [], { hasTouch: true });
      await pair.goto(`${hallUrl(t.url)}/pair/`);
      await pair.locator('qm-pair-page input[name=kind][value=kiosk]').check();
      await expectClean(pair, 'pair (choose)');
      await pair.getByRole('button', { name: 'Xin ghép' }).click();
      await pair.locator('[data-testid=pairing-code]').waitFor();
      await expectClean(pair, 'pair (code)');
    } finally {
      await set(true);
    }
  });
});

describe('console', () => {
  it('login: axe clean, with a main landmark and an h1', async () => {
    const page = await newPage(CONSOLE);
    await page.goto(`${hallUrl(t.url)}/console/`);
    await page.locator('qm-login input[name=username]').waitFor();
    await expectClean(page, 'console login');
    const tree = await page.locator('body').ariaSnapshot();
    expect(tree).toMatch(/- main/);
    expect(tree).toMatch(/- heading "[^"]+" \[level=1\]/);
    expect(tree).toMatch(/- textbox "Tên đăng nhập"/);
    expect(tree).toMatch(/- button "Đăng nhập"/);
  });

  it('counter screen: axe clean', async () => {
    const page = await newPage(CONSOLE, [await loginCookie(t.app, 'staff1')]);
    await page.goto(`${hallUrl(t.url)}/console/#/counter`);
    await page.click('qm-counter-picker button[data-counter="1"]');
    await page.locator('[data-testid=held-number]').waitFor();
    await expectClean(page, 'console counter');
    await page.keyboard.press('t');
    await page.locator('qm-counter-dialog form').waitFor();
    await expectClean(page, 'console counter, transfer dialog');
    await page.keyboard.press('Escape');
    await page.goto(`${hallUrl(t.url)}/console/#/password`);
    await page.locator('qm-password form').waitFor();
    await expectClean(page, 'console password');
  });

  it('floor, printers, reports and the what-if: axe clean', async () => {
    const page = await newPage(DISPLAY, [await loginCookie(t.app, 'director')]);
    await page.goto(`${hallUrl(t.url)}/console/#/floor`);
    await page.locator('qm-floor .counter').first().waitFor();
    await expectClean(page, 'console floor');
    await page.goto(`${hallUrl(t.url)}/console/#/printers`);
    await page.locator('qm-printers').waitFor();
    await page.waitForLoadState('networkidle');
    await expectClean(page, 'console printers');
    await page.goto(`${hallUrl(t.url)}/console/#/reports`);
    await page.locator('[data-testid=kpi-served]').waitFor();
    await expectClean(page, 'console reports');
    await page.setViewportSize(CONSOLE);
    await page.goto(`${hallUrl(t.url)}/console/#/reports/what-if`);
    await page.locator('qm-what-if [data-testid=what-if-counter-5]').waitFor();
    await expectClean(page, 'console what-if (form)');
    await page.click('[data-testid=what-if-run]');
    await page.locator('[data-testid=what-if-by-service]').waitFor();
    await expectClean(page, 'console what-if (answer)');
  });

  it('every admin screen: axe clean', async () => {
    const page = await newPage(CONSOLE, [await loginCookie(t.app, 'admin')]);
    const ready: Record<string, string> = {
      services: 'qm-admin-table tr[data-id]',
      counters: 'qm-admin-table tr[data-id="ctr-1"]',
      priorities: 'qm-admin-table tr[data-id]',
      staff: 'qm-admin-staff tr[data-id="stf-staff1"]',
      devices: 'qm-admin-devices table',
      center: 'qm-admin-center form',
      procedures: 'qm-admin-procedures section',
      audit: 'qm-admin-audit table',
    };
    for (const [tab, selector] of Object.entries(ready)) {
      await page.goto(`${hallUrl(t.url)}/console/#/admin/${tab}`);
      await page.locator(selector).first().waitFor();
      await expectClean(page, `admin ${tab}`);
    }
    // An edit form open.
    await page.goto(`${hallUrl(t.url)}/console/#/admin/counters`);
    await page.click('qm-admin-table tr[data-id="ctr-3"] button');
    await page.locator('qm-admin-table form').waitFor();
    await expectClean(page, 'admin counter form');
  });
});

describe('console: appointments', () => {
  it('appointments: Quản trị › Đặt lịch, Báo cáo › Đặt lịch and the booking line on the counter: no violation, minor included', async () => {
    // A booking for the first slot still ahead today, checked in and called at its slot by counter 3.
    const day = t.app.queue.state().businessDay;
    const slots = (await get(`/api/appointments/slots?serviceId=svc-xaydung&date=${day}`)) as { time: string; free: number }[];
    const slot = slots.find((s) => s.free > 0)!;
    expect(slot).toBeTruthy();
    const booked = await post('/api/appointments', undefined, { serviceId: 'svc-xaydung', date: day, time: slot.time, idNumber: '001190012345' });
    expect(booked.statusCode, booked.body).toBe(201);
    const [h, m] = slot.time.split(':').map(Number);
    const slotAt = Date.parse(`${day}T00:00:00Z`) + (h! * 60 + m! - 7 * 60) * 60_000; // the center's zone is UTC+7
    clock.ms = slotAt;
    const checkIn = await post(`/api/appointments/${booked.json().code}/check-in`);
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    const called = await post('/api/counters/3/call', await loginCookie(t.app, 'staff3'), { ticketId: checkIn.json().id });
    expect(called.statusCode, called.body).toBe(200);

    const adminPage = await newPage(CONSOLE, [await loginCookie(t.app, 'admin')]);
    await adminPage.goto(`${hallUrl(t.url)}/console/#/admin/appointments`);
    await adminPage.locator('qm-admin-appointments tr[data-service="svc-hotich"]').waitFor();
    await expectSpotless(adminPage, 'admin appointments');
    const tree = await adminPage.locator('qm-admin-appointments').ariaSnapshot();
    expect(tree).toContain('- group "Đặt lịch hẹn"');
    expect(tree).toMatch(/- spinbutton "Số ngày được đặt trước"/);
    expect(tree).toMatch(/- checkbox "Hộ tịch nhận đặt lịch"/);
    expect(tree).toMatch(/- spinbutton "Số chỗ mỗi khung giờ của Hộ tịch"/);

    const director = await newPage(CONSOLE, [await loginCookie(t.app, 'director')]);
    await director.goto(`${hallUrl(t.url)}/console/#/reports/appointments`);
    await director.locator('[data-testid=appointments-waits]').waitFor();
    await expectSpotless(director, 'console reports, appointments');

    const staff = await newPage(CONSOLE, [await loginCookie(t.app, 'staff3')]);
    await staff.goto(`${hallUrl(t.url)}/console/#/counter`);
    await staff.click('qm-counter-picker button[data-counter="3"]');
    await staff.locator('[data-testid=held-booking]').waitFor();
    await expectSpotless(staff, 'console counter, booked ticket');
  });
});

describe('province dashboard: administration (hub)', () => {
  let hub: import('../hub/fixture').TestHub;
  let hubUrl: string;
  beforeAll(async () => {
    const fixture = await import('../hub/fixture');
    hub = await fixture.startHub(null);
    const add = (code: string, name: string) => hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie }, payload: { code, name } });
    const linked = (await add('TTHCC', 'Trung tâm Phục vụ hành chính công tỉnh')).json();
    const credential = (await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: linked.enrolmentCode } })).json().credential;
    await fixture.ingest(hub, credential, { live: { at: hub.clock.t, waiting: 3, longestWaitSeconds: 240, openCounters: 2, printerFaults: 0 } });
    const revoked = (await add('X-TAN-LAP', 'Xã Tân Lập')).json();
    await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: revoked.enrolmentCode } });
    await hub.app.inject({ method: 'POST', url: `/api/hub/centers/${revoked.id}/revoke`, headers: { cookie: hub.adminCookie } });
    await add('X-MUONG-LA', 'Xã Mường La');
    await hub.app.inject({ method: 'POST', url: '/api/hub/downlink', headers: { cookie: hub.adminCookie }, payload: { kind: 'notice-line', data: { noticeLine: 'Ngày 30/4 và 1/5 nghỉ lễ.' } } });
    await hub.app.listen({ port: 0, host: '127.0.0.1' });
    hubUrl = hallUrl(`http://127.0.0.1:${(hub.app.server.address() as import('node:net').AddressInfo).port}`);
  }, 120_000);
  afterAll(async () => {
    await hub?.close();
  });

  /** No violation at any level, minor included. */
  async function expectNone(page: Page, name: string): Promise<void> {
    const found = await axe(page, name);
    expect.soft(found.map((f) => `${f.impact} ${f.id}: ${f.nodes.map((n) => n.target).join(' ')}`).join('\n'), name).toBe('');
  }

  it('centers and their links, the one-time code, the revoke dialog, publishing, accounts, the first sign-in: no violations at any level', async () => {
    const page = await newPage(DISPLAY);
    await page.goto(`${hubUrl}/province/#/admin/centers`);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('demo-pass');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.locator('qm-province-admin tr[data-center="X-TAN-LAP"]').waitFor();
    await expectNone(page, 'province admin centers');
    await page.locator('qm-province-admin [data-testid=new-code]').fill('X-PHU-HUU');
    await page.locator('qm-province-admin [data-testid=new-name]').fill('Xã Phú Hữu');
    await page.getByRole('button', { name: 'Thêm trung tâm' }).click();
    await page.locator('qm-province-admin [data-testid=code-box]').waitFor();
    await expectNone(page, 'province admin, the one-time code');
    await page.locator('qm-province-admin tr[data-center="TTHCC"] [data-testid=revoke]').click();
    await page.getByRole('dialog').waitFor();
    await expectNone(page, 'province admin, the revoke dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Hủy' }).click();
    await page.goto(`${hubUrl}/province/#/admin/publish`);
    await page.locator('qm-province-publish tr[data-version]').first().waitFor();
    await expectNone(page, 'province admin publish');
    await page.getByRole('button', { name: 'Gửi dòng thông báo' }).click();
    await page.locator('qm-province-publish [data-testid=notice-error]').waitFor();
    await expectNone(page, 'province admin publish, a refusal');
    await page.goto(`${hubUrl}/province/#/admin/accounts`);
    await page.locator('qm-province-accounts tr[data-username="director"]').waitFor();
    await expectNone(page, 'province admin accounts');
    await page.locator('qm-province-accounts [data-testid=acc-username]').fill('lanhdao-so');
    await page.locator('qm-province-accounts [data-testid=acc-name]').fill('Phó Giám đốc Sở Nội vụ');
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await page.locator('qm-province-accounts [data-testid=password-box]').waitFor();
    await expectNone(page, 'province admin accounts, a temporary password');
    const temporary = await page.locator('qm-province-accounts [data-testid=temporary-password]').inputValue();
    const other = await newPage(DISPLAY);
    await other.goto(`${hubUrl}/province/`);
    await other.getByLabel('Tên đăng nhập').fill('lanhdao-so');
    await other.getByLabel('Mật khẩu').fill(temporary);
    await other.getByRole('button', { name: 'Đăng nhập' }).click();
    await other.locator('qm-province-password form').waitFor();
    await expectNone(other, 'province new password at first sign-in');
  });
});
