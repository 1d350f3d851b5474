/**
 * The console's one way to the REST API. A refusal becomes an ApiError carrying
 * the server's code and translated message (shown as is); a lost connection
 * becomes an ApiError with code NETWORK so screens can say "no connection".
 */
import { currentLang } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
}

/** Screens listen for this to show the login again when a session ends (reset, deactivated, expired). */
export const SESSION_ENDED = 'qm-session-ended';

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const text = await request(path, options);
  try {
    return (text ? JSON.parse(text) : null) as T;
  } catch {
    return text as T;
  }
}

/** A plain-text answer (e.g. a simulator printout) as is, never parsed as JSON. */
export function apiText(path: string, options: RequestOptions = {}): Promise<string> {
  return request(path, options);
}

async function request(path: string, options: RequestOptions): Promise<string> {
  const headers: Record<string, string> = { 'accept-language': currentLang(), ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  let res: Response;
  try {
    res = await fetch(path, {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      credentials: 'same-origin',
      cache: 'no-store',
    });
  } catch {
    throw new ApiError(0, 'NETWORK', currentLang() === 'en' ? 'No connection to the server.' : 'Mất kết nối tới máy chủ.');
  }
  const text = await res.text();
  if (!res.ok) {
    let err: { code?: string; message?: string; details?: unknown } = {};
    try {
      err = (text ? JSON.parse(text) : {}) ?? {};
    } catch {
      // Not our JSON error (a proxy page): the status code says enough.
    }
    // A wrong password (sign-in, password change) is not an ended session.
    if (res.status === 401 && err.code !== 'INVALID_CREDENTIALS' && err.code !== 'WRONG_CURRENT_PASSWORD' && !path.startsWith('/api/auth/login')) window.dispatchEvent(new CustomEvent(SESSION_ENDED));
    throw new ApiError(res.status, err.code ?? 'HTTP_' + res.status, err.message ?? `HTTP ${res.status}`, err.details);
  }
  return text;
}

