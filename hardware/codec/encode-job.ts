/** A print job → the exact bytes for one printer. Pure and synchronous: safe to call before queueing. */
import type { PrintJobInput } from '../types';
import { checklistBlocks, ticketBlocks } from './layout';
import { paperGeometry } from './profiles';
import { renderBlocks, type RenderOptions } from './render';

export function encodePrintJob(job: PrintJobInput, opts: RenderOptions): Uint8Array {
  const { columns } = paperGeometry(opts.paperWidth);
  const blocks = job.kind === 'ticket' ? ticketBlocks(job, columns) : checklistBlocks(job, columns);
  return renderBlocks(blocks, opts);
}
