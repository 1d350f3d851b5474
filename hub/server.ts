/** Starts a hub node: config, database (migrations, seed), listen, print the dashboard URL, shut down gracefully. */
import { buildHub } from './app';
import { ConfigError, loadHubConfig } from './config';
import { closeOnSignals, configOrExit, loggerOptions, printBanner, runMain } from '../server/core/process-start';

async function main() {
  const config = configOrExit(loadHubConfig, (err) => err instanceof ConfigError);
  const app = await buildHub({ config, logger: loggerOptions(config.LOG_LEVEL) });
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
  printBanner(lines, app.hubSeededAccounts);
  closeOnSignals(app);
}

runMain(main);
