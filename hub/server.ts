/** Starts a hub node: config, database (migrations, seed), listen, print the dashboard URL, shut down gracefully. */
import { buildHub } from './app';
import { ConfigError, loadHubConfig } from './config';

async function main() {
  let config;
  try {
    config = loadHubConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(2);
    }
    throw err;
  }
  const pretty = process.stdout.isTTY ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname' } } } : {};
  const app = await buildHub({ config, logger: { level: config.LOG_LEVEL, ...pretty } });
  await app.listen({ port: config.HUB_PORT, host: config.HUB_HOST });

  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.HUB_PORT;
  const host = config.HUB_HOST === '0.0.0.0' || config.HUB_HOST === '::' ? 'localhost' : config.HUB_HOST;
  const base = `http://${host}:${port}`;
  const lines = [
    '',
    '  Hàng Chờ — province hub (trung tâm tỉnh)',
    `  Province dashboard (bảng tỉnh):  ${base}/province/`,
    `  Database:                        ${config.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : `embedded PGlite (${config.dataDir}/pglite)`}`,
    `  Redis:                           ${config.REDIS_URL ? 'REDIS_URL (several nodes)' : 'none (a single node)'}`,
  ];
  if (app.hubSeededAccounts.length > 0) {
    lines.push('', '  Accounts created now (tài khoản):');
    for (const a of app.hubSeededAccounts) lines.push(`    ${a.username.padEnd(10)} ${a.role.padEnd(9)} password: ${a.password}${a.oneTime ? '  (one-time: change it after signing in)' : ''}`);
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
