/** Starts the process: config, logger, listen, print the URLs, shut down gracefully. */
import { buildApp } from './app';
import { ConfigError, loadConfig } from './config';
import { publicUrl } from './core/public-url';
import { closeOnSignals, configOrExit, loggerOptions, printBanner, runMain } from './core/process-start';

async function main() {
  const config = configOrExit(loadConfig, (err) => err instanceof ConfigError);
  const app = await buildApp({ config, logger: loggerOptions(config.LOG_LEVEL) });
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
  printBanner(lines, app.seededAccounts);
  closeOnSignals(app);
}

runMain(main);
