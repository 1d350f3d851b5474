/**
 * The center's link to its province hub: one background loop, at most one request in flight.
 *
 *   - woken (debounced) by the queue writer's commits, never called inside them: a commit only sets a flag and,
 *     when the loop is idle, arms a short timer;
 *   - asks the hub where it stands (LinkState) at start and after any failure or 409, then pushes what the hub
 *     lacks in bounded batches read from its own read-only connection, the next batch when the last returns;
 *   - a heartbeat (no commits, `live` only) when nothing was pushed for `heartbeatMs`;
 *   - pulls the downlink when the hub says a newer version exists, and every `downlinkPollMs`;
 *   - a network error, a timeout, a 5xx or any unexpected answer → exponential backoff with jitter (backoff.ts).
 *
 * Nothing is lost or duplicated: the hub applies batches idempotently by (center, seq), and the link always resumes
 * from the hub's own LinkState, never from a local guess.
 */
import type { FastifyBaseLogger as Logger } from 'fastify';
import type { CenterLive, Downlink, HubLinkHealth, LinkState, UplinkBatch } from '../../protocol/hub';
import type { Clock } from '../core/clock';
import type { Db } from '../store/db';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { HubClient, HubHttpError, isLinkState } from './client';
import { loadEnrolment, saveEnrolment, saveProgress, type HubEnrolment } from './store';
import { centerSeq, DEFAULT_LIMITS, readBatch, type BatchLimits } from './uplink-reader';

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => {
    const h = setTimeout(fn, ms);
    h.unref?.();
    return h;
  },
  clearTimeout: (h) => clearTimeout(h as NodeJS.Timeout),
};

export interface HubLinkOptions {
  /** The center's database (enrolment, downlink version). */
  db: Db;
  /** A read-only connection for the uplink reads (may be `db` for an in-memory database). */
  reader: Db;
  centerId: string;
  clock: Clock;
  logger: Logger;
  /** HUB_URL: overrides the address stored at enrolment. */
  hubUrl?: string;
  /** HUB_ENROLMENT_CODE: used once, when not enrolled yet. */
  enrolmentCode?: string;
  live: () => CenterLive;
  /** Applies downlink items above `applied`, each in its own transaction with the new applied version. */
  applyDownlink: (applied: number, items: Downlink['items']) => void;
  timers?: Timers;
  random?: () => number;
  fetch?: typeof fetch;
  limits?: BatchLimits;
  backoff?: BackoffPolicy;
  heartbeatMs?: number;
  downlinkPollMs?: number;
  /** Wait after a commit before pushing, so a burst of commits goes in one batch. */
  debounceMs?: number;
  requestTimeoutMs?: number;
  /** Writes the enrolment with its audit row (the admin change path); default: just writes it. */
  commitEnrolment?: EnrolCommit;
}

/** Runs `write` (the enrolment's row) inside the caller's change transaction, with what to audit (never the credential). */
export type EnrolCommit = (write: () => void, before: unknown, after: unknown) => void;

export interface HubLinkStatus extends HubLinkHealth {
  hubUrl: string | null;
  hubCenterId: string | null;
  hubCenterCode: string | null;
  hubCenterName: string | null;
  enrolledAt: number | null;
  centerSeq: number;
  ackedSeq: number | null;
  downlinkApplied: number;
  downlinkPublished: number | null;
  failures: number;
  lastError: string | null;
  nextAttemptAt: number | null;
  /** Tickets sent as their current row since start (see ticket-images.ts). */
  inexactTickets: number;
  /** The last downlink item the center could not write, until one succeeds. */
  downlinkError: string | null;
  /** The hub holds a seq above this center's: the center's database went back in time (restored from a backup). */
  hubAhead: boolean;
}

type Outcome = 'idle' | 'more' | 'retry';

export class HubLinkWorker {
  private readonly timers: Timers;
  private readonly random: () => number;
  private readonly limits: BatchLimits;
  private readonly backoff: BackoffPolicy;
  private readonly heartbeatMs: number;
  private readonly downlinkPollMs: number;
  private readonly debounceMs: number;

  private enrolment: HubEnrolment | null;
  private client: HubClient | null = null;
  private state: LinkState | null = null;
  private ackedSeq: number | null = null;
  private lastSyncAt: number | null = null;
  private lastPushAt = Number.NEGATIVE_INFINITY;
  private lastDownlinkAt = Number.NEGATIVE_INFINITY;
  private lastPersistAt = Number.NEGATIVE_INFINITY;
  private configScanFrom = 0;
  private failures = 0;
  private conflictsInRow = 0;
  private lastError: string | null = null;
  private nextAttemptAt: number | null = null;
  private inexact = 0;
  /** The hub acknowledged a seq above the center's own (see step). */
  private hubAhead = false;
  private downlinkError: string | null = null;
  private downlinkRetryAt = Number.NEGATIVE_INFINITY;
  private ok = false;

  private running = false;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private timerKind: 'wake' | 'backoff' | 'idle' | null = null;
  private dirty = false;
  private stopped = false;
  private enrolling = false;

  constructor(private readonly o: HubLinkOptions) {
    this.timers = o.timers ?? realTimers;
    this.random = o.random ?? Math.random;
    this.limits = { ...(o.limits ?? DEFAULT_LIMITS) };
    this.backoff = o.backoff ?? DEFAULT_BACKOFF;
    this.heartbeatMs = o.heartbeatMs ?? 15_000;
    this.downlinkPollMs = o.downlinkPollMs ?? 60_000;
    this.debounceMs = o.debounceMs ?? 20;
    this.enrolment = loadEnrolment(o.db, o.centerId);
    if (this.enrolment) {
      this.ackedSeq = this.enrolment.ackedSeq;
      this.lastSyncAt = this.enrolment.lastSyncAt;
    }
    this.makeClient();
  }

  /** Start the loop (nothing happens when the center is not enrolled and has no code to enrol with). */
  start(): void {
    if (this.stopped || this.running) return;
    this.running = true;
    if (this.enrolment || (this.o.hubUrl && this.o.enrolmentCode)) this.arm(0, 'wake');
  }

  /** Stop: no new request; waits for the one in flight. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.running = false;
    this.clearTimer();
    // A request to a hub that does not answer may hang until its timeout: do not hold the server's shutdown for it.
    await Promise.race([this.inFlight, new Promise((r) => setTimeout(r, 2000).unref())]);
    this.persist(true);
  }

  /** A commit happened (called from the queue writer's listener: cheap, never throws). */
  wake(): void {
    if (!this.running) return;
    this.dirty = true;
    // In flight: the loop goes again when it returns. Backing off: the hub is away; the backoff timer will come.
    if (this.inFlight || this.timerKind === 'backoff' || this.timerKind === 'wake') return;
    this.arm(this.debounceMs, 'wake');
  }

  /** Resolves when the exchange in flight (if any) has settled and the next step is armed. */
  async settled(): Promise<void> {
    while (this.inFlight) await this.inFlight;
  }

  /** Where the hub is and the credential, for the booking relay (bookings.ts); null when not enrolled. */
  get hubAddress(): { url: string; credential: string } | null {
    const url = this.client?.baseUrl;
    return this.enrolment && url ? { url, credential: this.enrolment.credential } : null;
  }

  get linked(): boolean {
    return this.enrolment !== null;
  }

  health(): HubLinkHealth {
    if (!this.enrolment) return { status: 'unlinked', lastSyncAt: null, pendingEvents: 0 };
    const seq = centerSeq(this.o.db, this.o.centerId);
    return { status: this.ok ? 'linked' : 'offline', lastSyncAt: this.lastSyncAt, pendingEvents: Math.max(0, seq - (this.ackedSeq ?? 0)) };
  }

  status(): HubLinkStatus {
    const e = this.enrolment;
    return {
      ...this.health(),
      hubUrl: this.client?.baseUrl ?? this.o.hubUrl ?? null,
      hubCenterId: e?.hubCenterId ?? null,
      hubCenterCode: e?.hubCenterCode ?? null,
      hubCenterName: e?.hubCenterName ?? null,
      enrolledAt: e?.enrolledAt ?? null,
      centerSeq: centerSeq(this.o.db, this.o.centerId),
      ackedSeq: this.ackedSeq,
      downlinkApplied: loadEnrolment(this.o.db, this.o.centerId)?.downlinkVersion ?? 0,
      downlinkPublished: this.state?.downlinkVersion ?? null,
      failures: this.failures,
      lastError: this.lastError,
      nextAttemptAt: this.nextAttemptAt,
      inexactTickets: this.inexact,
      downlinkError: this.downlinkError,
      hubAhead: this.hubAhead,
    };
  }

  /**
   * Enrol with a one-time code (the admin screen, or HUB_ENROLMENT_CODE at first start). Throws HubHttpError or
   * HubUnreachableError; on success the credential is stored and the loop (re)starts from the hub's state.
   */
  async enrol(hubUrl: string, enrolmentCode: string, commit: EnrolCommit = this.o.commitEnrolment ?? ((write) => write())): Promise<HubEnrolment> {
    const res = await new HubClient(hubUrl, null, { timeoutMs: this.o.requestTimeoutMs, fetch: this.o.fetch }).enrol(enrolmentCode);
    if (!res || typeof res.credential !== 'string' || typeof res.centerId !== 'string') throw new HubHttpError(502, res);
    if (this.inFlight && !this.enrolling) await this.inFlight;
    const before = this.enrolment ? { hubUrl: this.enrolment.hubUrl, hubCenterId: this.enrolment.hubCenterId } : null;
    const after = { hubUrl, hubCenterId: res.centerId, code: res.code ?? '', name: res.name ?? '' };
    commit(
      () =>
        saveEnrolment(this.o.db, {
          centerId: this.o.centerId,
          hubUrl,
          hubCenterId: res.centerId,
          hubCenterCode: res.code ?? '',
          hubCenterName: res.name ?? '',
          credential: res.credential,
          enrolledAt: this.o.clock.now(),
        }),
      before,
      after,
    );
    this.enrolment = loadEnrolment(this.o.db, this.o.centerId);
    // The admin typed this address just now: it wins over HUB_URL until the next start.
    this.client = new HubClient(hubUrl, res.credential, { timeoutMs: this.o.requestTimeoutMs, fetch: this.o.fetch });
    this.state = null;
    this.ackedSeq = 0;
    this.lastSyncAt = null;
    this.ok = false;
    this.failures = 0;
    this.configScanFrom = 0;
    this.lastDownlinkAt = Number.NEGATIVE_INFINITY;
    if (this.running && !this.enrolling) this.arm(0, 'wake');
    return this.enrolment!;
  }

  private makeClient(): void {
    const url = this.o.hubUrl ?? this.enrolment?.hubUrl;
    this.client = this.enrolment && url ? new HubClient(url, this.enrolment.credential, { timeoutMs: this.o.requestTimeoutMs, fetch: this.o.fetch }) : null;
  }

  private arm(ms: number, kind: 'wake' | 'backoff' | 'idle'): void {
    this.clearTimer();
    this.timerKind = kind;
    this.nextAttemptAt = kind === 'backoff' ? this.o.clock.now() + ms : null;
    this.timer = this.timers.setTimeout(() => {
      this.timer = null;
      this.timerKind = null;
      this.turn();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clearTimeout(this.timer);
    this.timer = null;
    this.timerKind = null;
  }

  /** One step of the loop; the next is armed when it settles. */
  private turn(): void {
    if (!this.running || this.inFlight) return;
    this.dirty = false;
    this.inFlight = this.step()
      .catch((err) => this.failed(err))
      .then((outcome) => {
        this.inFlight = null;
        if (!this.running) return;
        if (outcome === 'retry') {
          this.arm(backoffDelay(this.failures, this.random(), this.backoff), 'backoff');
        } else if (outcome === 'more' || this.dirty) {
          this.arm(0, 'wake');
        } else {
          this.arm(this.heartbeatMs, 'idle');
        }
      });
  }

  private async step(): Promise<Outcome> {
    if (!this.enrolment) {
      if (!this.o.hubUrl || !this.o.enrolmentCode) return 'idle';
      this.enrolling = true;
      try {
        await this.enrol(this.o.hubUrl, this.o.enrolmentCode);
      } finally {
        this.enrolling = false;
      }
    }
    const client = this.client;
    if (!client) return 'idle';
    if (!this.state) {
      const s = await client.linkState();
      if (!isLinkState(s)) throw new Error('hub link state unreadable');
      this.state = s;
      this.acknowledged(s);
    }
    const now = this.o.clock.now();
    const batch = readBatch(this.o.reader, this.o.centerId, this.state, this.limits, this.configScanFrom);
    if (this.state.lastSeq > batch.centerSeq && !this.hubAhead) {
      // The hub holds commits this center no longer has (its database restored from an older backup): the hub
      // would take the center's next commits for replays of the old ones. Nothing here can fix that; say it loudly.
      this.hubAhead = true;
      this.o.logger.error({ hubSeq: this.state.lastSeq, centerSeq: batch.centerSeq }, 'hub link: the hub is ahead of this center (database restored from a backup?): the province must reset this center');
    }
    const hasData = batch.commits.length + batch.ratings.length + batch.configChanges.length > 0;
    let more = false;
    if (hasData || now - this.lastPushAt >= this.heartbeatMs) {
      const body: UplinkBatch = { commits: batch.commits, ratings: batch.ratings, configChanges: batch.configChanges, live: this.o.live() };
      const res = await client.ingest(body);
      this.lastPushAt = this.o.clock.now();
      if (!isLinkState(res.state)) throw new Error('hub link state unreadable');
      this.state = res.state;
      this.acknowledged(res.state);
      if (res.conflict) {
        // The hub is elsewhere than we thought (another process pushed, the hub was restored from a backup…):
        // resend from where it stands. Repeated conflicts back off rather than spin.
        this.conflictsInRow++;
        this.o.logger.warn({ hub: res.state, sentFrom: batch.commits[0]?.seq }, 'hub link: batch refused (409), resending from the hub state');
        if (this.conflictsInRow >= 3) {
          this.failures++;
          this.lastError = 'conflict';
          this.state = null;
          return 'retry';
        }
        return 'more';
      }
      this.conflictsInRow = 0;
      this.inexact += batch.inexactTickets;
      // Sign-ins skipped while reading need not be read again, once the hub holds every change sent.
      const lastSent = batch.configChanges[batch.configChanges.length - 1]?.id ?? 0;
      if (lastSent <= res.state.lastConfigId) this.configScanFrom = Math.max(batch.configScannedTo, res.state.lastConfigId);
      more = res.state.lastSeq < batch.centerSeq || batch.ratings.length >= this.limits.ratings || batch.configChanges.length >= this.limits.configChanges;
    }
    const applied = this.enrolment?.downlinkVersion ?? 0;
    if ((this.state.downlinkVersion > applied && now >= this.downlinkRetryAt) || now - this.lastDownlinkAt >= this.downlinkPollMs) {
      const down = await client.downlink(applied);
      this.lastDownlinkAt = this.o.clock.now();
      if (down && Array.isArray(down.items) && down.items.length > 0) {
        try {
          this.o.applyDownlink(applied, down.items);
          this.downlinkError = null;
        } catch (err) {
          // An item the center could not write (not a refusal: those are audited and skipped) must not hold the
          // uplink back: it is tried again at the next poll.
          this.downlinkError = (err as Error)?.message ?? String(err);
          this.downlinkRetryAt = this.o.clock.now() + this.downlinkPollMs;
          this.o.logger.error({ err }, 'hub link: a downlink item could not be applied; trying again later');
        }
        this.enrolment = loadEnrolment(this.o.db, this.o.centerId);
      }
    }
    this.synced();
    return more ? 'more' : 'idle';
  }

  private acknowledged(s: LinkState): void {
    this.ackedSeq = s.lastSeq;
    this.configScanFrom = Math.max(this.configScanFrom, s.lastConfigId);
  }

  private synced(): void {
    this.ok = true;
    this.failures = 0;
    this.lastError = null;
    this.lastSyncAt = this.o.clock.now();
    this.persist(false);
  }

  /** The health figures on disk now and then (at most every heartbeat), never per push. */
  private persist(force: boolean): void {
    if (!this.enrolment || this.ackedSeq === null) return;
    const now = this.o.clock.now();
    if (!force && now - this.lastPersistAt < this.heartbeatMs) return;
    this.lastPersistAt = now;
    try {
      saveProgress(this.o.db, this.o.centerId, this.ackedSeq, this.lastSyncAt);
    } catch (err) {
      this.o.logger.warn({ err }, 'hub link: progress not saved');
    }
  }

  private failed(err: unknown): Outcome {
    this.ok = false;
    this.failures++;
    this.state = null;
    this.conflictsInRow = 0;
    if (err instanceof HubHttpError) {
      this.lastError = `HTTP ${err.status}`;
      if (err.status === 413) {
        // Too big for the hub's body limit: smaller batches from now on.
        this.limits.maxBytes = Math.max(16 * 1024, Math.floor(this.limits.maxBytes / 2));
        this.limits.commits = Math.max(1, Math.floor(this.limits.commits / 2));
      }
    } else {
      this.lastError = (err as Error)?.message ?? String(err);
    }
    this.o.logger.warn({ err: this.lastError, failures: this.failures }, 'hub link: exchange failed, retrying with backoff');
    return 'retry';
  }
}
