/**
 * Issuing a ticket from a tap, safely:
 * - one Idempotency-Key per intended ticket, reused on every retry, so a lost
 *   answer followed by a retry yields the ticket that was already made;
 * - a tap while a request is in flight is ignored (double taps);
 * - after giving up on an unreachable server, the key is kept for the same
 *   choice for a while: if the first request did commit, tapping the same tile
 *   again returns that ticket instead of a second one;
 * - only a ticket the server answered is ever returned.
 */
import type { TicketView } from '../../protocol/schemas';
import { ApiError, NetworkError, type KioskApi } from './api';
import { randomId } from '../../protocol/random-id';
import type { Lang } from './i18n';

export interface IssueChoice {
  serviceId: string;
  priorityId: string | null;
  /** A CCCD scanned at the kiosk: the server reads the age from it (elderly priority) and keeps nothing of it. */
  cccd?: string;
}

/** A short fingerprint of a scanned card, so a reserved key matches the same scan without keeping its text. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

export type IssueOutcome =
  | { kind: 'issued'; ticket: TicketView }
  | { kind: 'refused'; code: string; message: string }
  | { kind: 'unreachable' }
  | { kind: 'busy' };

export interface IssuerOptions {
  /** Read at each tap: the attribute may be set after the element started. */
  kioskId: () => string | null;
  lang: () => Lang;
  /** Waits before attempt 2, 3…; the attempts end after the last one. */
  retryDelaysMs?: number[];
  /** How long a key that never got an answer stays reserved for the same choice. */
  pendingKeyMs?: number;
  onAttempt?: (attempt: number) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

const DEFAULT_DELAYS = [500, 1000, 2000, 3000, 4000, 5000];

export class TicketIssuer {
  private inFlight = false;
  private pending: { choice: string; key: string; at: number } | null = null;

  constructor(
    private readonly api: KioskApi,
    private readonly options: IssuerOptions,
  ) {}

  get busy(): boolean {
    return this.inFlight;
  }

  async issue(choice: IssueChoice): Promise<IssueOutcome> {
    if (this.inFlight) return { kind: 'busy' };
    this.inFlight = true;
    try {
      return await this.attempt(choice);
    } finally {
      this.inFlight = false;
    }
  }

  private keyFor(choice: string): string {
    const now = this.now();
    const pendingMs = this.options.pendingKeyMs ?? 5 * 60_000;
    if (this.pending && this.pending.choice === choice && now - this.pending.at < pendingMs) return this.pending.key;
    return randomId();
  }

  private async attempt(choice: IssueChoice): Promise<IssueOutcome> {
    const choiceId = `${choice.serviceId}|${choice.priorityId ?? ''}|${choice.cccd ? fingerprint(choice.cccd) : ''}`;
    const key = this.keyFor(choiceId);
    this.pending = { choice: choiceId, key, at: this.now() };
    const delays = this.options.retryDelaysMs ?? DEFAULT_DELAYS;
    const sleep = this.options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
    for (let attempt = 1; attempt <= delays.length + 1; attempt++) {
      if (attempt > 1) await sleep(delays[attempt - 2]);
      this.options.onAttempt?.(attempt);
      try {
        const { data } = await this.api.request<TicketView>('/api/tickets', {
          method: 'POST',
          headers: { 'idempotency-key': key },
          body: {
            serviceId: choice.serviceId,
            ...(choice.priorityId ? { priority: choice.priorityId } : {}),
            ...(choice.cccd ? { cccd: choice.cccd } : {}),
            ...(this.options.kioskId() ? { kioskId: this.options.kioskId() } : {}),
            lang: this.options.lang(),
          },
        });
        this.pending = null;
        return { kind: 'issued', ticket: data };
      } catch (error) {
        if (error instanceof ApiError) {
          // A refusal made no ticket: the next tap is a new intention.
          this.pending = null;
          return { kind: 'refused', code: error.code, message: error.message };
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
