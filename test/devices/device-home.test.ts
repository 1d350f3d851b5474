import { describe, expect, it } from 'vitest';
import { deviceHomeUrl, formatPairingCode, needsCounter, pairUrl } from '../../devices/lib/device-home';
import { isActiveDevice } from '../../devices/lib/ensure-device';
import type { DeviceSelf } from '../../protocol/devices';

const device = (over: Partial<DeviceSelf>): DeviceSelf => ({ id: 'd1', status: 'active', kind: 'kiosk', name: 'Ki-ốt 1', code: null, counterId: null, counterNumber: null, printerId: null, ...over });

describe('device pages', () => {
  it.each([
    ['kiosk', null, '/kiosk/'],
    ['hall-display', null, '/display/'],
    ['counter-display', 3, '/display/counter/3'],
    ['rating', 5, '/rate/counter/5'],
    ['counter-pc', 2, '/console/'],
  ] as const)('an approved %s (counter %s) opens %s', (kind, counterNumber, url) => {
    expect(deviceHomeUrl({ kind, counterNumber })).toBe(url);
  });

  it('a rating tablet without a counter goes back to pairing rather than to a counter that does not exist', () => {
    expect(deviceHomeUrl({ kind: 'rating', counterNumber: null })).toBe('/pair/');
  });

  it('shows a code as two groups of three that do not wrap apart', () => {
    expect(formatPairingCode('123456')).toBe('123\u00a0456');
    expect(formatPairingCode('12345')).toBe('12345');
  });

  it('links to the pairing page prefilled, with a counter only for counter kinds', () => {
    expect(pairUrl('rating', 4)).toBe('/pair/?kind=rating&counter=4');
    expect(pairUrl('kiosk', 4)).toBe('/pair/?kind=kiosk');
    expect(needsCounter('counter-pc')).toBe(true);
    expect(needsCounter('hall-display')).toBe(false);
  });

  it('is an active device only of its kind, status and counter', () => {
    const check = (d: DeviceSelf | null) => ({ device: d, autoApprove: false });
    expect(isActiveDevice(check(device({})), 'kiosk')).toBe(true);
    expect(isActiveDevice(check(device({ status: 'pending', code: '123456' })), 'kiosk')).toBe(false);
    expect(isActiveDevice(check(device({ status: 'revoked' })), 'kiosk')).toBe(false);
    expect(isActiveDevice(check(device({ kind: 'rating', counterNumber: 2 })), 'kiosk')).toBe(false);
    expect(isActiveDevice(check(device({ kind: 'rating', counterNumber: 2 })), 'rating', 2)).toBe(true);
    expect(isActiveDevice(check(device({ kind: 'rating', counterNumber: 2 })), 'rating', 3)).toBe(false);
    expect(isActiveDevice(check(null), 'kiosk')).toBe(false);
    expect(isActiveDevice(null, 'kiosk')).toBe(false);
  });
});
