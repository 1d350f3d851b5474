/**
 * Hall and counter displays in real Chromium against the real server: a staff
 * call shows up on both, the voice queue speaks calls in order without overlap,
 * and a server restart on the same port is survived without a reload.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestApp, loginCookie, type TestApp } from '../helpers/app';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { counterCommand, issueTicket, orderAndOverlapProblem, voiceLog } from '../display/browser-helpers';

const WAIT = { timeout: 20_000 };

let t: TestApp;
let browser: Browser;
let hall: Page;
let counter1: Page;
let cookie: string;
const pageErrors: string[] = [];

async function open(path: string, viewport: { width: number; height: number }): Promise<Page> {
  const page = await browser.newPage({ viewport });
  page.on('pageerror', (e) => pageErrors.push(`${path}: ${e.message}`));
  await page.goto(`${hallUrl(t.url)}${path}`);
  return page;
}

beforeAll(async () => {
  t = await createTestApp();
  await t.listen();
  cookie = await loginCookie(t.app, 'staff1');
  browser = await launchBrowser();
  hall = await open('/display/', { width: 1920, height: 1080 });
  counter1 = await open('/display/counter/1', { width: 1280, height: 400 });
  await hall.locator('qm-hall-display[data-ready="true"]').waitFor(WAIT);
  await counter1.locator('qm-counter-display[data-state="idle"]').waitFor(WAIT);
});

afterAll(async () => {
  await browser?.close();
  await t?.destroy();
});

describe('displays', () => {
  it('shows the center, clock, notice line and waiting counts from the snapshot', async () => {
    expect(await hall.locator('qm-display-header [part=name]').textContent()).toContain('Bộ phận Một cửa – UBND phường Hòa Bình');
    expect(await hall.locator('[data-testid=clock-date]').textContent()).toMatch(/\d{2}\/\d{2}\/\d{4}/);
    expect(await hall.locator('[data-testid=clock-time]').textContent()).toMatch(/^\d{2}:\d{2}$/);
    expect(await hall.locator('[data-testid=notice]').textContent()).toContain('giấy tờ tùy thân');
    await issueTicket(t.url, 'svc-hotich');
    await hall.locator('[data-service="svc-hotich"][data-waiting="1"]').waitFor(WAIT);
  });

  it('a staff call updates the hall and the counter display', async () => {
    await issueTicket(t.url, 'svc-hotich', 'pri-elderly');
    const calledAt = Date.now();
    const { ticket } = await counterCommand(t.url, cookie, 1, 'call-next');
    // The elderly ticket jumps the queue and is marked as priority.
    expect(ticket?.number).toBe('A002');
    await Promise.all([
      hall.locator('[data-testid=spotlight][data-ticket="A002"][data-counter="1"]').waitFor(WAIT),
      counter1.locator('[data-testid=counter-ticket]', { hasText: 'A002' }).waitFor(WAIT),
    ]);
    const latencyMs = Date.now() - calledAt;
    process.stdout.write(`\n[display e2e] call-next → hall and counter displays updated in ${latencyMs} ms\n`);
    expect(await hall.locator('[data-testid=priority-badge]').textContent()).toContain('Ưu tiên');
    expect(await counter1.locator('qm-counter-display').getAttribute('data-state')).toBe('called');
    await hall.locator('[data-service="svc-hotich"][data-waiting="1"]').waitFor(WAIT);
  });

  it('the counter display names the officer who called, with an English subtitle on request', async () => {
    // Counter 1 holds A002, called by staff1 in the test before.
    await counter1.locator('[data-testid=counter-staff]', { hasText: 'Nguyễn Văn An' }).waitFor(WAIT);
    expect(await counter1.locator('[data-testid=counter-staff]').textContent()).toBe('Cán bộ: Nguyễn Văn An');
    const english = await open('/display/counter/1?lang=en', { width: 1280, height: 400 });
    await english.locator('[data-testid=counter-staff]').waitFor(WAIT);
    expect(await english.locator('[data-testid=counter-staff]').textContent()).toBe('Cán bộ / Officer: Nguyễn Văn An');
    await english.close();
    // A counter nobody has worked today shows no name.
    const counter4 = await open('/display/counter/4', { width: 1280, height: 400 });
    await counter4.locator('qm-counter-display[data-state="idle"]').waitFor(WAIT);
    expect(await counter4.locator('[data-testid=counter-staff]').count()).toBe(0);
    await counter4.close();
  });

  it('pausing shows the reason on the counter display', async () => {
    const counter5 = await open('/display/counter/5', { width: 1024, height: 600 });
    await counter5.locator('qm-counter-display[data-state="idle"]').waitFor(WAIT);
    await counterCommand(t.url, await loginCookie(t.app, 'staff5'), 5, 'pause', { reason: 'Họp giao ban' });
    await counter5.locator('[data-testid=pause-reason]', { hasText: 'Họp giao ban' }).waitFor(WAIT);
    expect(await counter5.locator('qm-counter-display').getAttribute('data-state')).toBe('paused');
    await counter5.close();
  });

  it('two quick calls are announced in order, never overlapping, each once', async () => {
    await issueTicket(t.url, 'svc-chungthuc');
    await issueTicket(t.url, 'svc-datdai');
    const staff2 = await loginCookie(t.app, 'staff2');
    const staff3 = await loginCookie(t.app, 'staff3');
    const first = await counterCommand(t.url, staff2, 2, 'call-next');
    const second = await counterCommand(t.url, staff3, 3, 'call-next');
    const texts = [`Mời công dân có số thứ tự ${first.ticket!.number} đến quầy số 2`, `Mời công dân có số thứ tự ${second.ticket!.number} đến quầy số 3`];
    await hall.waitForFunction(
      (expected) => expected.every((text) => (window.__qmVoiceLog ?? []).some((e) => e.event === 'end' && e.text.startsWith(text))),
      texts,
      { timeout: 45_000 },
    );
    const log = await voiceLog(hall);
    const startTexts = log.filter((e) => e.event === 'start').map((e) => e.text.replace(/ \(.*\)$/, ''));
    expect(startTexts.filter((x) => texts.includes(x))).toEqual(texts);
    const normalised = log.map((e) => ({ ...e, text: e.text.replace(/ \(.*\)$/, '') }));
    expect(orderAndOverlapProblem(normalised, texts)).toBeNull();
    // The first call of the suite (A002 at counter 1) was spoken too, exactly once.
    expect(log.filter((e) => e.event === 'start' && e.text.includes('A002'))).toHaveLength(1);
    expect(log.filter((e) => e.event === 'error')).toEqual([]);
  }, 60_000);

  it('a recall is announced again', async () => {
    const held = await hall.locator('[data-testid=spotlight]').getAttribute('data-ticket');
    expect(held).toBeTruthy();
    const ticketId = (t.app.queue.state().counterStates.get('ctr-3')?.currentTicketId) as string;
    await counterCommand(t.url, await loginCookie(t.app, 'staff3'), 3, 'recall', { ticketId });
    await hall.waitForFunction(() => (window.__qmVoiceLog ?? []).some((e) => e.event === 'end' && e.text.startsWith('Xin mời lần nữa')), undefined, { timeout: 30_000 });
  }, 40_000);

  it('survives a server restart on the same port: reconnects by itself and shows a call made meanwhile', async () => {
    const port = Number(new URL(t.url).port);
    const dataDir = t.dataDir;
    await issueTicket(t.url, 'svc-hotich');
    const reloads: string[] = [];
    hall.on('framenavigated', (frame) => frame === hall.mainFrame() && reloads.push(frame.url()));

    await t.close();
    await hall.locator('qm-hall-display[data-status="offline"]').waitFor(WAIT);
    expect(await hall.locator('qm-connection-mark .mark').textContent()).toContain('Đang kết nối lại');

    t = await createTestApp({ dataDir });
    const during = await t.app.inject({ method: 'POST', url: '/api/counters/1/call-next', headers: { cookie: await loginCookie(t.app, 'staff1') } });
    expect(during.statusCode).toBe(200);
    const number = during.json().ticket.number as string;
    await t.app.listen({ port, host: '127.0.0.1' });
    t.url = `http://127.0.0.1:${port}`;

    await hall.locator(`[data-testid=spotlight][data-ticket="${number}"][data-counter="1"]`).waitFor({ timeout: 45_000 });
    await hall.locator('qm-hall-display[data-status="online"]').waitFor(WAIT);
    await counter1.locator('[data-testid=counter-ticket]', { hasText: number }).waitFor({ timeout: 45_000 });
    expect(await hall.locator('qm-hall-display').getAttribute('data-seq')).toBe(String(t.app.queue.state().seq));
    expect(reloads).toEqual([]);

    // Announced once after the reconnect; the calls from before the restart are not replayed.
    await hall.waitForFunction((n) => (window.__qmVoiceLog ?? []).some((e) => e.event === 'end' && e.text.includes(` ${n} `)), number, { timeout: 30_000 });
    const log = await voiceLog(hall);
    expect(log.filter((e) => e.event === 'start' && e.text.includes(` ${number} `))).toHaveLength(1);
    expect(log.filter((e) => e.event === 'start' && e.text.includes('A002'))).toHaveLength(1);
    expect(pageErrors).toEqual([]);
  }, 90_000);
});
