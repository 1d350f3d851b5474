/**
 * Known devices in real Chromium against the real server: a kiosk asks on /pair/, an admin approves its code on
 * the console's Devices screen, the kiosk opens its page and prints; the admin revokes it and it stops printing;
 * an unpaired rating tablet says so; a browser that is not a kiosk takes a number without paper. Screenshots of
 * the Devices screen (1366×768) and of /pair/ on a portrait kiosk (1080×1920) go to SCREENSHOT_DIR.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { DeviceListReply, DeviceSelf } from '../../protocol/devices';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-shots-'));
const PORTRAIT = { width: 1080, height: 1920 };

let t: TestApp;
let browser: Browser;
let adminCookie: string;
let admin: Page;
let kiosk: Page;
const contexts: BrowserContext[] = [];

async function newPage(viewport: { width: number; height: number }): Promise<Page> {
  const context = await browser.newContext({ viewport, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  contexts.push(context);
  return context.newPage();
}

const devices = async () => (await t.app.inject({ method: 'GET', url: '/api/devices', headers: { cookie: adminCookie } })).json() as DeviceListReply;

async function setAutoApprove(autoApprove: boolean) {
  const res = await t.app.inject({ method: 'PUT', url: '/api/devices/auto-approve', headers: { cookie: adminCookie }, payload: { autoApprove } });
  expect(res.statusCode).toBe(200);
}

/** A device asking to pair as a non-browser client would (the devices listed beside the one under test). */
async function pairRequest(kind: string, counterNumber?: number): Promise<DeviceSelf> {
  const res = await t.app.inject({ method: 'POST', url: '/api/devices/pair', payload: counterNumber === undefined ? { kind } : { kind, counterNumber }, headers: { 'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/131 Safari/537.36' } });
  expect(res.statusCode).toBe(201);
  return res.json();
}

async function approve(code: string, body: Record<string, unknown>) {
  const res = await t.app.inject({ method: 'POST', url: '/api/devices/approve', headers: { cookie: adminCookie }, payload: { code, ...body } });
  expect(res.statusCode, res.body).toBe(200);
}

beforeAll(async () => {
  t = await createTestApp();
  await t.listen();
  adminCookie = await loginCookie(t.app, 'admin');
  // A production center: new devices wait for an admin.
  await setAutoApprove(false);
  browser = await launchBrowser();
  admin = await newPage({ width: 1366, height: 768 });
  await admin.goto(`${hallUrl(t.url)}/console/#/admin/devices`);
  await admin.fill('qm-login input[name=username]', 'admin');
  await admin.fill('qm-login input[name=password]', 'demo');
  await admin.click('qm-login button');
  await admin.locator('qm-admin-devices [data-testid=devices-pending]').waitFor();
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => undefined);
  await browser?.close();
  await t?.destroy();
});

describe('devices', () => {
  it('a kiosk asks on /pair/, the admin approves its code in the console, and the kiosk opens its page and prints', async () => {
    // Devices already known, so the screen shows what a center's looks like.
    const hall = await pairRequest('hall-display');
    await approve(hall.code!, { name: 'Màn hình sảnh tầng 1', kind: 'hall-display' });
    const rating = await pairRequest('rating', 2);
    await approve(rating.code!, { name: 'Máy đánh giá quầy 2', kind: 'rating', counterId: '2' });

    kiosk = await newPage(PORTRAIT);
    await kiosk.goto(`${hallUrl(t.url)}/pair/`);
    await kiosk.locator('qm-pair-page input[name=kind][value=kiosk]').check();
    await kiosk.screenshot({ path: join(dir, 'pair-choose-portrait.png') });
    await kiosk.getByRole('button', { name: 'Xin ghép' }).click();
    const codeText = (await kiosk.locator('[data-testid=pairing-code]').textContent())!;
    expect(codeText).toMatch(/^\d{3}\u00a0\d{3}$/);
    expect(await kiosk.locator('qm-pair-page .instruction').textContent()).toContain('Quản trị viên nhập mã này trong Bảng điều khiển › Thiết bị');
    // The code fills the portrait screen's width without spilling over it.
    const box = (await kiosk.locator('[data-testid=pairing-code]').boundingBox())!;
    expect(box.width).toBeGreaterThan(400);
    expect(box.x + box.width).toBeLessThanOrEqual(PORTRAIT.width);
    await kiosk.screenshot({ path: join(dir, 'pair-code-portrait.png') });

    // A counter display waiting too, for the screenshot's pending list.
    await pairRequest('counter-display', 3);
    const pending = admin.locator(`qm-admin-devices tr[data-code="${codeText.replace(/\D/g, '')}"]`);
    await pending.waitFor({ timeout: 10_000 });
    await admin.waitForTimeout(300);
    await admin.screenshot({ path: join(dir, 'console-devices.png') });

    await pending.getByRole('button', { name: 'Duyệt mã này' }).click();
    const form = admin.locator('qm-device-form');
    expect(await form.locator('input[name=code]').inputValue()).toBe(codeText.replace('\u00a0', ' '));
    await form.locator('input[name=name]').fill('Ki-ốt sảnh chính');
    expect(await form.locator('select[name=printerId]').inputValue()).toBe('main');
    await form.getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => admin.locator('[data-testid=devices-message]').textContent()).toContain('Đã duyệt thiết bị “Ki-ốt sảnh chính”');
    await expect.poll(() => admin.locator('[data-testid=devices-active]').textContent()).toContain('Ki-ốt sảnh chính');

    // The kiosk learns it within a poll, says who it became, and opens the kiosk page.
    await kiosk.waitForURL(/\/kiosk\/$/, { timeout: 15_000 });
    await kiosk.locator('qm-service-grid button[data-service="svc-hotich"]').click();
    await kiosk.locator('[data-testid=ticket-number]').waitFor();
    await expect.poll(() => kiosk.locator('[data-testid=print-message]').textContent()).toMatch(/Đang in phiếu|Đã in phiếu/);
    const kioskDevice = (await devices()).devices.find((d) => d.name === 'Ki-ốt sảnh chính')!;
    expect(kioskDevice).toMatchObject({ status: 'active', kind: 'kiosk', printerId: 'main' });
    expect(kioskDevice.lastSeenAt).not.toBeNull();
  });

  it('the admin renames a device, and a wrong code is refused in the server’s words', async () => {
    await admin.locator('[data-testid=devices-active] tr', { hasText: 'Màn hình sảnh tầng 1' }).getByRole('button', { name: 'Sửa' }).click();
    const form = admin.locator('qm-device-form');
    expect(await admin.locator('#device-form-title').textContent()).toContain('Sửa thiết bị: Màn hình sảnh tầng 1');
    expect(await form.locator('input[name=code]').count()).toBe(0);
    await form.locator('input[name=name]').fill('Màn hình sảnh chờ');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => admin.locator('[data-testid=devices-message]').textContent()).toContain('Đã lưu thiết bị “Màn hình sảnh chờ”');
    await expect.poll(() => admin.locator('[data-testid=devices-active]').textContent()).toContain('Màn hình sảnh chờ');

    await form.locator('input[name=code]').fill('000 000');
    await form.locator('input[name=name]').fill('Ki-ốt lạ');
    await form.getByRole('button', { name: 'Duyệt' }).click();
    await expect.poll(() => admin.locator('[data-testid=devices-message]').textContent()).toContain('Mã ghép không đúng hoặc đã hết hạn.');
    // Checked before sending: five digits are no code.
    await form.locator('input[name=code]').fill('12345');
    await form.getByRole('button', { name: 'Duyệt' }).click();
    expect(await form.locator('[role=alert]').textContent()).toContain('Mã ghép gồm đúng 6 chữ số');
  });

  it('the admin revokes the kiosk from the console: it stops printing and /pair/ says it was revoked', async () => {
    admin.once('dialog', (d) => void d.accept());
    await admin.locator('[data-testid=devices-active] tr', { hasText: 'Ki-ốt sảnh chính' }).getByRole('button', { name: 'Thu hồi' }).click();
    await expect.poll(() => admin.locator('[data-testid=devices-message]').textContent()).toContain('Đã thu hồi thiết bị “Ki-ốt sảnh chính”');
    await admin.locator('[data-testid=devices-revoked] summary').click();
    expect(await admin.locator('[data-testid=devices-revoked]').textContent()).toContain('Ki-ốt sảnh chính');
    expect(await admin.locator('[data-testid=devices-active]').textContent()).not.toContain('Ki-ốt sảnh chính');

    await kiosk.goto(`${hallUrl(t.url)}/kiosk/`);
    await kiosk.locator('qm-service-grid button[data-service="svc-hotich"]').click();
    await expect.poll(() => kiosk.locator('[data-testid=print-message]').textContent()).toContain('không in ra giấy');

    await kiosk.goto(`${hallUrl(t.url)}/pair/`);
    await kiosk.locator('[data-testid=pair-revoked]').waitFor();
    expect(await kiosk.locator('[data-testid=pair-revoked]').textContent()).toContain('đã bị thu hồi');
    await kiosk.getByRole('button', { name: 'Xin ghép lại' }).click();
    expect(await kiosk.locator('qm-pair-page input[name=kind][value=kiosk]').isChecked()).toBe(true);
  });

  it('an unpaired rating tablet says so and links to /pair/ instead of asking for ratings', async () => {
    const tablet = await newPage({ width: 1280, height: 800 });
    await tablet.goto(`${hallUrl(t.url)}/rate/counter/3`);
    const notice = tablet.locator('[data-testid=rating-unpaired]');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('Máy này chưa được ghép');
    expect(await notice.locator('a').getAttribute('href')).toBe('/pair/?kind=rating&counter=3');
    expect(await tablet.locator('button.face').count()).toBe(0);
    await tablet.screenshot({ path: join(dir, 'console-rating-unpaired.png') });
    // The link opens the pairing page with the tablet's kind and counter chosen.
    await notice.locator('a').click();
    await tablet.locator('qm-pair-page input[name=kind][value=rating]').waitFor();
    expect(await tablet.locator('qm-pair-page input[name=kind][value=rating]').isChecked()).toBe(true);
    expect(await tablet.locator('qm-pair-page input[name=counter]').inputValue()).toBe('3');
  });

  it('a browser that is not a kiosk takes a number that is not printed, with the QR and the phone link up front', async () => {
    const phone = await newPage(PORTRAIT);
    await phone.goto(`${hallUrl(t.url)}/kiosk/`);
    await phone.locator('qm-service-grid button[data-service="svc-chungthuc"]').click();
    await phone.locator('[data-testid=ticket-number]').waitFor();
    const message = phone.locator('[data-testid=print-message]');
    expect(await message.textContent()).toContain('không in ra giấy vì máy này không phải ki-ốt');
    expect(await message.getAttribute('data-problem')).toBe('false');
    const link = phone.locator('[data-testid=phone-link]');
    expect(await link.getAttribute('href')).toMatch(/\/t\/[A-Za-z0-9_-]+$/);
    // On screen without scrolling, with the QR.
    const box = (await link.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(PORTRAIT.height);
    await phone.locator('qm-qr-code').waitFor();
    await phone.screenshot({ path: join(dir, 'kiosk-ticket-not-kiosk-portrait.png') });
  });

  it('a demo center that approves devices by itself pairs its kiosk, displays and tablet silently', async () => {
    await setAutoApprove(true);
    const before = (await devices()).devices.filter((d) => d.status === 'active').length;
    const page = await newPage(PORTRAIT);
    await page.goto(`${hallUrl(t.url)}/kiosk/`);
    await page.locator('qm-service-grid button[data-service="svc-hotich"]').click();
    await expect.poll(() => page.locator('[data-testid=print-message]').textContent()).toMatch(/Đang in phiếu|Đã in phiếu/);
    const tablet = await newPage({ width: 1280, height: 800 });
    await tablet.goto(`${hallUrl(t.url)}/rate/counter/4`);
    await tablet.locator('qm-rating-tablet .idle h1').waitFor();
    expect(await tablet.locator('[data-testid=rating-unpaired]').count()).toBe(0);
    const display = await newPage({ width: 1920, height: 1080 });
    await display.goto(`${hallUrl(t.url)}/display/`);
    await expect.poll(async () => (await devices()).devices.filter((d) => d.status === 'active').length).toBe(before + 3);
    const kinds = (await devices()).devices.filter((d) => d.status === 'active').map((d) => `${d.kind}:${d.counterNumber ?? ''}`);
    expect(kinds).toEqual(expect.arrayContaining(['kiosk:', 'rating:4', 'hall-display:']));
  });
});
