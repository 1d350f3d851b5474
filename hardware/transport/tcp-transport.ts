import { Socket } from 'node:net';
import type { Transport, TransportEvents } from './transport';

/** Raw TCP (port 9100, "JetDirect"). Keep-alive makes a silently dead link show up as a close. */
export function createTcpTransport(opts: { host: string; port: number }, events: TransportEvents): Transport {
  let socket: Socket | null = null;
  let closing = false;

  return {
    kind: 'tcp',
    name: `tcp://${opts.host}:${opts.port}`,
    answersStatus: true,
    open() {
      closing = false;
      return new Promise<void>((resolve, reject) => {
        const s = new Socket();
        const fail = (err: Error) => {
          s.destroy();
          reject(err);
        };
        s.once('error', fail);
        s.setTimeout(5000, () => fail(new Error('connect timeout')));
        s.connect(opts.port, opts.host, () => {
          s.off('error', fail);
          s.setTimeout(0);
          s.setNoDelay(true);
          s.setKeepAlive(true, 5000);
          socket = s;
          s.on('data', (chunk) => events.onData(chunk));
          s.on('error', () => {
            // 'close' always follows.
          });
          s.on('close', () => {
            if (socket === s) socket = null;
            if (!closing) events.onClose('connection closed');
          });
          resolve();
        });
      });
    },
    write(bytes) {
      const s = socket;
      if (!s || s.destroyed) return Promise.reject(new Error('not connected'));
      return new Promise<void>((resolve, reject) => s.write(Buffer.from(bytes), (err) => (err ? reject(err) : resolve())));
    },
    close() {
      closing = true;
      const s = socket;
      socket = null;
      if (!s) return Promise.resolve();
      return new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        // Bytes still queued mean the peer stopped reading (a stalled write): a FIN would wait behind them.
        if (s.writableLength > 0) s.destroy();
        else s.end();
        setTimeout(() => s.destroy(), 500).unref();
      });
    },
  };
}
