/**
 * The hub process's configuration from the environment, validated once at start (docs: hub/README.md).
 * A typo stops the start with a message that names the variable.
 */
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { resolve } from 'node:path';
import { ConfigError } from '../server/config';

export { ConfigError };

const HubEnvSchema = Type.Object({
  HUB_PORT: Type.Integer({ minimum: 0, maximum: 65535, default: 8090 }),
  HUB_HOST: Type.String({ default: '0.0.0.0' }),
  HUB_DATA_DIR: Type.String({ default: './data-hub' }),
  /** postgres://user:pass@host:5432/db; unset → embedded PGlite under HUB_DATA_DIR/pglite. */
  DATABASE_URL: Type.Optional(Type.String()),
  /** redis://host:6379; unset → a single node (no adapter). */
  REDIS_URL: Type.Optional(Type.String()),
  SEED: Type.Union([Type.Literal('demo'), Type.Literal('none')], { default: 'demo' }),
  DEMO_PASSWORD: Type.String({ minLength: 1, default: 'demo' }),
  LOG_LEVEL: Type.Union(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].map((l) => Type.Literal(l)), { default: 'info' }),
  SESSION_HOURS: Type.Integer({ minimum: 1, maximum: 24 * 30, default: 12 }),
  COOKIE_SECURE: Type.Boolean({ default: false }),
  /** A center not heard from for this long shows as offline. */
  HUB_ONLINE_SECONDS: Type.Integer({ minimum: 5, maximum: 3600, default: 60 }),
  /** How long a center's enrolment code stays valid. */
  HUB_ENROLMENT_DAYS: Type.Integer({ minimum: 1, maximum: 90, default: 7 }),
  /** Enrolment attempts one address may make per minute (codes are guessed nowhere near this fast). */
  HUB_ENROL_PER_MINUTE: Type.Integer({ minimum: 1, maximum: 1_000_000, default: 10 }),
  /** The largest uplink batch accepted, in MB. */
  HUB_BODY_LIMIT_MB: Type.Integer({ minimum: 1, maximum: 256, default: 16 }),
  /** Connections of this node's PostgreSQL pool. */
  HUB_DB_POOL: Type.Integer({ minimum: 1, maximum: 200, default: 10 }),
});

export type HubEnv = Static<typeof HubEnvSchema>;

export interface HubConfig extends HubEnv {
  dataDir: string;
}

function checkUrl(name: string, value: string | undefined, protocols: string[]): void {
  if (value === undefined) return;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`Invalid configuration: ${name} is not a URL (expected ${protocols.map((p) => `${p}//…`).join(' or ')})`);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(`Invalid configuration: ${name} must start with ${protocols.join(' or ')} (got ${url.protocol})`);
}

export function loadHubConfig(env: NodeJS.ProcessEnv = process.env): HubConfig {
  const known = Object.fromEntries(Object.keys(HubEnvSchema.properties).filter((k) => env[k] !== undefined && env[k] !== '').map((k) => [k, env[k]]));
  const value = Value.Default(HubEnvSchema, Value.Convert(HubEnvSchema, known));
  if (!Value.Check(HubEnvSchema, value)) {
    const problems = [...Value.Errors(HubEnvSchema, value)].map((e) => `${e.instancePath.replace(/^\//, '') || '/'} ${e.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const cfg = value as HubEnv;
  checkUrl('DATABASE_URL', cfg.DATABASE_URL, ['postgres:', 'postgresql:']);
  checkUrl('REDIS_URL', cfg.REDIS_URL, ['redis:', 'rediss:']);
  return { ...cfg, dataDir: resolve(cfg.HUB_DATA_DIR) };
}
