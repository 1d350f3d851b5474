/**
 * The wire between a center and its province hub (docs: province.md). The center stays the system of record:
 * it pushes its append-only log up in `seq` order and pulls what the province owns down; the hub never calls a
 * center. Every request after enrolment carries `Authorization: Bearer <credential>`.
 */

/** Where the hub answers; the center's link calls only these. */
export const HUB_PATHS = {
  /** POST EnrolRequest → 201 EnrolResponse (once per center; the code is then spent). */
  enrol: '/api/hub/enrol',
  /** GET → LinkState: where to resume the uplink, which downlink version is current. */
  link: '/api/hub/link',
  /** POST UplinkBatch → 200 LinkState (applied idempotently), or 409 LinkState when the batch leaves a gap. */
  ingest: '/api/hub/ingest',
  /** GET ?since=<version> → Downlink: what the province published after that version. */
  downlink: '/api/hub/downlink',
  /** POST BookingSnapshot → 204: what the hub's /book/ page may show of this center (replaces the last one). */
  bookingSnapshot: '/api/hub/booking-snapshot',
  /** GET ?wait=<seconds> → { requests: BookingRequest[] }: a long poll (the booking relay's own loop), answered as soon as a citizen asks. */
  bookingRequests: '/api/hub/bookings',
  /** POST { answers: BookingAnswer[] } → 200 { accepted }: what the center did with each request. */
  bookingAnswers: '/api/hub/bookings/answers',
} as const;

export interface EnrolRequest {
  enrolmentCode: string;
}

export interface EnrolResponse {
  centerId: string;
  code: string;
  name: string;
  /** Long-lived; shown once. The hub keeps only its hash, so a lost credential means enrolling again. */
  credential: string;
}

/** One event of a commit, as `ticket_events` holds it. */
export interface UplinkEvent {
  type: string;
  at: number;
  ticketId: string | null;
  counterId: string | null;
  staffId: string | null;
  data: unknown;
}

/** One commit of the center's queue writer: every event it wrote under one `seq`, and the ticket rows it left. */
export interface UplinkCommit {
  seq: number;
  at: number;
  events: UplinkEvent[];
  /** The tickets' rows as the commit left them (protocol/domain.ts Ticket fields), for reports without replay. */
  tickets: Record<string, unknown>[];
}

export interface UplinkRating {
  /** The center's ratings row id: its own order, resumed like seq. */
  id: number;
  ticketId: string;
  counterId: string | null;
  staffId: string | null;
  serviceId: string | null;
  level: number;
  reasons: string[];
  at: number;
}

/** A configuration change from the center's audit log (admin changes: services, counters, settings…). */
export interface UplinkConfigChange {
  id: number;
  at: number;
  action: string;
  target: string | null;
  data: unknown;
}

/** What the province dashboard shows of a center right now; sent with every batch, and alone as a heartbeat. */
export interface CenterLive {
  at: number;
  waiting: number;
  longestWaitSeconds: number;
  openCounters: number;
  printerFaults: number;
}

/**
 * One push. Commits are contiguous and start right after the hub's `lastSeq` (else 409 with the hub's state);
 * ratings and config changes follow their own ids. A batch seen before changes nothing. Empty lists with `live`
 * is a heartbeat.
 */
export interface UplinkBatch {
  commits: UplinkCommit[];
  ratings: UplinkRating[];
  configChanges: UplinkConfigChange[];
  live: CenterLive | null;
}

/** Where the hub stands for one center: resume after these. */
export interface LinkState {
  lastSeq: number;
  lastRatingId: number;
  lastConfigId: number;
  /** The newest downlink version published for this center. */
  downlinkVersion: number;
}

export type DownlinkKind = 'procedure-catalog' | 'service-templates' | 'holidays' | 'notice-line';

/** What the province published, in version order; the center applies each through its own admin change path. */
export interface Downlink {
  version: number;
  items: { version: number; kind: DownlinkKind; publishedAt: number; data: unknown }[];
}

/** `GET /api/health` of a center, `hub` part. */
export interface HubLinkHealth {
  status: 'linked' | 'offline' | 'unlinked';
  lastSyncAt: number | null;
  pendingEvents: number;
}

// ── Bookings made on the hub's /book/ page (server/hub-link/bookings.ts, hub/routes/book.ts) ─────────────────────

/** The public booking info of the center (what its `GET /api/appointments/info` gives). */
export interface BookingInfo {
  enabled: boolean;
  today: string;
  horizonDays: number;
  checkInEarlyMinutes: number;
  checkInLateMinutes: number;
  purgeAfterDays: number;
  windowFrom: string;
  windowTo: string;
  /** The province's holidays from today to the last bookable day (no slot on them). */
  holidays?: { date: string; name: string }[];
}

/** The center's bookable services and free places from today to today + horizonDays. */
export interface BookingSnapshot {
  at: number;
  info: BookingInfo;
  center: { name: string; nameEn?: string };
  /** The services as the center's `GET /api/services` lists them (bookable ones only). */
  services: Record<string, unknown>[];
  /** serviceId → day → the slots still ahead with their free places. */
  slots: Record<string, Record<string, { time: string; free: number }[]>>;
}

/** A citizen's request on the hub, delivered to its center. `id` is the center's idempotency key for it. */
export type BookingRequest =
  | { id: string; kind: 'book'; lang: 'vi' | 'en'; serviceId: string; date: string; time: string; idNumber: string; phone?: string; name?: string }
  | { id: string; kind: 'cancel'; lang: 'vi' | 'en'; code: string };

/** 200/201 with the booking, or a refusal's status with its code and parameters (the hub translates them). */
export interface BookingAnswer {
  id: string;
  status: number;
  body: { code: string; serviceId?: string; date?: string; time?: string; params?: Record<string, string | number> };
}
