/**
 * `app.printing`: the printers and their jobs. A ticket's slip is printed by the route
 * that issued it (routes/tickets.ts calls printTicket once the commit is answered and
 * broadcast), and only when an approved kiosk device issued it, on that kiosk's printer:
 * the main one (PRINTER_URL), a legacy `kiosk-<id>` one (KIOSK_PRINTERS, still read), or
 * the kiosk's own `device-<deviceId>` printer, kept in step with the devices' settings.
 * A ticket taken on a phone or any unpaired browser is issued but not printed. A printer
 * fault never blocks or fails issuing: the kiosk shows the QR and says so instead.
 * The console's printer routes are routes/printers.ts.
 *
 * Every accepted job is written to print_jobs before the kiosk gets its answer, and
 * updated as it finishes; at start the jobs still waiting print again unless older
 * than PRINT_JOB_MAX_AGE_MIN. Jobs unprinted after PRINT_JOB_EXPIRE_MIN expire, and
 * staff are told which tickets never got their slip (`printer:unprinted`).
 */
import fp from 'fastify-plugin';
import type { Ticket } from '../../protocol/domain';
import type { PrinterStatusView, UnprintedTicket } from '../../protocol/realtime';
import type { PrintInfo, TicketView } from '../../protocol/schemas';
import { createPrinterService, type ChecklistPrint, type PrintJobRecord, type PrintJournal, type PrinterConfig, type PrinterService } from '../../hardware';
import { PrintJobStore, type PrinterJob } from '../store/print-job-store';
import { planRestore } from '../core/print-restore';
import type { Device } from '../devices/registry';
import type { DeviceRecord } from '../devices/device-store';
import { devicePrinterId } from '../devices/settings';

/** A checklist as the kiosk asks for it; the center, time and zone are added here. */
export type ChecklistToPrint = Omit<ChecklistPrint, 'kind' | 'centerName' | 'printedAt' | 'timeZone'> & { lang: 'vi' | 'en' };

export interface Printing {
  /**
   * Prints a ticket's slip once: a ticket that already has a job (a retried tap, also after a restart) gets
   * that job's state instead of a second slip.
   */
  printTicket(ticket: Ticket, view: TicketView, lang: 'vi' | 'en', replayed: boolean, device: Device | null): PrintInfo;
  /** Resolves once the jobs accepted so far are on disk: the issuing route answers after it. */
  written(): Promise<void>;
  /** Procedure checklist from a kiosk device ("In danh mục hồ sơ"). */
  printChecklist(checklist: ChecklistToPrint, device: Device): PrintInfo;
  /** The print state of a ticket's newest job; without one, 'none' and why (from the device that issued it). */
  lastPrint(ticketId: string, issuedBy?: string | null): PrintInfo;
  reprintTicket(ticketId: string): PrintInfo | null;
  /** A new job with the same content as a stored one, on the same printer. */
  reprintJob(printerId: string, jobId: string): PrintJobRecord | null;
  /** A printer's newest jobs, from disk with the live state laid over. */
  recentJobs(printer: PrinterService, limit: number): PrintJobRecord[];
  /** Today's tickets whose slip never printed, newest first. */
  unprinted(): UnprintedTicket[];
  onUnprinted(listener: (tickets: UnprintedTicket[]) => void): () => void;
  statuses(): PrinterStatusView[];
  onStatus(listener: (statuses: PrinterStatusView[]) => void): () => void;
  printers(): PrinterService[];
  /** Every printer with its address (the console offers them to kiosks). */
  printerList(): { id: string; url: string }[];
}

declare module 'fastify' {
  interface FastifyInstance {
    printing: Printing;
  }
}

/** Why a ticket or checklist was not printed: not asked from a kiosk device, or from a kiosk without a printer. */
type NoPrintReason = NonNullable<PrintInfo['noPrintReason']>;

/** Finished jobs are kept this long for the printers screen, then forgotten at the next start. */
const FINISHED_JOBS_KEPT_MS = 7 * 24 * 3_600_000;

/** KIOSK_PRINTERS='{"K1":"serial:/dev/ttyUSB0?baud=19200"}' → printer `kiosk-K1`, for the kiosk device an admin gives it to. */
function kioskPrinterUrls(json: string | undefined): Record<string, string> {
  if (!json) return {};
  const parsed = JSON.parse(json) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('KIOSK_PRINTERS must be a JSON object of kiosk id → printer URL');
  return parsed as Record<string, string>;
}

export default fp(async function printing(app) {
  const c = app.config;
  const log = app.log;
  const store = new PrintJobStore(app.db, app.queue.defaultCenterId, (err) => log.error({ err }, 'print jobs could not be written'));
  const unprintedListeners = new Set<(tickets: UnprintedTicket[]) => void>();
  let unprintedDue = false;
  /** Tickets in the last list sent: a new job for one of them (a reprint) takes it off the list. */
  let listed = new Set<string>();
  /** Many jobs can expire in one sweep: staff get one list per turn of the event loop. */
  const unprintedChanged = () => {
    if (unprintedDue || !unprintedListeners.size) return;
    unprintedDue = true;
    queueMicrotask(() => {
      unprintedDue = false;
      const list = service.unprinted();
      for (const l of unprintedListeners) l(list);
    });
  };
  const journal: PrintJournal = {
    added(printerId, job) {
      store.add(printerId, job);
      if (job.record.ticketId && listed.has(job.record.ticketId)) unprintedChanged();
    },
    changed(_printerId, record) {
      store.update(record);
      // A ticket enters the list when its job fails or expires, and leaves it when a reprint prints. Only those
      // changes recompute the list: doing it for every printed slip made each ticket cost a scan of the day.
      const id = record.ticketId;
      if (id && (record.state === 'failed' || record.state === 'expired' || (record.state === 'printed' && listed.has(id)))) unprintedChanged();
    },
  };
  const base: Omit<PrinterConfig, 'id' | 'url'> = {
    model: c.PRINTER_MODEL,
    encoding: c.PRINTER_ENCODING,
    paperWidth: c.PRINTER_PAPER_WIDTH,
    statusPollMs: c.PRINTER_STATUS_POLL_MS,
    writeTimeoutMs: c.PRINTER_WRITE_TIMEOUT_MS,
    jobExpireMs: c.PRINT_JOB_EXPIRE_MIN * 60_000,
  };
  const deps = { logger: log as never, now: () => app.clock.now(), journal };
  /** Running printers by id, with their address; device printers come and go as kiosks are approved, edited, revoked. */
  const byId = new Map<string, { printer: PrinterService; url: string; offStatus: () => void }>();
  const statusListeners = new Set<(statuses: PrinterStatusView[]) => void>();
  const all = () => [...byId.values()].map((e) => e.printer);
  const statuses = (): PrinterStatusView[] => all().map((p) => ({ id: p.id, ...p.status() }));
  const statusChanged = () => {
    const list = statuses();
    for (const l of statusListeners) l(list);
  };
  const addPrinter = (id: string, url: string) => {
    const printer = createPrinterService({ ...base, id, url }, deps);
    byId.set(id, { printer, url, offStatus: printer.onStatus(statusChanged) });
    return printer;
  };
  /** A printer taken away (its kiosk revoked or given another one): its unprinted jobs are listed as never printed. */
  const removePrinter = (id: string) => {
    const entry = byId.get(id);
    if (!entry) return;
    byId.delete(id);
    entry.offStatus();
    void entry.printer.close().catch((err: unknown) => log.error({ err, printerId: id }, 'printer did not close'));
    const dropped = store.pending().filter((j) => j.printerId === id);
    app.db.transaction(() => dropped.forEach((j) => store.expire(j.record.id, 'printer-removed')))();
    if (dropped.length) unprintedChanged();
  };
  /** The kiosk's own printer follows its settings: created, readdressed or removed. */
  const syncDevicePrinter = (device: DeviceRecord) => {
    const id = devicePrinterId(device.id);
    const url = device.status === 'active' && device.kind === 'kiosk' ? device.printerUrl : null;
    if (byId.get(id)?.url === url) return;
    removePrinter(id);
    if (url) addPrinter(id, url);
    statusChanged();
  };

  const main = addPrinter('main', c.PRINTER_URL);
  for (const [kioskId, url] of Object.entries(kioskPrinterUrls(c.KIOSK_PRINTERS))) addPrinter(`kiosk-${kioskId}`, url);
  for (const device of app.devices.activeRecords()) {
    try {
      if (device.printerUrl) addPrinter(devicePrinterId(device.id), device.printerUrl);
    } catch (err) {
      log.error({ err, deviceId: device.id }, 'kiosk printer address not usable');
    }
  }
  const offDevices = app.devices.onChanged(syncDevicePrinter);

  /**
   * Where a device's slips print, or why none does: only an approved kiosk prints, on its printer (one no longer
   * configured falls back to the main printer, as a kiosk without KIOSK_PRINTERS always did).
   */
  const printerFor = (device: Device | null): PrinterService | NoPrintReason => {
    if (device?.kind !== 'kiosk') return 'not-a-kiosk';
    if (!device.printerId) return 'no-printer';
    return byId.get(device.printerId)?.printer ?? main;
  };
  const notPrinted = (reason: NoPrintReason): PrintInfo => ({ state: 'none', printerId: null, printerStatus: 'none', jobId: null, noPrintReason: reason });

  restorePending();

  function restorePending() {
    const now = app.clock.now();
    const pruned = store.prune(now - FINISHED_JOBS_KEPT_MS);
    const plan = planRestore(store.pending(), { now, maxAgeMs: c.PRINT_JOB_MAX_AGE_MIN * 60_000, printerIds: new Set(byId.keys()) });
    app.db.transaction(() => plan.drop.forEach((d) => store.expire(d.jobId, d.reason)))();
    for (const [printerId, jobs] of plan.resume) byId.get(printerId)!.printer.resume(jobs);
    const resumed = [...plan.resume.values()].reduce((n, jobs) => n + jobs.length, 0);
    if (resumed || plan.drop.length || pruned) log.info({ resumed, dropped: plan.drop.length, pruned }, 'print jobs from before the restart');
  }

  const info = (printer: PrinterService | undefined, printerId: string, job: PrintJobRecord | null): PrintInfo => {
    const out: PrintInfo = {
      state: job?.state ?? 'none',
      printerId,
      printerStatus: printer?.status().status ?? 'offline',
      jobId: job?.id ?? null,
    };
    if (job?.resumed) out.resumed = true;
    if (job?.expiredReason) out.expiredReason = job.expiredReason;
    return out;
  };
  /** The job as the printer knows it now ('printing' lives only in memory), else as stored. */
  const liveRecord = (printer: PrinterService | undefined, record: PrintJobRecord) => printer?.jobs().find((j) => j.id === record.id) ?? record;
  /** A stored job's print state, with the live state of its printer laid over. */
  const storedInfo = (stored: PrinterJob): PrintInfo => {
    const printer = byId.get(stored.printerId)?.printer;
    return info(printer, stored.printerId, liveRecord(printer, stored.record));
  };
  const center = () => app.queue.state().center;

  const service: Printing = {
    printTicket(ticket, view, lang, replayed, device) {
      // Written right after the ticket's commit, not inside it: the group commit writes a batch of commands
      // before any handler has its ticket's position, ETA and phone URL, which the slip shows. The job row is
      // queued here and the route answers only after written(), so an acknowledged ticket always has its job on
      // disk, and a batch of tickets costs one write. A crash between the two leaves a ticket the kiosk got no
      // answer for: its retry (same Idempotency-Key, so `replayed`) finds no job here and prints then. Only a
      // retried tap can find a job already there; a new ticket skips the look-up, which would write the queued
      // jobs at once and undo their batching.
      const existing = replayed ? store.latestForTicket(ticket.id) : null;
      if (existing) return storedInfo(existing);
      const printer = printerFor(device);
      if (typeof printer === 'string') return notPrinted(printer);
      const job = printer.print(
        {
          kind: 'ticket',
          centerName: center().name,
          serviceName: lang === 'en' ? view.serviceNameEn || view.serviceName : view.serviceName,
          number: ticket.number,
          priorityName: view.priorityName,
          waitingAhead: view.waitingAhead,
          etaMinutes: view.etaMinutes,
          etaRange: view.etaRange ?? null,
          issuedAt: ticket.issuedAt,
          timeZone: center().timeZone,
          phoneUrl: view.phoneUrl,
          lang,
        },
        { ticketId: ticket.id },
      );
      return info(printer, printer.id, job);
    },
    written: () => store.written(),
    printChecklist(checklist, device) {
      const printer = printerFor(device);
      if (typeof printer === 'string') return notPrinted(printer);
      const job = printer.print({ kind: 'checklist', centerName: center().name, printedAt: app.clock.now(), timeZone: center().timeZone, ...checklist });
      return info(printer, printer.id, job);
    },
    lastPrint(ticketId, issuedBy) {
      const stored = store.latestForTicket(ticketId);
      if (stored) return storedInfo(stored);
      // Every slip asked for has its job: none means the ticket was never meant for paper.
      return notPrinted(issuedBy && app.devices.kindOf(issuedBy) === 'kiosk' ? 'no-printer' : 'not-a-kiosk');
    },
    reprintTicket(ticketId) {
      const stored = store.latestForTicket(ticketId);
      if (!stored) return null;
      const printer = byId.get(stored.printerId)?.printer ?? main;
      return info(printer, printer.id, printer.print(stored.input, { ticketId }));
    },
    reprintJob(printerId, jobId) {
      const stored = store.find(jobId);
      const printer = byId.get(printerId)?.printer;
      if (!stored || !printer || stored.printerId !== printerId) return null;
      return printer.print(stored.input, stored.record.ticketId ? { ticketId: stored.record.ticketId } : undefined);
    },
    recentJobs(printer, limit) {
      const live = new Map(printer.jobs().map((j) => [j.id, j]));
      return store.recent(printer.id, limit).map((r) => live.get(r.id) ?? r);
    },
    unprinted() {
      const list = store.unprinted(app.queue.state().businessDay);
      listed = new Set(list.map((u) => u.ticketId));
      return list;
    },
    onUnprinted(listener) {
      unprintedListeners.add(listener);
      return () => unprintedListeners.delete(listener);
    },
    statuses,
    onStatus(listener) {
      statusListeners.add(listener);
      return () => statusListeners.delete(listener);
    },
    printers: all,
    printerList: () => [...byId.values()].map((e) => ({ id: e.printer.id, url: e.url })),
  };
  app.decorate('printing', service);
  app.addHook('onClose', async () => {
    offDevices();
    await Promise.all(all().map((p) => p.close()));
    store.flush();
  });
}, { name: 'printing', dependencies: ['core', 'devices'] });
