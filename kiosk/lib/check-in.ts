/**
 * Checking a booking in at the kiosk, safely, in the pattern of `issue.ts`:
 * - one Idempotency-Key per intended check-in (a code, or a scanned card), reused on every retry; the server
 *   also makes the booking code the key of its ticket, so a lost answer followed by a retry (the link to the
 *   server cut and back) yields the ticket that was already made, never a second one;
 * - a request while one is in flight is ignored (a double tap, a second scan);
 * - after giving up, the key stays reserved for the same code a while, so trying again gets the same ticket;
 * - only a ticket the server answered is ever returned.
 */
import type { TicketView } from '../../protocol/schemas';
import { ApiError, NetworkError, type KioskApi } from './api';
import { randomId } from '../../protocol/random-id';

export type CheckInRequest = { code: string } | { cccd: string };

export type CheckInOutcome =
  | { kind: 'issued'; ticket: TicketView }
  | { kind: 'refused'; status: number; code: string; message: string; serviceId: string | null }
  | { kind: 'unreachable' }
  | { kind: 'busy' };

export interface CheckInOptions {
  /** Waits before attempt 2, 3…; the attempts end after the last one. */
  retryDelaysMs?: number[];
  pendingKeyMs?: number;
  onAttempt?: (attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

/** Longer than a tap's retries: a citizen with a booking waits at the screen while the link comes back. */
const DEFAULT_DELAYS = [500, 1000, 2000, 3000, 4000, 5000, 5000, 5000];

/** A short fingerprint of a scanned card's text, so the reserved key can be matched without keeping the text. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export class CheckInClient {
  private inFlight = false;
  private pending: { what: string; key: string; at: number } | null = null;

  constructor(
    private readonly api: KioskApi,
    private readonly options: CheckInOptions = {},
  ) {}

  get busy(): boolean {
    return this.inFlight;
  }

  async checkIn(request: CheckInRequest): Promise<CheckInOutcome> {
    if (this.inFlight) return { kind: 'busy' };
    this.inFlight = true;
    try {
      return await this.attempt(request);
    } finally {
      this.inFlight = false;
    }
  }

  private async attempt(request: CheckInRequest): Promise<CheckInOutcome> {
    const what = 'code' in request ? `code:${request.code}` : `cccd:${fingerprint(request.cccd)}`;
    const now = this.now();
    const reserved = this.pending && this.pending.what === what && now - this.pending.at < (this.options.pendingKeyMs ?? 5 * 60_000);
    const key = reserved ? this.pending!.key : randomId();
    this.pending = { what, key, at: now };
    const delays = this.options.retryDelaysMs ?? DEFAULT_DELAYS;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    const path = 'code' in request ? `/api/appointments/${encodeURIComponent(request.code)}/check-in` : '/api/appointments/check-in';
    for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
      if (attempt > 1) await sleep(delays[attempt - 2]);
      this.options.onAttempt?.(attempt);
      try {
        const { data } = await this.api.request<TicketView>(path, {
          method: 'POST',
          headers: { 'idempotency-key': key },
          body: 'code' in request ? {} : { cccd: request.cccd },
        });
        this.pending = null;
        return { kind: 'issued', ticket: data };
      } catch (error) {
        if (error instanceof ApiError) {
          this.pending = null;
          const details = error.details as { serviceId?: unknown } | undefined;
          return {
            kind: 'refused',
            status: error.status,
            code: error.code,
            message: error.message,
            serviceId: typeof details?.serviceId === 'string' ? details.serviceId : null,
          };
        }
        if (!(error instanceof NetworkError)) throw error;
      }
    }
    return { kind: 'unreachable' };
  }

  private now(): number {
    return this.options.now?.() ?? Date.now();
  }
}
