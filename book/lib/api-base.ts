/**
 * Where the booking page's calls go. At a center (its LAN origin) they are the center's own routes, as always. On
 * the province hub, which serves the same page with a marker in its head (hub/routes/book-page.ts), they go to
 * the hub's relay under /api/book/<center>/… once a center is chosen; the hub answers each booking with what the
 * center answered (it waits for it, so those calls get a longer timeout).
 */
import { ApiError, KioskApi, NetworkError, type ApiResponse, type RequestOptions } from '../../kiosk/lib/api';
import type { Lang } from './i18n';

export type BookApiMode = 'center' | 'hub';

export function bookApiMode(doc: Document = document): BookApiMode {
  return doc.querySelector('meta[name="qm-book-api"]')?.getAttribute('content') === 'hub' ? 'hub' : 'center';
}

export interface BookPaths {
  info: string;
  services: string;
  center: string;
  slots(serviceId: string, date: string): string;
  book: string;
  cancel(code: string): string;
  /** How long to wait for a booking or a cancel: the hub waits for the center (up to ~20 s). */
  changeTimeoutMs: number;
}

/** The enrolled centers (hub only). */
export const HUB_CENTERS_PATH = '/api/book/centers';

export interface HubCenter {
  code: string;
  name: string;
  online: boolean;
  bookingOpen: boolean;
}

const q = (serviceId: string, date: string) => `serviceId=${encodeURIComponent(serviceId)}&date=${encodeURIComponent(date)}`;

export function centerPaths(): BookPaths {
  return {
    info: '/api/appointments/info',
    services: '/api/services',
    center: '/api/center',
    slots: (serviceId, date) => `/api/appointments/slots?${q(serviceId, date)}`,
    book: '/api/appointments',
    cancel: (code) => `/api/appointments/${encodeURIComponent(code)}`,
    changeTimeoutMs: 8_000,
  };
}

export function hubPaths(centerCode: string): BookPaths {
  const base = `/api/book/${encodeURIComponent(centerCode)}`;
  return {
    info: `${base}/info`,
    services: `${base}/services`,
    center: `${base}/center`,
    slots: (serviceId, date) => `${base}/slots?${q(serviceId, date)}`,
    book: `${base}/appointments`,
    cancel: (code) => `${base}/appointments/${encodeURIComponent(code)}`,
    changeTimeoutMs: 30_000,
  };
}

/**
 * The hub's two answers that are 503 yet are its own word, not a missing answer: shown as refusals (their
 * translated message), not as "no connection" to retry at once.
 */
const HUB_REFUSALS = new Set(['CENTER_UNREACHABLE', 'CENTER_ANSWER_PENDING']);

/**
 * The kiosk's client (kiosk/lib/api.ts: ApiError for a refusal, NetworkError for no answer), except that the hub's
 * 503 refusals above are refusals.
 */
export class BookApi extends KioskApi {
  constructor(private readonly language: () => Lang) {
    super('', language);
  }

  override async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    if (bookApiMode() !== 'hub') return super.request<T>(path, options);
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 8000);
    const headers: Record<string, string> = { 'accept-language': this.language(), ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(path, { method: options.method ?? 'GET', headers, body: options.body === undefined ? undefined : JSON.stringify(options.body), signal: controller.signal, cache: 'no-store' });
    } catch (error) {
      throw new NetworkError((error as Error).message || 'network');
    } finally {
      clearTimeout(timer);
    }
    let payload: unknown = null;
    try {
      payload = await res.json();
    } catch {
      // A proxy's HTML error page or an empty body: judged by the status alone.
    }
    if (res.ok) return { data: payload as T, headers: res.headers };
    const body = (payload ?? {}) as { code?: unknown; message?: unknown };
    const code = typeof body.code === 'string' ? body.code : null;
    if (code === null || (res.status >= 500 && !HUB_REFUSALS.has(code))) throw new NetworkError(`HTTP ${res.status}`);
    throw new ApiError(res.status, code, typeof body.message === 'string' ? body.message : code);
  }
}
