/** Child process: opens N /public sockets to a URL, prints READY when all have their snapshot, exits on stdin close. */
import { io } from 'socket.io-client';

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
let ready = 0;
const sockets = Array.from({ length: count }, () => {
  const s = io(`${url}/public`, { transports: ['websocket'], reconnection: false });
  s.once('queue:snapshot', () => {
    if (++ready === count) process.stdout.write('READY\n');
  });
  return s;
});
process.stdin.on('end', () => {
  for (const s of sockets) s.disconnect();
  process.exit(0);
});
process.stdin.resume();
setTimeout(() => process.exit(2), 120_000).unref();
