import { defineConfig } from 'vitest/config';
import { resolve } from 'node:path';

// Every page is an HTML entry; the server serves dist/web and maps the
// parameterised URLs (/display/counter/3, /t/:id, /rate/counter/3) and /pair/ onto them.
const pages = {
  kiosk: 'kiosk/index.html',
  phone: 'kiosk/phone.html',
  display: 'display/index.html',
  counterDisplay: 'display/counter.html',
  console: 'console/index.html',
  province: 'province/index.html',
  rate: 'console/rate.html',
  pair: 'devices/pair.html',
  book: 'book/index.html',
};

const serverUrl = process.env.DEV_SERVER_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  root: '.',
  publicDir: 'public',
  build: {
    outDir: 'dist/web',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: Object.fromEntries(Object.entries(pages).map(([name, file]) => [name, resolve(import.meta.dirname, file)])),
    },
  },
  server: {
    proxy: {
      '/api': serverUrl,
      '/voice': serverUrl,
      '/socket.io': { target: serverUrl, ws: true },
    },
  },
  test: {
    // The center's day boundary must never depend on the machine's zone. Tests run in the zone TZ names
    // (`TZ=Asia/Ho_Chi_Minh npm test`), and otherwise in one that is neither UTC nor the center's, with summer
    // time: code that reads the machine's zone where it means the center's fails here.
    env: { TZ: process.env.TZ || 'America/Los_Angeles' },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'test/reliability/**', 'node_modules/**'],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          globalSetup: ['test/e2e/global-setup.ts'],
          include: ['test/e2e/**/*.test.ts', 'test/reliability/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's fetch, render or socket round trip can take seconds on a loaded 2-core machine; a poll that
          // gives up after the default second fails there for no fault of the product.
          expect: { poll: { timeout: 10_000 } },
          fileParallelism: false,
        },
      },
    ],
  },
});
