/** Starts the process: config, logger, listen, print the URLs, shut down gracefully. */
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { publicUrl } from './core/public-url';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const pretty = process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {};
  const app = await buildApp({ config, logger: { level: config.LOG_LEVEL, ...pretty } });
  await app.listen({ port: config.PORT, host: config.HOST });

  const base = publicUrl(app);
  const lines = [
    '',
    `  ${app.queue.state().center.name}`,
    `  Kiosk (lấy số):            ${base}/kiosk/`,
    `  Hall display (màn hình):   ${base}/display/`,
    `  Counter display (quầy 1):  ${base}/display/counter/1`,
    `  Staff console (cán bộ):    ${base}/console/`,
    `  Reports (báo cáo):         ${base}/console/#/reports`,
    `  API docs:                  ${base}/docs`,
  ];
  if (app.seededAccounts.length > 0) {
    lines.push('', '  Accounts created now (tài khoản):');
    for (const a of app.seededAccounts) lines.push(`    ${a.username.padEnd(10)} ${a.role.padEnd(9)} password: ${a.password}${a.oneTime ? '  (one-time: change it after signing in)' : ''}`);
  }
  process.stdout.write(lines.join('\n') + '\n\n');

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

main().catch((err) => {
  process.stderr.write(`${err?.stack ?? err}\n`);
  process.exit(1);
});
