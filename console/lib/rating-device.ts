/**
 * Whether a rating tablet may take ratings: only an approved rating device bound to this
 * counter can (the server refuses the rest with DEVICE_NOT_PAIRED / DEVICE_KIND_MISMATCH).
 * Otherwise the tablet says why, in the words of `RatingPairing`, instead of asking citizens
 * for ratings it could not send.
 */
import type { DeviceCheck } from '../../devices/lib/ensure-device';

export type RatingPairing =
  | { state: 'checking' }
  | { state: 'paired' }
  /** No device, another kind, revoked; `code` while a request waits for an admin. */
  | { state: 'unpaired'; code: string | null }
  /** An approved rating tablet of another counter, opened at this counter's address. */
  | { state: 'other-counter'; counterNumber: number };

export function ratingPairing(check: DeviceCheck | null, counterNumber: number): RatingPairing {
  const d = check?.device;
  if (!check) return { state: 'checking' };
  if (!d || d.kind !== 'rating') return { state: 'unpaired', code: null };
  if (d.status === 'pending') return { state: 'unpaired', code: d.code };
  if (d.status !== 'active') return { state: 'unpaired', code: null };
  if (d.counterNumber !== null && d.counterNumber !== counterNumber) return { state: 'other-counter', counterNumber: d.counterNumber };
  return { state: 'paired' };
}
