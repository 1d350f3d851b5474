import { decodeEscPos } from '../codec/decoder';
import type { PrinterProfile } from '../codec/profiles';
import { bitmapToPng, renderPreview } from '../sim/preview-png';
import type { Transport } from './transport';

export interface SimTransport extends Transport {
  /** Raw bytes of a recent job, as "printed". */
  jobBytes(jobId: string): Uint8Array | null;
  text(jobId: string): string[] | null;
  png(jobId: string): Buffer | null;
}

/** The default printer: keeps the last jobs in memory and renders them on demand for the admin page. */
export function createSimTransport(opts: { profile: PrinterProfile; paperDots: number; keep?: number }): SimTransport {
  const keep = opts.keep ?? 50;
  const jobs = new Map<string, Uint8Array>();
  const pngs = new Map<string, Buffer>();
  let anonymous = 0;

  return {
    kind: 'sim',
    name: 'sim',
    answersStatus: false,
    async open() {},
    async write(bytes, jobId) {
      const id = jobId ?? `raw-${++anonymous}`;
      jobs.delete(id);
      pngs.delete(id);
      jobs.set(id, Uint8Array.from(bytes));
      while (jobs.size > keep) {
        const oldest = jobs.keys().next().value!;
        jobs.delete(oldest);
        pngs.delete(oldest);
      }
    },
    async close() {},
    jobBytes: (jobId) => jobs.get(jobId) ?? null,
    text(jobId) {
      const bytes = jobs.get(jobId);
      return bytes ? decodeEscPos(bytes, { profile: opts.profile }).lines.map((l) => l.text) : null;
    },
    png(jobId) {
      const bytes = jobs.get(jobId);
      if (!bytes) return null;
      let png = pngs.get(jobId);
      if (!png) {
        png = bitmapToPng(renderPreview(decodeEscPos(bytes, { profile: opts.profile }), opts.paperDots));
        pngs.set(jobId, png);
      }
      return png;
    },
  };
}
