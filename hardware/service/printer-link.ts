/**
 * The link to one printer: opening its transport, reconnecting with backoff, polling its status, and the
 * deadline every write gets. The job queue (printer-service.ts) asks it whether a job may go out now and hands
 * it the bytes; the link tells the queue when the printer became able to print again.
 *
 * A write that does not finish within writeTimeoutMs (a printer holding CTS low under hardware flow control,
 * a TCP peer that stopped reading) rejects with WriteTimeoutError, marks the printer `error` /
 * 'write-stalled' and resets the link.
 */
import type { Logger } from 'pino';
import { paperGeometry, type PrinterProfile } from '../codec/profiles';
import { CLEAR_FLAGS, canPrint, statusFromFlags, type StatusFlags } from '../codec/status';
import { createFileTransport } from '../transport/file-transport';
import { parsePrinterUrl } from '../transport/printer-url';
import { createSerialTransport } from '../transport/serial-transport';
import { createSimTransport, type SimTransport } from '../transport/sim-transport';
import { createTcpTransport } from '../transport/tcp-transport';
import type { Transport, TransportEvents } from '../transport/transport';
import type { PrinterConfig, PrinterStatusValue } from '../types';
import { backoffMs } from './backoff';
import { StatusPoller } from './status-poller';

/** Unanswered polls in a row after which the link is reopened: a pty or socket can go stale without closing. */
const STALE_POLLS = 3;

/**
 * Sent first on every link opened after a stalled write. The cut-off job may have left the printer inside a
 * command (a raster line, a QR payload) that would swallow our status questions as picture data: NULs, which
 * print nothing and mean nothing as commands, complete any command we emit (a raster line is at most
 * 72 × 72 bytes), then ESC @ resets the printer to a clean state.
 */
const RESYNC = Uint8Array.from([...new Uint8Array(8192), 0x1b, 0x40]);

/** A write that did not finish in time: the far end stopped taking bytes. */
export class WriteTimeoutError extends Error {}

/** Hex dumps are costly: build them only when debug is on. Fastify's silent logger has no isLevelEnabled. */
export function debugEnabled(log: { isLevelEnabled?: (level: string) => boolean; level?: string }): boolean {
  return typeof log.isLevelEnabled === 'function' ? log.isLevelEnabled('debug') : log.level === 'debug' || log.level === 'trace';
}

export interface PrinterLink {
  status(): PrinterStatusValue;
  /** Connected, not closed: a failed write here is the printer's fault, not the link's. */
  isUp(): boolean;
  /** Nothing else is on the wire and the printer says it can print. */
  canSend(): boolean;
  /** The job's bytes under the write deadline; status polls wait meanwhile. */
  send(bytes: Uint8Array, jobId: string): Promise<void>;
  /** The simulator, when the URL names it: the service exposes its pictures. */
  sim: SimTransport | null;
  close(): Promise<void>;
}

export interface LinkOptions {
  config: PrinterConfig;
  log: Logger;
  profile: PrinterProfile;
  encoding: string;
  paperWidth: NonNullable<PrinterConfig['paperWidth']>;
  /** Every change of status, once. */
  onStatus: (status: PrinterStatusValue) => void;
  /** The printer may take a job now (it can print again, or a poll finished). */
  onReady: () => void;
}

export function createPrinterLink(o: LinkOptions): PrinterLink {
  const { config, log, profile, encoding } = o;
  const pollMs = config.statusPollMs ?? 1000;
  const statusTimeoutMs = config.statusTimeoutMs ?? Math.max(1000, 2 * pollMs);
  const writeTimeoutMs = config.writeTimeoutMs ?? 10_000;

  let current: PrinterStatusValue = { status: 'offline', detail: 'connecting' };
  let flags: StatusFlags = CLEAR_FLAGS;
  let connected = false;
  let closed = false;
  let writing = false;
  let polling = false;
  let missedPolls = 0;
  let reconnectAttempt = 0;
  let pollTimer: NodeJS.Timeout | null = null;
  let reconnectTimer: NodeJS.Timeout | null = null;
  /** Set by a write timeout; cleared once the printer answers again (or, without status, reconnects). */
  let stalled: PrinterStatusValue | null = null;

  const setStatus = (next: PrinterStatusValue) => {
    if (next.status === current.status && next.detail === current.detail && next.reason === current.reason) return;
    const before = current.status;
    current = next;
    const level = canPrint(next.status) ? 'info' : 'warn';
    log[level]({ status: next.status, detail: next.detail, reason: next.reason, was: before }, 'printer status changed');
    o.onStatus({ ...next });
    if (canPrint(next.status)) o.onReady();
  };

  /** While a stall is unexplained, "no answer" and "no link" keep saying so rather than a bare "offline". */
  const unreachable = (detail: string): PrinterStatusValue => stalled ?? { status: 'offline', detail };

  // ---- transport and connection -------------------------------------------------------------------
  const events: TransportEvents = {
    onData(chunk) {
      if (debugEnabled(log)) log.debug({ rx: chunk.toString('hex') }, 'printer rx');
      poller.push(chunk);
    },
    onClose(reason) {
      linkLost(reason);
    },
  };

  let transport: Transport | null = null;
  let sim: SimTransport | null = null;
  try {
    const target = parsePrinterUrl(config.url);
    if (target.kind === 'serial') transport = createSerialTransport(target, events);
    else if (target.kind === 'tcp') transport = createTcpTransport(target, events);
    else if (target.kind === 'file') transport = createFileTransport(target);
    else transport = sim = createSimTransport({ profile, paperDots: paperGeometry(o.paperWidth).dots });
  } catch (err) {
    log.error({ err }, 'bad printer URL; jobs will wait');
    current = { status: 'error', detail: (err as Error).message };
  }

  const poller = new StatusPoller(
    (bytes) => {
      if (!transport || !connected) return Promise.reject(new Error('not connected'));
      if (debugEnabled(log)) log.debug({ tx: Buffer.from(bytes).toString('hex') }, 'printer status request');
      return timedWrite(transport, bytes);
    },
    (update) => {
      flags = update(flags);
      missedPolls = 0;
      stalled = null;
      setStatus(statusFromFlags(flags));
    },
  );

  /**
   * Every write, job or status question, gets the same deadline: under hardware flow control a printer that
   * holds CTS low stops the status questions too, and a write that never finishes would hold the queue forever.
   */
  const timedWrite = (t: Transport, bytes: Uint8Array, jobId?: string) =>
    new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(new WriteTimeoutError(`write timed out after ${writeTimeoutMs} ms`));
        writeStalled();
      }, writeTimeoutMs);
      t.write(bytes, jobId).then(
        () => (clearTimeout(timer), resolve()),
        (err: unknown) => (clearTimeout(timer), reject(err)),
      );
    });

  const writeStalled = () => {
    if (closed) return;
    stalled = { status: 'error', reason: 'write-stalled', detail: `printer took no data for ${writeTimeoutMs} ms` };
    log.error({ timeoutMs: writeTimeoutMs }, 'printer write timed out; resetting the link');
    setStatus(stalled);
    void reopen('write timed out');
  };

  const linkLost = (reason: string) => {
    if (!connected) return;
    connected = false;
    poller.cancel();
    stopPolling();
    setStatus(unreachable(reason));
    scheduleReconnect();
  };

  const connect = async () => {
    reconnectTimer = null;
    if (closed || !transport || connected) return;
    try {
      await transport.open();
    } catch (err) {
      const detail = (err as Error).message;
      if (reconnectAttempt === 0) log.warn({ err: detail, transport: transport.name }, 'printer not reachable; will keep trying');
      setStatus(unreachable(detail));
      scheduleReconnect();
      return;
    }
    if (closed) {
      await transport.close();
      return;
    }
    connected = true;
    reconnectAttempt = 0;
    missedPolls = 0;
    log.info({ transport: transport.name, encoding, model: profile.id }, 'printer connected');
    if (stalled && transport.answersStatus && !(await resync(transport))) return;
    if (transport.answersStatus) {
      flags = CLEAR_FLAGS;
      startPolling();
    } else {
      stalled = null;
      setStatus({ status: 'ok' });
    }
  };

  /** False when the printer still takes nothing (the timeout has already reset the link again). */
  const resync = async (t: Transport): Promise<boolean> => {
    writing = true;
    try {
      await timedWrite(t, RESYNC);
      return true;
    } catch (err) {
      if (connected && !(err instanceof WriteTimeoutError)) void reopen('resync failed');
      return false;
    } finally {
      writing = false;
    }
  };

  const scheduleReconnect = () => {
    if (closed || reconnectTimer) return;
    reconnectAttempt++;
    reconnectTimer = setTimeout(() => void connect(), backoffMs(reconnectAttempt, 250, 2000));
  };

  const reopen = async (reason: string) => {
    if (!transport || !connected) return;
    log.warn({ reason }, 'reopening printer link');
    connected = false;
    poller.cancel();
    stopPolling();
    setStatus(unreachable(reason));
    await transport.close().catch(() => undefined);
    scheduleReconnect();
  };

  // ---- status polling -----------------------------------------------------------------------------
  const startPolling = () => {
    stopPolling();
    void pollOnce();
    pollTimer = setInterval(() => void pollOnce(), pollMs);
  };
  const stopPolling = () => {
    if (pollTimer) clearInterval(pollTimer);
    pollTimer = null;
  };

  const pollOnce = async () => {
    // A question queued behind a long job would time out and read as "offline"; the write is proof of life.
    if (polling || writing || !connected || closed) return;
    polling = true;
    try {
      const result = await poller.poll(flags, statusTimeoutMs);
      if (!connected) return;
      if (result.answered) {
        missedPolls = 0;
        stalled = null;
        flags = result.flags;
        setStatus(statusFromFlags(flags));
      } else {
        missedPolls++;
        setStatus(unreachable('no answer to status request'));
        if (missedPolls >= STALE_POLLS) void reopen('no answer to status requests');
      }
    } finally {
      polling = false;
    }
    o.onReady();
  };

  if (transport) void connect();

  return {
    status: () => ({ ...current }),
    isUp: () => connected && !closed,
    canSend: () => !writing && !polling && !closed && connected && transport !== null && canPrint(current.status),
    async send(bytes, jobId) {
      writing = true;
      try {
        await timedWrite(transport!, bytes, jobId);
      } finally {
        writing = false;
      }
    },
    sim,
    async close() {
      closed = true;
      stopPolling();
      poller.cancel();
      if (reconnectTimer) clearTimeout(reconnectTimer);
      connected = false;
      await transport?.close().catch(() => undefined);
    },
  };
}
