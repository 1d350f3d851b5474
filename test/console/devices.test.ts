import { describe, expect, it } from 'vitest';
import { browserSummary, normalizeCode, settingsBody, sinceText, splitDevices } from '../../console/lib/devices';
import { ratingPairing } from '../../console/lib/rating-device';
import type { DeviceAdminView, DeviceSelf } from '../../protocol/devices';

const NOW = Date.UTC(2026, 10, 23, 2, 0, 0);
const view = (over: Partial<DeviceAdminView>): DeviceAdminView => ({
  id: 'd',
  status: 'active',
  kind: 'kiosk',
  name: '',
  code: null,
  counterId: null,
  counterNumber: null,
  printerId: null,
  createdAt: NOW,
  approvedAt: null,
  revokedAt: null,
  lastSeenAt: null,
  lastAddress: null,
  userAgent: null,
  ...over,
});

describe('devices screen', () => {
  it.each([
    [null, 'vi', null],
    [NOW - 20_000, 'vi', 'vừa xong'],
    [NOW - 5 * 60_000, 'vi', '5 phút trước'],
    [NOW - 3 * 3_600_000, 'vi', '3 giờ trước'],
    [NOW - 2 * 86_400_000, 'vi', '2 ngày trước'],
    [NOW - 5 * 60_000, 'en', '5 min ago'],
    [NOW - 86_400_000, 'en', '1 day ago'],
    // A device's clock ahead of the server's is "just now", never "in the future".
    [NOW + 60_000, 'vi', 'vừa xong'],
  ] as const)('last contact %s in %s reads %s', (then, lang, text) => {
    expect(sinceText(then, NOW, lang)).toBe(text);
  });

  it('lists pending oldest first, active by name (numbers in order), revoked newest first', () => {
    const lists = splitDevices([
      view({ id: 'p2', status: 'pending', createdAt: NOW }),
      view({ id: 'a10', name: 'Ki-ốt 10' }),
      view({ id: 'r1', status: 'revoked', revokedAt: NOW - 1000 }),
      view({ id: 'p1', status: 'pending', createdAt: NOW - 5000 }),
      view({ id: 'a2', name: 'Ki-ốt 2' }),
      view({ id: 'r2', status: 'revoked', revokedAt: NOW }),
    ]);
    expect(lists.pending.map((d) => d.id)).toEqual(['p1', 'p2']);
    expect(lists.active.map((d) => d.id)).toEqual(['a2', 'a10']);
    expect(lists.revoked.map((d) => d.id)).toEqual(['r2', 'r1']);
  });

  it.each([
    ['Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36', 'Chrome 131 · Linux'],
    ['Mozilla/5.0 (Linux; Android 13; SM-T220) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.43 Safari/537.36', 'Chrome 120 · Android'],
    ['Mozilla/5.0 (iPad; CPU OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Mobile/15E148 Safari/604.1', 'Safari 17 · iOS'],
    ['Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0', 'Edge 130 · Windows'],
    ['Mozilla/5.0 (Windows NT 10.0; rv:128.0) Gecko/20100101 Firefox/128.0', 'Firefox 128 · Windows'],
    ['curl/8.5.0', 'curl/8.5.0'],
  ])('tells the browser of %s as %s', (ua, text) => {
    expect(browserSummary(ua)).toBe(text);
  });

  it('takes a code as the device shows it', () => {
    expect(normalizeCode('123 456')).toBe('123456');
    expect(normalizeCode(' 123-456 ')).toBe('123456');
    expect(normalizeCode('12345')).toBeNull();
    expect(normalizeCode('12345a')).toBeNull();
  });

  it('sends a counter only for counter kinds and a printer only for kiosks', () => {
    expect(settingsBody({ name: ' Ki-ốt sảnh ', kind: 'kiosk', counterId: 'c1', printer: { kind: 'existing', id: 'main' } })).toEqual({ name: 'Ki-ốt sảnh', kind: 'kiosk', counterId: null, printerId: 'main' });
    expect(settingsBody({ name: 'K2', kind: 'kiosk', counterId: null, printer: { kind: 'new', url: ' tcp://10.0.0.9:9100 ' } })).toEqual({ name: 'K2', kind: 'kiosk', counterId: null, printerUrl: 'tcp://10.0.0.9:9100' });
    expect(settingsBody({ name: 'Đánh giá 3', kind: 'rating', counterId: 'c3', printer: { kind: 'existing', id: 'main' } })).toEqual({ name: 'Đánh giá 3', kind: 'rating', counterId: 'c3', printerId: null });
  });
});

describe('rating tablet pairing', () => {
  const self = (over: Partial<DeviceSelf>): DeviceSelf => ({ ...view({ kind: 'rating', counterNumber: 3 }), ...over });
  const check = (device: DeviceSelf | null) => ({ device, autoApprove: false });
  it('asks for ratings only as this counter’s approved rating device', () => {
    expect(ratingPairing(null, 3)).toEqual({ state: 'checking' });
    expect(ratingPairing(check(self({})), 3)).toEqual({ state: 'paired' });
    expect(ratingPairing(check(null), 3)).toEqual({ state: 'unpaired', code: null });
    expect(ratingPairing(check(self({ status: 'pending', code: '654321' })), 3)).toEqual({ state: 'unpaired', code: '654321' });
    expect(ratingPairing(check(self({ status: 'revoked' })), 3)).toEqual({ state: 'unpaired', code: null });
    expect(ratingPairing(check(self({ kind: 'kiosk' })), 3)).toEqual({ state: 'unpaired', code: null });
    expect(ratingPairing(check(self({})), 5)).toEqual({ state: 'other-counter', counterNumber: 3 });
  });
});
