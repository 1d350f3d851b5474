/**
 * Printers for the console: status, recent jobs, today's tickets whose slip never printed,
 * simulator previews, and reprints. The printing itself is the printing plugin (app.printing).
 */
import { Type } from 'typebox';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { PrinterService } from '../../hardware/types';
import { DomainError } from '../../protocol/errors';
import { ANY_STAFF, DIRECTORS } from '../plugins/auth';

/**
 * Left out of /docs, as they always were (they used to be registered before the docs plugin).
 * Listing them means classifying them in the reliability tests' route matrix first.
 */
const UNDOCUMENTED = { hide: true } as const;

const PrinterJobParams = Type.Object({ printerId: Type.String({ maxLength: 64 }), jobId: Type.String({ maxLength: 64 }) });

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const find = (printerId: string, jobId: string) => {
    const printer = app.printing.printers().find((p) => p.id === printerId);
    const job = printer?.jobs().find((j) => j.id === jobId);
    if (!printer || !job) throw new DomainError('NOT_FOUND');
    return { printer, job };
  };

  app.get(
    '/api/printers',
    { onRequest: app.requireRole(...DIRECTORS), schema: { ...UNDOCUMENTED, tags: ['printing'], summary: "Printers with status, recent jobs and today's tickets whose slip never printed" } },
    async () => {
      const unprinted = app.printing.unprinted();
      return app.printing.printers().map((p) => ({
        id: p.id,
        ...p.status(),
        simulator: typeof p.simulatorImage === 'function',
        jobs: app.printing.recentJobs(p, 50),
        // A ticket whose printer is no longer configured is listed under the main printer.
        unprinted: unprinted.filter((u) => u.printerId === p.id || (p.id === 'main' && !app.printing.printers().some((q) => q.id === u.printerId))),
      }));
    },
  );

  // What the simulator printed for a job, as a picture and as text: the console's preview of a slip.
  const previews = [
    { ext: 'png', as: 'a picture', type: 'image/png', body: (p: PrinterService, jobId: string) => p.simulatorImage?.(jobId) },
    { ext: 'txt', as: 'text', type: 'text/plain; charset=utf-8', body: (p: PrinterService, jobId: string) => p.simulatorText?.(jobId)?.join('\n') },
  ];
  for (const preview of previews) {
    app.get(
      `/api/printers/:printerId/jobs/:jobId/preview.${preview.ext}`,
      { onRequest: app.requireRole(...DIRECTORS), schema: { ...UNDOCUMENTED, tags: ['printing'], summary: `What the simulator printed, as ${preview.as}`, params: PrinterJobParams } },
      async (req, reply) => {
        const { printer, job } = find(req.params.printerId, req.params.jobId);
        const body = preview.body(printer, job.id);
        if (body == null) throw new DomainError('NOT_FOUND');
        return reply.type(preview.type).send(body);
      },
    );
  }

  app.post(
    '/api/printers/:printerId/jobs/:jobId/reprint',
    { onRequest: app.requireRole(...ANY_STAFF), schema: { ...UNDOCUMENTED, tags: ['printing'], summary: 'Print a job again', params: PrinterJobParams } },
    async (req) => {
      const copy = app.printing.reprintJob(req.params.printerId, req.params.jobId);
      if (!copy) throw new DomainError('NOT_FOUND');
      return copy;
    },
  );

  app.post(
    '/api/tickets/:id/reprint',
    { onRequest: app.requireRole(...ANY_STAFF), schema: { ...UNDOCUMENTED, tags: ['printing'], summary: "Print a ticket's slip again (staff)", params: Type.Object({ id: Type.String({ maxLength: 64 }) }) } },
    async (req) => {
      const result = app.printing.reprintTicket(req.params.id);
      if (!result) throw new DomainError('TICKET_NOT_FOUND');
      return result;
    },
  );
};

export default routes;
