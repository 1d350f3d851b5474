/**
 * The kiosk's spoken guidance in real Chromium against the real server: which clips of the voice pack the kiosk
 * asks its player for, in order (its log, `window.__qmKioskVoiceLog`), and that a center that turned the kiosk's
 * voice off gets no clip requested and no pack loaded.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { KioskVoiceLogEntry } from '../../kiosk/lib/kiosk-voice';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { loginCookie, type TestApp } from '../helpers/app';
import { openKiosk, PORTRAIT, startApp } from '../kiosk/e2e-helpers';

let browser: Browser;
let t: TestApp;
let context: BrowserContext | undefined;
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
  context = undefined;
  await t.destroy();
});

const tile = (serviceId: string) => page.locator(`qm-service-grid button[data-service="${serviceId}"]`);
const shownNumber = () => page.locator('[data-testid="ticket-number"]');
const voiceLog = (): Promise<KioskVoiceLogEntry[]> => page.evaluate(() => (window.__qmKioskVoiceLog ?? []).map((e) => ({ ...e })));
const requests = async () => (await voiceLog()).filter((e) => e.event === 'request').map((e) => ({ line: e.line, clips: e.clips }));
/** Waits until the log has an entry of this event for this line (as many as `count`). */
const logged = (event: string, line: string, count = 1) =>
  page.waitForFunction(([ev, ln, n]) => (window.__qmKioskVoiceLog ?? []).filter((e) => e.event === ev && e.line === ln).length >= (n as number), [event, line, count] as const);

/** The center's settings as the admin screen sends them, with the kiosk's voice switched. */
async function setKioskVoice(on: boolean): Promise<void> {
  const c = t.app.queue.state().center;
  const s = c.settings;
  const res = await t.app.inject({
    method: 'PUT',
    url: '/api/admin/center',
    headers: { cookie: await loginCookie(t.app, 'admin') },
    payload: {
      name: c.name, nameEn: c.nameEn, address: c.address, timeZone: c.timeZone,
      settings: {
        recallsBeforeNoShow: s.recallsBeforeNoShow, callNextWhileServing: s.callNextWhileServing, routing: s.routing,
        maxPriorityStreak: s.maxPriorityStreak, numberDigits: s.numberDigits, voiceVariant: s.voiceVariant,
        voiceDigitByDigit: s.voiceDigitByDigit, announceEnglish: s.announceEnglish, kioskVoice: on, kioskVolume: 60, kioskLayout: s.kioskLayout,
      },
    },
  });
  expect(res.statusCode).toBe(200);
}

describe('the kiosk speaks', () => {
  it('greets a new citizen, asks for a field, and reads the number issued — clips from the pack, in order', async () => {
    const voiceFiles: string[] = [];
    await openKioskWatching(voiceFiles);
    expect(await requests(), 'nothing is said before anyone touches the kiosk').toEqual([]);

    // The citizen's first touch, on the home screen: the greeting, then the prompt.
    await page.locator('qm-kiosk header h1').tap();
    await logged('request', 'greeting');
    // A priority group: its services, and the prompt again.
    await page.locator('qm-priority-choice button[data-priority="pri-elderly"]').tap();
    await logged('request', 'choose-field');
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    expect(await shownNumber().innerText()).toBe('A001');
    await logged('end', 'issued');

    expect(await requests()).toEqual([
      { line: 'greeting', clips: ['vi-north/kiosk-greeting', 'vi-north/kiosk-choose-field'] },
      { line: 'choose-field', clips: ['vi-north/kiosk-choose-field'] },
      { line: 'issued', clips: ['vi-north/kiosk-your-number', 'vi-north/letter-a', 'vi-north/digit-1', 'vi-north/kiosk-please-wait'] },
    ]);
    const log = await voiceLog();
    expect(log.filter((e) => e.event === 'error')).toEqual([]);
    // Played, not just paced: the test browser runs with --autoplay-policy=no-user-gesture-required, as kiosks should.
    expect(log.find((e) => e.event === 'end' && e.line === 'issued')?.audible).toBe(true);
    expect(log.find((e) => e.event === 'request' && e.line === 'issued')?.text).toBe('Số thứ tự của quý khách là A001. Mời quý khách ngồi chờ gọi số.');
    // The clips came from the voice pack on this server.
    for (const clip of ['vi-north/kiosk-greeting', 'vi-north/kiosk-your-number', 'vi-north/letter-a', 'vi-north/kiosk-please-wait']) {
      expect(voiceFiles).toContain(`${hallUrl(t.url)}/voice/default/${clip}.ogg`);
    }

    // Back home and touched again by the next citizen: greeted again.
    await page.getByRole('button', { name: 'Xong' }).tap();
    await tile('svc-hotich').waitFor();
    expect((await requests()).filter((r) => r.line === 'greeting'), '"Xong" is not the next citizen').toHaveLength(1);
    await page.locator('qm-kiosk header h1').tap();
    await logged('request', 'greeting', 2);
  });

  it('a tap straight on a service reads the number, and what to do when the slip cannot print', async () => {
    t.app.printing.printTicket = () => ({ state: 'failed', printerId: 'default', printerStatus: 'paper-out', jobId: null });
    ({ context, page } = await openKiosk(browser, t.url));
    await tile('svc-chungthuc').tap();
    await shownNumber().waitFor();
    expect(await page.locator('[data-testid="print-message"]').getAttribute('data-problem')).toBe('true');
    await logged('request', 'issued');
    expect(await requests()).toEqual([
      {
        line: 'issued',
        clips: [
          'vi-north/kiosk-your-number', 'vi-north/letter-b', 'vi-north/digit-1',
          'vi-north/kiosk-printer-fault', 'vi-north/kiosk-take-photo', 'vi-north/kiosk-or-scan-qr', 'vi-north/kiosk-please-wait',
        ],
      },
    ]);
    const issued = (await voiceLog()).find((e) => e.event === 'request');
    expect(issued?.text).toBe('Số thứ tự của quý khách là B001. Máy in đang gặp sự cố, xin hãy chụp ảnh màn hình hoặc quét mã QR. Mời quý khách ngồi chờ gọi số.');
  });

  it('says nothing, and loads no voice, when the center turned the kiosk’s voice off', async () => {
    await setKioskVoice(false);
    const voiceFiles: string[] = [];
    await openKioskWatching(voiceFiles);
    await page.locator('qm-kiosk header h1').tap();
    await page.locator('qm-priority-choice button[data-priority="pri-elderly"]').tap();
    await tile('svc-hotich').tap();
    await shownNumber().waitFor();
    // The kiosk reached every line (each logged as muted), and asked the player for none.
    await logged('muted', 'issued');
    const log = await voiceLog();
    expect(log.map((e) => [e.event, e.line])).toEqual([
      ['muted', 'greeting'],
      ['muted', 'choose-field'],
      ['muted', 'issued'],
    ]);
    expect(voiceFiles).toEqual([]);
  });
});

/** Opens the kiosk as openKiosk does, with every request for the voice pack recorded from the first one. */
async function openKioskWatching(voiceFiles: string[]): Promise<void> {
  context = await browser.newContext({ viewport: PORTRAIT, hasTouch: true, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
  page.on('request', (r) => {
    if (r.url().includes('/voice/')) voiceFiles.push(r.url());
  });
  await page.goto(`${hallUrl(t.url)}/kiosk/?kiosk=K1`);
  await page.locator('qm-service-grid button[data-service]').first().waitFor();
}
