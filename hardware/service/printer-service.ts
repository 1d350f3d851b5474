/**
 * One printer: a job queue in front of a transport, with status polling and reconnection.
 *
 * The server has already saved the ticket when it calls print(), so printing must never throw into it or
 * block it: print() encodes, queues and returns. Jobs go out one at a time, only while the printer is
 * connected and able to print; a job that meets a dead link goes back to waiting and prints after the
 * reconnect. Only repeated write failures on a live link mark a job failed (it can be reprinted).
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
import type { PrintJobInput, PrintJobRecord, PrinterConfig, PrinterService, PrinterStatusValue } from '../types';
import { backoffMs } from './backoff';
import { StatusPoller } from './status-poller';

const HISTORY = 200;
const DEBUG_HEX_LIMIT = 4096;
/** Unanswered polls in a row after which the link is reopened: a pty or socket can go stale without closing. */
const STALE_POLLS = 3;

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

export function createPrinterService(config: PrinterConfig, deps: { logger: Logger; now?: () => number }): PrinterService {
  const log = deps.logger.child({ module: 'printer', printer: config.id });
  const now = deps.now ?? Date.now;
  const profile = findProfile(config.model);
  const { encoding, downgraded } = resolveEncoding(profile, config.encoding);
  const paperWidth = config.paperWidth ?? 80;
  const pollMs = config.statusPollMs ?? 1000;
  const statusTimeoutMs = config.statusTimeoutMs ?? Math.max(1000, 2 * pollMs);
  const maxAttempts = config.maxAttempts ?? 5;
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
  const queue: Entry[] = [];
  const history: Entry[] = [];
  const statusListeners = new Set<(s: PrinterStatusValue) => void>();
  const jobListeners = new Set<(j: PrintJobRecord) => void>();

  const setStatus = (next: PrinterStatusValue) => {
    if (next.status === current.status && next.detail === current.detail) return;
    const before = current.status;
    current = next;
    const level = canPrint(next.status) ? 'info' : 'warn';
    log[level]({ status: next.status, detail: next.detail, was: before }, 'printer status changed');
    for (const l of statusListeners) safeCall(() => l({ ...next }));
    if (canPrint(next.status)) pump();
  };

  const emitJob = (e: Entry) => {
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
      return transport.write(bytes);
    },
    (update) => {
      flags = update(flags);
      missedPolls = 0;
      setStatus(statusFromFlags(flags));
    },
  );

  const linkLost = (reason: string) => {
    if (!connected) return;
    connected = false;
    poller.cancel();
    stopPolling();
    setStatus({ status: 'offline', detail: reason });
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
      setStatus({ status: 'offline', detail });
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
    if (transport.answersStatus) {
      flags = CLEAR_FLAGS;
      startPolling();
    } else setStatus({ status: 'ok' });
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
    setStatus({ status: 'offline', detail: reason });
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
        flags = result.flags;
        setStatus(statusFromFlags(flags));
      } else {
        missedPolls++;
        setStatus({ status: 'offline', detail: 'no answer to status request' });
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
      await t.write(entry.bytes, entry.record.id);
      queue.shift();
      entry.record.state = 'printed';
      entry.record.printedAt = now();
      delete entry.record.error;
      log.info({ job: entry.record.id, kind: entry.record.kind, bytes: entry.record.bytes, attempts: entry.record.attempts }, 'job printed');
      emitJob(entry);
    } catch (err) {
      const message = (err as Error).message;
      entry.record.error = message;
      if (!connected || closed) {
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
      return { ...record };
    }
    record.bytes = bytes.length;
    const entry: Entry = { record, input, bytes, retryAt: 0 };
    remember(entry);
    queue.push(entry);
    emitJob(entry);
    // After return: the caller gets its record before any I/O happens.
    queueMicrotask(pump);
    return { ...record };
  };

  if (transport) void connect();

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
