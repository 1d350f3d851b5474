/**
 * One printer: a job queue, written down in the journal, in front of its link (printer-link.ts).
 *
 * The server has already saved the ticket when it calls print(), so printing must never throw into it or
 * block it: print() encodes, queues and returns. Jobs go out one at a time, only while the link says the
 * printer can take one; a job that meets a dead link goes back to waiting and prints after the reconnect.
 * Only repeated write failures on a live link mark a job failed (it can be reprinted).
 *
 * A job whose write timed out is not sent again by itself: part of it may already be on paper, so staff
 * reprint it.
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { encodePrintJob } from '../codec/encode-job';
import { findProfile, resolveEncoding } from '../codec/profiles';
import type { PrintJobInput, PrintJobRecord, PrintJournal, PrinterConfig, PrinterService, PrinterStatusValue, StoredPrintJob } from '../types';
import { backoffMs } from './backoff';
import { createPrinterLink, debugEnabled, WriteTimeoutError } from './printer-link';

const HISTORY = 200;
const DEBUG_HEX_LIMIT = 4096;

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
  const maxAttempts = config.maxAttempts ?? 5;
  const jobExpireMs = config.jobExpireMs;
  const journal = deps.journal;
  if (downgraded) log.warn({ model: profile.id, wanted: config.encoding }, 'printer has no such code page; printing Vietnamese as raster');

  let closed = false;
  /** The job on the wire, if any. */
  let sending: Entry | null = null;
  let retryTimer: NodeJS.Timeout | null = null;
  let expiryTimer: NodeJS.Timeout | null = null;
  const queue: Entry[] = [];
  const history: Entry[] = [];
  const statusListeners = new Set<(s: PrinterStatusValue) => void>();
  const jobListeners = new Set<(j: PrintJobRecord) => void>();

  const safeCall = (fn: () => void) => {
    try {
      fn();
    } catch (err) {
      log.error({ err }, 'printer listener threw');
    }
  };

  const emitJob = (e: Entry, opts: { journal: boolean } = { journal: true }) => {
    // 'printing' is not written down: a job cut off by a restart mid-write is still pending and prints again.
    if (journal && opts.journal && e.record.state !== 'printing') safeCall(() => journal.changed(config.id, { ...e.record }));
    for (const l of jobListeners) safeCall(() => l({ ...e.record }));
  };

  const link = createPrinterLink({
    config,
    log,
    profile,
    encoding,
    paperWidth,
    onStatus: (status) => {
      for (const l of statusListeners) safeCall(() => l({ ...status }));
    },
    onReady: () => pump(),
  });

  // ---- job queue ----------------------------------------------------------------------------------
  const remember = (e: Entry) => {
    history.unshift(e);
    if (history.length > HISTORY) history.length = HISTORY;
  };

  const pump = () => {
    if (sending || closed || !link.canSend()) return;
    const entry = queue[0];
    if (!entry) return;
    const wait = entry.retryAt - now();
    if (wait > 0) {
      if (!retryTimer) retryTimer = setTimeout(() => ((retryTimer = null), pump()), wait);
      return;
    }
    void send(entry);
  };

  const send = async (entry: Entry) => {
    sending = entry;
    entry.record.state = 'printing';
    entry.record.attempts++;
    emitJob(entry);
    if (debugEnabled(log)) log.debug({ job: entry.record.id, tx: Buffer.from(entry.bytes.subarray(0, DEBUG_HEX_LIMIT)).toString('hex') }, 'printer job bytes');
    try {
      await link.send(entry.bytes, entry.record.id);
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
      } else if (!link.isUp() || closed) {
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
      sending = null;
    }
    pump();
  };

  /** Jobs waiting longer than jobExpireMs are dropped: a slip for a number called long ago helps nobody. */
  const expireStale = () => {
    if (jobExpireMs === undefined) return;
    const t = now();
    for (const entry of [...queue]) {
      if (entry === sending) continue;
      if (t - entry.record.createdAt < jobExpireMs) continue;
      queue.splice(queue.indexOf(entry), 1);
      entry.record.state = 'expired';
      entry.record.expiredReason = 'printer-unavailable';
      log.warn({ job: entry.record.id, ticket: entry.record.ticketId, status: link.status().status }, 'print job expired unprinted');
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

  if (jobExpireMs !== undefined) {
    expiryTimer = setInterval(expireStale, config.expiryCheckMs ?? config.statusPollMs ?? 1000);
    expiryTimer.unref?.();
  }

  const service: PrinterService = {
    id: config.id,
    status: () => link.status(),
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
      if (retryTimer) clearTimeout(retryTimer);
      if (expiryTimer) clearInterval(expiryTimer);
      if (queue.length) log.warn({ pending: queue.length }, 'printer closed with jobs still waiting');
      await link.close();
    },
  };
  if (link.sim) {
    const s = link.sim;
    service.simulatorImage = (jobId) => s.png(jobId);
    service.simulatorText = (jobId) => s.text(jobId);
  }
  return service;
}
