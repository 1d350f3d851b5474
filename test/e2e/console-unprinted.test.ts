/**
 * Tickets whose slip never printed, as the director sees them in real Chromium: kiosk K1's printer is unreachable,
 * its jobs expire after PRINT_JOB_EXPIRE_MIN, the floor names the numbers, the printers screen lists them, and a
 * reprint on a working printer takes a ticket off the list.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { FakeClock } from '../helpers/clock';
import { pairedDevice } from '../helpers/devices';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-shots-'));
const POLL = { timeout: 20_000 };
const clock = new FakeClock(Date.UTC(2026, 10, 23, 1, 30, 0)); // 08:30 in Hồ Chí Minh City

let t: TestApp;
let browser: Browser;
let director: Page;
/** The kiosk given the legacy K1 printer. */
let kiosk: string;

/** A TCP port nobody listens on: the kiosk printer is switched off. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

const issue = async (serviceId: string) =>
  (await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: kiosk }, payload: { serviceId } })).json() as { id: string; number: string };

beforeAll(async () => {
  t = await createTestApp({
    clock,
    env: { KIOSK_PRINTERS: JSON.stringify({ K1: `tcp://127.0.0.1:${await closedPort()}` }), PRINTER_STATUS_POLL_MS: '200', PRINT_JOB_EXPIRE_MIN: '5' },
  });
  await t.listen();
  kiosk = await pairedDevice(t.app, 'kiosk', { printerId: 'kiosk-K1' });
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
  director = await context.newPage();
  await director.goto(`${hallUrl(t.url)}/console/#/floor`);
  await director.fill('qm-login input[name=username]', 'director');
  await director.fill('qm-login input[name=password]', 'demo');
  await director.click('qm-login button');
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('tickets that never printed', () => {
  it('are named on the floor once their jobs expire, listed on the printers screen, and leave the list when reprinted', async () => {
    const a = await issue('svc-hotich');
    clock.advance(60_000);
    const b = await issue('svc-datdai');
    await director.waitForSelector('qm-floor');
    expect(await director.locator('qm-floor [data-testid=unprinted]').count()).toBe(0);

    clock.advance(5 * 60_000); // both jobs are now older than PRINT_JOB_EXPIRE_MIN
    // Newest first, as in the job lists.
    await expect.poll(() => director.locator('qm-floor [data-testid=unprinted]').textContent(), POLL).toContain(`2 số chưa in được phiếu: ${b.number}, ${a.number}`);
    await director.screenshot({ path: join(dir, 'console-floor-unprinted.png') });

    await director.click('qm-floor [data-testid=unprinted] a');
    const list = director.locator('qm-printers [data-printer=kiosk-K1] [data-testid=unprinted]');
    await expect.poll(() => list.locator('tbody tr').count(), POLL).toBe(2);
    expect(await list.locator(`tr[data-ticket="${a.id}"]`).textContent()).toContain('Đang chờ');
    await director.screenshot({ path: join(dir, 'console-printers-unprinted.png'), fullPage: true });

    // Reprinting sends a new job to the ticket's printer (still off): it is accepted and waits there.
    await list.locator(`tr[data-ticket="${a.id}"] button[data-action=reprint-ticket]`).click();
    await expect.poll(() => director.locator('qm-printers [data-testid=message]').textContent(), POLL).toBe('Đã gửi lệnh in lại.');
  });
});
