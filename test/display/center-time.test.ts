import { describe, expect, it } from 'vitest';
import { centerClock } from '../../display/center-time';

describe('centerClock', () => {
  it('shows the center zone whatever the machine zone (tests run in UTC)', () => {
    // 23/11/2026 17:05 UTC is 00:05 on Tuesday 24/11 in Hà Nội.
    const c = centerClock(Date.UTC(2026, 10, 23, 17, 5), 'Asia/Ho_Chi_Minh');
    expect(c).toEqual({ time: '00:05', date: '24/11/2026', weekdayVi: 'Thứ Ba', weekdayEn: 'Tuesday' });
  });

  it('24-hour clock with leading zeros', () => {
    expect(centerClock(Date.UTC(2026, 0, 4, 7, 9), 'Asia/Ho_Chi_Minh')).toMatchObject({ time: '14:09', date: '04/01/2026', weekdayVi: 'Chủ Nhật' });
  });

  it('falls back to Vietnam time on an unknown zone instead of breaking the screen', () => {
    expect(centerClock(Date.UTC(2026, 0, 5, 1, 0), 'Not/AZone').time).toBe('08:00');
  });
});
