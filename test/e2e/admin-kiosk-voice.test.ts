/**
 * The admin's side of the kiosk's voice in real Chromium: the kiosk's speaker, volume and layout in the center
 * settings (saved to the queue), the service prefixes the center's voice region would confuse, and the
 * Vietnamese warning when a service is saved with such a prefix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';

let t: TestApp;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  t = await createTestApp();
  await t.listen();
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })).newPage();
  await page.goto(`${hallUrl(t.url)}/console/#/admin/center`);
  await page.fill('qm-login input[name=username]', 'admin');
  await page.fill('qm-login input[name=password]', 'demo');
  await page.click('qm-login button');
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('the kiosk’s voice in the admin console', () => {
  it('edits the kiosk’s speaker, volume and layout, and says which prefixes the region would confuse', async () => {
    const form = page.locator('qm-admin-center form').first();
    const volume = form.locator('input[name=kioskVolume]');
    await volume.waitFor();
    expect(await form.locator('input[name=kioskVoice]').isChecked()).toBe(true);
    expect(await volume.inputValue()).toBe('80');
    const layout = form.locator('select[name=kioskLayout]');
    expect(await layout.inputValue()).toBe('standard');
    expect(await layout.locator('option').allTextContents()).toEqual(['Chuẩn', 'Ưu tiên người cao tuổi lên đầu']);
    await expect(form.innerText()).resolves.toContain('Âm lượng loa kiosk (0–100)');

    // The demo center (North) has D (Xây dựng) and G (Bảo trợ xã hội): alike by the letters' names.
    const clashes = form.locator('[data-testid=prefix-clashes]');
    await expect(clashes.innerText()).resolves.toBe(
      'Theo giọng miền Bắc, các tiền tố sau dễ nghe nhầm: D (Xây dựng) – G (Bảo trợ xã hội – Người có công): tên chữ cái đọc giống nhau; loa đọc “dê” – “gờ” để phân biệt. Nên đổi chữ cái của một trong hai dịch vụ.',
    );
    // The South hears V like D and G too: the note follows the region chosen, before saving.
    await form.locator('select[name=voiceVariant]').selectOption('south');
    await expect.poll(() => clashes.innerText()).toContain('Theo giọng miền Nam');

    await form.locator('select[name=voiceVariant]').selectOption('north');
    await form.locator('input[name=kioskVoice]').uncheck();
    await volume.fill('40');
    await layout.selectOption('elderly-first');
    await form.locator('button.primary').click();
    await expect.poll(() => t.app.queue.state().center.settings).toMatchObject({ kioskVoice: false, kioskVolume: 40, kioskLayout: 'elderly-first', voiceVariant: 'north' });
    const center = (await t.app.inject({ url: '/api/center' })).json();
    expect(center).toMatchObject({ kioskVoice: false, kioskVolume: 40, kioskLayout: 'elderly-first' });
  });

  it('warns in Vietnamese when a service is saved with a prefix that sounds like another’s, and saves it', async () => {
    await page.goto(`${hallUrl(t.url)}/console/#/admin/services`);
    const row = page.locator('qm-admin-table tr[data-id="svc-baotro"]');
    await row.locator('button', { hasText: 'Sửa' }).click();
    const table = page.locator('qm-admin-table');
    await table.locator('form input[name=name]').fill('Bảo trợ xã hội');
    await table.locator('form button.primary').click();
    const warning = table.locator('[data-testid=admin-warnings]');
    await warning.waitFor();
    await expect(warning.innerText()).resolves.toContain('Đã lưu, nhưng cần lưu ý:');
    await expect(warning.locator('li').innerText()).resolves.toBe(
      'Lưu ý: tiền tố “G” và tiền tố “D” của dịch vụ “Xây dựng” nghe giống nhau theo giọng miền Bắc khi đọc tên chữ cái (“giê” – “dê”). Loa gọi số đọc khác nhau (“gờ” – “dê”), nhưng công dân và cán bộ vẫn dễ nhầm khi tự đọc số; nên chọn chữ cái khác.',
    );
    expect(await warning.locator('li').getAttribute('data-code')).toBe('PREFIX_NAMES_SOUND_ALIKE');
    expect(t.app.queue.state().services.get('svc-baotro')?.name).toBe('Bảo trợ xã hội');
  });
});
