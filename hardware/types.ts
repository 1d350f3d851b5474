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

export interface PrinterStatusValue {
  status: PrinterStatus;
  detail?: string;
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
}

export interface PrintJobRecord {
  id: string;
  ticketId?: string;
  kind: 'ticket' | 'checklist';
  state: 'queued' | 'printing' | 'printed' | 'failed' | 'retrying';
  attempts: number;
  bytes: number;
  createdAt: number;
  printedAt?: number;
  error?: string;
}

export interface PrinterService {
  readonly id: string;
  status(): PrinterStatusValue;
  /** Returns at once with the queued record; never throws for printer faults. */
  print(job: PrintJobInput, meta?: { ticketId?: string }): PrintJobRecord;
  reprint(jobId: string): PrintJobRecord | null;
  /** Recent jobs, newest first, bounded. */
  jobs(): PrintJobRecord[];
  onStatus(listener: (s: PrinterStatusValue) => void): () => void;
  onJob(listener: (job: PrintJobRecord) => void): () => void;
  /** PNG of a job as the simulator printed it (sim transport only). */
  simulatorImage?(jobId: string): Buffer | null;
  simulatorText?(jobId: string): string[] | null;
  close(): Promise<void>;
}
