/**
 * The kiosk's REST client. Two kinds of failure, kept apart on purpose:
 * `ApiError` — the server answered with a refusal (closed service, quota…): show
 * its translated `message`, do not retry; `NetworkError` — no answer (server down,
 * timeout, 5xx from a proxy): the request may be retried, with the same
 * Idempotency-Key when it issues a ticket.
 */
import type { Lang } from './i18n';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** What the refusal adds beside its message (e.g. the booking's service of a check-in outside its window). */
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

export interface ApiResponse<T> {
  data: T;
  headers: Headers;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** A kiosk must give up on a hung request and say so, not wait forever. */
  timeoutMs?: number;
}

export class KioskApi {
  /** @param base origin of the server ('' = the page's own), without a trailing slash */
  constructor(
    readonly base: string,
    private readonly lang: () => Lang,
  ) {}

  async request<T>(path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs ?? 8000);
    const headers: Record<string, string> = { 'accept-language': this.lang(), ...options.headers };
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(this.base + path, {
        method: options.method ?? 'GET',
        headers,
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: controller.signal,
        cache: 'no-store',
      });
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
    const body = (payload ?? {}) as { code?: unknown; message?: unknown; details?: unknown };
    if (typeof body.code !== 'string' || !this.isRefusal(res.status, body.code)) throw new NetworkError(`HTTP ${res.status}`);
    throw new ApiError(res.status, body.code, typeof body.message === 'string' ? body.message : body.code, body.details);
  }

  /**
   * Whether an answer with an error code is the server's refusal (an ApiError) rather than no answer (a
   * NetworkError). 5xx and gateway errors mean "the server could not answer": retryable like no answer at all.
   */
  protected isRefusal(status: number, _code: string): boolean {
    return status < 500;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>(path).then((r) => r.data);
  }
}

