/**
 * What a center server and a hub node do alike when they start as a process: read the configuration (a bad value
 * stops with its message and exit code 2), log prettily on a terminal, print the accounts created at start, and
 * close gracefully on SIGINT/SIGTERM (forced after 10 s).
 */
import type { FastifyInstance } from 'fastify';

export interface PrintedAccount {
  username: string;
  role: string;
  password: string;
  oneTime: boolean;
}

/** The configuration, or exit 2 with the message of a `ConfigError`-like error (any other error is thrown). */
export function configOrExit<C>(load: () => C, isConfigError: (err: unknown) => boolean): C {
  try {
    return load();
  } catch (err) {
    if (isConfigError(err)) {
      process.stderr.write(`${(err as Error).message}\n`);
      process.exit(2);
    }
    throw err;
  }
}

/** Pino options: human-readable on a terminal, JSON lines otherwise. */
export function loggerOptions(level: string): Record<string, unknown> {
  const pretty = process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {};
  return { level, ...pretty };
}

/** The start banner: the given lines, then the accounts created now (their passwords are shown this once). */
export function printBanner(lines: string[], accounts: PrintedAccount[]): void {
  const out = [...lines];
  if (accounts.length > 0) {
    out.push('', '  Accounts created now (tài khoản):');
    for (const a of accounts) out.push(`    ${a.username.padEnd(10)} ${a.role.padEnd(9)} password: ${a.password}${a.oneTime ? '  (one-time: change it after signing in)' : ''}`);
  }
  process.stdout.write(out.join('\n') + '\n\n');
}

/** Close the app on SIGINT/SIGTERM, once; exit 1 if closing takes more than 10 s. */
export function closeOnSignals(app: FastifyInstance): void {
  let closing = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, async () => {
      if (closing) return;
      closing = true;
      app.log.info({ signal }, 'shutting down');
      const timer = setTimeout(() => process.exit(1), 10_000);
      await app.close();
      clearTimeout(timer);
      process.exit(0);
    });
  }
}

/** Run the process's main function; an error it throws is printed and ends the process with exit code 1. */
export function runMain(main: () => Promise<void>): void {
  main().catch((err) => {
    process.stderr.write(`${err?.stack ?? err}\n`);
    process.exit(1);
  });
}
