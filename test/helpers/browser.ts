/**
 * Real Chromium (Debian package) driven by playwright-core, opening pages as a center's PCs do: at a LAN name over
 * plain HTTP (`http://hall.test:PORT`), which is not a secure context. Loopback addresses are secure contexts, so a
 * page tested at 127.0.0.1 could use APIs (crypto.randomUUID, …) that a real kiosk or console does not have.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The name pages are opened at; Chromium resolves it to loopback. */
export const HALL_HOST = 'hall.test';

/** The same server seen from a PC on the center's LAN: `http://127.0.0.1:PORT/x` → `http://hall.test:PORT/x`. */
export function hallUrl(url: string): string {
  return url.replace(/^(https?:\/\/)[^/:]+/, `$1${HALL_HOST}`);
}

/**
 * The way back for requests the test process itself makes on a page's behalf (route.fetch): Node does not know
 * the hall's name.
 */
export function loopbackUrl(url: string): string {
  return url.replace(/^(https?:\/\/)[^/:]+/, '$1127.0.0.1');
}

const LOOPBACK = /^https?:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])(:\d+)?\//;

export async function launchBrowser(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run',
      '--disable-component-update', '--disable-sync', '--autoplay-policy=no-user-gesture-required',
      `--host-resolver-rules=MAP ${HALL_HOST} 127.0.0.1`,
    ],
  });
  // Every context refuses loopback URLs, so a test that forgets hallUrl fails at once instead of passing in a
  // secure context. (browser.newPage goes through newContext too.)
  const newContext = browser.newContext.bind(browser);
  browser.newContext = async (...args: Parameters<Browser['newContext']>): Promise<BrowserContext> => {
    const context = await newContext(...args);
    await context.route(LOOPBACK, (route) => route.abort('blockedbyclient'));
    return context;
  };
  return browser;
}
