/**
 * Kiosk figures: the JS a kiosk downloads (gzipped, entry plus every chunk it imports)
 * and the tap → ticket-on-screen latency in real Chromium against the real server.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { launchBrowser } from '../helpers/browser';
import { openKiosk, startApp } from '../kiosk/e2e-helpers';
import { percentile, round, type BenchResult } from './types';

const WEB = 'dist/web';

/** Entry module of the kiosk page and its static imports, followed transitively. */
function kioskScripts(): string[] {
  const html = readFileSync(join(WEB, 'kiosk/index.html'), 'utf8');
  const entry = /<script[^>]+type="module"[^>]+src="\/([^"]+)"/.exec(html)?.[1];
  if (!entry) throw new Error('no module script in dist/web/kiosk/index.html');
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(WEB, file), 'utf8');
    for (const m of code.matchAll(/(?:import|from)\s*["']\.\/([^"']+\.js)["']/g)) visit(join('assets', m[1]));
  };
  visit(entry);
  return [...seen];
}

async function tapLatency(taps: number): Promise<number[]> {
  const t = await startApp();
  const browser = await launchBrowser();
  try {
    const { page } = await openKiosk(browser, t.url, undefined, 'kiosk=K1&confirm=600');
    const samples: number[] = [];
    for (let i = 0; i < taps; i++) {
      const services = ['svc-hotich', 'svc-chungthuc', 'svc-datdai', 'svc-cutru'];
      const tile = page.locator(`qm-service-grid button[data-service="${services[i % services.length]}"]`);
      await tile.waitFor();
      // Measured inside the page, from the click to the frame after the number appears. A string,
      // because the test runner's transform would add helpers the page does not have.
      const ms = (await page.evaluate(`new Promise((resolve) => {
        const kiosk = document.querySelector('qm-kiosk').shadowRoot;
        const button = kiosk.querySelector('qm-service-grid').shadowRoot.querySelector('button[data-service="${services[i % services.length]}"]');
        const t0 = performance.now();
        function check() {
          const issued = kiosk.querySelector('qm-ticket-issued');
          const number = issued && issued.shadowRoot && issued.shadowRoot.querySelector('[data-testid="ticket-number"]');
          if (number && number.textContent) requestAnimationFrame(() => resolve(performance.now() - t0));
          else requestAnimationFrame(check);
        }
        button.click();
        check();
      })`)) as number;
      samples.push(ms);
      await page.getByRole('button', { name: 'Xong' }).click();
    }
    return samples;
  } finally {
    await browser.close();
    await t.destroy();
  }
}

export async function run(): Promise<BenchResult[]> {
  if (!existsSync(join(WEB, 'kiosk/index.html'))) execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  const files = kioskScripts();
  const raw = files.reduce((n, f) => n + readFileSync(join(WEB, f)).length, 0);
  const gz = files.reduce((n, f) => n + gzipSync(readFileSync(join(WEB, f)), { level: 9 }).length, 0);
  const samples = (await tapLatency(30)).sort((a, b) => a - b);
  return [
    { name: 'kiosk JS, gzipped', value: round(gz / 1024, 1), unit: 'KiB', target: '< 80 KiB', note: `${files.length} files, ${round(raw / 1024, 1)} KiB raw (Lit, Socket.IO client, QR encoder)` },
    { name: 'tap → ticket on screen, median', value: round(percentile(samples, 50), 1), unit: 'ms', target: '< 300 ms', note: `Chromium headless, ${samples.length} taps, loopback` },
    { name: 'tap → ticket on screen, p95', value: round(percentile(samples, 95), 1), unit: 'ms', target: '< 1000 ms', note: `Chromium headless, ${samples.length} taps, loopback` },
  ];
}
