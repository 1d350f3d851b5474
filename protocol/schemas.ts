/**
 * TypeBox schemas of the REST API: validated by Fastify (Ajv), typed for handlers,
 * published in the OpenAPI document at /docs. Browser code imports only the types.
 */
import { Type, type Static } from 'typebox';
import type { StaffCounterView } from './realtime';

/** Request bodies drop unknown properties (Ajv removeAdditional) instead of failing. */
const Strict = { additionalProperties: false } as const;

export const Id = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
export const TicketIdParam = Type.Object({ id: Id });
/** A counter by id ('ctr-3') or by its number ('3'). */
export const CounterParam = Type.Object({ counterId: Id });

export const ErrorSchema = Type.Object({
  code: Type.String(),
  message: Type.String(),
  details: Type.Optional(Type.Unknown()),
});

const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const TicketSchema = Type.Object({
  id: Type.String(),
  centerId: Type.String(),
  serviceId: Type.String(),
  businessDay: Type.String(),
  seqNo: Type.Integer(),
  number: Type.String(),
  priorityId: Nullable(Type.String()),
  priorityWeight: Type.Integer(),
  status: Type.String(),
  issuedAt: Type.Integer(),
  queuedAt: Type.Integer(),
  firstCalledAt: Nullable(Type.Integer()),
  calledAt: Nullable(Type.Integer()),
  startedAt: Nullable(Type.Integer()),
  completedAt: Nullable(Type.Integer()),
  counterId: Nullable(Type.String()),
  staffId: Nullable(Type.String()),
  targetCounterId: Nullable(Type.String()),
  recallCount: Type.Integer(),
  transferCount: Type.Integer(),
  kioskId: Nullable(Type.String()),
  note: Nullable(Type.String()),
  /** A checked-in booking's slot (epoch ms): it is not called before this. Absent or null for a walk-in. */
  slotAt: Type.Optional(Nullable(Type.Integer())),
});

export const PrintInfoSchema = Type.Object({
  state: Type.String({ description: 'queued | printing | printed | failed | retrying | expired | none' }),
  printerId: Nullable(Type.String()),
  printerStatus: Type.String(),
  jobId: Nullable(Type.String()),
  /** The job was accepted before a server restart and queued again after it. */
  resumed: Type.Optional(Type.Boolean()),
  /** Why an expired job was dropped: printer-unavailable | too-old-at-restart | printer-removed. */
  expiredReason: Type.Optional(Type.String()),
  /** With state 'none': why nothing was printed. */
  noPrintReason: Type.Optional(
    Type.Union([Type.Literal('not-a-kiosk'), Type.Literal('no-printer')], {
      description: "With state 'none': not-a-kiosk (issued from a phone or any browser that is not an approved kiosk: the ticket is valid, keep its QR) | no-printer (a kiosk approved without a printer)",
    }),
  ),
});

export const EtaRangeSchema = Type.Object(
  { low: Type.Integer({ minimum: 0 }), high: Type.Integer({ minimum: 0 }) },
  { description: 'Likely range of the wait, whole minutes; shown as "khoảng 25–40 phút" when wide (protocol/wait-estimate.ts)' },
);

export const TicketViewSchema = Type.Intersect([
  TicketSchema,
  Type.Object({
    waitingAhead: Type.Integer(),
    etaMinutes: Nullable(Type.Number({ description: 'Estimated wait, minutes; at least 1 while every counter able to call the ticket is busy' })),
    etaRange: Type.Optional(Nullable(EtaRangeSchema)),
    serviceName: Type.String(),
    serviceNameEn: Type.String(),
    priorityName: Nullable(Type.String()),
    counterNumber: Nullable(Type.Integer()),
    counterName: Nullable(Type.String()),
    phoneUrl: Type.String(),
    print: Type.Optional(PrintInfoSchema),
  }),
]);
export type TicketView = Static<typeof TicketViewSchema>;

/** What only staff see of a ticket: who served it, the note a transfer left, the device that issued it. */
export const STAFF_ONLY_TICKET_FIELDS = ['staffId', 'note', 'kioskId'] as const;
/** A ticket as its holder sees it without signing in (the phone page, the kiosk). */
export const PublicTicketViewSchema = Type.Omit(TicketViewSchema, STAFF_ONLY_TICKET_FIELDS);
export type PublicTicketView = Static<typeof PublicTicketViewSchema>;
export type PrintInfo = Static<typeof PrintInfoSchema>;

export const IssueTicketBody = Type.Object({
  serviceId: Type.String({ minLength: 1, maxLength: 64 }),
  /** Priority category id or code (e.g. 'pri-elderly' or 'NCT'). */
  priority: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  priorityId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64 }))),
  /** Accepted from old kiosks and ignored: the ticket records the issuing device, whose printer prints it. */
  kioskId: Type.Optional(Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$', description: 'Ignored (old kiosks still send it): the issuing device is known by its cookie' })),
  lang: Type.Optional(Type.Union([Type.Literal('vi'), Type.Literal('en')])),
  /**
   * The text of a scanned CCCD QR code (protocol/cccd.ts): the server reads the age from it and gives the
   * elderly priority at the center's age; the text itself is never stored or logged.
   */
  cccd: Type.Optional(Type.String({ minLength: 1, maxLength: 512 })),
}, Strict);
export type IssueTicketBodyT = Static<typeof IssueTicketBody>;

// additionalProperties: the other headers (Accept-Language, Cookie) must survive Ajv's stripping.
export const IdempotencyHeaders = Type.Object(
  { 'idempotency-key': Type.Optional(Type.String({ minLength: 1, maxLength: 128, pattern: '^[\\x21-\\x7E]+$' })) },
  { additionalProperties: true },
);

export const LoginBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 64 }),
  password: Type.String({ minLength: 1, maxLength: 256 }),
}, Strict);

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 8, maxLength: 256 }),
  },
  Strict,
);

export const MeSchema = Type.Object({
  id: Type.String(),
  username: Type.String(),
  displayName: Type.String(),
  role: Type.String(),
  counterId: Nullable(Type.String()),
  mustChangePassword: Type.Boolean(),
});

export const CallNextBody = Type.Object({
  /** What the console believes the counter holds; a mismatch answers STALE_STATE instead of acting. */
  expectedCurrentTicketId: Type.Optional(Nullable(Id)),
}, Strict);
export const CallTicketBody = Type.Object({ ticketId: Id, expectedCurrentTicketId: Type.Optional(Nullable(Id)) }, Strict);
export const HeldTicketBody = Type.Object({ ticketId: Id }, Strict);
export const TransferBody = Type.Object({
  ticketId: Id,
  toServiceId: Type.Optional(Nullable(Id)),
  toCounterId: Type.Optional(Nullable(Id)),
  note: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
}, Strict);
export const PauseBody = Type.Object({ reason: Type.String({ minLength: 1, maxLength: 200 }) }, Strict);
export const CancelBody = Type.Object({ reason: Type.Optional(Nullable(Type.String({ maxLength: 200 }))) }, Strict);

/** What every counter command answers: the ticket it acted on (if any) and the counter after it. */
export const CounterCommandReplySchema = Type.Object({
  ticket: Nullable(TicketViewSchema),
  // A StaffCounterView (protocol/realtime.ts); only what identifies it is declared, the rest passes through.
  counter: Type.Object({ id: Type.String(), number: Type.Integer() }, { additionalProperties: true }),
});
export type CounterCommandReply = Omit<Static<typeof CounterCommandReplySchema>, 'counter'> & { counter: StaffCounterView };
