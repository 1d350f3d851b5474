/** HTTP calls to the province hub (protocol/hub.ts), nothing else: no retry here, the worker decides. */
import { HUB_PATHS, type BookingAnswer, type BookingRequest, type BookingSnapshot, type Downlink, type EnrolResponse, type LinkState, type UplinkBatch } from '../../protocol/hub';

/** The hub answered with a status the caller must act on (401, 409, 4xx, 5xx). */
export class HubHttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`hub answered ${status}`);
  }
}

/** The hub could not be reached, or did not answer in time. */
export class HubUnreachableError extends Error {}

export interface HubClientOptions {
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

async function call<T>(method: 'GET' | 'POST', url: string, body: unknown, credential: string | null, o: HubClientOptions, timeoutMs?: number, stop?: AbortSignal): Promise<{ status: number; body: T }> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (credential) headers.authorization = `Bearer ${credential}`;
  let res: Response;
  try {
    res = await (o.fetch ?? fetch)(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body), signal: stop ? AbortSignal.any([stop, AbortSignal.timeout(timeoutMs ?? o.timeoutMs ?? 30_000)]) : AbortSignal.timeout(timeoutMs ?? o.timeoutMs ?? 30_000) });
  } catch (err) {
    throw new HubUnreachableError(`hub unreachable: ${(err as Error).message}`, { cause: err });
  }
  let parsed: unknown = null;
  try {
    const text = await res.text();
    parsed = text ? JSON.parse(text) : null;
  } catch (err) {
    if (res.ok) throw new HubUnreachableError(`hub answer unreadable: ${(err as Error).message}`, { cause: err });
  }
  return { status: res.status, body: parsed as T };
}

export class HubClient {
  constructor(
    readonly baseUrl: string,
    private readonly credential: string | null,
    private readonly options: HubClientOptions = {},
  ) {}

  async enrol(enrolmentCode: string): Promise<EnrolResponse> {
    const r = await call<EnrolResponse>('POST', joinUrl(this.baseUrl, HUB_PATHS.enrol), { enrolmentCode }, null, this.options);
    if (r.status !== 201 && r.status !== 200) throw new HubHttpError(r.status, r.body);
    return r.body;
  }

  async linkState(): Promise<LinkState> {
    const r = await call<LinkState>('GET', joinUrl(this.baseUrl, HUB_PATHS.link), undefined, this.credential, this.options);
    if (r.status !== 200) throw new HubHttpError(r.status, r.body);
    return r.body;
  }

  /** 200 → the hub's new state; 409 → `{ conflict: true, state }` (the batch left a gap: resend from there). */
  async ingest(batch: UplinkBatch): Promise<{ conflict: boolean; state: LinkState }> {
    const r = await call<LinkState>('POST', joinUrl(this.baseUrl, HUB_PATHS.ingest), batch, this.credential, this.options);
    if (r.status === 200) return { conflict: false, state: r.body };
    if (r.status === 409) return { conflict: true, state: r.body };
    throw new HubHttpError(r.status, r.body);
  }

  async downlink(since: number): Promise<Downlink> {
    const r = await call<Downlink>('GET', `${joinUrl(this.baseUrl, HUB_PATHS.downlink)}?since=${since}`, undefined, this.credential, this.options);
    if (r.status !== 200) throw new HubHttpError(r.status, r.body);
    return r.body;
  }
}

/** The booking relay's calls (server/hub-link/bookings.ts). */
export class HubBookingClient {
  constructor(
    readonly baseUrl: string,
    private readonly credential: string,
    private readonly options: HubClientOptions = {},
  ) {}

  async snapshot(snapshot: BookingSnapshot): Promise<void> {
    const r = await call('POST', joinUrl(this.baseUrl, HUB_PATHS.bookingSnapshot), snapshot, this.credential, this.options);
    if (r.status !== 204 && r.status !== 200) throw new HubHttpError(r.status, r.body);
  }

  /** A long poll: the hub holds it up to `waitSeconds`; the timeout leaves it 10 s more. */
  async requests(waitSeconds: number, stop?: AbortSignal): Promise<BookingRequest[]> {
    const url = `${joinUrl(this.baseUrl, HUB_PATHS.bookingRequests)}?wait=${waitSeconds}`;
    const r = await call<{ requests: BookingRequest[] }>('GET', url, undefined, this.credential, this.options, (waitSeconds + 10) * 1000, stop);
    if (r.status !== 200 || !Array.isArray(r.body?.requests)) throw new HubHttpError(r.status, r.body);
    return r.body.requests;
  }

  async answers(answers: BookingAnswer[]): Promise<void> {
    const r = await call('POST', joinUrl(this.baseUrl, HUB_PATHS.bookingAnswers), { answers }, this.credential, this.options);
    if (r.status !== 200) throw new HubHttpError(r.status, r.body);
  }
}

export function isLinkState(x: unknown): x is LinkState {
  const s = x as LinkState | null;
  return !!s && typeof s === 'object' && [s.lastSeq, s.lastRatingId, s.lastConfigId, s.downlinkVersion].every((n) => typeof n === 'number' && Number.isFinite(n));
}
