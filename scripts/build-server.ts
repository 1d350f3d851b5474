/**
 * Bundle the server, with its pure-JS dependencies, into dist/server/server.js:
 * `npm start` then runs plain Node and loads one file instead of transpiling every
 * source with tsx and resolving hundreds of module files at each start.
 * Kept external: native addons (better-sqlite3, serialport), and packages that find
 * their own files at run time (swagger-ui's static assets, pino's worker transports).
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync('dist/server', { recursive: true, force: true });
await build({
  entryPoints: ['server/server.ts'],
  outfile: 'dist/server/server.js',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: ['better-sqlite3', 'serialport', '@serialport/*', '@fastify/swagger-ui', 'pino', 'pino-pretty', 'thread-stream'],
  // Bundled CommonJS dependencies still call require(): give the ES module one.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
