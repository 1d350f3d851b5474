import { describe, expect, it } from 'vitest';
import { en, t, toLang, vi } from '../../kiosk/lib/i18n';
import { qrPath, QUIET_ZONE } from '../../kiosk/lib/qr';
import { formatLocalDateTime, formatLocalTime } from '../../protocol/local-time';

describe('kiosk texts', () => {
  it('has every Vietnamese key in English with the same placeholders', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(vi).sort());
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(vi) as (keyof typeof vi)[]) expect(holes(en[key])).toEqual(holes(vi[key]));
  });

  it('is NFC Vietnamese and fills placeholders', () => {
    for (const text of Object.values(vi)) expect(text).toBe(text.normalize('NFC'));
    expect(t('vi', 'phoneCalled', { counter: 3 })).toBe('Đến lượt bạn — mời đến quầy số 3');
    expect(toLang('en-US')).toBe('en');
    expect(toLang(null)).toBe('vi');
  });
});

describe('QR path', () => {
  it('draws the three finder patterns at the corners', () => {
    const { size, d } = qrPath('http://10.0.0.5:8080/t/abcdefgh12345678');
    expect(size).toBeGreaterThanOrEqual(21);
    // A finder pattern's top row is a run of 7 dark modules starting at the quiet zone.
    expect(d).toContain(`M${QUIET_ZONE} ${QUIET_ZONE}h7v1`);
    expect(d).toContain(`M${QUIET_ZONE + size - 7} ${QUIET_ZONE}h7v1`);
    expect(d).toContain(`M${QUIET_ZONE} ${QUIET_ZONE + size - 7}h7v1`);
  });
});

describe('time format', () => {
  it('shows the center’s local time, 24-hour, dd/MM/yyyy', () => {
    expect(formatLocalTime(Date.UTC(2026, 10, 23, 14, 5), 'Asia/Ho_Chi_Minh')).toBe('21:05');
    expect(formatLocalDateTime(Date.UTC(2026, 10, 23, 14, 5), 'Asia/Ho_Chi_Minh')).toBe('23/11/2026 21:05');
  });
});
