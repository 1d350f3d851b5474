/**
 * Director reports (directors and admins): the summary as JSON or CSV, the per-ticket log and
 * the raw event log as CSV downloads. The SQL and the arithmetic live in server/reports/.
 */
import { Readable } from 'node:stream';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type, type Static } from 'typebox';
import { ErrorSchema, Id } from '../../protocol/schemas';
import { DIRECTORS } from '../plugins/auth';
import { resolveCounterId } from './counters';
import { attachment, type HeaderStyle } from '../reports/csv';
import { parseRange, type ReportRange } from '../reports/dates';
import { eventCsvLines } from '../reports/events-csv';
import { loadLabels } from '../reports/labels';
import { exportChunks, openReader } from '../reports/read-connection';
import { buildSummarySliced, type FullSummary } from '../reports/summary';
import { summaryCsv } from '../reports/summary-csv';
import { ticketCsvLines } from '../reports/tickets-csv';
import { zoneClock } from '../reports/zone';
import type { ReportFilters } from '../reports/query';
import type { Db } from '../store/db';

const Day = Type.String({ maxLength: 32, description: "Business day 'YYYY-MM-DD' in the center's zone; default today" });
const ReportQuery = Type.Object({
  from: Type.Optional(Day),
  to: Type.Optional(Day),
  serviceId: Type.Optional(Id),
  counterId: Type.Optional(Id),
  staffId: Type.Optional(Id),
  header: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('keys')], { description: 'CSV header row: Vietnamese labels (default) or stable English keys' })),
});
type ReportQueryT = Static<typeof ReportQuery>;

const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema };
// The shape is the TypeScript type ReportSummary (protocol/reports.ts); serialized as is.
const SummaryReply = Type.Unsafe<FullSummary>({ type: 'object', additionalProperties: true, description: 'ReportSummary, see protocol/reports.ts' });
const tags = ['reports'];

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const guard = app.requireRole(...DIRECTORS);
  // Summaries read through one long-lived read-only connection with a bigger cache, so the
  // director's repeated reports stay warm without the queue's connection growing its cache.
  let reader: Db | null = null;
  const summaryDb = () => (reader ??= openReader(app.db, { cacheMiB: 64 }));
  app.addHook('onClose', async () => {
    if (reader && reader !== app.db) reader.close();
  });

  function context(q: ReportQueryT) {
    const state = app.queue.state();
    const timeZone = state.center.timeZone;
    const range = parseRange(q.from, q.to, state.businessDay, timeZone);
    const filters: ReportFilters = {
      serviceId: q.serviceId ?? null,
      counterId: q.counterId ? resolveCounterId(state, q.counterId) : null,
      staffId: q.staffId ?? null,
    };
    const header: HeaderStyle = q.header ?? 'vi';
    return { centerId: state.center.id, timeZone, range, filters, header };
  }

  function csvReply(reply: FastifyReply, name: string, range: ReportRange) {
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', attachment(`hang-cho-${name}-${range.from}_${range.to}.csv`))
      .header('cache-control', 'no-store');
  }

  app.get(
    '/api/reports/summary',
    { onRequest: guard, schema: { tags, summary: 'Counts, wait/service times, SLA and satisfaction for a period', querystring: ReportQuery, response: { 200: SummaryReply, ...errors } } },
    async (req, reply) => {
      const c = context(req.query);
      reply.header('cache-control', 'no-store');
      return buildSummarySliced(summaryDb(), { ...c, now: app.clock.now() });
    },
  );

  app.get(
    '/api/reports/summary.csv',
    { onRequest: guard, schema: { tags, summary: 'The summary as one CSV table (UTF-8 with BOM)', querystring: ReportQuery, response: errors } },
    async (req, reply) => {
      const c = context(req.query);
      const summary = await buildSummarySliced(summaryDb(), { ...c, now: app.clock.now() });
      return csvReply(reply, 'tong-hop', c.range).send(summaryCsv(summary, c.header));
    },
  );

  /** The two per-row exports stream from their own read connection, so a download never holds up the queue. */
  const streamedCsv = (path: string, filename: string, summary: string, lines: typeof ticketCsvLines | typeof eventCsvLines) =>
    app.get(path, { onRequest: guard, schema: { tags, summary, querystring: ReportQuery, response: errors } }, async (req, reply) => {
      const c = context(req.query);
      const labels = loadLabels(app.db, c.centerId);
      const zone = zoneClock(c.timeZone);
      const body = Readable.from(exportChunks(app.db, (reader) => lines(reader, { ...c, labels, zone })), { objectMode: false });
      return csvReply(reply, filename, c.range).send(body);
    });

  streamedCsv('/api/reports/tickets.csv', 'phieu', 'One row per ticket of the period (UTF-8 with BOM, dd/MM/yyyy HH:mm:ss local times)', ticketCsvLines);
  streamedCsv('/api/reports/events.csv', 'su-kien', 'Every queue event of the period with its ticket number (UTF-8 with BOM)', eventCsvLines);
};

export default routes;
