/** Layouts encoded for each printer encoding, then decoded back by our decoder: the Vietnamese must survive exactly. */
import { describe, expect, it } from 'vitest';
import { decodeEscPos, encodePrintJob, findProfile, type TextEncoding } from '../../hardware';
import { checklist, ticket } from './fixtures';

const cases: { model: string; encoding: TextEncoding }[] = [
  { model: 'epson', encoding: 'tcvn3' },
  { model: 'epson', encoding: 'cp1258' },
  { model: 'epson', encoding: 'raster' },
  { model: 'bixolon', encoding: 'tcvn3' },
  { model: 'pos-5890', encoding: 'cp1258' },
  { model: 'netum', encoding: 'cp1258' },
  { model: 'xprinter', encoding: 'raster' },
];

const texts = (bytes: Uint8Array, model: string) => decodeEscPos(bytes, { profile: model }).lines.map((l) => l.text);

describe.each(cases)('ticket for $model in $encoding', ({ model, encoding }) => {
  for (const paperWidth of [58, 80] as const) {
    it(`${paperWidth} mm: text, big number, QR and cut come back exactly`, () => {
      const profile = findProfile(model);
      const bytes = encodePrintJob(ticket({ priorityName: 'Người cao tuổi' }), { profile, encoding, paperWidth });
      const doc = decodeEscPos(bytes, { profile });
      const lines = doc.lines.map((l) => l.text);
      // Double-size lines wrap at 16 columns on 58 mm: the service name may take two lines.
      expect(doc.lines.filter((l) => l.height === 2).map((l) => l.text).join(' ')).toBe('Đăng ký khai sinh');
      expect(lines).toContain('Ưu tiên: Người cao tuổi');
      expect(lines).toContain('Số người chờ trước: 4');
      expect(lines).toContain('Thời gian chờ dự kiến: ~18 phút');
      expect(lines).toContain('Giờ lấy số: 01/01/2027 06:45');
      expect(lines.join(' ')).toContain('Ủy ban nhân dân phường Hòa Bình');
      expect(lines).toContain('SỐ THỨ TỰ CỦA BẠN');
      const big = doc.lines.filter((l) => l.height >= 4);
      expect(big.map((l) => [l.text, l.source])).toEqual([['A012', 'text']]);
      expect(doc.qr).toEqual(['https://hcc.example.vn/t/01HX7Q2ABC']);
      expect(doc.cuts).toBe(1);
      expect(doc.unknown).toEqual([]);
      expect(lines.join('')).not.toMatch(/[?\uFFFD]/);
      for (const l of doc.lines) expect(l.text).toBe(l.text.normalize('NFC'));
      if (encoding === 'raster') {
        expect(doc.rasters.length).toBeGreaterThan(5);
        expect(doc.rasters.every((r) => r.width <= (paperWidth === 80 ? 576 : 384))).toBe(true);
        expect(doc.pages.every((p) => p === 0)).toBe(true);
      } else {
        expect(doc.rasters).toEqual([]);
      }
    });
  }

  it('checklist: code, name, documents with copies, time limit, fee', () => {
    const profile = findProfile(model);
    const bytes = encodePrintJob(checklist(), { profile, encoding, paperWidth: 80 });
    const lines = texts(bytes, model);
    expect(lines).toContain('PHIẾU HƯỚNG DẪN HỒ SƠ');
    expect(lines).toContain('Mã thủ tục: 1.001193');
    expect(lines).toContain('Chứng thực bản sao từ bản chính giấy tờ, văn bản');
    expect(lines).toContain('Thành phần hồ sơ:');
    expect(lines.join(' ')).toContain('2. Bản sao cần chứng thực (Số lượng: Theo nhu cầu)');
    expect(lines.join(' ')).toContain('1. Bản chính giấy tờ, văn bản làm cơ sở để chứng thực bản sao (Số lượng: 1)');
    expect(lines).toContain('3. Giấy tờ tùy thân');
    expect(lines).toContain('Thời hạn giải quyết: Trong ngày làm việc');
    expect(lines).toContain('Phí, lệ phí: 2.000 đồng/trang');
    expect(lines).toContain('In lúc: 06/05/2026 09:05');
    expect(decodeEscPos(bytes, { profile }).qr).toEqual(['https://dichvucong.gov.vn/p/1.001193']);
  });
});

describe('estimated wait on the slip', () => {
  const waitLine = (over: Parameters<typeof ticket>[0], paperWidth: 58 | 80 = 80) =>
    texts(encodePrintJob(ticket(over), { profile: findProfile('epson'), encoding: 'tcvn3', paperWidth }), 'epson')
      .join(' ')
      .match(/Thời gian chờ dự kiến: (.*?) Giờ lấy số/)?.[1];

  it('prints a wide estimate as a range, on 80 and 58 mm paper', () => {
    expect(waitLine({ etaMinutes: 31, etaRange: { low: 25, high: 40 } })).toBe('khoảng 25-40 phút');
    expect(waitLine({ etaMinutes: 31, etaRange: { low: 25, high: 40 } }, 58)).toBe('khoảng 25-40 phút');
  });

  it('prints a narrow estimate as its point, a short one as "soon", and "no wait" only at zero', () => {
    expect(waitLine({ etaMinutes: 8, etaRange: { low: 6, high: 10 } })).toBe('~8 phút');
    expect(waitLine({ etaMinutes: 2, etaRange: { low: 1, high: 4 } })).toBe('sắp đến lượt');
    expect(waitLine({ etaMinutes: 1, etaRange: { low: 1, high: 1 } })).toBe('sắp đến lượt');
    expect(waitLine({ etaMinutes: 0, etaRange: { low: 0, high: 0 } })).toBe('không phải chờ');
  });
});

describe('English ticket', () => {
  it('uses English labels and keeps Vietnamese names', () => {
    const profile = findProfile('epson');
    const lines = texts(encodePrintJob(ticket({ lang: 'en', etaMinutes: null }), { profile, encoding: 'tcvn3', paperWidth: 80 }), 'epson');
    expect(lines).toContain('YOUR NUMBER');
    expect(lines).toContain('Estimated wait: updating');
    expect(lines).toContain('Đăng ký khai sinh');
  });
});

describe('time zone', () => {
  it('prints the center’s local time, not UTC', () => {
    const profile = findProfile('epson');
    const at = Date.UTC(2026, 5, 1, 17, 0);
    const hcm = texts(encodePrintJob(ticket({ issuedAt: at }), { profile, encoding: 'tcvn3', paperWidth: 80 }), 'epson');
    const utc = texts(encodePrintJob(ticket({ issuedAt: at, timeZone: 'UTC' }), { profile, encoding: 'tcvn3', paperWidth: 80 }), 'epson');
    expect(hcm).toContain('Giờ lấy số: 02/06/2026 00:00');
    expect(utc).toContain('Giờ lấy số: 01/06/2026 17:00');
  });
});

describe('wrapping', () => {
  it('wraps long service names within the paper width and loses no word', () => {
    const name = 'Cấp bản sao trích lục hộ tịch, bản sao giấy khai sinh và xác nhận thông tin hộ tịch';
    const profile = findProfile('epson');
    const doc = decodeEscPos(encodePrintJob(ticket({ serviceName: name }), { profile, encoding: 'tcvn3', paperWidth: 58 }), { profile });
    const nameLines = doc.lines.filter((l) => l.height === 2);
    expect(nameLines.length).toBeGreaterThan(1);
    expect(nameLines.every((l) => [...l.text].length <= 16)).toBe(true);
    expect(nameLines.map((l) => l.text).join(' ')).toBe(name);
  });
});
