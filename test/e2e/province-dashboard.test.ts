/**
 * The province dashboard in real Chromium at 1920×1080, on two hub nodes over one database (embedded PGlite, shared
 * in this process) and one real Redis: the centers' batches go into node A through its real ingest route, the page
 * is opened on node B. A simulated week of twelve centers (one offline since 09:42, one with a printer fault, one
 * never enrolled): sign-in, every center, a center coming back online and waiting counts changing live after an
 * ingest on the other node, the banner while Redis is really down, the list fetched again after a reconnect, the
 * drill-down into a floor, the reports and their CSV; axe on the dashboard, the floor and the reports.
 * UPDATE_SCREENSHOTS=1 also writes docs/screenshots/province-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { startRedis, type RedisServer } from '../helpers/redis';
import { commit, ingest, startHub, startHubOn, ticketRow, type TestHub } from '../hub/fixture';
import { PROVINCE_PLAN, ict, seedProvince, type SeededCenter } from '../hub/province-data';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const DAY = '2026-03-10';
const NOW = '10:35';
const outDir = join(tmpdir(), 'hang-cho-province-screens');

let hub: TestHub;
/** The node the page is opened on: it hears node A's ingest only through Redis. */
let nodeB: TestHub;
let redis: RedisServer;
let url: string;
let browser: Browser;
let page: Page;
let centers: SeededCenter[];

async function waitFor(ok: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 300 && !(await ok()); i++) await new Promise((r) => setTimeout(r, 100));
  if (!(await ok())) throw new Error('Redis never answered the hub nodes');
}

const byCode = (code: string) => centers.find((c) => c.plan.code === code)!;
const row = (code: string) => page.locator(`tr[data-center="${code}"]`);

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  redis = await startRedis();
  hub = await startHub(null, { REDIS_URL: redis.url });
  centers = await seedProvince(hub, { day: DAY, now: NOW });
  // Node A closes the shared database; node B must not close it twice.
  nodeB = await startHubOn({ ...hub.db, close: async () => undefined }, { REDIS_URL: redis.url });
  nodeB.clock.t = hub.clock.t;
  for (const node of [hub, nodeB]) await waitFor(async () => (await node.app.inject({ method: 'GET', url: '/api/health' })).json().redis === 'ok');
  await hub.app.listen({ port: 0, host: '127.0.0.1' });
  await nodeB.app.listen({ port: 0, host: '127.0.0.1' });
  url = hallUrl(`http://127.0.0.1:${(nodeB.app.server.address() as AddressInfo).port}`);
  browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  await nodeB?.close();
  await hub?.close();
  await redis?.stop();
});

async function axe(): Promise<{ id: string; impact: string | null; nodes: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const run = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> } }).axe.run;
    const result = await run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => JSON.stringify(n.target)) }));
  });
}

async function shoot(file: string): Promise<void> {
  const target = join(outDir, file);
  await page.screenshot({ path: target });
  expect(statSync(target).size).toBeGreaterThan(20_000);
  if (process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(target, join('docs/screenshots', file));
  }
}

describe('province dashboard', () => {
  it('signs in and shows every center: online or offline since when, waiting, printer faults', async () => {
    await page.goto(`${url}/province/`);
    await page.getByLabel('Tên đăng nhập').fill('director');
    await page.getByLabel('Mật khẩu').fill('demo-pass');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.locator('tbody tr[data-center]').count()).toBe(PROVINCE_PLAN.length);
    await expect.poll(() => row('X-TAN-LAP').getByTestId('status').textContent()).toBe('Mất kết nối từ 09:42');
    await expect.poll(() => row('X-MUONG-LA').getByTestId('status').textContent()).toBe('Chưa ghép nối');
    expect(await row('TTHCC').getByTestId('status').textContent()).toBe('Trực tuyến');
    expect(await row('X-BINH-MINH').getAttribute('class')).toContain('fault');
    expect(await row('TTHCC').getAttribute('class')).not.toContain('fault');
    expect(await row('TTHCC').getByTestId('waiting').textContent()).toBe(String(byCode('TTHCC').sim!.live.waiting));
    const online = PROVINCE_PLAN.filter((p) => !p.notEnrolled && !p.offlineFrom).length;
    expect(online).toBeGreaterThan(3);
    expect(await page.getByTestId('sum-online').textContent()).toContain(`${online}/${PROVINCE_PLAN.length}`);
    expect(await row('X-MUONG-LA').getByTestId('waiting').textContent()).toBe('–');
    const total = centers.reduce((n, c) => n + (c.sim?.live.waiting ?? 0), 0);
    expect(await page.getByTestId('sum-waiting').textContent()).toContain(total.toLocaleString('vi-VN'));
  });

  it('sorts by a column', async () => {
    await page.getByRole('button', { name: 'Đang chờ' }).click();
    const codes = await page.locator('tbody tr[data-center]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-center')));
    const expected = [...centers].sort((a, b) => (b.sim?.live.waiting ?? 0) - (a.sim?.live.waiting ?? 0) || a.plan.code.localeCompare(b.plan.code, 'vi', { numeric: true }));
    expect(codes).toEqual(expected.map((c) => c.plan.code));
    expect(await page.locator('th[aria-sort="descending"]').textContent()).toContain('Đang chờ');
  });

  it('has no serious or moderate accessibility problems on the dashboard', async () => {
    const found = (await axe()).filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? ''));
    expect(found).toEqual([]);
    await page.getByRole('button', { name: 'Mã' }).click();
    await shoot('province-dashboard.png');
  });

  it('hears a center come back online and a waiting count change, live, after an ingest', async () => {
    const tanLap = byCode('X-TAN-LAP');
    const at = ict(DAY, NOW);
    const next = tanLap.sim!.commits.length + 1;
    const res = await ingest(hub, tanLap.credential!, {
      commits: [commit(next, at, [ticketRow({ id: 'late-1', serviceId: 'svc-ht', issuedAt: at - 60_000, queuedAt: at - 60_000, number: 'A099' })])],
      live: { ...tanLap.sim!.live, at, waiting: tanLap.sim!.live.waiting + 1 },
    });
    expect(res.statusCode).toBe(200);
    await expect.poll(() => row('X-TAN-LAP').getByTestId('status').textContent()).toBe('Trực tuyến');
    expect(await row('X-TAN-LAP').getByTestId('waiting').textContent()).toBe(String(tanLap.sim!.live.waiting + 1));

    const tanDinh = byCode('P-TAN-DINH');
    await ingest(hub, tanDinh.credential!, { live: { ...tanDinh.sim!.live, at, waiting: 42 } });
    await expect.poll(() => row('P-TAN-DINH').getByTestId('waiting').textContent()).toBe('42');
  });

  it('says so while Redis is down, and clears it when Redis is back', async () => {
    expect(await page.getByTestId('redis-down').count()).toBe(0);
    await redis.stop();
    await expect.poll(() => page.getByTestId('redis-down').isVisible()).toBe(true);
    expect(await page.getByTestId('redis-down').textContent()).toContain('Redis');
    await shoot('province-redis-down.png');
    await redis.start();
    await expect.poll(() => page.getByTestId('redis-down').count(), { timeout: 20_000 }).toBe(0);
  });

  it('refetches the list when it comes back after the hub closed its connection, so news sent meanwhile is not lost', async () => {
    const phuHuu = byCode('X-PHU-HUU');
    // The hub closes every dashboard's socket; the batch below is announced while none is connected.
    nodeB.app.io.of('/province').local.disconnectSockets(true);
    const res = await ingest(hub, phuHuu.credential!, { live: { ...phuHuu.sim!.live, at: ict(DAY, NOW), waiting: 17 } });
    expect(res.statusCode).toBe(200);
    await expect.poll(() => row('X-PHU-HUU').getByTestId('waiting').textContent()).toBe('17');
    await expect.poll(() => page.getByTestId('live-offline').count()).toBe(0);
  });

  it("drills down into a center's floor", async () => {
    const tthcc = byCode('TTHCC');
    await row('TTHCC').getByRole('link').click();
    await expect.poll(() => page.getByTestId('floor-title').textContent()).toBe('Sàn giao dịch – Trung tâm Phục vụ hành chính công tỉnh');
    for (const [serviceId, waiting] of Object.entries(tthcc.sim!.waitingToday)) {
      expect(await page.locator(`tr[data-service="${serviceId}"]`).getByTestId('svc-waiting').textContent()).toBe(String(waiting));
    }
    expect(await page.getByTestId('floor-waiting').textContent()).toBe(String(tthcc.sim!.live.waiting));
    expect(await page.locator('[data-counter]').count()).toBe(6);
    expect(await page.locator('.counter.serving, .counter.called').count()).toBeGreaterThan(0);
    expect((await axe()).filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? ''))).toEqual([]);
    await shoot('province-floor.png');
  });

  it('opens the reports: figures by center, field, service, officer, day and hour; CSV', async () => {
    await page.getByRole('link', { name: 'Báo cáo', exact: true }).click();
    await expect.poll(() => page.getByTestId('by-center').locator('tbody tr').count()).toBe(PROVINCE_PLAN.filter((p) => !p.notEnrolled).length);
    const summary = (await hub.app.inject({ method: 'GET', url: `/api/hub/reports/summary?from=2026-03-04&to=${DAY}`, headers: { cookie: hub.adminCookie } })).json();
    expect(await page.getByTestId('tot-issued').textContent()).toContain(summary.totals.issued.toLocaleString('vi-VN'));
    expect(await page.getByTestId('by-field').locator('tbody tr').count()).toBe(5);
    expect(await page.getByTestId('by-day').locator('tbody tr').count()).toBe(summary.byDay.length);
    expect(await page.getByTestId('report-from').inputValue()).toBe('04/03/2026');
    expect(await page.getByTestId('report-to').inputValue()).toBe('10/03/2026');
    expect(await page.locator('qm-chart').count()).toBe(4);
    const csv = await page.evaluate(async () => {
      const root = document.querySelector('qm-province-app')!.shadowRoot!.querySelector('qm-province-reports')!.shadowRoot!;
      const href = root.querySelector('a[data-testid=csv]')!.getAttribute('href')!;
      return { href, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(await (await fetch(href)).arrayBuffer()) };
    });
    expect(csv.href).toContain('/api/hub/reports/summary.csv?from=2026-03-04&to=2026-03-10');
    expect(csv.text.startsWith('\uFEFFPhân loại,')).toBe(true);
    expect(csv.text).toContain('Trung tâm,X-TAN-LAP,Xã Tân Lập,');
    const found = (await axe()).filter((v) => ['critical', 'serious', 'moderate'].includes(v.impact ?? ''));
    expect(found).toEqual([]);
    await shoot('province-reports.png');
    await page.getByTestId('by-field').scrollIntoViewIfNeeded();
    await shoot('province-reports-tables.png');
  });

  it('speaks English on request, and Vietnamese again', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Reports', exact: true }).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Province reports' }).count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Báo cáo cấp tỉnh' }).count()).toBe(1);
  });

  it('narrows the report to one center', async () => {
    await page.getByTestId('report-center').selectOption({ label: 'X-SUOI-NGOT · Xã Suối Ngọt' });
    await page.getByRole('button', { name: 'Xem báo cáo' }).click();
    const one = (await hub.app.inject({ method: 'GET', url: `/api/hub/reports/summary?from=2026-03-04&to=${DAY}&centerId=${byCode('X-SUOI-NGOT').id}`, headers: { cookie: hub.adminCookie } })).json();
    await expect.poll(() => page.getByTestId('tot-issued').textContent()).toContain(one.totals.issued.toLocaleString('vi-VN'));
    expect(await page.getByTestId('by-center').count()).toBe(0);
  });

  it('signs out: the form is back and the hub refuses the old session', async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await expect.poll(() => page.getByLabel('Tên đăng nhập').count()).toBe(1);
    expect(await page.evaluate(async () => (await fetch('/api/hub/centers')).status)).toBe(401);
  });
});
