/** The CSV downloads parse back, with Vietnamese intact and the figures of the summary. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { createTestApp, loginCookie, type TestApp } from '../../helpers/app';
import { FakeClock } from '../../helpers/clock';
import { DAY, insertDay, serveOne } from './fixtures';

let t: TestApp;
let cookie: string;

beforeAll(async () => {
  t = await createTestApp({ clock: new FakeClock(Date.parse('2026-11-25T02:00:00Z')) });
  cookie = await loginCookie(t.app, 'director');
  insertDay(t.app.db);
});
afterAll(() => t.destroy());

async function download(path: string) {
  const res = await t.app.inject({ url: path, headers: { cookie } });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
  expect(res.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  return { res, rows: parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[] };
}

describe('tickets.csv', () => {
  it('is an attachment with one row per ticket, Vietnamese headers and local times', async () => {
    const { res, rows } = await download(`/api/reports/tickets.csv?from=${DAY}&to=${DAY}`);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="hang-cho-phieu-${DAY}_${DAY}.csv"; filename*=UTF-8''hang-cho-phieu-${DAY}_${DAY}.csv`);
    expect(rows.map((r) => r['Số thứ tự'])).toEqual(['A001', 'A002', 'B001', 'B002', 'A003']);
    expect(rows[0]).toEqual({
      'Mã phiếu': 't1',
      Ngày: '23/11/2026',
      'Số thứ tự': 'A001',
      'Dịch vụ': 'Hộ tịch',
      'Dịch vụ khi lấy số': 'Hộ tịch',
      'Đối tượng ưu tiên': 'Người cao tuổi (từ 60 tuổi)',
      'Trạng thái': 'Đã giải quyết',
      'Giờ lấy số': '23/11/2026 08:00:00',
      'Giờ gọi lần đầu': '23/11/2026 08:10:00',
      'Giờ bắt đầu phục vụ': '23/11/2026 08:11:00',
      'Giờ kết thúc': '23/11/2026 08:21:00',
      'Thời gian chờ (giây)': '600',
      'Thời gian phục vụ (giây)': '600',
      Quầy: 'Quầy 1',
      'Cán bộ': 'Nguyễn Văn An',
      'Số lần gọi lại': '0',
      'Số lần chuyển': '0',
      'Mức đánh giá': '4',
      'Đánh giá': 'Rất hài lòng',
      'Lý do đánh giá': 'Cán bộ nhiệt tình',
    });
    expect(rows[1]).toMatchObject({ 'Số lần gọi lại': '1', 'Đánh giá': 'Bình thường', 'Lý do đánh giá': 'Thời gian chờ lâu; Hướng dẫn chưa rõ' });
    expect(rows[2]).toMatchObject({ 'Trạng thái': 'Vắng mặt', 'Thời gian chờ (giây)': '300', 'Thời gian phục vụ (giây)': '', 'Cán bộ': 'Lê Thị Bích Ngọc' });
    expect(rows[4]).toMatchObject({ 'Trạng thái': 'Đã hủy', 'Giờ gọi lần đầu': '', 'Quầy': '', 'Đánh giá': '' });
  });

  it('gives the stable English keys as header on request', async () => {
    const { rows } = await download(`/api/reports/tickets.csv?from=${DAY}&to=${DAY}&header=keys`);
    expect(Object.keys(rows[0])).toEqual([
      'ticketId', 'businessDay', 'number', 'service', 'issuedService', 'priority', 'status', 'issuedAt', 'firstCalledAt', 'startedAt',
      'completedAt', 'waitSeconds', 'serviceSeconds', 'counter', 'staff', 'recallCount', 'transferCount', 'ratingLevel', 'rating', 'ratingReasons',
    ]);
    expect(rows[0].service).toBe('Hộ tịch');
  });

  it('applies the same filters as the summary', async () => {
    const { rows } = await download(`/api/reports/tickets.csv?from=${DAY}&to=${DAY}&staffId=stf-staff2`);
    expect(rows.map((r) => r['Số thứ tự'])).toEqual(['B001', 'B002']);
  });

  it('quotes commas and quotes, and defuses text that Excel would run as a formula', async () => {
    t.app.db.prepare('UPDATE staff SET display_name = ? WHERE id = ?').run('Nguyễn "Út", An', 'stf-staff1');
    t.app.db.prepare('UPDATE staff SET display_name = ? WHERE id = ?').run('=HYPERLINK("http://x")', 'stf-staff2');
    try {
      const { res, rows } = await download(`/api/reports/tickets.csv?from=${DAY}&to=${DAY}`);
      expect(rows[0]['Cán bộ']).toBe('Nguyễn "Út", An');
      expect(rows[2]['Cán bộ']).toBe(`'=HYPERLINK("http://x")`);
      expect(res.body).toContain('\r\n');
    } finally {
      t.app.db.prepare('UPDATE staff SET display_name = ? WHERE id = ?').run('Nguyễn Văn An', 'stf-staff1');
      t.app.db.prepare('UPDATE staff SET display_name = ? WHERE id = ?').run('Lê Thị Bích Ngọc', 'stf-staff2');
    }
  });
});

describe('summary.csv', () => {
  it('holds the same figures as the JSON summary, one row per group', async () => {
    const { res, rows } = await download(`/api/reports/summary.csv?from=${DAY}&to=${DAY}`);
    expect(res.headers['content-disposition']).toContain(`filename="hang-cho-tong-hop-${DAY}_${DAY}.csv"`);
    const total = rows.find((r) => r['Phân loại'] === 'Tổng')!;
    expect(total).toMatchObject({
      'Số phiếu đã cấp': '5',
      'Đã giải quyết': '3',
      'Vắng mặt': '1',
      'Đã hủy': '1',
      'Chờ trung bình (giây)': '975',
      'Chờ trung vị (giây)': '900',
      'Chờ P90 (giây)': '1620',
      'Phục vụ P90 (giây)': '840',
      'Tỷ lệ chờ trong chỉ tiêu (%)': '50',
      'Số lượt đánh giá': '3',
      'Rất hài lòng': '1',
      'Tỷ lệ hài lòng (%)': '66.7',
    });
    expect(rows.filter((r) => r['Phân loại'] === 'Dịch vụ').map((r) => r['Tên'])).toEqual(['Hộ tịch', 'Chứng thực']);
    expect(rows.filter((r) => r['Phân loại'] === 'Quầy').map((r) => r['Tên'])).toEqual(['Quầy 1', 'Quầy 2']);
    expect(rows.find((r) => r['Tên'] === 'Nguyễn Văn An')).toMatchObject({ 'Phân loại': 'Cán bộ', 'Số lượt đánh giá': '2', 'Tỷ lệ hài lòng (%)': '50' });
    expect(rows.find((r) => r['Phân loại'] === 'Ngày')).toMatchObject({ 'Mã': DAY, 'Tên': '23/11/2026' });
    expect(rows.find((r) => r['Tên'] === 'Thời gian chờ lâu')).toMatchObject({ 'Phân loại': 'Lý do chưa hài lòng', 'Số lượt đánh giá': '1' });
  });
});

describe('events.csv', () => {
  it('lists every event of the period with its ticket number, in order', async () => {
    const fresh = await createTestApp({ clock: new FakeClock() });
    try {
      const staff = await loginCookie(fresh.app, 'staff1');
      const ticket = await serveOne(fresh.app, staff);
      const director = await loginCookie(fresh.app, 'director');
      const res = await fresh.app.inject({ url: '/api/reports/events.csv?from=2026-11-23&to=2026-11-23', headers: { cookie: director } });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-disposition']).toContain('filename="hang-cho-su-kien-2026-11-23_2026-11-23.csv"');
      const rows = parse(res.rawPayload, { bom: true, columns: true }) as Record<string, string>[];
      // The first start opened the business day: counter and day events are listed too, without a number.
      expect(rows[0]).toMatchObject({ 'Loại sự kiện': 'day.rolled', 'Diễn giải': 'Sang ngày làm việc mới', 'Số thứ tự': '', 'Mã phiếu': '' });
      expect(rows.slice(1).map((r) => [r['Loại sự kiện'], r['Diễn giải'], r['Số thứ tự']])).toEqual([
        ['ticket.issued', 'Lấy số', ticket.number],
        ['ticket.called', 'Gọi số', ticket.number],
        ['ticket.started', 'Bắt đầu phục vụ', ticket.number],
        ['ticket.completed', 'Giải quyết xong', ticket.number],
      ]);
      expect(rows[2]).toMatchObject({ 'Mã phiếu': ticket.id, Quầy: 'Quầy 1', 'Cán bộ': 'Nguyễn Văn An', 'Thời điểm': '23/11/2026 09:00:00' });
      expect(JSON.parse(rows[1]['Dữ liệu (JSON)'])).toMatchObject({ serviceId: 'svc-hotich', number: 'A001' });
      const other = await fresh.app.inject({ url: '/api/reports/events.csv?from=2026-11-24&to=2026-11-24', headers: { cookie: director } });
      expect(parse(other.rawPayload, { bom: true, columns: true })).toEqual([]);
    } finally {
      await fresh.destroy();
    }
  });
});
