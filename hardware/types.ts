/** The printing surface the server imports (re-exported by index.ts). */
import type { TextEncoding } from './codec/profiles';

export interface TicketPrint {
  kind: 'ticket';
  centerName: string;
  serviceName: string;
  number: string;
  priorityName?: string | null;
  waitingAhead: number;
  etaMinutes: number | null;
  /** Likely range of the wait, printed instead of the point when it is wide. */
  etaRange?: { low: number; high: number } | null;
  issuedAt: number; // epoch ms
  timeZone: string;
  phoneUrl: string;
  lang?: 'vi' | 'en';
}

export interface ChecklistPrint {
  kind: 'checklist';
  centerName: string;
  code: string;
  name: string;
  field?: string;
  documents: { name: string; copies?: string | number | null }[];
  timeLimit?: string | null;
  fee?: string | null;
  onlineUrl?: string | null;
  printedAt: number;
  timeZone: string;
}

export type PrintJobInput = TicketPrint | ChecklistPrint;

export type PrinterStatus = 'ok' | 'paper-near-end' | 'paper-out' | 'cover-open' | 'offline' | 'error';

/** Why a printer is stopped, when it is something the status bytes cannot say. Pages put it into words. */
export type PrinterStatusReason = 'write-stalled';

export interface PrinterStatusValue {
  status: PrinterStatus;
  /** Free text for logs and the printers screen. */
  detail?: string;
  /** 'write-stalled': the printer stopped taking bytes (e.g. CTS held low) and a write timed out. */
  reason?: PrinterStatusReason;
}

export interface PrinterConfig {
  id: string;
  url: string;
  model?: string;
  encoding?: TextEncoding;
  paperWidth?: 58 | 80;
  statusPollMs?: number;
  /** How long a status poll may go unanswered before the printer counts as offline (default max(1000, 2 × poll)). */
  statusTimeoutMs?: number;
  /** Failed writes a job gets before it is reported failed (default 5). Waiting for an offline printer is not a failure. */
  maxAttempts?: number;
  /** How long one write (a job or a status question) may take before the link is reset (default 10 000). */
  writeTimeoutMs?: number;
  /** A job not printed this long after it was accepted is dropped as `expired` (default: never). */
  jobExpireMs?: number;
  /** How often waiting jobs are checked for expiry (default: statusPollMs). */
  expiryCheckMs?: number;
}

export type PrintJobState = 'queued' | 'printing' | 'printed' | 'failed' | 'retrying' | 'expired';

/**
 * Why a job was dropped unprinted: it waited longer than the expiry for a printer that could not print, it was
 * already too old when the server restarted, or its printer is no longer configured.
 */
export type ExpiredReason = 'printer-unavailable' | 'too-old-at-restart' | 'printer-removed';

export interface PrintJobRecord {
  id: string;
  ticketId?: string;
  kind: 'ticket' | 'checklist';
  state: PrintJobState;
  attempts: number;
  bytes: number;
  createdAt: number;
  printedAt?: number;
  error?: string;
  /** Accepted before a server restart and queued again after it. */
  resumed?: boolean;
  expiredReason?: ExpiredReason;
}

/** A job kept across restarts: its record and what is needed to lay it out again. */
export interface StoredPrintJob {
  record: PrintJobRecord;
  input: PrintJobInput;
}

/**
 * Where the service writes its jobs down so they survive a restart. Called synchronously: `added` inside
 * print()/reprint() before they return, `changed` on every state change worth keeping.
 */
export interface PrintJournal {
  added(printerId: string, job: StoredPrintJob): void;
  changed(printerId: string, record: PrintJobRecord): void;
}

export interface PrinterService {
  readonly id: string;
  status(): PrinterStatusValue;
  /** Returns at once with the queued record; never throws for printer faults. */
  print(job: PrintJobInput, meta?: { ticketId?: string }): PrintJobRecord;
  reprint(jobId: string): PrintJobRecord | null;
  /** Queues jobs accepted before a restart (oldest first, ahead of new ones), keeping their ids. */
  resume(jobs: StoredPrintJob[]): void;
  /** Recent jobs, newest first, bounded. */
  jobs(): PrintJobRecord[];
  onStatus(listener: (s: PrinterStatusValue) => void): () => void;
  onJob(listener: (job: PrintJobRecord) => void): () => void;
  /** PNG of a job as the simulator printed it (sim transport only). */
  simulatorImage?(jobId: string): Buffer | null;
  simulatorText?(jobId: string): string[] | null;
  close(): Promise<void>;
}
