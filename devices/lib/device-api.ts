/**
 * What every device page asks the server about itself: `GET /api/devices/me` and
 * `POST /api/devices/pair`. The device token is an httpOnly cookie, so these calls go
 * same-origin with credentials and the page never sees the token.
 */
import type { DeviceKind, DeviceMeReply, DeviceSelf, PairRequest } from '../../protocol/devices';
import type { Lang } from '../../protocol/i18n';

/** A refusal the server explained (`{ code, message }`, message already translated). */
export class DeviceApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'DeviceApiError';
  }
}

async function call<T>(path: string, lang: Lang, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': lang };
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
    credentials: 'same-origin',
    cache: 'no-store',
  });
  const payload = (await res.json().catch(() => null)) as { code?: unknown; message?: unknown } | null;
  if (!res.ok) {
    const code = typeof payload?.code === 'string' ? payload.code : `HTTP_${res.status}`;
    throw new DeviceApiError(res.status, code, typeof payload?.message === 'string' ? payload.message : code);
  }
  return payload as T;
}

export function fetchDeviceMe(lang: Lang = 'vi'): Promise<DeviceMeReply> {
  return call<DeviceMeReply>('/api/devices/me', lang);
}

export function requestPairing(kind: DeviceKind, counterNumber: number | null, lang: Lang = 'vi', kioskId: string | null = null): Promise<DeviceSelf> {
  const body: PairRequest = { kind, ...(counterNumber === null ? {} : { counterNumber }), ...(kioskId ? { kioskId } : {}) };
  return call<DeviceSelf>('/api/devices/pair', lang, { method: 'POST', body });
}
