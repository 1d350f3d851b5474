/**
 * Process configuration from the environment, validated once at start.
 * Every variable is documented in README's configuration table.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { resolve } from 'node:path';
import { isValidTimeZone } from './queue/calendar';

const EnvSchema = Type.Object({
  PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8080 }),
  HOST: Type.String({ default: '0.0.0.0' }),
  DATA_DIR: Type.String({ default: './data' }),
  CENTER_TZ: Type.Optional(Type.String()),
  TZ: Type.Optional(Type.String()),
  SEED: Type.Union([Type.Literal('demo'), Type.Literal('none')], { default: 'demo' }),
  DEMO_PASSWORD: Type.String({ minLength: 1, default: 'demo' }),
  PUBLIC_URL: Type.Optional(Type.String()),
  PRINTER_URL: Type.String({ default: 'sim' }),
  PRINTER_MODEL: Type.String({ default: 'epson' }),
  PRINTER_ENCODING: Type.Optional(Type.Union([Type.Literal('tcvn3'), Type.Literal('cp1258'), Type.Literal('raster')])),
  PRINTER_PAPER_WIDTH: Type.Union([Type.Literal(58), Type.Literal(80)], { default: 80 }),
  PRINTER_STATUS_POLL_MS: Type.Integer({ minimum: 100, maximum: 60_000, default: 1000 }),
  /** A write the printer does not take within this time fails its job and resets the link (CTS held low). */
  PRINTER_WRITE_TIMEOUT_MS: Type.Integer({ minimum: 100, maximum: 600_000, default: 10_000 }),
  /** At start, jobs accepted before the restart are printed only if younger than this; older ones are dropped. */
  PRINT_JOB_MAX_AGE_MIN: Type.Integer({ minimum: 0, maximum: 24 * 60, default: 10 }),
  /** A job still unprinted this long after it was accepted (printer offline, out of paper…) expires. */
  PRINT_JOB_EXPIRE_MIN: Type.Integer({ minimum: 1, maximum: 24 * 60, default: 10 }),
  /**
   * JSON map of kiosk id → printer URL, from before kiosks were paired devices: each becomes a printer `kiosk-<id>`
   * an admin can give to a kiosk device (a kiosk page that pairs with its old id is offered its own).
   */
  KIOSK_PRINTERS: Type.Optional(Type.String()),
  /** Issuing limits (server/limits/issue-limits.ts): an approved kiosk or signed-in staff, per minute. */
  KIOSK_TICKETS_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 30 }),
  /** Any other browser (a citizen's phone), by network address: per hour and per business day. */
  VISITOR_TICKETS_PER_HOUR: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 3 }),
  VISITOR_TICKETS_PER_DAY: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 6 }),
  /** The most of a service's day (its quota, else its number range) that visitors may take together. */
  VISITOR_SHARE_PERCENT: Type.Integer({ minimum: 1, maximum: 100, default: 50 }),
  /** Outbound webhook for booking notices (server/appointments/notify.ts): an SMS or Zalo gateway; unset = none. */
  NOTIFY_WEBHOOK_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  /** Delay before a failed notice is retried (then 5× longer each time, 4 attempts in all). */
  NOTIFY_RETRY_MS: Type.Integer({ minimum: 1, maximum: 600_000, default: 2000 }),
  /** Bookings and cancellations one network address (a phone) may make per hour; three times that per day. */
  APPOINTMENT_REQUESTS_PER_HOUR: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  /** Origins allowed to embed <qm-kiosk> from another site (comma list); unset = same-origin only. */
  KIOSK_EMBED_ORIGINS: Type.Optional(Type.String()),
  DB_SYNCHRONOUS: Type.Union([Type.Literal('FULL'), Type.Literal('NORMAL')], { default: 'FULL' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  SESSION_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 12 }),
  /**
   * Live Socket.IO connections one network address may hold (server/realtime/address-cap.ts). A counter PC
   * has a console or two and a tab of the floor; a display PC one screen; a kiosk one page; a reconnecting
   * page briefly holds its old connection too. 40 leaves room for all of that behind one address and still
   * stops a phone opening thousands. Raise it for a site whose screens share one address (behind NAT).
   */
  SOCKETS_PER_ADDRESS: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 40 }),
  /** Set to 'true' behind HTTPS so session cookies get the Secure flag. */
  COOKIE_SECURE: Type.Boolean({ default: false }),
  /** The province hub this center reports to (server/hub-link/); unset → unlinked, unless an admin enrolled in the console. */
  HUB_URL: Type.Optional(Type.String({ pattern: '^https?://[^\\s]+$' })),
  /** One-time code from the hub's admin, used at the first start only, while the center is not enrolled yet. */
  HUB_ENROLMENT_CODE: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});

export type Env = Static<typeof EnvSchema>;

export interface AppConfig extends Env {
  dbFile: string;
  centerTimeZone: string;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const known = Object.fromEntries(Object.keys(EnvSchema.properties).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const value = Value.Default(EnvSchema, Value.Convert(EnvSchema, known));
  if (!Value.Check(EnvSchema, value)) {
    const problems = [...Value.Errors(EnvSchema, value)].map((e) => `${e.instancePath || '/'} ${e.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const env2 = value as Env;
  const centerTimeZone = env2.CENTER_TZ ?? (env2.TZ && isValidTimeZone(env2.TZ) && env2.TZ !== 'UTC' ? env2.TZ : 'Asia/Ho_Chi_Minh');
  if (!isValidTimeZone(centerTimeZone)) throw new ConfigError(`Invalid configuration: CENTER_TZ "${centerTimeZone}" is not a time zone`);
  if (env2.HUB_ENROLMENT_CODE && !env2.HUB_URL) throw new ConfigError('Invalid configuration: HUB_ENROLMENT_CODE needs HUB_URL (the province hub to enrol with)');
  return { ...env2, dbFile: resolve(env2.DATA_DIR, 'hang-cho.sqlite'), centerTimeZone };
}
