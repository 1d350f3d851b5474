/**
 * How a device page (kiosk, displays, rating tablet) learns what this browser is, and pairs
 * it silently when the center approves devices by itself (a demo center, a first setup): a
 * demo hall keeps working as before without anyone typing codes.
 */
import type { DeviceKind, DeviceSelf } from '../../protocol/devices';
import { fetchDeviceMe, requestPairing } from './device-api';
import { needsCounter } from './device-home';

export interface DeviceCheck {
  /** This browser's device as the server knows it (any kind, any status), or null. */
  device: DeviceSelf | null;
  autoApprove: boolean;
}

/**
 * What this browser is, after pairing it as `kind` when it is no device yet and the center
 * auto-approves. A revoked or pending device is left alone: an admin decided, or will.
 * `kioskId`: an older kiosk's `?kiosk=K1`, so it keeps its KIOSK_PRINTERS printer.
 * Throws when the server cannot be reached; callers keep working as an unpaired browser.
 */
export async function ensureDevice(kind: DeviceKind, counterNumber: number | null = null, kioskId: string | null = null): Promise<DeviceCheck> {
  const me = await fetchDeviceMe();
  // A counter page opened without its number would only leave a request no one can place: no silent pairing then.
  if (me.device || !me.autoApprove || (needsCounter(kind) && counterNumber === null)) return me;
  try {
    return { device: await requestPairing(kind, counterNumber, 'vi', kioskId), autoApprove: true };
  } catch {
    // Too many pending, a counter that does not exist: the page works as an unpaired browser.
    return me;
  }
}

/** True when `check` says this browser is an approved device of that kind (and counter, for counter kinds). */
export function isActiveDevice(check: DeviceCheck | null, kind: DeviceKind, counterNumber: number | null = null): boolean {
  const d = check?.device;
  if (!d || d.status !== 'active' || d.kind !== kind) return false;
  return counterNumber === null || d.counterNumber === counterNumber;
}
