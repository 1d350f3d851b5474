/**
 * Child process of the display-latency bench: opens N /public Socket.IO clients
 * (like N wall displays) and timestamps every `ticket:called` on the clock the
 * parent shares (performance.timeOrigin + performance.now(), same machine).
 *
 * argv: <namespace URL> <N> [index of the first client among all processes' clients]
 * Each client leaves from its own loopback address, as each wall display is its own PC (the server caps
 * live connections per address).
 * stdout: "READY" once every client is connected; "ALL <ticket ref>" once every
 * client has received that call; on stdin "REPORT" prints one JSON line
 * { [ticket ref]: receiveTimes[] } and exits.
 */
import { io, type Socket } from 'socket.io-client';
import { createInterface } from 'node:readline';
import { agentFrom, spreadAddress } from '../helpers/local-address';

const [url, countArg, firstArg] = process.argv.slice(2);
const count = Number(countArg);
const first = Number(firstArg ?? 0);
const now = () => performance.timeOrigin + performance.now();
const received = new Map<string, number[]>();
const sockets: Socket[] = [];

function onCall(call: { ticket: { ref: string } }): void {
  const at = now();
  let times = received.get(call.ticket.ref);
  if (!times) received.set(call.ticket.ref, (times = []));
  times.push(at);
  if (times.length === count) process.stdout.write(`ALL ${call.ticket.ref}\n`);
}

async function connectAll(): Promise<void> {
  // In batches: a thousand simultaneous handshakes would measure the accept queue, not the broadcast.
  const batch = 50;
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) => {
        const agent = agentFrom(spreadAddress(first + i + j, 1));
        const socket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true, agent: agent as never });
        sockets.push(socket);
        socket.on('ticket:called', onCall);
        return new Promise<void>((resolve, reject) => {
          socket.once('connect', () => resolve());
          socket.once('connect_error', reject);
        });
      }),
    );
  }
}

await connectAll();
process.stdout.write('READY\n');

createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() !== 'REPORT') return;
  for (const s of sockets) s.close();
  // Exit only once the pipe has taken the whole report (stdout to a pipe is asynchronous).
  process.stdout.write(`${JSON.stringify(Object.fromEntries(received))}\n`, () => process.exit(0));
});
// Never outlive the bench.
setTimeout(() => process.exit(2), 170_000).unref();
