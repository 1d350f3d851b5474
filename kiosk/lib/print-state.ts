/**
 * What the kiosk tells the citizen about paper: printing, printed, or "photograph the
 * screen" when the printer cannot print. Pure, so every case is tested without a browser.
 * 'paper-near-end' still prints, so it is not a problem yet.
 */
import type { PrinterStatusView } from '../../protocol/realtime';
import type { PrintInfo, TicketView } from '../../protocol/schemas';
import type { MessageKey } from './i18n';

const PRINTER_OK = new Set(['ok', 'paper-near-end']);

export interface PrintNote {
  key: MessageKey;
  problem: boolean;
  /** Issued by a browser that is not an approved kiosk (a phone): no paper, so the QR and phone link are what the citizen keeps. */
  notKiosk?: boolean;
}

/** The printer whose status matters to this kiosk (learned from its last ticket), else all of them. */
export function printerProblem(printers: PrinterStatusView[], printerId: string | null): boolean {
  const relevant = printerId ? printers.filter((p) => p.id === printerId) : printers;
  return relevant.some((p) => !PRINTER_OK.has(p.status));
}

export function ticketPrintNote(ticket: Pick<TicketView, 'print'>, printerProblemNow: boolean): PrintNote {
  const print = ticket.print;
  // Never meant for paper: no printer's trouble concerns this citizen.
  if (print?.state === 'none' && print.noPrintReason === 'not-a-kiosk') return { key: 'notKioskPrint', problem: false, notKiosk: true };
  // 'expired': the slip was dropped unprinted (printer away too long, or too old after a server restart).
  const failed =
    print?.state === 'failed' || print?.state === 'expired' || (print !== undefined && print.state !== 'none' && !PRINTER_OK.has(print.printerStatus));
  // A fault reported after the ticket came out of the printer does not take it back.
  if (failed || (printerProblemNow && print?.state !== 'printed')) return { key: 'printProblem', problem: true };
  if (!print || print.state === 'none') return { key: 'noPrint', problem: false };
  if (print.state === 'printed') return { key: 'printed', problem: false };
  return { key: 'printing', problem: false };
}

export function checklistPrintNote(info: PrintInfo): PrintNote {
  if (info.state === 'failed' || !PRINTER_OK.has(info.printerStatus)) return { key: 'checklistProblem', problem: true };
  if (info.state === 'none') return { key: 'checklistNone', problem: false };
  return { key: 'checklistPrinting', problem: false };
}
