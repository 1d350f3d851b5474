/**
 * The dashboard's way to the hub's REST API: a refusal becomes an ApiError with the hub's code and translated
 * message; a lost connection an ApiError 'NETWORK'. The hub's `x-server-time` header (else `Date`) of every answer keeps
 * the offset (hub clock − this PC's), so "today" and "since 09:42" never depend on a PC's wrong clock.
 */
import { currentLang, t } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let offsetMs = 0;
export const serverNow = () => Date.now() + offsetMs;

export async function api<T>(path: string, options: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<T> {
  const headers: Record<string, string> = { 'accept-language': currentLang() };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, { method: options.method ?? 'GET', headers, credentials: 'same-origin', body: options.body === undefined ? undefined : JSON.stringify(options.body) });
  } catch {
    throw new ApiError(0, 'NETWORK', t('error.network'));
  }
  const hubTime = Number(res.headers.get('x-server-time'));
  const date = Date.parse(res.headers.get('date') ?? '');
  if (hubTime > 0) offsetMs = hubTime - Date.now();
  else if (Number.isFinite(date)) offsetMs = date + 500 - Date.now(); // the header is whole seconds: take the middle
  const text = await res.text();
  const body = text ? (JSON.parse(text) as unknown) : null;
  if (!res.ok) {
    const e = (body ?? {}) as { code?: string; message?: string };
    throw new ApiError(res.status, e.code ?? 'HTTP_' + res.status, e.message ?? res.statusText);
  }
  return body as T;
}
