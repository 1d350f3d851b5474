/**
 * `npm run dev`: the server in watch mode on PORT (default 8080) and Vite's dev server
 * (hot reload for the pages) on 5173, proxying /api, /voice and /socket.io to it.
 * Ctrl-C stops both.
 */
import { spawn, type ChildProcess } from 'node:child_process';

const port = process.env.PORT ?? '8080';
const children: ChildProcess[] = [
  spawn('npx', ['tsx', 'watch', 'server/server.ts'], { stdio: 'inherit', env: { ...process.env, PORT: port } }),
  spawn('npx', ['vite', '--host'], { stdio: 'inherit', env: { ...process.env, DEV_SERVER_URL: `http://127.0.0.1:${port}` } }),
];

function stop(code = 0) {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stop());
process.on('SIGTERM', () => stop());
for (const c of children) c.on('exit', (code) => stop(code ?? 0));
