/**
 * A pretend ESC/POS printer for tests and the bench: records job bytes and answers DLE EOT from a state the
 * test sets. The byte handling is transport-free; adapters put it on a serial port or a TCP socket.
 */
import { createServer, type Server, type Socket } from 'node:net';
import { SerialPort } from 'serialport';
import { commandLength } from '../../hardware/codec/command-length';

export interface FakePrinterState {
  offline: boolean;
  coverOpen: boolean;
  paperOut: boolean;
  paperNearEnd: boolean;
  cutterError: boolean;
  /** Powered off: answers nothing. */
  silent: boolean;
}

export class FakePrinterCore {
  state: FakePrinterState = { offline: false, coverOpen: false, paperOut: false, paperNearEnd: false, cutterError: false, silent: false };
  /** Everything received except status requests. */
  received: number[] = [];
  /** performance.now() when each job's first byte (ESC @) arrived. */
  jobStarts: number[] = [];
  statusRequests = 0;
  /** Called as soon as a job's first byte (ESC @) is read, before anything else is handled. */
  onJobStart: (() => void) | null = null;
  private pending: number[] = [];

  /** Feeds received bytes; returns the bytes to answer with. */
  handle(chunk: Uint8Array): number[] {
    const replies: number[] = [];
    this.pending.push(...chunk);
    const buf = Uint8Array.from(this.pending);
    let i = 0;
    while (i < buf.length) {
      const len = commandLength(buf, i);
      if (len === 0) break;
      if (buf[i] === 0x10 && buf[i + 1] === 0x04) {
        this.statusRequests++;
        if (!this.state.silent) replies.push(this.reply(buf[i + 2]!));
      } else {
        if (buf[i] === 0x1b && buf[i + 1] === 0x40) {
          this.jobStarts.push(performance.now());
          this.onJobStart?.();
        }
        for (let k = 0; k < len; k++) this.received.push(buf[i + k]!);
      }
      i += len;
    }
    this.pending = this.pending.slice(i);
    return replies;
  }

  reply(n: number): number {
    const s = this.state;
    const base = 0x12;
    switch (n) {
      case 1:
        return base | (s.offline || s.coverOpen || s.paperOut ? 0x08 : 0);
      case 2:
        return base | (s.coverOpen ? 0x04 : 0) | (s.paperOut ? 0x20 : 0) | (s.cutterError ? 0x40 : 0);
      case 3:
        return base | (s.cutterError ? 0x08 : 0);
      case 4:
        return base | (s.paperNearEnd || s.paperOut ? 0x0c : 0) | (s.paperOut ? 0x60 : 0);
      default:
        return base;
    }
  }

  /** Received bytes cut into jobs at each ESC @. */
  jobs(): Uint8Array[] {
    const out: Uint8Array[] = [];
    const buf = Uint8Array.from(this.received);
    let start = -1;
    let i = 0;
    while (i < buf.length) {
      const len = commandLength(buf, i) || buf.length - i;
      if (buf[i] === 0x1b && buf[i + 1] === 0x40) {
        if (start >= 0) out.push(buf.subarray(start, i));
        start = i;
      }
      i += len;
    }
    if (start >= 0) out.push(buf.subarray(start));
    return out;
  }
}

export class SerialFakePrinter extends FakePrinterCore {
  private port: SerialPort | null = null;

  constructor(readonly path: string) {
    super();
  }

  open(): Promise<void> {
    const port = new SerialPort({ path: this.path, baudRate: 19200, autoOpen: false });
    return new Promise<void>((resolve, reject) =>
      port.open((err) => {
        if (err) return reject(err);
        this.port = port;
        port.on('data', (chunk: Buffer) => {
          const replies = this.handle(chunk);
          if (replies.length && port.isOpen) port.write(Buffer.from(replies));
        });
        port.on('error', () => undefined);
        resolve();
      }),
    );
  }

  /** Pushes Automatic Status Back bytes (or any bytes) to the host. */
  send(bytes: number[]): void {
    this.port?.write(Buffer.from(bytes));
  }

  close(): Promise<void> {
    const p = this.port;
    this.port = null;
    if (!p || !p.isOpen) return Promise.resolve();
    return new Promise<void>((resolve) => p.close(() => resolve()));
  }
}

export class TcpFakePrinter extends FakePrinterCore {
  private server: Server | null = null;
  private sockets = new Set<Socket>();
  port = 0;

  async listen(port = 0): Promise<number> {
    const server = createServer((socket) => {
      this.sockets.add(socket);
      socket.on('data', (chunk) => {
        const replies = this.handle(chunk);
        if (replies.length) socket.write(Buffer.from(replies));
      });
      socket.on('error', () => undefined);
      socket.on('close', () => this.sockets.delete(socket));
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    this.port = (server.address() as { port: number }).port;
    return this.port;
  }

  /** Drops every connection, as a printer rebooting or a cable pulled would. */
  dropConnections(): void {
    for (const s of this.sockets) s.destroy();
  }

  connections(): number {
    return this.sockets.size;
  }

  async close(): Promise<void> {
    this.dropConnections();
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }
}

export async function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
