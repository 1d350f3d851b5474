/**
 * At start: which of the jobs still pending from before the restart print now, and which are dropped.
 * Pure, so the rule is tested without a printer.
 */
import type { ExpiredReason, StoredPrintJob } from '../../hardware';
import type { PrinterJob } from '../store/print-job-store';

export interface RestorePlan {
  /** printer id → its jobs to queue again, oldest first. */
  resume: Map<string, StoredPrintJob[]>;
  drop: { jobId: string; reason: ExpiredReason }[];
}

/**
 * A job older than maxAgeMs is dropped: its slip would come out long after the citizen left the kiosk, for a
 * number probably called already. A job whose printer is no longer configured is dropped too: printing it
 * elsewhere would put the slip where nobody waits for it.
 */
export function planRestore(pending: PrinterJob[], opts: { now: number; maxAgeMs: number; printerIds: ReadonlySet<string> }): RestorePlan {
  const plan: RestorePlan = { resume: new Map(), drop: [] };
  for (const job of pending) {
    if (opts.now - job.record.createdAt > opts.maxAgeMs) plan.drop.push({ jobId: job.record.id, reason: 'too-old-at-restart' });
    else if (!opts.printerIds.has(job.printerId)) plan.drop.push({ jobId: job.record.id, reason: 'printer-removed' });
    else {
      const list = plan.resume.get(job.printerId) ?? [];
      list.push({ record: job.record, input: job.input });
      plan.resume.set(job.printerId, list);
    }
  }
  return plan;
}
