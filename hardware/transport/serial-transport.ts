import { SerialPort } from 'serialport';
import type { Transport, TransportEvents } from './transport';

export interface SerialOptions {
  path: string;
  baudRate: number;
  rtscts: boolean;
  xon: boolean;
}

/** serialport 13. A vanished device (unplugged USB adapter, pty whose other end died) surfaces as 'close'. */
export function createSerialTransport(opts: SerialOptions, events: TransportEvents): Transport {
  let port: SerialPort | null = null;
  let closing = false;

  return {
    kind: 'serial',
    name: `serial:${opts.path}@${opts.baudRate}`,
    answersStatus: true,
    open() {
      closing = false;
      const p = new SerialPort({
        path: opts.path,
        baudRate: opts.baudRate,
        dataBits: 8,
        parity: 'none',
        stopBits: 1,
        rtscts: opts.rtscts,
        xon: opts.xon,
        xoff: opts.xon,
        autoOpen: false,
      });
      return new Promise<void>((resolve, reject) => {
        p.open((err) => {
          if (err) return reject(err);
          port = p;
          p.on('data', (chunk: Buffer) => events.onData(chunk));
          p.on('error', () => {
            // 'close' follows when the error ends the link; errors of single writes reach write()'s callback.
          });
          p.on('close', (err: Error | null) => {
            if (port === p) port = null;
            if (!closing) events.onClose(err?.message ?? 'port closed');
          });
          resolve();
        });
      });
    },
    write(bytes) {
      const p = port;
      if (!p || !p.isOpen) return Promise.reject(new Error('serial port not open'));
      return new Promise<void>((resolve, reject) => {
        p.write(Buffer.from(bytes), (err) => {
          if (err) return reject(err);
          p.drain((e) => (e ? reject(e) : resolve()));
        });
      });
    },
    close() {
      closing = true;
      const p = port;
      port = null;
      if (!p || !p.isOpen) return Promise.resolve();
      // Unsent bytes are dropped first (tcflush): after a stalled write they would otherwise print a stale
      // slip the moment the printer raises CTS again, and a tty's close waits up to 30 s for them to drain.
      return new Promise<void>((resolve) => p.flush(() => p.close(() => resolve())));
    },
  };
}
