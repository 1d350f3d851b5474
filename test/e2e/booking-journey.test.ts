/**
 * The booking journey in real Chromium, pages at the hall's LAN name: a citizen books on a phone-sized /book/ page,
 * checks in at the kiosk by typing the code, is called from the API and sees the call on the hall display. Then the
 * kiosk's other ways in: a scanner's burst of the booking QR, a walk-in's CCCD burst giving the elderly priority, a
 * check-in too early (the server's message and a normal ticket of the same service), and a check-in whose answer is
 * lost while the server goes down and comes back (exactly one ticket). Screenshots of each screen.
 *
 * The server lives on the tests' Monday 23/11/2026 from 09:00 on a clock moved by hand, so the slot times are known.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser, loopbackUrl } from '../helpers/browser';
import { FakeClock, TEST_DAY_START } from '../helpers/clock';
import { openKiosk, portOf } from '../kiosk/e2e-helpers';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SHOTS = 'docs/screenshots';
const PHONE = { width: 390, height: 844 };
const MINUTE = 60_000;
const ENV = { APPOINTMENT_REQUESTS_PER_HOUR: '1000000' };
/** Made-up CCCD numbers and cards of the real shape (no real person). */
const ID_A = '001190012345';
const ID_B = '079285001122';
const ID_C = '031096004455';
const ID_D = '001170006789';
const ELDERLY_CARD = '001150001234||Nguyen Van Tho|02031950|Nam|So 5 Hang Bac, Hoan Kiem, Ha Noi|10052021';

const clock = new FakeClock(TEST_DAY_START);
let t: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const extraApps: TestApp[] = [];

const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return TEST_DAY_START + ((h - 9) * 60 + m) * MINUTE;
};
const count = (app: TestApp, sql: string, ...args: unknown[]) => app.app.db.prepare(sql).pluck().get(...args) as number;

async function bookApi(idNumber: string, time: string, serviceId = 'svc-hotich'): Promise<string> {
  const res = await t.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId, date: '2026-11-23', time, idNumber } });
  expect(res.statusCode).toBe(201);
  return res.json().code as string;
}

async function kiosk(): Promise<Page> {
  const { context, page } = await openKiosk(browser, t.url);
  contexts.push(context);
  return page;
}

/** axe-core on the whole page (open shadow roots included): no critical, serious or moderate violation. */
async function expectAxeClean(page: Page, name: string): Promise<void> {
  await page.evaluate(AXE_SOURCE);
  const failing = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(c: Document, o: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ['violations'] });
    return r.violations.filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? '')).map((v) => `${v.impact} ${v.id} ${JSON.stringify(v.nodes.map((n) => n.target))}`);
  });
  expect(failing, name).toEqual([]);
}

/**
 * A USB scanner in keyboard mode: the text's keys and Enter as one burst of keydown events, as the page receives
 * them (sent in the page, because the test's own keystrokes through the browser's protocol come too slowly and too
 * unevenly to pass for a scanner).
 */
async function scan(page: Page, text: string) {
  await page.evaluate((s) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...s, 'Enter']) target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
  }, text);
}

async function typeOnKeyboard(page: Page, code: string) {
  for (const ch of code) await page.locator(`qm-check-in qm-onscreen-keyboard button[data-key="${ch}"]`).tap();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  t = await createTestApp({ clock, env: ENV });
  await t.listen();
  browser = await launchBrowser();
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  for (const a of extraApps) await a.destroy();
  await t?.destroy();
});

describe('booking journey', () => {
  let code = '';

  it('books on a phone: a service, a day and a slot with its places, the ID number, then the code, its QR, the window and cancel', async () => {
    clock.ms = at('09:00');
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    contexts.push(context);
    const phone = await context.newPage();
    await phone.goto(`${hallUrl(t.url)}/book/`);
    await phone.locator('qm-book button.service[data-service="svc-hotich"]').waitFor();
    expect(await phone.locator('h1').innerText()).toBe('Đặt lịch hẹn');
    await expectAxeClean(phone, 'book: services');
    await phone.screenshot({ path: `${SHOTS}/book-choose.png` });

    const before = (await t.app.inject({ method: 'GET', url: '/api/appointments/slots?serviceId=svc-hotich&date=2026-11-23' })).json() as { time: string; free: number }[];
    const first = before[0];
    expect(first.time).toBe('09:30');
    await phone.locator('button.service[data-service="svc-hotich"]').tap();
    // Today is chosen by itself (the first day with places) and its slots show their free places.
    const slot = phone.locator('button.slot[data-time="09:30"]');
    await slot.waitFor();
    expect(await phone.locator('button.day[data-day="2026-11-23"]').getAttribute('aria-pressed')).toBe('true');
    expect(await phone.locator('button.day').count()).toBe(7);
    expect(await slot.innerText()).toContain(`còn ${first.free} chỗ`);
    await slot.tap();
    await expectAxeClean(phone, 'book: slots');
    await phone.screenshot({ path: `${SHOTS}/book-slots.png` });

    await phone.locator('[data-testid="to-details"]').tap();
    // The privacy note states the purge from the server's settings.
    await expect(phone.locator('.privacy').innerText()).resolves.toContain('30 ngày sau ngày hẹn');
    await phone.getByLabel('Số căn cước công dân (12 chữ số)').fill('12345');
    await phone.locator('[data-testid="book-submit"]').tap();
    await expect(phone.locator('[data-testid="book-error"]').innerText()).resolves.toBe('Số căn cước phải gồm đúng 12 chữ số.');
    await phone.getByLabel('Số căn cước công dân (12 chữ số)').fill(ID_A);
    await phone.getByLabel('Số điện thoại (không bắt buộc)').fill('0912345678');
    await expectAxeClean(phone, 'book: details');
    await phone.locator('[data-testid="book-submit"]').tap();

    const codeEl = phone.locator('[data-testid="booking-code"]');
    await codeEl.waitFor();
    code = await codeEl.innerText();
    expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
    expect(await phone.locator('[data-testid="booking-time"]').innerText()).toBe('09:30');
    expect(await phone.locator('[data-testid="booking-window"]').innerText()).toBe('từ 09:15 đến 09:45');
    expect(await phone.locator('qm-qr-code svg').getAttribute('aria-label')).toBe(`Mã QR của lịch hẹn ${code}`);
    await expectAxeClean(phone, 'book: confirmation');
    await phone.screenshot({ path: `${SHOTS}/book-confirmation.png`, fullPage: true });

    // One place fewer, the booking kept without the ID number.
    const after = (await t.app.inject({ method: 'GET', url: '/api/appointments/slots?serviceId=svc-hotich&date=2026-11-23' })).json() as { time: string; free: number }[];
    expect(after[0]).toEqual({ time: '09:30', free: first.free - 1 });
    expect(count(t, "SELECT COUNT(*) FROM appointments WHERE code = ? AND status = 'booked'", code)).toBe(1);
    expect(JSON.stringify(t.app.db.prepare('SELECT * FROM appointments').all())).not.toContain(ID_A);

    // The same person again in the same field: the server's own refusal, shown as it says it.
    await phone.getByRole('button', { name: 'Đặt lịch khác' }).tap();
    await phone.locator('button.service[data-service="svc-hotich"]').tap();
    await phone.locator('button.slot[data-time="10:00"]').tap();
    await phone.locator('[data-testid="to-details"]').tap();
    await phone.getByLabel('Số căn cước công dân (12 chữ số)').fill(ID_A);
    await phone.locator('[data-testid="book-submit"]').tap();
    await expect(phone.locator('[data-testid="book-error"]').innerText()).resolves.toMatch(/^Mỗi công dân được đặt tối đa/);

    // English on the switch, the server's refusals too.
    await phone.getByRole('button', { name: 'EN' }).tap();
    await phone.locator('[data-testid="book-submit"]').tap();
    await expect(phone.locator('h1').innerText()).resolves.toBe('Book an appointment');
    await expect(phone.locator('[data-testid="book-error"]').innerText()).resolves.not.toMatch(/Mỗi công dân/);
  });

  it('a booking whose answer is lost is asked again with the same key, and the page shows the one code made', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN' });
    contexts.push(context);
    const phone = await context.newPage();
    const keys: string[] = [];
    await phone.route('**/api/appointments', async (route) => {
      if (route.request().method() !== 'POST') return route.fallback();
      keys.push(route.request().headers()['idempotency-key']);
      if (keys.length > 1) return route.fallback();
      const { origin: _origin, ...headers } = route.request().headers();
      const res = await route.fetch({ url: loopbackUrl(route.request().url()), headers });
      expect(res.status()).toBe(201);
      await route.abort('connectionreset');
    });
    await phone.goto(`${hallUrl(t.url)}/book/`);
    await phone.locator('button.service[data-service="svc-cutru"]').tap();
    await phone.locator('button.slot[data-time="14:00"]').tap();
    await phone.locator('[data-testid="to-details"]').tap();
    await phone.getByLabel('Số căn cước công dân (12 chữ số)').fill('079285009999');
    await phone.locator('[data-testid="book-submit"]').tap();
    const shown = await phone.locator('[data-testid="booking-code"]').innerText();
    expect(keys.length).toBe(2);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[0]).toMatch(/^k[0-9a-f]{32}$/);
    expect(t.app.db.prepare("SELECT code FROM appointments WHERE service_id = 'svc-cutru'").pluck().all()).toEqual([shown]);
  });

  it('a booking is cancelled from its page after a confirmation, and its place is free again', async () => {
    const context = await browser.newContext({ viewport: PHONE, hasTouch: true, isMobile: true, locale: 'vi-VN' });
    contexts.push(context);
    const phone = await context.newPage();
    await phone.goto(`${hallUrl(t.url)}/book/`);
    await phone.locator('button.service[data-service="svc-chungthuc"]').tap();
    await phone.locator('button.slot[data-time="11:00"]').tap();
    await phone.locator('[data-testid="to-details"]').tap();
    await phone.getByLabel('Số căn cước công dân (12 chữ số)').fill(ID_D);
    await phone.locator('[data-testid="book-submit"]').tap();
    const mine = await phone.locator('[data-testid="booking-code"]').innerText();
    await phone.locator('[data-testid="cancel"]').tap();
    await expect(phone.getByRole('alertdialog').innerText()).resolves.toContain(`Huỷ lịch hẹn ${mine}?`);
    expect(count(t, "SELECT COUNT(*) FROM appointments WHERE code = ? AND status = 'booked'", mine)).toBe(1);
    await phone.locator('[data-testid="cancel-yes"]').tap();
    await expect(phone.locator('[data-testid="book-cancelled"]').innerText()).resolves.toBe(`Đã huỷ lịch hẹn ${mine}.`);
    expect(count(t, "SELECT COUNT(*) FROM appointments WHERE code = ? AND status = 'cancelled'", mine)).toBe(1);
  });

  it('checks in at the kiosk by typing the code; the ticket is called at its slot and the hall display shows it', async () => {
    clock.ms = at('09:20');
    const page = await kiosk();
    await page.screenshot({ path: `${SHOTS}/kiosk-checkin-home.png` });
    await page.locator('[data-testid="check-in-open"]').tap();
    await page.locator('qm-check-in').waitFor();
    await expectAxeClean(page, 'kiosk: check-in');
    await typeOnKeyboard(page, code.slice(0, 4));
    expect(await page.locator('[data-testid="check-in-submit"]').isDisabled()).toBe(true);
    await typeOnKeyboard(page, code.slice(4));
    expect(await page.locator('[data-testid="check-in-code"]').getAttribute('data-code')).toBe(code);
    await page.screenshot({ path: `${SHOTS}/kiosk-checkin-code.png` });
    await page.locator('[data-testid="check-in-submit"]').tap();

    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    const issued = await number.innerText();
    expect(issued).toBe('A001');
    expect(await page.locator('[data-testid="booked-for"]').innerText()).toBe('Lịch hẹn lúc 09:30: bạn sẽ được gọi từ giờ này.');
    // Read aloud like any ticket.
    await page.waitForFunction((n) => (window.__qmKioskVoiceLog ?? []).some((e) => e.event === 'request' && e.line === 'issued' && e.text.includes(n)), issued);
    await page.screenshot({ path: `${SHOTS}/kiosk-checkin-ticket.png` });
    expect(t.app.db.prepare('SELECT status FROM appointments WHERE code = ?').pluck().get(code)).toBe('checked-in');

    const display = await (async () => {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
      contexts.push(context);
      const p = await context.newPage();
      await p.goto(`${hallUrl(t.url)}/display/`);
      return p;
    })();
    await display.locator('[data-service="svc-hotich"]').first().waitFor();
    const cookie = await loginCookie(t.app, 'staff1');
    // Before its slot the booked ticket waits; at 09:30 it is called.
    const early = await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie }, payload: {} });
    expect(early.json().code).toBe('QUEUE_EMPTY');
    clock.ms = at('09:31');
    const called = await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie }, payload: {} });
    expect(called.statusCode).toBe(200);
    expect(called.json().ticket.number).toBe(issued);
    await display.locator(`[data-testid=spotlight][data-ticket="${issued}"][data-counter="1"]`).waitFor({ timeout: 20_000 });
  });

  it('a scanner burst of the booking QR checks in from the home screen', async () => {
    clock.ms = at('09:50');
    const scanned = await bookApi(ID_B, '10:00');
    const page = await kiosk();
    await scan(page, scanned.toLowerCase());
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    expect(await number.innerText()).toBe('A002');
    expect(t.app.db.prepare('SELECT status FROM appointments WHERE code = ?').pluck().get(scanned)).toBe('checked-in');
  });

  it('a CCCD burst on the home screen takes a walk-in to the services, and the ticket has the elderly priority', async () => {
    const page = await kiosk();
    const tickets = count(t, 'SELECT COUNT(*) FROM tickets');
    await scan(page, ELDERLY_CARD);
    await page.getByText('Đã đọc thẻ căn cước').waitFor();
    // The kiosk asks for the field aloud, as after a priority group.
    await page.waitForFunction(() => (window.__qmKioskVoiceLog ?? []).some((e) => e.event === 'request' && e.line === 'choose-field'));
    // The card alone issues nothing: the citizen chooses the service.
    expect(count(t, 'SELECT COUNT(*) FROM tickets')).toBe(tickets);
    await page.locator('qm-service-grid button[data-service="svc-chungthuc"]').tap();
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    const n = await number.innerText();
    expect(t.app.db.prepare('SELECT priority_id FROM tickets WHERE number = ? AND service_id = ?').pluck().get(n, 'svc-chungthuc')).toBe('pri-elderly');
    // Nothing of the card in the database.
    expect(JSON.stringify(t.app.db.prepare('SELECT * FROM tickets').all())).not.toContain('001150001234');
  });

  it('too early: the server’s message and a normal ticket of the booking’s service', async () => {
    clock.ms = at('09:50');
    const later = await bookApi(ID_C, '11:00', 'svc-chungthuc');
    const page = await kiosk();
    await page.locator('[data-testid="check-in-open"]').tap();
    await typeOnKeyboard(page, later);
    await page.locator('[data-testid="check-in-submit"]').tap();
    const refused = page.locator('[data-testid="check-in-refused"]');
    await refused.waitFor();
    await expect(refused.innerText()).resolves.toContain('bạn có thể xác nhận từ 10:45 đến 11:15');
    const offer = page.locator('[data-testid="check-in-normal-ticket"]');
    await expect(offer.innerText()).resolves.toContain('Lấy số thường: Chứng thực');
    await expectAxeClean(page, 'kiosk: check-in too early');
    await page.screenshot({ path: `${SHOTS}/kiosk-checkin-early.png` });
    await offer.tap();
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    const n = await number.innerText();
    expect(t.app.db.prepare('SELECT slot_at FROM tickets WHERE number = ? AND service_id = ?').get(n, 'svc-chungthuc')).toEqual({ slot_at: null });
    expect(t.app.db.prepare('SELECT status FROM appointments WHERE code = ?').pluck().get(later)).toBe('booked');
  });

  it("a CCCD scanned on the check-in screen checks in that person's booking of today", async () => {
    clock.ms = at('09:55');
    const card = '031096004466||Tran Thi Binh|15081996|Nu|12 Le Loi, Quan 1, TP Ho Chi Minh|20042021';
    const booked = await bookApi('031096004466', '10:00', 'svc-xaydung');
    const page = await kiosk();
    await page.locator('[data-testid="check-in-open"]').tap();
    await page.locator('qm-check-in').waitFor();
    await scan(page, card);
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    expect(await page.locator('[data-testid="booked-for"]').innerText()).toContain('10:00');
    expect(t.app.db.prepare('SELECT status FROM appointments WHERE code = ?').pluck().get(booked)).toBe('checked-in');
  });

  it('the large-text mode holds on the check-in screen, and idleness returns it home', async () => {
    const { context, page } = await openKiosk(browser, t.url, undefined, 'kiosk=K1&idle=3');
    contexts.push(context);
    await page.locator('[data-testid="text-size"]').tap();
    await page.locator('[data-testid="check-in-open"]').tap();
    const key = page.locator('qm-check-in qm-onscreen-keyboard button[data-key="A"]');
    const size = (sel: string) => page.locator(sel).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    const large = await size('qm-check-in h2');
    await page.locator('[data-testid="text-size"]').tap();
    expect(await size('qm-check-in h2')).toBeLessThan(large);
    await key.tap();
    await page.locator('[data-testid="check-in-open"]').waitFor({ timeout: 20_000 });
    expect(await page.locator('qm-check-in').count()).toBe(0);
  });
});

describe('check-in while the link to the server drops', () => {
  it('the answer lost, the server down and back: the retries reuse the code and the kiosk gets the one ticket', async () => {
    clock.ms = at('10:20');
    const dataDir = t.dataDir;
    const cut = await bookApi('001192001111', '10:30');
    const page = await kiosk();
    let first = true;
    let committed: string | null = null;
    await page.route('**/api/appointments/*/check-in', async (route) => {
      if (!first) return route.fallback();
      first = false;
      // The server commits the check-in, then the link goes: the kiosk never hears the answer.
      // From the test process, as the page's request but without its Origin (Node is not at the hall's name).
      const { origin: _origin, ...headers } = route.request().headers();
      const res = await route.fetch({ url: loopbackUrl(route.request().url()), headers });
      expect(res.status()).toBe(201);
      committed = (await res.json()).number;
      await t.close();
      await route.abort('connectionreset');
    });
    await page.locator('[data-testid="check-in-open"]').tap();
    await typeOnKeyboard(page, cut);
    await page.locator('[data-testid="check-in-submit"]').tap();
    await page.getByText('Đang thử lại').waitFor();
    await page.locator('[data-testid="offline"]').waitFor();
    expect(committed).not.toBeNull();

    const back = await createTestApp({ clock, dataDir, env: ENV });
    await back.app.listen({ port: portOf(t.url), host: '127.0.0.1' });
    back.url = t.url;
    extraApps.push(back);
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor({ timeout: 40_000 });
    expect(await number.innerText()).toBe(committed);
    expect(count(back, 'SELECT COUNT(*) FROM tickets WHERE slot_at = ?', at('10:30'))).toBe(1);
    expect(back.app.db.prepare('SELECT status FROM appointments WHERE code = ?').pluck().get(cut)).toBe('checked-in');
  });
});
