/** Build the pages once before the browser suites: they test what `npm start` serves. */
import { execFileSync } from 'node:child_process';

export default function setup() {
  if (process.env.SKIP_WEB_BUILD === '1') return;
  execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
}
