/**
 * The printers screen's data: what GET /api/printers answers, and the pure rules
 * that turn it into what staff read — live status over polled status, colours,
 * the ticket numbers still to look up.
 */
import type { PrinterStatusView, UnprintedTicket } from '../../protocol/realtime';
import type { PrintJobRecord, PrintJobState } from '../../hardware/types';
import { t } from './i18n';

export type PrinterStatus = PrinterStatusView['status'];
export type JobState = PrintJobState;

/** The server's job record, as it arrives over JSON (plain fields only, so the type holds on both sides). */
export type PrintJob = PrintJobRecord;

export interface PrinterInfo extends PrinterStatusView {
  jobs: PrintJob[];
  /** Sent by servers that say which printers are simulated; absent means "try the preview". */
  simulator?: boolean;
  /** Today's tickets whose slip on this printer never printed (absent from older servers). */
  unprinted?: UnprintedTicket[];
}

export type Tone = 'ok' | 'warn' | 'bad';

const STATUSES: readonly string[] = ['ok', 'paper-near-end', 'paper-out', 'cover-open', 'offline', 'error'] satisfies PrinterStatus[];

/** PrintInfo carries the status as a plain string; only a known one is put into words. */
export function isPrinterStatus(s: string): s is PrinterStatus {
  return STATUSES.includes(s);
}

/** Paper running low still prints; everything else stops the printer. */
export function statusTone(status: PrinterStatus): Tone {
  if (status === 'ok') return 'ok';
  return status === 'paper-near-end' ? 'warn' : 'bad';
}

export function jobTone(state: JobState): Tone | '' {
  if (state === 'printed') return 'ok';
  if (state === 'failed' || state === 'expired') return 'bad';
  return state === 'printing' ? '' : 'warn';
}

/**
 * The polled list with the socket's statuses laid over it: `printer:status`
 * arrives the moment a printer changes, the list only every few seconds.
 * A printer the socket knows but the list does not yet is shown without jobs.
 */
export function withLiveStatus(listed: PrinterInfo[], live: PrinterStatusView[]): PrinterInfo[] {
  const merged = listed.map((p) => {
    const l = live.find((x) => x.id === p.id);
    return l ? { ...p, status: l.status, detail: l.detail, reason: l.reason } : p;
  });
  for (const l of live) if (!listed.some((p) => p.id === l.id)) merged.push({ ...l, jobs: [] });
  return merged;
}

/** Ticket ids the jobs name whose number is not known yet, each once. */
export function unknownTicketIds(printers: PrinterInfo[], known: ReadonlyMap<string, unknown>): string[] {
  const ids = new Set<string>();
  for (const p of printers) for (const j of p.jobs) if (j.ticketId && !known.has(j.ticketId)) ids.add(j.ticketId);
  return [...ids];
}

/** 'main' and 'kiosk-K1' (server/plugins/printing.ts) in words; any other id as is. */
export function printerName(id: string): string {
  if (id === 'main') return t('printers.main');
  return id.startsWith('kiosk-') ? t('printers.kiosk', { kiosk: id.slice('kiosk-'.length) }) : id;
}

export function previewPath(printerId: string, jobId: string, kind: 'png' | 'txt'): string {
  return `/api/printers/${encodeURIComponent(printerId)}/jobs/${encodeURIComponent(jobId)}/preview.${kind}`;
}
