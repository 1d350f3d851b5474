/** The kiosk in real Chromium against the real server: taking tickets. */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser, loopbackUrl } from '../helpers/browser';
import { loginCookie, type TestApp } from '../helpers/app';
import { openKiosk, startApp, ticketCount } from '../kiosk/e2e-helpers';

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

describe('taking a ticket', () => {
  it('one tap on a service shows the confirmed number, service, position, QR and print state', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    await expect(tile('svc-hotich').innerText()).resolves.toContain('Hộ tịch');
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();

    const row = t.app.db.prepare('SELECT number, service_id, kiosk_id FROM tickets').get() as { number: string; service_id: string; kiosk_id: string };
    expect(ticketCount(t)).toBe(1);
    expect(await shownNumber().innerText()).toBe(row.number);
    // The demo center approves devices by itself: the kiosk paired silently, and its ticket names it.
    const kiosk = t.app.db.prepare("SELECT id FROM devices WHERE kind = 'kiosk' AND status = 'active'").pluck().get();
    expect(row).toMatchObject({ number: 'A001', service_id: 'svc-hotich', kiosk_id: kiosk });
    const card = page.locator('qm-ticket-issued .card');
    await expect(card.innerText()).resolves.toContain('Hộ tịch');
    expect(await page.locator('[data-testid="ahead"]').innerText()).toBe('0');
    await expect(page.getByRole('img', { name: 'Quét mã để theo dõi lượt trên điện thoại' }).count()).resolves.toBe(1);
    expect(await page.locator('[data-testid="print-message"]').getAttribute('data-problem')).toBe('false');
  });

  it('a double tap yields one ticket', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    // Two clicks in the same task, before the kiosk can re-render: only the in-flight guard stops the second.
    await tile('svc-chungthuc').evaluate((button: HTMLElement) => {
      button.click();
      button.click();
    });
    await shownNumber().waitFor();
    await page.getByRole('button', { name: 'Xong' }).click();
    // And a real double tap with the finger.
    await tile('svc-chungthuc').dblclick();
    await shownNumber().waitFor();
    expect(await shownNumber().innerText()).toBe('B002');
    expect(ticketCount(t)).toBe(2);
  });

  it('a retry after a lost answer returns the same ticket, with the same Idempotency-Key', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    const keys: string[] = [];
    let dropped = false;
    await page.route('**/api/tickets', async (route) => {
      keys.push(route.request().headers()['idempotency-key']);
      if (!dropped) {
        dropped = true;
        await route.fetch({ url: loopbackUrl(route.request().url()) }); // the server commits the ticket…
        return route.abort('connectionreset'); // …but the answer never reaches the kiosk
      }
      return route.continue();
    });
    await tile('svc-datdai').tap();
    await shownNumber().waitFor();
    expect(keys.length).toBe(2);
    expect(keys[0]).toMatch(/^k[0-9a-f]{32}$/);
    expect(keys[1]).toBe(keys[0]);
    expect(ticketCount(t)).toBe(1);
    expect(await shownNumber().innerText()).toBe('C001');
  });

  it('says a long, uncertain wait as a range, and never "no wait" while the counter is busy', async () => {
    // Đất đai is served at counter 3 alone: one citizen there now, five waiting.
    const cookie = await loginCookie(t.app, 'staff3');
    for (let i = 0; i < 6; i++) await t.app.inject({ method: 'POST', url: '/api/tickets', payload: { serviceId: 'svc-datdai' } });
    await t.app.inject({ method: 'POST', url: '/api/counters/3/call-next', headers: { cookie }, payload: {} });
    ({ context, page } = await openKiosk(browser, t.url));
    await expect.poll(() => tile('svc-datdai').innerText()).toMatch(/Chờ khoảng \d+–\d+ phút/);
    await tile('svc-datdai').tap();
    await shownNumber().waitFor();
    expect(await page.locator('[data-testid="ahead"]').innerText()).toBe('5');
    expect(await page.locator('[data-testid="eta"]').innerText()).toMatch(/^khoảng \d+–\d+ phút$/);
    await page.getByRole('button', { name: 'Xong' }).click();

    // Xây dựng shares counter 3 with Đất đai (which it serves first): nobody waits for Xây dựng, but the counter
    // is busy and Đất đai comes first there, so the tile does not promise "no wait".
    await expect.poll(() => tile('svc-xaydung').innerText()).not.toContain('Không phải chờ');
    // Hộ tịch has two free counters: no wait indeed.
    await expect(tile('svc-hotich').innerText()).resolves.toContain('Không phải chờ');
  });

  it('priority: the category with pictures, then the service — two taps', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    const elderly = page.locator('qm-priority-choice button[data-priority="pri-elderly"]');
    await expect(elderly.innerText()).resolves.toContain('Người cao tuổi');
    await expect(elderly.locator('svg').count()).resolves.toBe(1);
    await elderly.tap();
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    const row = t.app.db.prepare('SELECT priority_id FROM tickets').get() as { priority_id: string };
    expect(row.priority_id).toBe('pri-elderly');
    await expect(page.locator('qm-ticket-issued .card').innerText()).resolves.toContain('Ưu tiên: Người cao tuổi');
  });

  it('returns home by itself after the confirmation', async () => {
    ({ context, page } = await openKiosk(browser, t.url, undefined, 'kiosk=K1&confirm=1'));
    await tile('svc-cutru').tap();
    await shownNumber().waitFor();
    await tile('svc-cutru').waitFor();
    expect(await shownNumber().count()).toBe(0);
  });

  it('an idle screen returns home', async () => {
    ({ context, page } = await openKiosk(browser, t.url, undefined, 'kiosk=K1&idle=1'));
    await page.locator('.lookup').tap();
    await page.locator('qm-procedure-search').waitFor();
    await tile('svc-hotich').waitFor();
    expect(await page.locator('qm-procedure-search').count()).toBe(0);
  });

  it('says what the server refused (daily quota) in Vietnamese, and issues nothing', async () => {
    const cookie = await loginCookie(t.app, 'admin');
    const { id: _id, ...service } = t.app.queue.state().services.get('svc-bhyt')!;
    const res = await t.app.inject({ method: 'PUT', url: '/api/admin/services/svc-bhyt', headers: { cookie }, payload: { ...service, dailyQuota: 1 } });
    expect(res.statusCode).toBe(200);
    ({ context, page } = await openKiosk(browser, t.url));
    await tile('svc-bhyt').tap();
    await shownNumber().waitFor();
    await page.getByRole('button', { name: 'Xong' }).click();
    await tile('svc-bhyt').tap();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toContain('đã hết số trong ngày');
    expect(ticketCount(t)).toBe(1);
  });

  it('tells the citizen to photograph the screen when the printer fails', async () => {
    t.app.printing.printTicket = () => ({ state: 'failed', printerId: 'default', printerStatus: 'paper-out', jobId: null });
    ({ context, page } = await openKiosk(browser, t.url));
    await tile('svc-hotich').tap();
    const message = page.locator('[data-testid="print-message"]');
    await message.waitFor();
    expect(await message.getAttribute('data-problem')).toBe('true');
    await expect(message.innerText()).resolves.toContain('chụp ảnh màn hình');
  });

  it('warns on the home screen when a printer:status event reports a fault', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    const note = page.locator('.printer-note');
    expect(await note.count()).toBe(0);
    t.app.io.of('/public').emit('printer:status', [{ id: 'default', status: 'paper-out' }]);
    await note.waitFor();
    await expect(note.innerText()).resolves.toContain('Máy in đang gặp sự cố');
  });

  it('switches to English, with the server’s messages in English too', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    await page.getByRole('button', { name: 'English' }).tap();
    await expect(tile('svc-hotich').innerText()).resolves.toContain('Civil status');
    expect(await page.getByRole('button', { name: 'English' }).getAttribute('aria-pressed')).toBe('true');
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    await expect(page.locator('qm-ticket-issued .card').innerText()).resolves.toContain('Your number');
  });

  it('keeps every touch target at least 64 px', async () => {
    ({ context, page } = await openKiosk(browser, t.url));
    const small = await page.evaluate(() => {
      const found: string[] = [];
      const walk = (root: Document | ShadowRoot) => {
        for (const el of root.querySelectorAll<HTMLElement>('*')) {
          if (el.shadowRoot) walk(el.shadowRoot);
          if (el.tagName !== 'BUTTON') continue;
          const r = el.getBoundingClientRect();
          if (r.width < 64 || r.height < 64) found.push(`${el.textContent?.trim()} ${r.width}×${r.height}`);
        }
      };
      walk(document);
      return found;
    });
    expect(small).toEqual([]);
  });
});
