/**
 * One printer: a job queue in front of a transport, with status polling and reconnection.
 *
 * The server has already saved the ticket when it calls print(), so printing must never throw into it or
 * block it: print() encodes, queues and returns. Jobs go out one at a time, only while the printer is
 * connected and able to print; a job that meets a dead link goes back to waiting and prints after the
 * reconnect. Only repeated write failures on a live link mark a job failed (it can be reprinted).
 *
 * A write that does not finish within writeTimeoutMs (a printer holding CTS low under hardware flow control,
 * a TCP peer that stopped reading) fails its job, marks the printer `error` / 'write-stalled' and resets the
 * link. That job is not sent again by itself: part of it may already be on paper, so staff reprint it.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { encodePrintJob } from '../codec/encode-job';
import { findProfile, paperGeometry, resolveEncoding } from '../codec/profiles';
import { CLEAR_FLAGS, canPrint, statusFromFlags, type StatusFlags } from '../codec/status';
import { createFileTransport } from '../transport/file-transport';
import { parsePrinterUrl } from '../transport/printer-url';
import { createSerialTransport } from '../transport/serial-transport';
import { createSimTransport, type SimTransport } from '../transport/sim-transport';
import { createTcpTransport } from '../transport/tcp-transport';
import type { Transport, TransportEvents } from '../transport/transport';
import type { PrintJobInput, PrintJobRecord, PrintJournal, PrinterConfig, PrinterService, PrinterStatusValue, StoredPrintJob } from '../types';
import { backoffMs } from './backoff';
import { StatusPoller } from './status-poller';

const HISTORY = 200;
const DEBUG_HEX_LIMIT = 4096;
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
class WriteTimeoutError extends Error {}

/** Hex dumps are costly: build them only when debug is on. Fastify's silent logger has no isLevelEnabled. */
function debugEnabled(log: { isLevelEnabled?: (level: string) => boolean; level?: string }): boolean {
  return typeof log.isLevelEnabled === 'function' ? log.isLevelEnabled('debug') : log.level === 'debug' || log.level === 'trace';
}

interface Entry {
  record: PrintJobRecord;
  input: PrintJobInput;
  bytes: Uint8Array;
  retryAt: number;
}

export function createPrinterService(config: PrinterConfig, deps: { logger: Logger; now?: () => number; journal?: PrintJournal }): PrinterService {
  const log = deps.logger.child({ module: 'printer', printer: config.id });
  const now = deps.now ?? Date.now;
  const profile = findProfile(config.model);
  const { encoding, downgraded } = resolveEncoding(profile, config.encoding);
  const paperWidth = config.paperWidth ?? 80;
  const pollMs = config.statusPollMs ?? 1000;
  const statusTimeoutMs = config.statusTimeoutMs ?? Math.max(1000, 2 * pollMs);
  const maxAttempts = config.maxAttempts ?? 5;
  const writeTimeoutMs = config.writeTimeoutMs ?? 10_000;
  const jobExpireMs = config.jobExpireMs;
  const journal = deps.journal;
  if (downgraded) log.warn({ model: profile.id, wanted: config.encoding }, 'printer has no such code page; printing Vietnamese as raster');

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
  let retryTimer: NodeJS.Timeout | null = null;
  let expiryTimer: NodeJS.Timeout | null = null;
  /** Set by a write timeout; cleared once the printer answers again (or, without status, reconnects). */
  let stalled: PrinterStatusValue | null = null;
  const queue: Entry[] = [];
  const history: Entry[] = [];
  const statusListeners = new Set<(s: PrinterStatusValue) => void>();
  const jobListeners = new Set<(j: PrintJobRecord) => void>();

  const setStatus = (next: PrinterStatusValue) => {
    if (next.status === current.status && next.detail === current.detail && next.reason === current.reason) return;
    const before = current.status;
    current = next;
    const level = canPrint(next.status) ? 'info' : 'warn';
    log[level]({ status: next.status, detail: next.detail, reason: next.reason, was: before }, 'printer status changed');
    for (const l of statusListeners) safeCall(() => l({ ...next }));
    if (canPrint(next.status)) pump();
  };

  /** While a stall is unexplained, "no answer" and "no link" keep saying so rather than a bare "offline". */
  const unreachable = (detail: string): PrinterStatusValue => stalled ?? { status: 'offline', detail };

  const emitJob = (e: Entry, opts: { journal: boolean } = { journal: true }) => {
    // 'printing' is not written down: a job cut off by a restart mid-write is still pending and prints again.
    if (journal && opts.journal && e.record.state !== 'printing') safeCall(() => journal.changed(config.id, { ...e.record }));
    for (const l of jobListeners) safeCall(() => l({ ...e.record }));
  };

  const safeCall = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      log.error({ err }, 'printer listener threw');
    }
  };

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
    else transport = sim = createSimTransport({ profile, paperDots: paperGeometry(paperWidth).dots });
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
    pump();
  };

  // ---- job queue ----------------------------------------------------------------------------------
  const remember = (e: Entry) => {
    history.unshift(e);
    if (history.length > HISTORY) history.length = HISTORY;
  };

  const pump = () => {
    if (writing || polling || closed || !connected || !transport || !canPrint(current.status)) return;
    const entry = queue[0];
    if (!entry) return;
    const wait = entry.retryAt - now();
    if (wait > 0) {
      if (!retryTimer) retryTimer = setTimeout(() => ((retryTimer = null), pump()), wait);
      return;
    }
    void send(entry, transport);
  };

  const send = async (entry: Entry, t: Transport) => {
    writing = true;
    entry.record.state = 'printing';
    entry.record.attempts++;
    emitJob(entry);
    if (debugEnabled(log)) log.debug({ job: entry.record.id, tx: Buffer.from(entry.bytes.subarray(0, DEBUG_HEX_LIMIT)).toString('hex') }, 'printer job bytes');
    try {
      await timedWrite(t, entry.bytes, entry.record.id);
      queue.shift();
      entry.record.state = 'printed';
      entry.record.printedAt = now();
      delete entry.record.error;
      log.info({ job: entry.record.id, kind: entry.record.kind, bytes: entry.record.bytes, attempts: entry.record.attempts }, 'job printed');
      emitJob(entry);
    } catch (err) {
      const message = (err as Error).message;
      entry.record.error = message;
      if (err instanceof WriteTimeoutError) {
        // Part of it may be on paper already: sending it again could print a slip and a half. Staff reprint.
        queue.shift();
        entry.record.state = 'failed';
        log.error({ job: entry.record.id, err: message }, 'print job failed: the printer took no data');
      } else if (!connected || closed) {
        // The link died under the job: it waits for the reconnect and does not use up its attempts.
        entry.record.attempts = Math.max(0, entry.record.attempts - 1);
        entry.record.state = 'queued';
        log.warn({ job: entry.record.id, err: message }, 'printer link lost during job; it will print after reconnect');
      } else if (entry.record.attempts >= maxAttempts) {
        queue.shift();
        entry.record.state = 'failed';
        log.error({ job: entry.record.id, err: message, attempts: entry.record.attempts }, 'print job failed');
      } else {
        entry.record.state = 'retrying';
        entry.retryAt = now() + backoffMs(entry.record.attempts, 500, 30_000);
        log.warn({ job: entry.record.id, err: message, attempts: entry.record.attempts }, 'print job failed; retrying');
      }
      emitJob(entry);
    } finally {
      writing = false;
    }
    pump();
  };

  /** Jobs waiting longer than jobExpireMs are dropped: a slip for a number called long ago helps nobody. */
  const expireStale = () => {
    if (jobExpireMs === undefined) return;
    const t = now();
    for (const entry of [...queue]) {
      if (writing && entry === queue[0]) continue;
      if (t - entry.record.createdAt < jobExpireMs) continue;
      queue.splice(queue.indexOf(entry), 1);
      entry.record.state = 'expired';
      entry.record.expiredReason = 'printer-unavailable';
      log.warn({ job: entry.record.id, ticket: entry.record.ticketId, status: current.status }, 'print job expired unprinted');
      emitJob(entry);
    }
  };

  const enqueue = (input: PrintJobInput, ticketId: string | undefined): PrintJobRecord => {
    const record: PrintJobRecord = { id: randomUUID(), kind: input.kind, state: 'queued', attempts: 0, bytes: 0, createdAt: now() };
    if (ticketId) record.ticketId = ticketId;
    let bytes: Uint8Array;
    try {
      bytes = encodePrintJob(input, { profile, encoding, paperWidth });
    } catch (err) {
      record.state = 'failed';
      record.error = `cannot lay out job: ${(err as Error).message}`;
      log.error({ job: record.id, err }, 'print job rejected');
      remember({ record, input, bytes: new Uint8Array(), retryAt: 0 });
      safeCall(() => journal?.added(config.id, { record: { ...record }, input }));
      return { ...record };
    }
    record.bytes = bytes.length;
    const entry: Entry = { record, input, bytes, retryAt: 0 };
    remember(entry);
    queue.push(entry);
    // Written down before print() returns: the caller answers the kiosk only after this.
    safeCall(() => journal?.added(config.id, { record: { ...record }, input }));
    emitJob(entry, { journal: false });
    // After return: the caller gets its record before any I/O happens.
    queueMicrotask(pump);
    return { ...record };
  };

  if (transport) void connect();
  if (jobExpireMs !== undefined) {
    expiryTimer = setInterval(expireStale, config.expiryCheckMs ?? pollMs);
    expiryTimer.unref?.();
  }

  const service: PrinterService = {
    id: config.id,
    status: () => ({ ...current }),
    print(job, meta) {
      try {
        return enqueue(job, meta?.ticketId);
      } catch (err) {
        log.error({ err }, 'print() failed unexpectedly');
        return { id: randomUUID(), kind: job?.kind ?? 'ticket', state: 'failed', attempts: 0, bytes: 0, createdAt: now(), error: String(err) };
      }
    },
    reprint(jobId) {
      const e = history.find((h) => h.record.id === jobId);
      return e ? enqueue(e.input, e.record.ticketId) : null;
    },
    resume(jobs: StoredPrintJob[]) {
      const entries: Entry[] = [];
      for (const job of [...jobs].sort((a, b) => a.record.createdAt - b.record.createdAt)) {
        const record: PrintJobRecord = { ...job.record, state: 'queued', resumed: true };
        try {
          entries.push({ record, input: job.input, bytes: encodePrintJob(job.input, { profile, encoding, paperWidth }), retryAt: 0 });
        } catch (err) {
          record.state = 'failed';
          record.error = `cannot lay out job: ${(err as Error).message}`;
          remember({ record, input: job.input, bytes: new Uint8Array(), retryAt: 0 });
          emitJob({ record, input: job.input, bytes: new Uint8Array(), retryAt: 0 });
        }
      }
      if (!entries.length) return;
      queue.unshift(...entries);
      for (const e of entries) {
        remember(e);
        emitJob(e);
      }
      log.info({ jobs: entries.length }, 'print jobs from before the restart queued again');
      queueMicrotask(pump);
    },
    jobs: () => history.map((e) => ({ ...e.record })),
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    onJob(listener) {
      jobListeners.add(listener);
      return () => jobListeners.delete(listener);
    },
    async close() {
      closed = true;
      stopPolling();
      poller.cancel();
      for (const t of [reconnectTimer, retryTimer]) if (t) clearTimeout(t);
      if (expiryTimer) clearInterval(expiryTimer);
      connected = false;
      if (queue.length) log.warn({ pending: queue.length }, 'printer closed with jobs still waiting');
      await transport?.close().catch(() => undefined);
    },
  };
  if (sim) {
    const s = sim;
    service.simulatorImage = (jobId) => s.png(jobId);
    service.simulatorText = (jobId) => s.text(jobId);
  }
  return service;
}
