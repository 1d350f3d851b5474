/**
 * Domain records shared by the server and every client page.
 * Times are epoch milliseconds (server clock); business days are 'YYYY-MM-DD'
 * in the center's time zone.
 */

export type Role = 'staff' | 'director' | 'admin';

export type TicketStatus = 'waiting' | 'called' | 'serving' | 'done' | 'no-show' | 'cancelled';

/** One opening window, e.g. Monday–Friday 07:30–11:30. Days: 1 = Monday … 7 = Sunday (ISO). */
export interface OpeningWindow {
  days: number[];
  from: string; // 'HH:mm'
  to: string; // 'HH:mm'
}

export interface Service {
  id: string;
  code: string;
  name: string; // Vietnamese
  nameEn: string;
  field: string;
  /** Letter(s) before the number, e.g. 'A' → A001. Empty string → plain numbers from numberStart. */
  prefix: string;
  numberStart: number;
  numberEnd: number;
  dailyQuota: number | null;
  /** null = open whenever the center is open. */
  openingHours: OpeningWindow[] | null;
  targetWaitMinutes: number;
  /** Used for the ETA until today has real service times. */
  defaultServiceMinutes: number;
  icon: string;
  active: boolean;
  sortOrder: number;
}

export interface Counter {
  id: string;
  number: number;
  name: string;
  /** Ordered: with service-order routing the first service is served first (with target-wait, once none is overdue). */
  serviceIds: string[];
  area: string;
  /** Staff account bound to this counter, or null (any staff may work here). */
  staffId: string | null;
  active: boolean;
}

export interface PriorityCategory {
  id: string;
  code: string;
  name: string;
  nameEn: string;
  /** Higher is called earlier. */
  weight: number;
  icon: string;
  active: boolean;
  sortOrder: number;
}

/**
 * How "call next" chooses between the services of a counter (server/queue/routing.ts):
 * - 'target-wait' (default): the head of a line past its service's target wait first, the most overdue
 *   against its target first; with none overdue, the counter's service order;
 * - 'service-order': always the counter's service order (a late service in the list may starve);
 * - 'earliest': the longest-waiting ticket across the counter's services.
 */
export type RoutingMode = 'target-wait' | 'service-order' | 'earliest';

export const ROUTING_MODES: readonly RoutingMode[] = ['target-wait', 'service-order', 'earliest'];

export interface CenterSettings {
  /** Recalls needed before "no-show" is allowed. */
  recallsBeforeNoShow: number;
  /** When "call next" is pressed while a ticket is held: complete it ('complete') or refuse ('refuse'). */
  callNextWhileServing: 'complete' | 'refuse';
  routing: RoutingMode;
  /** At most this many priority calls in a row at one counter while normal tickets wait. */
  maxPriorityStreak: number;
  /** Digits of the number part, e.g. 3 → A001. */
  numberDigits: number;
  noticeLine: string;
  noticeLineEn: string;
  /** Spoken numbers: northern (linh, nghìn) or southern (lẻ, ngàn) variant. */
  voiceVariant: 'north' | 'south';
  voiceDigitByDigit: boolean;
  announceEnglish: boolean;
  /** The kiosk speaks its guidance from the voice pack: greeting, choosing a field, the number, printer trouble. */
  kioskVoice: boolean;
  /** Loudness of the kiosk's voice, 0–100 (percent of the pack's level). */
  kioskVolume: number;
  /** The kiosk's home screen: 'elderly-first' puts large priority tiles at the top. */
  kioskLayout: KioskLayout;
}

export type KioskLayout = 'standard' | 'elderly-first';

export const KIOSK_LAYOUTS: readonly KioskLayout[] = ['standard', 'elderly-first'];

/** The kiosk settings of a center saved before they existed: read with these (server/store/rows.ts). */
export const KIOSK_SETTING_DEFAULTS: Pick<CenterSettings, 'kioskVoice' | 'kioskVolume' | 'kioskLayout'> = {
  kioskVoice: true,
  kioskVolume: 80,
  kioskLayout: 'standard',
};

export interface Center {
  id: string;
  name: string;
  nameEn: string;
  address: string;
  timeZone: string;
  settings: CenterSettings;
}

export interface Ticket {
  id: string;
  centerId: string;
  serviceId: string;
  businessDay: string;
  /** Position in the service's numbering today (1, 2, …). */
  seqNo: number;
  /** Shown and spoken: 'A001' or '1001'. */
  number: string;
  priorityId: string | null;
  priorityWeight: number;
  status: TicketStatus;
  issuedAt: number;
  /** Ordering key in the queue: the issue time, kept across transfers; reset by a requeue (the console's "skip"). */
  queuedAt: number;
  /** First call (wait time is measured to here); calledAt is the latest call. */
  firstCalledAt: number | null;
  calledAt: number | null;
  startedAt: number | null;
  completedAt: number | null;
  /** Counter holding the ticket (called/serving) or that last held it. */
  counterId: string | null;
  staffId: string | null;
  /** Set by a transfer to a specific counter: only that counter may call it. */
  targetCounterId: string | null;
  recallCount: number;
  transferCount: number;
  kioskId: string | null;
  note: string | null;
  /**
   * A checked-in booking's slot time (epoch ms): "call next" leaves it waiting until then. Absent or null for a
   * walk-in. Its place in line (queuedAt) comes from the slot too (server/queue/decide.ts, `bookedQueuedAt`).
   */
  slotAt?: number | null;
}

export interface CounterState {
  counterId: string;
  currentTicketId: string | null;
  paused: boolean;
  pauseReason: string | null;
  /** Priority tickets called in a row (anti-starvation). */
  priorityStreak: number;
  staffId: string | null;
  updatedAt: number;
}
