/**
 * Child process: opens N /public sockets to a URL, prints READY when all have their snapshot, exits on stdin close.
 * Each socket leaves from its own loopback address, as each display is its own PC (the server caps connections per address).
 */
import { io } from 'socket.io-client';
import { agentFrom, spreadAddress } from '../helpers/local-address';

const [url, countArg] = process.argv.slice(2);
const count = Number(countArg);
let ready = 0;
const sockets = Array.from({ length: count }, (_, i) => {
  const s = io(`${url}/public`, { transports: ['websocket'], reconnection: false, agent: agentFrom(spreadAddress(i, 1)) as never });
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
