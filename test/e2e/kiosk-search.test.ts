/** Procedure lookup on the kiosk: on-screen keyboard, ranked results, the procedure page and its actions. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser } from '../helpers/browser';
import type { TestApp } from '../helpers/app';
import type { ChecklistToPrint } from '../../server/plugins/printing';
import { LANDSCAPE, openKiosk, startApp, ticketCount } from '../kiosk/e2e-helpers';
import { hallUrl } from '../helpers/browser';
import { browserDeviceCookie, pairedDevice } from '../helpers/devices';

let browser: Browser;
let t: TestApp;
const printed: { checklist: ChecklistToPrint; deviceName: string }[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  t = await startApp();
  t.app.printing.printChecklist = (checklist, device) => {
    printed.push({ checklist, deviceName: device.name });
    return { state: 'queued', printerId: 'default', printerStatus: 'ok', jobId: 'j1' };
  };
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('procedure lookup', () => {
  it('"dang ky khai sinh" typed on the on-screen keyboard finds "Đăng ký khai sinh" first', async () => {
    const { context, page } = await openKiosk(browser, t.url, LANDSCAPE);
    // Only an approved kiosk prints the checklist.
    await context.addCookies([browserDeviceCookie(await pairedDevice(t.app, 'kiosk', { name: 'Ki-ốt tra cứu' }), hallUrl(t.url))]);
    await page.locator('.lookup').tap();
    for (const ch of 'dang ky khai sinh') {
      await page.locator(`qm-onscreen-keyboard button[data-key="${ch === ' ' ? 'space' : ch}"]`).tap();
    }
    expect(await page.locator('qm-procedure-search input').inputValue()).toBe('dang ky khai sinh');
    const first = page.locator('[data-testid="results"] button[data-procedure]').first();
    await page.locator('[data-testid="results"][data-for="dang ky khai sinh"]').waitFor();
    await expect(first.locator('.name').innerText()).resolves.toBe('Đăng ký khai sinh');
    // The matched words are highlighted although typed without diacritics.
    expect(await first.locator('mark').allInnerTexts()).toEqual(['Đăng', 'ký', 'khai', 'sinh']);

    await first.tap();
    const article = page.locator('qm-procedure-detail article');
    await article.waitFor();
    const text = await article.innerText();
    expect(text).toContain('1.001193');
    expect(text).toContain('Hộ tịch');
    expect(text).toContain('Giấy chứng sinh');
    expect(text).toContain('01 bản chính');
    await expect(page.getByRole('img', { name: 'Quét mã để nộp hồ sơ trực tuyến' }).count()).resolves.toBe(1);

    await page.getByRole('button', { name: 'In danh mục hồ sơ' }).tap();
    await page.locator('[data-testid="checklist-note"]').waitFor();
    expect(printed.at(-1)).toMatchObject({ deviceName: 'Ki-ốt tra cứu', checklist: { code: '1.001193', lang: 'vi' } });
    await expect(page.locator('[data-testid="checklist-note"]').innerText()).resolves.toContain('Đang in danh mục hồ sơ');

    // Back returns to the same results, not an empty search.
    await page.getByRole('button', { name: 'Quay lại' }).first().tap();
    expect(await page.locator('qm-procedure-search input').inputValue()).toBe('dang ky khai sinh');
    await context.close();
  });

  it('tone keys write Vietnamese, and browsing by field lists that field', async () => {
    const { context, page } = await openKiosk(browser, t.url);
    await page.locator('.lookup').tap();
    await page.getByRole('button', { name: 'Hộ tịch' }).first().tap();
    const results = page.locator('[data-testid="results"] button[data-procedure]');
    await results.first().waitFor();
    const fields = await results.locator('.meta').allInnerTexts();
    expect(fields.length).toBeGreaterThan(3);
    for (const f of fields) expect(f.startsWith('Hộ tịch')).toBe(true);

    for (const key of ['h', 'o', 'tone:grave', 'a']) await page.locator(`qm-onscreen-keyboard button[data-key="${key}"]`).tap();
    expect(await page.locator('qm-procedure-search input').inputValue()).toBe('hòa');
    await context.close();
  });

  it('"Lấy số cho thủ tục này" issues a ticket for the procedure’s service', async () => {
    const { context, page } = await openKiosk(browser, t.url);
    const before = ticketCount(t);
    await page.locator('.lookup').tap();
    for (const ch of 'chung thuc ban sao') await page.locator(`qm-onscreen-keyboard button[data-key="${ch === ' ' ? 'space' : ch}"]`).tap();
    await page.locator('[data-testid="results"][data-for="chung thuc ban sao"]').waitFor();
    const first = page.locator('[data-testid="results"] button[data-procedure]').first();
    await first.waitFor();
    await first.tap();
    await page.getByRole('button', { name: 'Lấy số cho thủ tục này' }).tap();
    const number = page.locator('[data-testid="ticket-number"]');
    await number.waitFor();
    expect(await number.innerText()).toMatch(/^B\d{3}$/);
    expect(ticketCount(t)).toBe(before + 1);
    await context.close();
  });
});
