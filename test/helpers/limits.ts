import { loadConfig } from '../../server/config';

/**
 * Issuing limits raised out of the way, for tests and benches that are not about them: they issue
 * dozens or thousands of tickets within milliseconds from one address, which the production limits
 * rightly refuse. The checks still run. The limits themselves are tested at their defaults
 * (test/server/issue-limits.test.ts, and an honest kiosk in the browser).
 */
export const UNLIMITED_ISSUING: Record<string, string> = {
  KIOSK_TICKETS_PER_MINUTE: '1000000',
  VISITOR_TICKETS_PER_HOUR: '1000000',
  VISITOR_TICKETS_PER_DAY: '1000000',
  VISITOR_SHARE_PERCENT: '100',
};

const defaults = loadConfig({});
/** The limits a center runs with (the configuration's defaults), for the tests about them. */
export const PRODUCTION_ISSUING: Record<string, string> = {
  KIOSK_TICKETS_PER_MINUTE: String(defaults.KIOSK_TICKETS_PER_MINUTE),
  VISITOR_TICKETS_PER_HOUR: String(defaults.VISITOR_TICKETS_PER_HOUR),
  VISITOR_TICKETS_PER_DAY: String(defaults.VISITOR_TICKETS_PER_DAY),
  VISITOR_SHARE_PERCENT: String(defaults.VISITOR_SHARE_PERCENT),
};
