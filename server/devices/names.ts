/** The name a device gets before an admin names it: what a center would call it ("Ki-ốt 2", "Màn hình quầy 3"). */
import type { DeviceKind } from '../../protocol/devices';

const NAME_STEM: Record<DeviceKind, string> = {
  kiosk: 'Ki-ốt',
  'hall-display': 'Màn hình sảnh',
  'counter-display': 'Màn hình quầy',
  rating: 'Máy đánh giá quầy',
  'counter-pc': 'Máy tính quầy',
};

/** Counter kinds take their counter's number; the others are numbered in order of pairing. */
export function defaultDeviceName(kind: DeviceKind, counterNumber: number | null, ordinal: number): string {
  if (kind === 'kiosk' || kind === 'hall-display') return `${NAME_STEM[kind]} ${ordinal}`;
  return counterNumber === null ? `${NAME_STEM[kind]} (chưa chọn quầy)` : `${NAME_STEM[kind]} ${counterNumber}`;
}
