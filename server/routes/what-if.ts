/**
 * `POST /api/reports/what-if` (directors and admins): the logged days of a period replayed with other
 * counters. The work is in server/what-if/; it reads through a read-only connection of its own.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ErrorSchema, Id } from '../../protocol/schemas';
import { DIRECTORS } from '../plugins/auth';
import { parseRange } from '../reports/dates';
import { openReader } from '../reports/read-connection';
import type { WhatIfResult } from '../../protocol/what-if';
import { MAX_WHAT_IF_DAYS, runWhatIf } from '../what-if/what-if';

const Day = Type.String({ maxLength: 32, description: "Business day 'YYYY-MM-DD' in the center's zone" });
const Time = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$|^24:00$', description: "Local time 'HH:mm'" });
const Window = Type.Object({ from: Time, to: Time }, { additionalProperties: false });

const WhatIfBody = Type.Object(
  {
    from: Day,
    to: Day,
    counters: Type.Array(
      Type.Object(
        {
          number: Type.Integer({ minimum: 1, maximum: 999 }),
          serviceIds: Type.Array(Id, { maxItems: 50, description: 'Services the counter serves, in its order (the order matters to service-order routing)' }),
          open: Type.Optional(
            Type.Union([Type.Array(Window, { maxItems: 8 }), Type.Boolean()], {
              description:
                'Omitted or true: the counter works the hours it worked each logged day (from its first call to its last finish, less the stretches it stayed idle while its citizens waited; closed on a day it did nothing; a counter the center does not have: the hours the center worked that day). ' +
                "false: closed. A list of local windows ([{ from: '07:30', to: '11:30' }, { from: '13:30', to: '17:00' }]): those hours every day.",
            }),
          ),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
    basis: Type.Optional(
      Type.Union([Type.Literal('logged'), Type.Literal('typical')], {
        description:
          "'logged' (default): each logged day replayed with its own citizens. 'typical': days drawn from the period's learned arrivals per service and hour, service times, priorities, walk-up and no-shows, each counter kept as it is working the hours of its middle day",
      }),
    ),
  },
  { additionalProperties: false, description: `Each logged day from \`from\` to \`to\` (at most ${MAX_WHAT_IF_DAYS} days) replayed with these counters` },
);

const Figures = {
  meanWaitSeconds: Type.Number(),
  p90WaitSeconds: Type.Number(),
  called: Type.Integer({ description: 'Tickets called (their wait is known)' }),
  uncalled: Type.Integer({ description: 'Tickets still waiting at the end of the day' }),
};
const WithLogged = { ...Figures, logged: Type.Object(Figures, { description: 'The same figures as the days were logged' }) };
const WhatIfReply = Type.Object({
  from: Type.String(),
  to: Type.String(),
  basis: Type.Union([Type.Literal('logged'), Type.Literal('typical')]),
  days: Type.Integer({ description: 'Logged days in the period (days without tickets are skipped)' }),
  tickets: Type.Integer({ description: 'Logged tickets in the period' }),
  simulatedDays: Type.Integer({ description: 'Days simulated: the logged days replayed, or the typical days drawn' }),
  overall: Type.Object(WithLogged),
  byService: Type.Array(Type.Object({ serviceId: Type.String(), ...WithLogged }), { description: 'By the service the citizen queued for' }),
  byHour: Type.Array(Type.Object({ hour: Type.Integer(), ...WithLogged }), { description: 'By the local hour of issue' }),
  elapsedMs: Type.Integer(),
});

const routes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/reports/what-if',
    {
      onRequest: app.requireRole(...DIRECTORS),
      schema: {
        tags: ['reports'],
        summary: 'Staffing what-if: predicted mean and P90 wait per service and hour if the logged days had had these counters',
        body: WhatIfBody,
        response: { 200: WhatIfReply, 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema },
      },
    },
    async (req, reply): Promise<WhatIfResult> => {
      const state = app.queue.state();
      const range = parseRange(req.body.from, req.body.to, state.businessDay, state.center.timeZone);
      const config = { center: state.center, services: [...state.services.values()], counters: [...state.counters.values()], priorities: [...state.priorities.values()] };
      const reader = openReader(app.db);
      try {
        reply.header('cache-control', 'no-store');
        return await runWhatIf(reader, { centerId: state.center.id, range, config, counters: req.body.counters, basis: req.body.basis });
      } finally {
        if (reader !== app.db) reader.close();
      }
    },
  );
};

export default routes;
