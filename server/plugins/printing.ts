/**
 * Tickets are printed after their commit, on the kiosk's own printer if one is
 * configured (KIOSK_PRINTERS) else on the main one (PRINTER_URL). A printer fault
 * never blocks or fails issuing: the kiosk shows the QR and says so instead.
 */
import fp from 'fastify-plugin';
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Ticket } from '../../protocol/domain';
import type { PrinterStatusView } from '../../protocol/realtime';
import type { PrintInfo, TicketView } from '../../protocol/schemas';
import { DomainError } from '../../protocol/errors';
import { createPrinterService, type ChecklistPrint, type PrintJobRecord, type PrinterConfig, type PrinterService } from '../../hardware';
import { ANY_STAFF, DIRECTORS } from './auth';

/** A checklist as the kiosk asks for it; the center, time and zone are added here. */
export type ChecklistToPrint = Omit<ChecklistPrint, 'kind' | 'centerName' | 'printedAt' | 'timeZone'> & { lang: 'vi' | 'en' };

export interface Printing {
  printTicket(ticket: Ticket, view: TicketView, lang: 'vi' | 'en'): PrintInfo;
  /** Procedure checklist from the kiosk ("In danh mục hồ sơ"). */
  printChecklist(checklist: ChecklistToPrint, kioskId: string | null): PrintInfo;
  /** The print state of a ticket's job, for a replayed request. */
  lastPrint(ticketId: string): PrintInfo;
  reprintTicket(ticketId: string): PrintInfo | null;
  statuses(): PrinterStatusView[];
  onStatus(listener: (statuses: PrinterStatusView[]) => void): () => void;
  printers(): PrinterService[];
}

declare module 'fastify' {
  interface FastifyInstance {
    printing: Printing;
  }
}

const TICKET_JOBS_KEPT = 2_000;

/** KIOSK_PRINTERS='{"K1":"serial:/dev/ttyUSB0?baud=19200"}' → one printer per kiosk. */
function kioskPrinterUrls(json: string | undefined): Record<string, string> {
  if (!json) return {};
  const parsed = JSON.parse(json) as unknown;
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error('KIOSK_PRINTERS must be a JSON object of kiosk id → printer URL');
  return parsed as Record<string, string>;
}

export default fp(async function printing(app) {
  const c = app.config;
  const base: Omit<PrinterConfig, 'id' | 'url'> = {
    model: c.PRINTER_MODEL,
    encoding: c.PRINTER_ENCODING,
    paperWidth: c.PRINTER_PAPER_WIDTH,
    statusPollMs: c.PRINTER_STATUS_POLL_MS,
    writeTimeoutMs: c.PRINTER_WRITE_TIMEOUT_MS,
  };
  const log = app.log;
  const main = createPrinterService({ ...base, id: 'main', url: c.PRINTER_URL }, { logger: log as never, now: () => app.clock.now() });
  const byKiosk = new Map<string, PrinterService>();
  for (const [kioskId, url] of Object.entries(kioskPrinterUrls(c.KIOSK_PRINTERS))) {
    byKiosk.set(kioskId, createPrinterService({ ...base, id: `kiosk-${kioskId}`, url }, { logger: log as never, now: () => app.clock.now() }));
  }
  const all = [main, ...byKiosk.values()];
  const printerFor = (kioskId: string | null | undefined) => (kioskId && byKiosk.get(kioskId)) || main;
  // ticket id → where its job went, so a retried tap reports the same job instead of printing twice.
  const ticketJobs = new Map<string, { printer: PrinterService; jobId: string }>();

  const info = (printer: PrinterService, job: PrintJobRecord | null): PrintInfo => ({
    state: job?.state ?? 'none',
    printerId: printer.id,
    printerStatus: printer.status().status,
    jobId: job?.id ?? null,
  });
  const statuses = (): PrinterStatusView[] => all.map((p) => ({ id: p.id, ...p.status() }));
  const center = () => app.queue.state().center;

  const service: Printing = {
    printTicket(ticket, view, lang) {
      const printer = printerFor(ticket.kioskId);
      const job = printer.print(
        {
          kind: 'ticket',
          centerName: center().name,
          serviceName: lang === 'en' ? view.serviceNameEn || view.serviceName : view.serviceName,
          number: ticket.number,
          priorityName: view.priorityName,
          waitingAhead: view.waitingAhead,
          etaMinutes: view.etaMinutes,
          issuedAt: ticket.issuedAt,
          timeZone: center().timeZone,
          phoneUrl: view.phoneUrl,
          lang,
        },
        { ticketId: ticket.id },
      );
      ticketJobs.set(ticket.id, { printer, jobId: job.id });
      if (ticketJobs.size > TICKET_JOBS_KEPT) ticketJobs.delete(ticketJobs.keys().next().value!);
      return info(printer, job);
    },
    printChecklist(checklist, kioskId) {
      const printer = printerFor(kioskId);
      const job = printer.print({ kind: 'checklist', centerName: center().name, printedAt: app.clock.now(), timeZone: center().timeZone, ...checklist });
      return info(printer, job);
    },
    lastPrint(ticketId) {
      const entry = ticketJobs.get(ticketId);
      if (!entry) return info(main, null);
      return info(entry.printer, entry.printer.jobs().find((j) => j.id === entry.jobId) ?? null);
    },
    reprintTicket(ticketId) {
      const entry = ticketJobs.get(ticketId);
      if (!entry) return null;
      const job = entry.printer.reprint(entry.jobId);
      if (job) ticketJobs.set(ticketId, { printer: entry.printer, jobId: job.id });
      return job ? info(entry.printer, job) : null;
    },
    statuses,
    onStatus(listener) {
      const offs = all.map((p) => p.onStatus(() => listener(statuses())));
      return () => offs.forEach((off) => off());
    },
    printers: () => all,
  };
  app.decorate('printing', service);
  app.addHook('onClose', async () => {
    await Promise.all(all.map((p) => p.close()));
  });
  await app.register(printerRoutes);
});

const PrinterJobParams = Type.Object({ printerId: Type.String({ maxLength: 64 }), jobId: Type.String({ maxLength: 64 }) });

/** Printer status, recent jobs, simulator previews and reprints, for the console. */
const printerRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const find = (printerId: string, jobId: string) => {
    const printer = app.printing.printers().find((p) => p.id === printerId);
    const job = printer?.jobs().find((j) => j.id === jobId);
    if (!printer || !job) throw new DomainError('NOT_FOUND');
    return { printer, job };
  };

  app.get('/api/printers', { onRequest: app.requireRole(...DIRECTORS), schema: { tags: ['printing'], summary: 'Printers with status and recent jobs' } }, async () =>
    app.printing.printers().map((p) => ({ id: p.id, ...p.status(), simulator: typeof p.simulatorImage === 'function', jobs: p.jobs().slice(0, 50) })),
  );

  app.get(
    '/api/printers/:printerId/jobs/:jobId/preview.png',
    { onRequest: app.requireRole(...DIRECTORS), schema: { tags: ['printing'], summary: 'What the simulator printed, as a picture', params: PrinterJobParams } },
    async (req, reply) => {
      const { printer, job } = find(req.params.printerId, req.params.jobId);
      const png = printer.simulatorImage?.(job.id);
      if (!png) throw new DomainError('NOT_FOUND');
      return reply.type('image/png').send(png);
    },
  );

  app.get(
    '/api/printers/:printerId/jobs/:jobId/preview.txt',
    { onRequest: app.requireRole(...DIRECTORS), schema: { tags: ['printing'], summary: 'What the simulator printed, as text', params: PrinterJobParams } },
    async (req, reply) => {
      const { printer, job } = find(req.params.printerId, req.params.jobId);
      const lines = printer.simulatorText?.(job.id);
      if (!lines) throw new DomainError('NOT_FOUND');
      return reply.type('text/plain; charset=utf-8').send(lines.join('\n'));
    },
  );

  app.post(
    '/api/printers/:printerId/jobs/:jobId/reprint',
    { onRequest: app.requireRole(...ANY_STAFF), schema: { tags: ['printing'], summary: 'Print a job again', params: PrinterJobParams } },
    async (req) => {
      const { printer, job } = find(req.params.printerId, req.params.jobId);
      const copy = printer.reprint(job.id);
      if (!copy) throw new DomainError('NOT_FOUND');
      return copy;
    },
  );

  app.post(
    '/api/tickets/:id/reprint',
    { onRequest: app.requireRole(...ANY_STAFF), schema: { tags: ['printing'], summary: "Print a ticket's slip again (staff)", params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (req) => {
      const result = app.printing.reprintTicket(req.params.id);
      if (!result) throw new DomainError('TICKET_NOT_FOUND');
      return result;
    },
  );
};
