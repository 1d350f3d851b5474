/** Which jobs from before a restart print again: the pure rule. */
import { describe, expect, it } from 'vitest';
import { planRestore } from '../../server/core/print-restore';
import type { PrinterJob } from '../../server/store/print-job-store';
import { ticket } from '../hardware/fixtures';

const MIN = 60_000;
const now = Date.UTC(2026, 10, 23, 3, 0);
const job = (id: string, printerId: string, ageMin: number): PrinterJob => ({
  printerId,
  record: { id, kind: 'ticket', state: 'queued', attempts: 0, bytes: 500, createdAt: now - ageMin * MIN },
  input: ticket(),
});

describe('planRestore', () => {
  it('queues young jobs on their printer, drops old ones and those of a printer no longer configured', () => {
    const plan = planRestore([job('a', 'main', 2), job('b', 'main', 11), job('c', 'kiosk-K9', 1), job('d', 'kiosk-K1', 10)], {
      now,
      maxAgeMs: 10 * MIN,
      printerIds: new Set(['main', 'kiosk-K1']),
    });
    expect([...plan.resume].map(([p, jobs]) => [p, jobs.map((j) => j.record.id)])).toEqual([
      ['main', ['a']],
      ['kiosk-K1', ['d']],
    ]);
    expect(plan.drop).toEqual([
      { jobId: 'b', reason: 'too-old-at-restart' },
      { jobId: 'c', reason: 'printer-removed' },
    ]);
  });
});
