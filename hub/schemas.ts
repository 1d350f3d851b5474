/** TypeBox schemas of the hub's API: the uplink (protocol/hub.ts) and the province's own routes. */
import { Type } from 'typebox';

const Strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);
const Epoch = Type.Number({ minimum: 0 });
const SmallText = Type.String({ maxLength: 200 });

export const EnrolBody = Type.Object({ enrolmentCode: Type.String({ minLength: 4, maxLength: 64 }) }, Strict);

export const EnrolResponse = Type.Object({ centerId: Type.String(), code: Type.String(), name: Type.String(), credential: Type.String() });

export const LinkStateSchema = Type.Object({
  lastSeq: Type.Integer(),
  lastRatingId: Type.Integer(),
  lastConfigId: Type.Integer(),
  downlinkVersion: Type.Integer(),
});

const UplinkEvent = Type.Object({
  type: SmallText,
  at: Epoch,
  ticketId: Nullable(SmallText),
  counterId: Nullable(SmallText),
  staffId: Nullable(SmallText),
  data: Type.Unknown(),
});

const UplinkCommit = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  at: Epoch,
  events: Type.Array(UplinkEvent, { maxItems: 10_000 }),
  tickets: Type.Array(Type.Record(Type.String(), Type.Unknown()), { maxItems: 10_000 }),
});

const UplinkRating = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  ticketId: SmallText,
  counterId: Nullable(SmallText),
  staffId: Nullable(SmallText),
  serviceId: Nullable(SmallText),
  level: Type.Integer({ minimum: 1, maximum: 4 }),
  reasons: Type.Array(Type.String({ maxLength: 100 }), { maxItems: 50 }),
  at: Epoch,
});

const UplinkConfigChange = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  at: Epoch,
  action: SmallText,
  target: Nullable(Type.String({ maxLength: 500 })),
  data: Type.Unknown(),
});

const CenterLive = Type.Object({
  at: Epoch,
  waiting: Type.Integer({ minimum: 0 }),
  longestWaitSeconds: Type.Number({ minimum: 0 }),
  openCounters: Type.Integer({ minimum: 0 }),
  printerFaults: Type.Integer({ minimum: 0 }),
});

export const UplinkBatchSchema = Type.Object({
  commits: Type.Array(UplinkCommit, { maxItems: 100_000 }),
  ratings: Type.Array(UplinkRating, { maxItems: 100_000 }),
  configChanges: Type.Array(UplinkConfigChange, { maxItems: 100_000 }),
  live: Nullable(CenterLive),
});

export const DownlinkQuery = Type.Object({ since: Type.Optional(Type.Integer({ minimum: 0 })) });

export const CreateCenterBody = Type.Object(
  {
    code: Type.String({ minLength: 1, maxLength: 32, pattern: '^[A-Za-z0-9_.-]+$' }),
    name: Type.String({ minLength: 1, maxLength: 200 }),
  },
  Strict,
);

export const CenterIdParam = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }) });

export const PublishBody = Type.Object(
  {
    kind: Type.Union([Type.Literal('procedure-catalog'), Type.Literal('service-templates'), Type.Literal('holidays'), Type.Literal('notice-line')]),
    data: Type.Unknown(),
    /** Only this center; every center when absent. */
    centerId: Type.Optional(Type.String({ maxLength: 64 })),
  },
  Strict,
);

export const SummaryQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  centerId: Type.Optional(Type.String({ maxLength: 64 })),
});

export const SummaryCsvQuery = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 10 })),
  to: Type.Optional(Type.String({ maxLength: 10 })),
  centerId: Type.Optional(Type.String({ maxLength: 64 })),
  header: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('keys')])),
});

// ── Bookings relayed to the centers (hub/routes/book*.ts) ───────────────────────────────────────────────────────

const Day = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const Time = Type.String({ pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' });
const Free = Type.Array(Type.Object({ time: Time, free: Type.Integer({ minimum: 0 }) }), { maxItems: 200 });

export const BookingSnapshotSchema = Type.Object({
  at: Epoch,
  info: Type.Object({
    enabled: Type.Boolean(),
    today: Day,
    horizonDays: Type.Integer({ minimum: 0, maximum: 366 }),
    checkInEarlyMinutes: Type.Integer(),
    checkInLateMinutes: Type.Integer(),
    purgeAfterDays: Type.Integer(),
    windowFrom: Type.String({ maxLength: 5 }),
    windowTo: Type.String({ maxLength: 5 }),
    holidays: Type.Optional(Type.Array(Type.Object({ date: Day, name: Type.String({ maxLength: 200 }) }), { maxItems: 400 })),
  }),
  center: Type.Object({ name: SmallText, nameEn: Type.Optional(SmallText) }),
  services: Type.Array(Type.Object({ id: Type.String({ maxLength: 64 }) }, { additionalProperties: true }), { maxItems: 200 }),
  slots: Type.Record(Type.String({ maxLength: 64 }), Type.Record(Type.String({ maxLength: 10 }), Free)),
});

export const BookingWaitQuery = Type.Object({ wait: Type.Optional(Type.Integer({ minimum: 0, maximum: 55 })) });

export const BookingAnswersBody = Type.Object(
  {
    answers: Type.Array(
      Type.Object({
        id: Type.String({ maxLength: 64 }),
        status: Type.Integer({ minimum: 200, maximum: 599 }),
        body: Type.Object({ code: Type.String({ maxLength: 64 }) }, { additionalProperties: true }),
      }),
      { maxItems: 200 },
    ),
  },
  Strict,
);

export const BookCenterParam = Type.Object({ center: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' }) });
