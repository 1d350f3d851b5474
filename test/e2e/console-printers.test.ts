/**
 * The printers screen and the counter's reprint in real Chromium against the
 * real server: the main printer is the simulator (PRINTER_URL=sim), kiosk K1 a
 * fake ESC/POS printer on TCP whose paper the test takes out and puts back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PrintJobRecord } from '../../hardware';
import { formatLocalDateTimeSeconds } from '../../protocol/local-time';
import { createTestApp, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { pairedDevice } from '../helpers/devices';
import { TcpFakePrinter } from '../hardware/fake-printer';

const dir = process.env.SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'qm-shots-'));
/** The list refreshes every 5 s; give it a few rounds. */
const POLL = { timeout: 20_000 };

let t: TestApp;
let browser: Browser;
let director: Page;
let kiosk: TcpFakePrinter;
/** Paired kiosks: one on the main printer, one given the legacy K1 printer. */
let mainKiosk: string;
let k1Kiosk: string;

const issue = async (payload: object, device = mainKiosk) =>
  (await t.app.inject({ method: 'POST', url: '/api/tickets', headers: { cookie: device }, payload })).json() as { id: string; number: string; print: { jobId: string; printerId: string } };
const printer = (id: string) => t.app.printing.printers().find((p) => p.id === id)!;
const jobsOf = (printerId: string, ticketId: string): PrintJobRecord[] => printer(printerId).jobs().filter((j) => j.ticketId === ticketId);

async function login(username: string, hash: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN' });
  const page = await context.newPage();
  await page.goto(`${hallUrl(t.url)}/console/${hash}`);
  await page.fill('qm-login input[name=username]', username);
  await page.fill('qm-login input[name=password]', 'demo');
  await page.click('qm-login button');
  return page;
}

beforeAll(async () => {
  kiosk = new TcpFakePrinter();
  const port = await kiosk.listen();
  t = await createTestApp({ env: { KIOSK_PRINTERS: JSON.stringify({ K1: `tcp://127.0.0.1:${port}` }), PRINTER_STATUS_POLL_MS: '200' } });
  await t.listen();
  mainKiosk = await pairedDevice(t.app, 'kiosk');
  k1Kiosk = await pairedDevice(t.app, 'kiosk', { printerId: 'kiosk-K1' });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.destroy();
  await kiosk?.close();
});

describe('printers screen (director)', () => {
  let first: Awaited<ReturnType<typeof issue>>;

  it('lists each printer with its status and its recent jobs', async () => {
    first = await issue({ serviceId: 'svc-hotich' });
    expect(first.print).toMatchObject({ printerId: 'main' });
    await issue({ serviceId: 'svc-chungthuc', lang: 'en' });

    director = await login('director', '#/printers');
    await director.click('qm-console-app nav a[href="#/printers"]');
    expect(await director.getAttribute('qm-console-app nav a[href="#/printers"]', 'aria-current')).toBe('page');
    const row = director.locator(`qm-printers [data-printer=main] tr[data-job="${first.print.jobId}"]`);
    await row.waitFor();
    expect(await director.textContent('qm-printers [data-printer=main] [data-testid=printer-status]')).toBe('Bình thường');

    const job = printer('main').jobs().find((j) => j.id === first.print.jobId)!;
    const cells = (await row.locator('td').allTextContents()).map((s) => s.trim());
    expect(cells.slice(0, 4)).toEqual([formatLocalDateTimeSeconds(job.createdAt, 'Asia/Ho_Chi_Minh'), 'Phiếu số thứ tự', first.number, expect.stringMatching(/^(Đang chờ in|Đang in|Đã in)$/)]);
    await expect.poll(() => row.locator('[data-testid=job-state]').textContent(), POLL).toBe('Đã in');
  });

  it('opens a job to show the slip the simulator printed, as a picture and as text', async () => {
    await director.click(`qm-printers tr[data-job="${first.print.jobId}"] td.time`);
    const img = director.locator('qm-print-preview [data-testid=preview-img]');
    await img.waitFor();
    await expect.poll(() => img.evaluate((el: HTMLImageElement) => el.complete && el.naturalWidth)).toBe(576);
    const text = await director.textContent('qm-print-preview [data-testid=preview-text]');
    expect(text).toContain(first.number);
    expect(text).toContain('Hộ tịch');
    expect(await director.getAttribute(`qm-printers tr[data-job="${first.print.jobId}"]`, 'aria-selected')).toBe('true');
  });

  it('reprints a job: a second job for the same ticket appears', async () => {
    await director.click(`qm-printers tr[data-job="${first.print.jobId}"] button[data-action=reprint]`);
    await expect.poll(() => director.textContent('qm-printers [data-testid=message]')).toBe('Đã gửi lệnh in lại.');
    expect(jobsOf('main', first.id)).toHaveLength(2);
    const copy = jobsOf('main', first.id)[0]!;
    await director.locator(`qm-printers tr[data-job="${copy.id}"]`).waitFor();
    expect(await director.textContent(`qm-printers tr[data-job="${copy.id}"] [data-testid=job-ticket]`)).toBe(first.number);
    // The button only prints: the open preview stays on the job that was clicked.
    expect(await director.getAttribute(`qm-printers tr[data-job="${first.print.jobId}"]`, 'aria-selected')).toBe('true');
  });

  it('shows a kiosk printer running out of paper as it happens, and its held job printing once paper is back', async () => {
    const card = director.locator('qm-printers [data-printer=kiosk-K1]');
    await expect.poll(() => card.locator('[data-testid=printer-status]').textContent(), POLL).toBe('Bình thường');
    kiosk.state.paperOut = true;
    await expect.poll(() => card.locator('[data-testid=printer-status]').textContent(), POLL).toBe('Hết giấy');
    expect(await card.locator('[data-testid=printer-status]').getAttribute('class')).toContain('bad');

    const held = await issue({ serviceId: 'svc-datdai' }, k1Kiosk);
    expect(held.print).toMatchObject({ printerId: 'kiosk-K1', printerStatus: 'paper-out' });
    const row = card.locator(`tr[data-job="${held.print.jobId}"]`);
    await expect.poll(() => row.locator('[data-testid=job-state]').textContent(), POLL).toBe('Đang chờ in');
    // A real printer keeps no copy: the panel says so instead of a broken picture.
    await row.locator('td.time').click();
    await director.locator('qm-print-preview [data-testid=no-preview]').waitFor();
    expect(await director.locator('qm-print-preview [data-testid=preview-img]').count()).toBe(0);

    // Back to a simulator job for the picture in the docs.
    await director.click(`qm-printers tr[data-job="${first.print.jobId}"] td.time`);
    await director.locator('qm-print-preview [data-testid=preview-img]').waitFor();
    await expect.poll(() => director.locator('qm-print-preview [data-testid=preview-img]').evaluate((el: HTMLImageElement) => el.naturalWidth)).toBe(576);
    await director.screenshot({ path: join(dir, 'console-printers.png') });

    kiosk.state.paperOut = false;
    await expect.poll(() => card.locator('[data-testid=printer-status]').textContent(), POLL).toBe('Bình thường');
    await expect.poll(() => row.locator('[data-testid=job-state]').textContent(), POLL).toBe('Đã in');
  });

  it('is not offered to counter staff', async () => {
    const staff = await login('staff2', '#/printers');
    await staff.waitForSelector('qm-counter-picker, qm-counter-console');
    expect(await staff.locator('qm-console-app nav a[href="#/printers"]').count()).toBe(0);
    expect(await staff.locator('qm-printers').count()).toBe(0);
    await staff.context().close();
  });
});

describe('reprint from the counter (staff)', () => {
  it('reprints the held ticket with I, and shows the server’s reason when it was never printed here', async () => {
    const printed = await issue({ serviceId: 'svc-hotich' });
    // Issued without the printing route (as after a restart): the server has no print job for it.
    const unprinted = (await t.app.queue.submit(t.app.queue.defaultCenterId, { type: 'issue', serviceId: 'svc-hotich', priorityId: null, kioskId: null }, { staffId: null, role: 'public' })).ticket!;
    expect(t.app.queue.findTicket(unprinted.id)).toMatchObject({ status: 'waiting' });

    const staff = await login('staff1', '#/counter');
    await staff.click('qm-counter-picker button[data-counter="1"]');
    await staff.waitForSelector('qm-counter-console [data-testid=held]');
    expect(await staff.textContent('qm-counter-console .shortcuts')).toContain('In lại phiếu');

    // Counter 1 calls in issue order: the director's first ticket, then these two.
    const callUntil = async (ticketNumber: string) => {
      for (let i = 0; i < 5 && (await staff.textContent('[data-testid=held]'))?.includes(ticketNumber) !== true; i++) {
        const before = await staff.textContent('[data-testid=held]');
        await staff.keyboard.press('n');
        await expect.poll(() => staff.textContent('[data-testid=held]')).not.toBe(before);
      }
      expect(await staff.textContent('[data-testid=held-number]')).toBe(ticketNumber);
    };

    await callUntil(printed.number);
    const before = jobsOf('main', printed.id).length;
    await staff.keyboard.press('i');
    await expect.poll(() => staff.textContent('[data-testid=message]')).toBe(`Đã gửi lệnh in lại số ${printed.number}.`);
    expect(jobsOf('main', printed.id)).toHaveLength(before + 1);
    const copy = jobsOf('main', printed.id)[0]!;
    // The director's screen, left open, picks the new job up by itself.
    await director.locator(`qm-printers tr[data-job="${copy.id}"]`).waitFor(POLL);

    await callUntil(unprinted.number);
    const refusal = await t.app.inject({ method: 'POST', url: `/api/tickets/${unprinted.id}/reprint`, headers: { cookie: (await staff.context().cookies()).map((c) => `${c.name}=${c.value}`).join('; '), 'accept-language': 'vi' } });
    expect(refusal.json()).toMatchObject({ code: 'TICKET_NOT_FOUND' });
    const jobsBefore = printer('main').jobs().length;
    await staff.click('qm-counter-console button[data-action=reprint]');
    await expect.poll(() => staff.textContent('[data-testid=message]')).toBe(refusal.json().message);
    expect(await staff.getAttribute('[data-testid=message]', 'class')).toContain('error');
    expect(printer('main').jobs().length).toBe(jobsBefore);
    // A refused reprint changes nothing at the counter.
    expect(await staff.textContent('[data-testid=held-number]')).toBe(unprinted.number);
  });
});
