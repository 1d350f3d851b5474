/**
 * The hub's administration on the province dashboard, in real Chromium at 1920×1080 over plain HTTP
 * (`http://hall.test:PORT`, not a secure context: the copy button falls back to selecting the code), on an
 * embedded hub (PGlite): an admin adds a center and sees its one-time code once (the code really enrols), the
 * form's refusals in the page's words, a new code, a revoke behind a confirmation that the live list then shows as
 * "Đã thu hồi"; publishing a notice line, holidays and a JSON file (refusals shown as the hub says them), the
 * published list with what a center reported back; accounts (a director added with a temporary password, who must
 * choose their own first; deactivated and reactivated); a director sees no "Quản trị" and the API refuses them.
 * UPDATE_SCREENSHOTS=1 also writes docs/screenshots/province-admin-centers.png, -publish.png and -accounts.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { hallUrl, launchBrowser } from '../helpers/browser';
import { DAY_START, ingest, login, startHub, type TestHub } from '../hub/fixture';
import { exportCsv } from '../../server/procedures/import';
import { makeProcedure } from '../server/procedures/fixtures';

const outDir = join(tmpdir(), 'hang-cho-province-admin-screens');
const CODE_RE = /^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/;

let hub: TestHub;
let url: string;
let browser: Browser;
let context: BrowserContext;
let page: Page;
/** An enrolled center that reports back; and one enrolled through the code shown on screen. */
let linked: { id: string; credential: string };

const row = (code: string) => page.locator(`qm-province-admin tr[data-center="${code}"]`);

async function enrol(code: string): Promise<{ status: number; body: { centerId: string; credential: string } }> {
  const res = await hub.app.inject({ method: 'POST', url: '/api/hub/enrol', payload: { enrolmentCode: code } });
  return { status: res.statusCode, body: res.json() };
}

async function shoot(file: string, toDocs = true): Promise<void> {
  const target = join(outDir, file);
  await page.screenshot({ path: target });
  expect(statSync(target).size).toBeGreaterThan(20_000);
  if (toDocs && process.env.UPDATE_SCREENSHOTS === '1') {
    mkdirSync('docs/screenshots', { recursive: true });
    copyFileSync(target, join('docs/screenshots', file));
  }
}

beforeAll(async () => {
  mkdirSync(outDir, { recursive: true });
  hub = await startHub(null);
  // Centers already there: two linked and heard from, one never enrolled.
  for (const [code, name] of [
    ['TTHCC', 'Trung tâm Phục vụ hành chính công tỉnh'],
    ['X-TAN-LAP', 'Xã Tân Lập'],
  ]) {
    const c = (await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie }, payload: { code, name } })).json();
    const e = await enrol(c.enrolmentCode);
    const res = await ingest(hub, e.body.credential, { live: { at: DAY_START, waiting: 4, longestWaitSeconds: 300, openCounters: 2, printerFaults: 0 } });
    expect(res.statusCode).toBe(200);
    if (code === 'X-TAN-LAP') linked = { id: c.id, credential: e.body.credential };
  }
  await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie: hub.adminCookie }, payload: { code: 'X-MUONG-LA', name: 'Xã Mường La' } });
  await hub.app.listen({ port: 0, host: '127.0.0.1' });
  url = hallUrl(`http://127.0.0.1:${(hub.app.server.address() as AddressInfo).port}`);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await hub?.close();
});

async function signIn(p: Page, username: string): Promise<void> {
  await p.goto(`${url}/province/`);
  await p.getByLabel('Tên đăng nhập').fill(username);
  await p.getByLabel('Mật khẩu').fill('demo-pass');
  await p.getByRole('button', { name: 'Đăng nhập' }).click();
  await p.locator('qm-province-centers tbody tr[data-center]').first().waitFor();
}

describe('province administration: centers', () => {
  it('shows the centers with their link state', async () => {
    await signIn(page, 'admin');
    await page.getByRole('link', { name: 'Quản trị' }).click();
    await expect.poll(() => row('TTHCC').getByTestId('link-state').textContent()).toBe('Đã liên kết');
    expect(await row('X-MUONG-LA').getByTestId('link-state').textContent()).toBe('Chờ đăng ký');
    expect(await row('X-MUONG-LA').textContent()).toContain('Chưa bao giờ');
    // Only a linked center can be revoked; every one can get a new code.
    expect(await row('X-MUONG-LA').getByTestId('revoke').count()).toBe(0);
    expect(await row('TTHCC').getByRole('button', { name: 'Thu hồi liên kết của Trung tâm Phục vụ hành chính công tỉnh' }).count()).toBe(1);
  });

  it('refuses a form without a code, or with a code the hub would refuse, in its own words', async () => {
    await page.getByRole('button', { name: 'Thêm trung tâm' }).click();
    expect(await page.getByTestId('add-error').textContent()).toBe('Nhập mã trung tâm.');
    await page.getByTestId('new-code').fill('xã mới');
    await page.getByTestId('new-name').fill('Xã Mới');
    await page.getByRole('button', { name: 'Thêm trung tâm' }).click();
    expect(await page.getByTestId('add-error').textContent()).toContain('Mã trung tâm chỉ gồm chữ không dấu');
    await page.getByTestId('new-code').fill('X-TAN-LAP');
    await page.getByRole('button', { name: 'Thêm trung tâm' }).click();
    await expect.poll(() => page.getByTestId('add-error').textContent()).toBe('Mã “X-TAN-LAP” đã được dùng.');
    expect(await page.getByTestId('code-box').count()).toBe(0);
  });

  it('adds a center and shows its one-time code once, with how to use it; the code enrols the center', async () => {
    await page.getByTestId('new-code').fill('X-PHU-HUU');
    await page.getByTestId('new-name').fill('Xã Phú Hữu');
    await page.getByRole('button', { name: 'Thêm trung tâm' }).click();
    const box = page.getByTestId('code-box');
    await box.waitFor();
    const code = await page.getByTestId('enrolment-code').inputValue();
    expect(code).toMatch(CODE_RE);
    expect(await box.textContent()).toContain('Mã đăng ký của Xã Phú Hữu (X-PHU-HUU)');
    expect(await box.textContent()).toContain('chỉ hiển thị MỘT LẦN');
    expect(await box.textContent()).toContain(`HUB_URL=${url}`);
    expect(await box.textContent()).toContain(`HUB_ENROLMENT_CODE=${code}`);
    expect(await box.textContent()).toContain('Quản trị › Tỉnh');
    await expect.poll(() => row('X-PHU-HUU').getByTestId('link-state').textContent()).toBe('Chờ đăng ký');

    // Plain HTTP: no clipboard API, so the code is selected (or copied by the old command) and the page says which.
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    await page.getByTestId('copy-code').click();
    await expect.poll(() => page.getByTestId('copy-note').textContent()).toMatch(/Đã chép mã vào bộ nhớ tạm\.|Mã đã được bôi đen: nhấn Ctrl\+C để chép\./);
    const selected = await page.locator('qm-province-admin').evaluate((el) => {
      const input = el.shadowRoot!.querySelector('input[data-testid=enrolment-code]') as HTMLInputElement;
      return input.value.slice(input.selectionStart ?? 0, input.selectionEnd ?? 0);
    });
    expect(selected).toBe(code);
    await shoot('province-admin-centers.png');

    await page.getByTestId('close-code').click();
    expect(await page.getByTestId('code-box').count()).toBe(0);
    expect(await page.locator('qm-province-admin').evaluate((el, c) => el.shadowRoot!.innerHTML.includes(c), code)).toBe(false);

    // The code on screen is the one the hub takes.
    const enrolled = await enrol(code);
    expect(enrolled.status).toBe(201);
    expect((await ingest(hub, enrolled.body.credential, { live: { at: DAY_START, waiting: 1, longestWaitSeconds: 30, openCounters: 1, printerFaults: 0 } })).statusCode).toBe(200);
    await expect.poll(() => row('X-PHU-HUU').getByTestId('link-state').textContent()).toBe('Đã liên kết');
  });

  it('issues a new code for a center, shown once the same way', async () => {
    await row('X-MUONG-LA').getByTestId('renew').click();
    await page.getByTestId('code-box').waitFor();
    expect(await page.getByTestId('code-box').textContent()).toContain('Mã đăng ký của Xã Mường La (X-MUONG-LA)');
    const code = await page.getByTestId('enrolment-code').inputValue();
    expect(code).toMatch(CODE_RE);
    await page.getByTestId('close-code').click();
    expect(await page.getByTestId('code-box').count()).toBe(0);
  });

  it('revokes a link after a confirmation saying the center stops syncing; the live list then says "Đã thu hồi"', async () => {
    await row('X-TAN-LAP').getByTestId('revoke').click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    expect(await dialog.textContent()).toContain('Thu hồi liên kết của Xã Tân Lập?');
    expect(await dialog.textContent()).toContain('ngừng đồng bộ với máy chủ tỉnh');
    expect(await dialog.textContent()).toContain('cho đến khi được đăng ký lại');
    // Cancel changes nothing.
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await row('X-TAN-LAP').getByTestId('link-state').textContent()).toBe('Đã liên kết');

    await row('X-TAN-LAP').getByTestId('revoke').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Thu hồi liên kết' }).click();
    await expect.poll(() => row('X-TAN-LAP').getByTestId('link-state').textContent()).toBe('Đã thu hồi');
    expect(await ingest(hub, linked.credential, { live: null }).then((r) => r.statusCode)).toBe(401);

    await page.getByRole('link', { name: 'Các trung tâm' }).click();
    const live = page.locator('qm-province-centers tr[data-center="X-TAN-LAP"]');
    await expect.poll(() => live.getByTestId('status').textContent()).toBe('Đã thu hồi');
    expect(await live.getAttribute('class')).toContain('revoked');
    await shoot('province-live-revoked.png', false);
    expect(await page.locator('qm-province-centers tr[data-center="TTHCC"]').getByTestId('status').textContent()).toBe('Trực tuyến');
  });
});

describe('province administration: publishing', () => {
  it('publishes a notice line: its version, then the published list with what the centers report', async () => {
    await page.goto(`${url}/province/#/admin/publish`);
    await page.getByTestId('notice-text').waitFor();
    await page.getByRole('button', { name: 'Gửi dòng thông báo' }).click();
    expect(await page.getByTestId('notice-error').textContent()).toBe('Nhập nội dung thông báo.');
    const text = 'Ngày 30/4 và 1/5 các trung tâm nghỉ lễ; tiếp nhận hồ sơ trở lại từ thứ Hai.';
    await page.getByTestId('notice-text').fill(text);
    await page.getByRole('button', { name: 'Gửi dòng thông báo' }).click();
    await expect.poll(() => page.getByTestId('notice-done').textContent()).toMatch(/^Đã gửi: phiên bản \d+\.$/);
    const version = Number(/(\d+)/.exec((await page.getByTestId('notice-done').textContent())!)![1]);
    const item = page.locator(`tr[data-version="${version}"]`);
    await expect.poll(() => item.getByTestId('published-content').textContent()).toBe(text);
    expect(await item.textContent()).toContain('Tất cả trung tâm');
    // TTHCC, X-PHU-HUU linked and X-MUONG-LA with a code out; X-TAN-LAP revoked is not waited for.
    expect(await item.getByTestId('published-progress').textContent()).toBe('0/3 đã áp dụng');

    // A center applies it and says so with its next push; the list shows it when read again.
    // (X-TAN-LAP enrols again with a new code: it is linked, and waited for, once more.)
    const renew = await hub.app.inject({ method: 'POST', url: `/api/hub/centers/${linked.id}/enrolment-code`, headers: { cookie: hub.adminCookie } });
    const again = await enrol(renew.json().enrolmentCode);
    const res = await ingest(hub, again.body.credential, {
      configChanges: [{ id: 1, at: DAY_START + 60_000, action: 'province.notice-line', target: `v${version}`, data: { before: {}, after: { noticeLine: text } } }],
    });
    expect(res.statusCode).toBe(200);
    await page.reload();
    await page.locator(`tr[data-version="${version}"]`).waitFor();
    await expect.poll(() => item.getByTestId('published-progress').textContent()).toBe('1/4 đã áp dụng');
    await item.locator('summary').click();
    expect(await item.locator('li[data-center="X-TAN-LAP"]').textContent()).toContain('Đã áp dụng');
    expect(await item.locator('li[data-center="TTHCC"]').textContent()).toContain('Chưa nhận');
  });

  it('checks holiday dates before sending, then publishes them to one center', async () => {
    await page.getByTestId('holiday-date').first().fill('31/04/2026');
    await page.getByTestId('holiday-name').first().fill('Giải phóng miền Nam');
    await page.getByRole('button', { name: 'Gửi danh sách ngày nghỉ' }).click();
    expect(await page.getByTestId('holidays-error').textContent()).toBe('Dòng 1: ngày chưa đúng, nhập theo dạng dd/mm/yyyy.');
    await page.getByTestId('holiday-date').first().fill('30/04/2026');
    await page.getByTestId('holiday-add').click();
    await page.getByTestId('holiday-date').nth(1).fill('30/04/2026');
    await page.getByTestId('holiday-name').nth(1).fill('Trùng');
    await page.getByRole('button', { name: 'Gửi danh sách ngày nghỉ' }).click();
    expect(await page.getByTestId('holidays-error').textContent()).toBe('Dòng 2: ngày 30/04/2026 đã có ở dòng trên.');
    await page.getByTestId('holiday-date').nth(1).fill('01/05/2026');
    await page.getByTestId('holiday-name').nth(1).fill('Quốc tế Lao động');
    await page.getByTestId('holidays-target').selectOption({ label: 'TTHCC – Trung tâm Phục vụ hành chính công tỉnh' });
    await page.getByRole('button', { name: 'Gửi danh sách ngày nghỉ' }).click();
    await expect.poll(() => page.getByTestId('holidays-done').textContent()).toMatch(/^Đã gửi: phiên bản \d+\.$/);
    const version = Number(/(\d+)/.exec((await page.getByTestId('holidays-done').textContent())!)![1]);
    const item = page.locator(`tr[data-version="${version}"]`);
    await expect.poll(() => item.getByTestId('published-content').textContent()).toBe('2 mục');
    expect(await item.textContent()).toContain('TTHCC – Trung tâm Phục vụ hành chính công tỉnh');
    const stored = await hub.db.query<{ data: unknown }>('SELECT data FROM downlink_items WHERE version = $1', [version]);
    expect(stored.rows[0].data).toEqual({ holidays: [{ date: '2026-04-30', name: 'Giải phóng miền Nam' }, { date: '2026-05-01', name: 'Quốc tế Lao động' }] });
  });

  it('publishes a JSON file, and shows what is wrong with a file or what the hub refuses', async () => {
    const file = (name: string, content: string) => ({ name, mimeType: 'application/json', buffer: Buffer.from(content) });
    await page.getByTestId('file-input').setInputFiles(file('hong.json', '{ "procedures": [ '));
    await expect.poll(() => page.getByTestId('file-error').textContent()).toContain('Tệp không đọc được như JSON');
    await page.getByTestId('file-kind').selectOption('service-templates');
    await page.getByTestId('file-input').setInputFiles(file('mau.json', JSON.stringify([{ name: 'Không có mã' }])));
    await page.getByRole('button', { name: 'Gửi tệp' }).click();
    await expect.poll(() => page.getByTestId('file-error').textContent()).toBe('Dữ liệu gửi lên không hợp lệ: Mẫu thứ 1 thiếu mã dịch vụ ("code").');
    await page.getByTestId('file-kind').selectOption('procedure-catalog');
    const procedures = [
      { code: '1.001', name: 'Đăng ký khai sinh', field: 'Hộ tịch' },
      { code: '1.002', name: 'Chứng thực bản sao', field: 'Chứng thực' },
    ];
    await page.getByTestId('file-input').setInputFiles(file('danh-muc.json', JSON.stringify({ procedures })));
    await expect.poll(() => page.getByTestId('file-chosen').textContent()).toBe('danh-muc.json: 2 mục');
    await page.getByRole('button', { name: 'Gửi tệp' }).click();
    await expect.poll(() => page.getByTestId('file-done').textContent()).toMatch(/^Đã gửi: phiên bản \d+\.$/);
    const version = Number(/(\d+)/.exec((await page.getByTestId('file-done').textContent())!)![1]);
    await expect.poll(() => page.locator(`tr[data-version="${version}"]`).textContent()).toContain('Danh mục thủ tục');
    await page.evaluate(() => window.scrollTo(0, 0));
    await shoot('province-admin-publish.png');
  });

  it('publishes a catalog as the CSV table a center exports, and keeps CSV away from service templates', async () => {
    const csv = exportCsv([
      makeProcedure({ id: 'proc-khai-sinh', code: '1.001193', name: 'Đăng ký khai sinh', field: 'Hộ tịch' }),
      makeProcedure({ id: 'proc-chung-thuc', code: '2.000815', name: 'Chứng thực bản sao từ bản chính', field: 'Chứng thực' }),
      makeProcedure({ id: 'proc-cu-tru', code: '1.004194', name: 'Đăng ký thường trú', field: 'Cư trú' }),
    ]);
    const file = { name: 'thu-tuc.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) };
    await page.getByTestId('file-kind').selectOption('service-templates');
    await page.getByTestId('file-input').setInputFiles(file);
    await expect.poll(() => page.getByTestId('file-chosen').textContent()).toBe('thu-tuc.csv: bảng CSV, mỗi trung tâm kiểm tra từng dòng khi nhận');
    await page.getByRole('button', { name: 'Gửi tệp' }).click();
    await expect.poll(() => page.getByTestId('file-error').textContent()).toBe('Mẫu dịch vụ chỉ nhận tệp JSON; tệp CSV dành cho danh mục thủ tục.');
    await page.getByTestId('file-chosen').scrollIntoViewIfNeeded();
    await shoot('province-admin-publish-csv.png', false);
    await page.getByTestId('file-kind').selectOption('procedure-catalog');
    await page.getByRole('button', { name: 'Gửi tệp' }).click();
    await expect.poll(() => page.getByTestId('file-done').textContent()).toMatch(/^Đã gửi: phiên bản \d+\.$/);
    const version = Number(/(\d+)/.exec((await page.getByTestId('file-done').textContent())!)![1]);
    // Counted as a center's own import reads it.
    await expect.poll(() => page.locator(`tr[data-version="${version}"]`).getByTestId('published-content').textContent()).toBe('3 mục');
    const stored = await hub.db.query<{ data: unknown }>('SELECT data FROM downlink_items WHERE version = $1', [version]);
    // The browser reads the file as UTF-8 text, its byte-order mark (which Excel wants) dropped.
    expect(stored.rows[0].data).toEqual({ format: 'csv', content: csv.replace(/^\uFEFF/, '') });
  });

  it('speaks English on request', async () => {
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'Administration', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Publish notice line' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Publish to centers' }).count()).toBe(1);
    await page.getByRole('link', { name: 'Centers', exact: true }).first().click();
    await page.goto(`${url}/province/#/admin/centers`);
    await expect.poll(() => row('X-TAN-LAP').getByTestId('link-state').textContent()).toBe('Linked');
    expect(await row('TTHCC').getByTestId('link-state').textContent()).toBe('Linked');
    await shoot('province-admin-centers-en.png', false);
    await page.goto(`${url}/province/#/admin/publish`);
    await page.getByTestId('notice-text').waitFor();
    await shoot('province-admin-publish-en.png', false);
    await page.goto(`${url}/province/#/admin/centers`);
    await row('TTHCC').waitFor();
    await page.getByRole('button', { name: 'Tiếng Việt' }).click();
    await expect.poll(() => row('TTHCC').getByTestId('link-state').textContent()).toBe('Đã liên kết');
  });
});

describe('province administration: accounts', () => {
  let temporary = '';
  it('adds a director with a temporary password shown once', async () => {
    await page.goto(`${url}/province/#/admin/accounts`);
    await page.locator('qm-province-accounts tr[data-username="director"]').waitFor();
    expect(await page.locator('qm-province-accounts tr[data-username="admin"]').textContent()).toContain('tài khoản của bạn');
    expect(await page.locator('qm-province-accounts tr[data-username="admin"] button').count()).toBe(0);
    await page.getByTestId('acc-username').fill('x y');
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    expect(await page.getByTestId('acc-error').textContent()).toContain('Tên đăng nhập gồm 3–32 ký tự');
    await page.getByTestId('acc-username').fill('director');
    await page.getByTestId('acc-name').fill('Trùng tên');
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await expect.poll(() => page.getByTestId('acc-error').textContent()).toBe('Tên đăng nhập “director” đã tồn tại.');
    await page.getByTestId('acc-username').fill('lanhdao-so');
    await page.getByTestId('acc-name').fill('Phó Giám đốc Sở Nội vụ');
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    await page.getByTestId('password-box').waitFor();
    expect(await page.getByTestId('password-box').textContent()).toContain('Mật khẩu tạm của lanhdao-so');
    temporary = await page.getByTestId('temporary-password').inputValue();
    expect(temporary).toMatch(/^[A-Za-z0-9]{12}$/);
    const added = page.locator('qm-province-accounts tr[data-username="lanhdao-so"]');
    await expect.poll(() => added.textContent()).toContain('chưa đổi mật khẩu tạm');
    expect(await added.textContent()).toContain('Lãnh đạo tỉnh');
    await shoot('province-admin-accounts.png');
    await page.getByTestId('close-password').click();
    expect(await page.getByTestId('password-box').count()).toBe(0);
  });

  it('the new director must choose a password first, then sees the dashboard without Quản trị', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const p = await ctx.newPage();
    await p.goto(`${url}/province/`);
    await p.getByLabel('Tên đăng nhập').fill('lanhdao-so');
    await p.getByLabel('Mật khẩu').fill(temporary);
    await p.getByRole('button', { name: 'Đăng nhập' }).click();
    await p.getByRole('heading', { name: 'Đặt mật khẩu mới' }).waitFor();
    expect(await p.getByRole('link', { name: 'Báo cáo' }).count()).toBe(0);
    await p.getByLabel('Mật khẩu tạm (hiện tại)').fill(temporary);
    await p.getByLabel('Mật khẩu mới (ít nhất 8 ký tự)').fill('so-noi-vu-2026');
    await p.getByLabel('Nhập lại mật khẩu mới').fill('so-noi-vu-2025');
    await p.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    expect(await p.getByTestId('password-error').textContent()).toBe('Hai lần nhập mật khẩu mới không khớp.');
    await p.getByLabel('Nhập lại mật khẩu mới').fill('so-noi-vu-2026');
    await p.getByRole('button', { name: 'Lưu mật khẩu mới' }).click();
    await p.locator('qm-province-centers tbody tr[data-center]').first().waitFor();
    expect(await p.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await ctx.close();
    const row = page.locator('qm-province-accounts tr[data-username="lanhdao-so"]');
    await page.reload();
    await row.waitFor();
    expect(await row.textContent()).not.toContain('chưa đổi mật khẩu tạm');
  });

  it('deactivates the account, which can no longer sign in, and reactivates it', async () => {
    const row = page.locator('qm-province-accounts tr[data-username="lanhdao-so"]');
    await row.getByTestId('acc-deactivate').click();
    await expect.poll(() => row.getByTestId('acc-state').textContent()).toBe('Đã ngừng');
    const refused = await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao-so', password: 'so-noi-vu-2026' } });
    expect(refused.statusCode).toBe(401);
    await row.getByTestId('acc-activate').click();
    await expect.poll(() => row.getByTestId('acc-state').textContent()).toBe('Đang hoạt động');
    expect((await hub.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'lanhdao-so', password: 'so-noi-vu-2026' } })).statusCode).toBe(200);
  });
});

describe('a director', () => {
  it('sees no "Quản trị", is told the section is for admins, and the API refuses them', async () => {
    const ctx = await browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
    const p = await ctx.newPage();
    await signIn(p, 'director');
    expect(await p.getByRole('link', { name: 'Báo cáo', exact: true }).count()).toBe(1);
    expect(await p.getByRole('link', { name: 'Quản trị' }).count()).toBe(0);
    await p.goto(`${url}/province/#/admin/centers`);
    await expect.poll(() => p.getByTestId('admin-forbidden').textContent()).toBe('Chỉ tài khoản quản trị cấp tỉnh mới dùng được mục này.');
    expect(await p.getByRole('button', { name: 'Thêm trung tâm' }).count()).toBe(0);
    const status = await p.evaluate(async () => {
      const post = (path: string, body: object) => fetch(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.status);
      return {
        create: await post('/api/hub/centers', { code: 'X-GIA', name: 'Giả' }),
        publish: await post('/api/hub/downlink', { kind: 'notice-line', data: 'Giả' }),
        list: await fetch('/api/hub/downlink/items').then((r) => r.status),
      };
    });
    expect(status).toEqual({ create: 403, publish: 403, list: 403 });
    const cookie = await login(hub.app, 'director', 'demo-pass');
    const direct = await hub.app.inject({ method: 'POST', url: '/api/hub/centers', headers: { cookie }, payload: { code: 'X-GIA', name: 'Giả' } });
    expect(direct.statusCode).toBe(403);
    expect(direct.json().code).toBe('FORBIDDEN');
    await ctx.close();
  });
});
