/**
 * Printing seam: tickets are printed after their commit; a printer fault never
 * blocks or fails issuing. Replaced by the hardware printer service.
 */
import fp from 'fastify-plugin';
import type { Ticket } from '../../protocol/domain';
import type { PrinterStatusView } from '../../protocol/realtime';
import type { PrintInfo, TicketView } from '../../protocol/schemas';

export interface ChecklistToPrint {
  code: string;
  name: string;
  field?: string;
  documents: { name: string; copies?: string | number | null }[];
  timeLimit?: string | null;
  fee?: string | null;
  onlineUrl?: string | null;
  lang: 'vi' | 'en';
}

export interface Printing {
  printTicket(ticket: Ticket, view: TicketView, lang: 'vi' | 'en'): PrintInfo;
  /** The print state of a ticket's job, for a replayed request. */
  lastPrint(ticketId: string): PrintInfo;
  /** Procedure checklist from the kiosk ("In danh mục hồ sơ"). */
  printChecklist(checklist: ChecklistToPrint, kioskId: string | null): PrintInfo;
  statuses(): PrinterStatusView[];
  onStatus(listener: (statuses: PrinterStatusView[]) => void): () => void;
}

declare module 'fastify' {
  interface FastifyInstance {
    printing: Printing;
  }
}

export default fp(async function printing(app) {
  const service: Printing = {
    printTicket: () => ({ state: 'none', printerId: null, printerStatus: 'ok', jobId: null }),
    printChecklist: () => ({ state: 'none', printerId: null, printerStatus: 'ok', jobId: null }),
    lastPrint: () => ({ state: 'none', printerId: null, printerStatus: 'ok', jobId: null }),
    statuses: () => [{ id: 'default', status: 'ok' }],
    onStatus: () => () => {},
  };
  app.decorate('printing', service);
});
