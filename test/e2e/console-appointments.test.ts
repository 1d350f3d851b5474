/**
 * The console's appointment screens in real Chromium against the real server: the admin's booking settings
 * (saved and read back; a window the wrong way round refused with the server's translated message, nothing
 * changed), the counter console's booking line on a checked-in booked ticket (and nothing for a walk-in), and the
 * director's appointments report. Screenshots at 1366×768: console-admin-appointments.png,
 * console-counter-booking.png, console-reports-appointments.png (into SCREENSHOT_DIR).
 *
 * The server lives on the tests' Monday 23/11/2026 from 09:00 on a clock moved by hand, so the slots are known
 * whatever the day and hour the suite runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { FakeClock, TEST_DAY_START } from '../helpers/clock';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-shots-'));
const CONSOLE = { width: 1366, height: 768 };
const MINUTE = 60_000;
/** Made-up CCCD numbers of the real shape (no real person). */
const ID_A = '001190012345';
const ID_B = '079285001122';

const clock = new FakeClock(TEST_DAY_START);
let t: TestApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
let admin: string;

/** Local time on the tests' Monday (the clock starts at 09:00 there). */
const at = (hhmm: string) => {
  const [h, m] = hhmm.split(':').map(Number);
  return TEST_DAY_START + ((h! - 9) * 60 + m!) * MINUTE;
};
const settings = async () => (await t.app.inject({ method: 'GET', url: '/api/admin/appointment-settings', headers: { cookie: admin } })).json();

async function signedIn(username: string, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: CONSOLE, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  const page = await context.newPage();
  await page.goto(`${hallUrl(t.url)}/console/${hash}`);
  await page.fill('qm-login input[name=username]', username);
  await page.fill('qm-login input[name=password]', 'demo');
  await page.click('qm-login button');
  return page;
}

const text = (page: Page, selector: string) => page.locator(selector).first().innerText().then((s) => s.replace(/\s+/g, ' ').trim());

beforeAll(async () => {
  t = await createTestApp({ clock, env: { APPOINTMENT_REQUESTS_PER_HOUR: '1000000' } });
  await t.listen();
  admin = await loginCookie(t.app, 'admin');
  browser = await launchBrowser();
}, 90_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.destroy();
});

describe('Quản trị › Đặt lịch', () => {
  let page: Page;

  it('shows the settings grouped, with the services and their automatic places', async () => {
    page = await signedIn('admin', '#/admin/appointments');
    await page.locator('[data-testid=appointment-settings] input[name=horizonDays]').waitFor();
    expect(await page.inputValue('input[name=horizonDays]')).toBe('6');
    expect(await page.inputValue('input[name=windowFrom]')).toBe('08:00');
    const legends = await page.locator('qm-admin-appointments legend').allInnerTexts();
    expect(legends).toEqual(['Đặt lịch hẹn', 'Giới hạn mỗi người', 'Nhận số tại ki-ốt', 'Xếp hàng với khách vãng lai', 'Ưu tiên người cao tuổi qua CCCD', 'Dữ liệu cá nhân', 'Thông báo']);
    // Hộ tịch: empty capacity, the automatic figure beside it.
    const hotich = page.locator('[data-testid=appointment-services] tr[data-service="svc-hotich"]');
    expect(await hotich.locator('input[type=number]').inputValue()).toBe('');
    expect(await hotich.locator('[data-testid=auto-capacity]').innerText()).toMatch(/^tự động: \d+ chỗ$/);
    expect(await hotich.locator('input[type=checkbox]').isChecked()).toBe(true);
  });

  it('saves a change: the answer, a reload and the API show it', async () => {
    await page.fill('input[name=horizonDays]', '10');
    await page.check('input[name=officerSeesName]');
    await page.check('input[name=lineUp][value=slot]');
    await page.fill('[data-testid=appointment-services] tr[data-service="svc-chungthuc"] input[type=number]', '4');
    await page.uncheck('[data-testid=appointment-services] tr[data-service="svc-cutru"] input[type=checkbox]');
    await page.click('[data-testid=appointments-save]');
    await expect.poll(() => text(page, '[data-testid=appointments-message]')).toBe('Đã lưu cài đặt đặt lịch.');
    const saved = await settings();
    expect(saved).toMatchObject({ horizonDays: 10, officerSeesName: true, lineUp: 'slot', windowFrom: '08:00', windowTo: '16:00' });
    expect(saved.services['svc-chungthuc']).toMatchObject({ capacity: 4, bookable: true });
    // An empty capacity is automatic: none stored.
    expect(saved.services['svc-cutru']).toEqual({ bookable: false });
    expect(saved.services['svc-hotich']).toEqual({ bookable: true });

    await page.reload();
    await page.locator('input[name=horizonDays]').waitFor();
    expect(await page.inputValue('input[name=horizonDays]')).toBe('10');
    expect(await page.isChecked('input[name=officerSeesName]')).toBe(true);
    expect(await page.isChecked('input[name=lineUp][value=slot]')).toBe(true);
    expect(await page.inputValue('[data-testid=appointment-services] tr[data-service="svc-chungthuc"] input[type=number]')).toBe('4');
    expect(await page.isChecked('[data-testid=appointment-services] tr[data-service="svc-cutru"] input[type=checkbox]')).toBe(false);
    await page.screenshot({ path: join(dir, 'console-admin-appointments.png'), fullPage: true });
  });

  it('a window whose start is after its end: the server’s message in Vietnamese, nothing changed', async () => {
    const before = await settings();
    await page.fill('input[name=windowFrom]', '17:00');
    await page.fill('input[name=horizonDays]', '3');
    await page.click('[data-testid=appointments-save]');
    await expect.poll(() => text(page, '[data-testid=appointments-message]')).toContain('Cài đặt đặt lịch không hợp lệ');
    // …and which fields to fix, in plain words.
    expect(await text(page, '[data-testid=appointments-message]')).toContain('Giờ bắt đầu của khung giờ lấy số từ xa phải trước giờ kết thúc.');
    expect(await page.locator('[data-testid=appointments-message] .toast.error').count()).toBe(1);
    expect(await settings()).toEqual(before);
    await page.reload();
    await page.locator('input[name=horizonDays]').waitFor();
    expect(await page.inputValue('input[name=windowFrom]')).toBe('08:00');
    expect(await page.inputValue('input[name=horizonDays]')).toBe('10');
    // Back to the deadline line-up for what follows.
    await page.check('input[name=lineUp][value=deadline]');
    await page.click('[data-testid=appointments-save]');
    await expect.poll(() => text(page, '[data-testid=appointments-message]')).toBe('Đã lưu cài đặt đặt lịch.');
  });
});

describe('counter console: the booking behind the held ticket', () => {
  let page: Page;
  let code = '';

  it('a checked-in booked ticket, called at its slot: "Đặt lịch 09:30 · mã …" and the name (the center shows it)', async () => {
    clock.ms = at('09:00');
    const booked = await t.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 'svc-hotich', date: '2026-11-23', time: '09:30', idNumber: ID_A, name: 'Nguyễn Thị Lan' } });
    expect(booked.statusCode, booked.body).toBe(201);
    code = booked.json().code;
    clock.ms = at('09:20');
    const checkIn = await t.app.inject({ method: 'POST', url: `/api/appointments/${code}/check-in` });
    expect(checkIn.statusCode, checkIn.body).toBe(201);
    const ticket = checkIn.json() as { id: string; number: string };
    // Called two minutes after its slot.
    clock.ms = at('09:32');

    page = await signedIn('staff1', '#/counter');
    await page.click('qm-counter-picker button[data-counter="1"]');
    await page.locator('[data-testid=held]').waitFor();
    await expect.poll(() => text(page, '[data-service="svc-hotich"] [data-testid=waiting-count]')).toBe('1');
    await page.keyboard.press('n');
    await expect.poll(() => text(page, '[data-testid=held-number]')).toBe(ticket.number);
    await expect.poll(() => page.locator('[data-testid=held-booking]').count()).toBe(1);
    expect(await text(page, '[data-testid=held-booking]')).toBe(`Đặt lịch 09:30 · mã ${code} · Nguyễn Thị Lan`);
    await page.screenshot({ path: join(dir, 'console-counter-booking.png') });
    // Asked once for this ticket, not on every render (the screen re-renders each second).
    const asked: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('/api/appointments/by-ticket/')) asked.push(r.url());
    });
    await page.keyboard.press('s');
    await expect.poll(() => page.getAttribute('[data-testid=held]', 'data-status')).toBe('serving');
    // The service timer ticks: the screen has rendered again since.
    const serving = await text(page, '[data-testid=serving-time]');
    await expect.poll(() => text(page, '[data-testid=serving-time]')).not.toBe(serving);
    expect(asked).toEqual([]);
    expect(await text(page, '[data-testid=held-booking]')).toContain(code);
  });

  it('a walk-in: no booking line', async () => {
    clock.ms = at('09:40');
    const walkIn = (await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-hotich' } })).json() as { id: string; number: string };
    // Called 12 minutes after taking the number.
    clock.ms = at('09:52');
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/appointments/by-ticket/${walkIn.id}`));
    await page.keyboard.press('n');
    await expect.poll(() => text(page, '[data-testid=held-number]')).toBe(walkIn.number);
    expect((await answer).status()).toBe(404);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.locator('[data-testid=held-booking]').count()).toBe(0);
    await page.keyboard.press('c');
    await expect.poll(() => text(page, '[data-testid=held]')).toContain('Chưa gọi số nào');
  });
});

describe('Báo cáo › Đặt lịch', () => {
  it('the director sees the booking made and checked in, with the waits of booked and walk-in tickets', async () => {
    // A second booking, never checked in, and one cancelled.
    const other = await t.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 'svc-chungthuc', date: '2026-11-23', time: '11:00', idNumber: ID_B } });
    expect(other.statusCode, other.body).toBe(201);
    const cancelled = await t.app.inject({ method: 'POST', url: '/api/appointments', payload: { serviceId: 'svc-hotich', date: '2026-11-23', time: '14:00', idNumber: ID_B } });
    expect((await t.app.inject({ method: 'DELETE', url: `/api/appointments/${cancelled.json().code}` })).statusCode).toBe(200);

    const page = await signedIn('director', '#/reports');
    await page.locator('[data-testid=kpi-served]').waitFor();
    await page.click('[data-testid=appointments-link]');
    await page.locator('[data-testid=appointments-by-status]').waitFor();
    expect(await text(page, 'qm-reports h1')).toContain('Báo cáo đặt lịch hẹn');
    expect(await text(page, '[data-testid=report-range]')).toContain('Từ 23/11/2026 đến 23/11/2026');
    expect(await text(page, '[data-testid=kpi-bookings] strong')).toBe('3');
    expect(await text(page, '[data-testid=kpi-checked-in] strong')).toBe('1');
    expect(await text(page, '[data-testid=appointments-by-status] tr[data-status="checked-in"]')).toBe('Đã nhận số 1');
    expect(await text(page, '[data-testid=appointments-by-status] tr[data-status="booked"]')).toBe('Đã đặt, chưa nhận số 1');
    expect(await text(page, '[data-testid=appointments-by-status] tr[data-status="cancelled"]')).toBe('Đã huỷ 1');
    expect(await text(page, '[data-testid=appointments-by-service] tr[data-service="svc-hotich"]')).toBe('A · Hộ tịch 2 1 0');
    // Checked in at 09:20 for 09:30: on time.
    expect(await text(page, '[data-testid=appointments-check-ins]')).toContain('Nhận số trước hoặc đúng giờ hẹn 1');
    // Booked: called 2 minutes after its slot; the walk-in issued 09:40 and called at 09:52.
    expect(await text(page, '[data-testid=appointments-waits] tr[data-group=booked]')).toBe('Đặt lịch 1 2 phút 2 phút');
    expect(await text(page, '[data-testid=appointments-waits] tr[data-group=walk-in]')).toBe('Vãng lai 1 12 phút 12 phút');
    expect(await text(page, '[data-testid=appointments-waits] tr[data-group=after-slot]')).toBe('Đặt lịch: được gọi sau giờ hẹn 1 2 phút 2 phút');
    // The same figures as the API.
    const api = (await t.app.inject({ url: '/api/reports/appointments?from=2026-11-23&to=2026-11-23', headers: { cookie: await loginCookie(t.app, 'director') } })).json();
    expect(api.bookings.total).toBe(3);
    await page.waitForTimeout(300); // chart.js draws on the next frame
    await page.screenshot({ path: join(dir, 'console-reports-appointments.png'), fullPage: true });

    // Back to the summary: the same period.
    await page.click('[data-testid=summary-link]');
    await page.locator('[data-testid=kpi-served]').waitFor();
    expect(await text(page, '[data-testid=report-range]')).toContain('Từ 23/11/2026 đến 23/11/2026');
  });

  it('counter staff cannot open it', async () => {
    const page = await signedIn('staff2', '#/reports/appointments');
    await page.locator('qm-counter-picker, qm-counter-console [data-testid=held]').first().waitFor();
    expect(await page.locator('qm-report-appointments').count()).toBe(0);
  });
});
