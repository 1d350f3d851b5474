/**
 * The one-time password of a fresh install (SEED=none) in real Chromium: the
 * console keeps the admin on "Đổi mật khẩu" until a new password is set, then
 * lets them work; the new password is the one that signs in afterwards.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-password-shots-'));
const NEW_PASSWORD = 'Mật-khẩu-mới-2026';
let t: TestApp;
let browser: Browser;
let page: Page;
let oneTime: string;

const hash = () => page.evaluate(() => location.hash);
const error = () => page.textContent('qm-password [data-testid=password-error]');

async function login(password: string) {
  await page.fill('qm-login input[name=username]', 'admin');
  await page.fill('qm-login input[name=password]', password);
  await page.click('qm-login button');
}

async function changePassword(current: string, next: string, confirm = next) {
  await page.fill('qm-password input[name=currentPassword]', current);
  await page.fill('qm-password input[name=newPassword]', next);
  await page.fill('qm-password input[name=confirmPassword]', confirm);
  await page.click('qm-password button.primary');
}

beforeAll(async () => {
  t = await createTestApp({ env: { SEED: 'none' } });
  await t.listen();
  oneTime = t.app.seededAccounts[0].password;
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' })).newPage();
  await page.goto(`${hallUrl(t.url)}/console/#/floor`);
  await page.waitForSelector('qm-login input[name=username]');
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('one-time password', () => {
  it('sends the admin to the password screen and keeps them there', async () => {
    await login(oneTime);
    await page.waitForSelector('qm-password [data-testid=forced]');
    expect(await page.textContent('qm-password [data-testid=forced]')).toBe('Bạn đang dùng mật khẩu một lần. Vui lòng đặt mật khẩu mới trước khi tiếp tục.');
    expect(await hash()).toBe('#/password');
    // No way around it from the header: the other screens are not offered.
    expect(await page.locator('qm-console-app nav').count()).toBe(0);
    await page.screenshot({ path: join(dir, 'console-password-forced.png') });

    await page.evaluate(() => (location.hash = '#/admin/staff'));
    await expect.poll(hash).toBe('#/password');
    expect(await page.locator('qm-admin').count()).toBe(0);

    // A reload asks /api/auth/me, which still says the password must change.
    await page.goto(`${hallUrl(t.url)}/console/#/floor`);
    await page.waitForSelector('qm-password [data-testid=forced]');
    expect(await hash()).toBe('#/password');
    expect(await page.locator('qm-floor').count()).toBe(0);
  });

  it('checks the new password in the page, in Vietnamese and English', async () => {
    await changePassword(oneTime, 'ngắn');
    expect(await error()).toBe('Mật khẩu mới phải có ít nhất 8 ký tự.');
    await changePassword(oneTime, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    expect(await error()).toBe('Hai lần nhập mật khẩu mới không khớp.');
    await page.click('qm-console-app header button:has-text("English")');
    await changePassword(oneTime, NEW_PASSWORD, `${NEW_PASSWORD}!`);
    expect(await error()).toBe('The two new passwords do not match.');
    expect(await page.textContent('qm-password [data-testid=forced]')).toContain('one-time password');
    await page.click('qm-console-app header button:has-text("Tiếng Việt")');
    // Nothing reached the server: the account still has its one-time password.
    expect(t.app.db.prepare("SELECT must_change_password FROM staff WHERE username = 'admin'").pluck().get()).toBe(1);
  });

  it('refuses a wrong current password with a translated message, still signed in', async () => {
    await changePassword('không-phải-mật-khẩu', NEW_PASSWORD);
    await expect.poll(error).toBe('Mật khẩu hiện tại không đúng.');
    await page.screenshot({ path: join(dir, 'console-password-refused.png') });
    expect(await page.locator('qm-login').count()).toBe(0);
    expect(await hash()).toBe('#/password');
  });

  it('changes the password and lands on the admin’s home', async () => {
    await changePassword(oneTime, NEW_PASSWORD);
    await page.waitForSelector('qm-floor');
    expect(await hash()).toBe('#/floor');
    expect(await page.locator('qm-console-app nav a').count()).toBeGreaterThan(1);
    expect(t.app.db.prepare("SELECT must_change_password FROM staff WHERE username = 'admin'").pluck().get()).toBe(0);
    await page.evaluate(() => (location.hash = '#/admin/staff'));
    await page.waitForSelector('qm-admin');
  });

  it('signs in with the new password afterwards, not forced, and not with the old one', async () => {
    await page.click('qm-console-app header button:has-text("Đăng xuất")');
    await page.waitForSelector('qm-login input[name=username]');
    await login(oneTime);
    await page.waitForSelector('qm-login [role=alert]');
    await login(NEW_PASSWORD);
    await page.waitForSelector('qm-admin');
    expect(await hash()).toBe('#/admin/staff');
    expect(await page.locator('qm-password').count()).toBe(0);

    // The header link opens the same screen without the one-time explanation.
    await page.click('qm-console-app header a.account');
    await page.waitForSelector('qm-password input[name=currentPassword]');
    expect(await page.locator('qm-password [data-testid=forced]').count()).toBe(0);
    await page.screenshot({ path: join(dir, 'console-password.png') });
    process.stdout.write(`\n[console-password e2e] screenshots in ${dir}\n`);
  });
});
