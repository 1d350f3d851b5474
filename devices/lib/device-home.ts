/** Where an approved device works, and how its pairing code reads aloud. Pure, for the pairing page and its tests. */
import { COUNTER_DEVICE_KINDS, type DeviceKind, type DeviceSelf } from '../../protocol/devices';

export function needsCounter(kind: DeviceKind): boolean {
  return COUNTER_DEVICE_KINDS.includes(kind);
}

/** The page an active device opens: its counter's page for counter kinds. */
export function deviceHomeUrl(device: Pick<DeviceSelf, 'kind' | 'counterNumber'>): string {
  const n = device.counterNumber;
  switch (device.kind) {
    case 'kiosk':
      return '/kiosk/';
    case 'hall-display':
      return '/display/';
    case 'counter-display':
      return n === null ? '/display/' : `/display/counter/${n}`;
    case 'rating':
      return n === null ? '/pair/' : `/rate/counter/${n}`;
    case 'counter-pc':
      return '/console/';
  }
}

/** "123456" → "123 456": two groups of three are easier to read across a counter and to type. */
export function formatPairingCode(code: string): string {
  return /^\d{6}$/.test(code) ? `${code.slice(0, 3)}\u00a0${code.slice(3)}` : code;
}

/** The pairing page's link, prefilled for a page that knows what it is (the rating tablet of counter 3). */
export function pairUrl(kind: DeviceKind, counterNumber: number | null): string {
  const q = new URLSearchParams({ kind });
  if (counterNumber !== null && needsCounter(kind)) q.set('counter', String(counterNumber));
  return `/pair/?${q}`;
}
