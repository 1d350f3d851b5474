/**
 * Domain error codes: one place for the code, its HTTP status and (in i18n/)
 * its translated text. Clients show `message`; tests match on `code`.
 */
export const ERROR_STATUS = {
  VALIDATION_ERROR: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  WRONG_CURRENT_PASSWORD: 401,
  NOT_FOUND: 404,
  QUEUE_EMPTY: 404,
  SERVICE_NOT_FOUND: 404,
  COUNTER_NOT_FOUND: 404,
  TICKET_NOT_FOUND: 404,
  PRIORITY_NOT_FOUND: 404,
  PROCEDURE_NOT_FOUND: 404,
  STAFF_NOT_FOUND: 404,
  SERVICE_CLOSED: 409,
  OUTSIDE_OPENING_HOURS: 409,
  DAILY_QUOTA_REACHED: 409,
  NUMBER_RANGE_EXHAUSTED: 409,
  COUNTER_BUSY: 409,
  COUNTER_PAUSED: 409,
  COUNTER_NOT_PAUSED: 409,
  COUNTER_INACTIVE: 409,
  COUNTER_BOUND_TO_OTHER_STAFF: 403,
  SERVICE_NOT_AT_COUNTER: 409,
  TICKET_NOT_AT_COUNTER: 409,
  TICKET_NOT_WAITING: 409,
  INVALID_TRANSITION: 409,
  NO_SHOW_TOO_EARLY: 409,
  STALE_STATE: 409,
  ALREADY_RATED: 409,
  RATING_NOT_ALLOWED: 409,
  RATING_EXPIRED: 409,
  RATING_REASON_UNKNOWN: 400,
  INVALID_DATE: 400,
  DATE_RANGE_INVERTED: 400,
  DATE_RANGE_TOO_LONG: 400,
  CONFLICT: 409,
  SERVICE_HAS_LIVE_TICKETS: 409,
  SERVICE_HAS_HISTORY: 409,
  COUNTER_HOLDS_TICKET: 409,
  COUNTER_NUMBER_TAKEN: 409,
  CODE_TAKEN: 409,
  NUMBER_RANGE_OVERLAP: 409,
  INVALID_NUMBER_RANGE: 400,
  INVALID_OPENING_HOURS: 400,
  USERNAME_TAKEN: 409,
  LAST_ADMIN: 409,
  CANNOT_CHANGE_OWN_ACCOUNT: 409,
  INVALID_TIME_ZONE: 400,
  TIME_ZONE_LOCKED_WHILE_OPEN: 409,
  IMPORT_INVALID: 400,
  PROCEDURES_UNAVAILABLE: 503,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  DEVICE_NOT_PAIRED: 403,
  DEVICE_KIND_MISMATCH: 403,
  DEVICE_NOT_FOUND: 404,
  PAIRING_CODE_UNKNOWN: 404,
  PAIRING_PENDING_FULL: 429,
  CROSS_ORIGIN: 403,
  ISSUE_LIMIT_REACHED: 429,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** Body of every 4xx/5xx answer. */
export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: unknown;
}

/** A refusal decided by the rules; carries values for the message template. */
export class DomainError extends Error {
  constructor(
    public readonly code: ErrorCode,
    public readonly params: Record<string, string | number> = {},
  ) {
    super(code);
    this.name = 'DomainError';
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && value in ERROR_STATUS;
}
