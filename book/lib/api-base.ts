/**
 * Where the booking page's calls go. At a center (its LAN origin) they are the center's own routes, as always. On
 * the province hub, which serves the same page with a marker in its head (hub/routes/book-page.ts), they go to
 * the hub's relay under /api/book/<center>/… once a center is chosen; the hub answers each booking with what the
 * center answered (it waits for it, so those calls get a longer timeout).
 */
import { KioskApi } from '../../kiosk/lib/api';
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
 * The kiosk's client (kiosk/lib/api.ts: ApiError for a refusal, NetworkError for no answer), except that on the hub
 * its 503 refusals above are refusals.
 */
export class BookApi extends KioskApi {
  constructor(language: () => Lang) {
    super('', language);
  }

  protected override isRefusal(status: number, code: string): boolean {
    return super.isRefusal(status, code) || (bookApiMode() === 'hub' && HUB_REFUSALS.has(code));
  }
}
