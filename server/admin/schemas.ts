/**
 * TypeBox schemas of the admin API. Shapes only: rules that need the live
 * configuration (unique codes, overlapping number ranges, live tickets) are in checks.ts.
 */
import { Type, type Static } from 'typebox';
import { KIOSK_LAYOUTS, ROUTING_MODES } from '../../protocol/domain';

const Strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const AdminId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });
export const IdParam = Type.Object({ id: AdminId });
const Text = (max: number, min = 0) => Type.String({ minLength: min, maxLength: max });
const Code = Type.String({ minLength: 1, maxLength: 16, pattern: '^[A-Za-z0-9_-]+$' });
const HHmm = Type.String({ pattern: '^([01][0-9]|2[0-3]):[0-5][0-9]$' });

export const OpeningWindowSchema = Type.Object(
  { days: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), { minItems: 1, maxItems: 7 }), from: HHmm, to: HHmm },
  Strict,
);

export const ServiceInput = Type.Object(
  {
    code: Code,
    name: Text(120, 1),
    nameEn: Text(120),
    field: Text(120),
    // Letters only: the prefix is spoken ("A" → "a", "B" → "bê").
    prefix: Type.String({ maxLength: 2, pattern: '^[A-Z]*$' }),
    numberStart: Type.Integer({ minimum: 0, maximum: 99999 }),
    numberEnd: Type.Integer({ minimum: 1, maximum: 99999 }),
    dailyQuota: Nullable(Type.Integer({ minimum: 1, maximum: 99999 })),
    openingHours: Nullable(Type.Array(OpeningWindowSchema, { maxItems: 14 })),
    targetWaitMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
    defaultServiceMinutes: Type.Integer({ minimum: 1, maximum: 600 }),
    icon: Text(40),
    active: Type.Boolean(),
    sortOrder: Type.Integer({ minimum: 0, maximum: 9999 }),
  },
  Strict,
);
export type ServiceInputT = Static<typeof ServiceInput>;

export const CounterInput = Type.Object(
  {
    number: Type.Integer({ minimum: 1, maximum: 999 }),
    name: Text(120, 1),
    serviceIds: Type.Array(AdminId, { maxItems: 50, uniqueItems: true }),
    area: Text(120),
    staffId: Nullable(AdminId),
    active: Type.Boolean(),
  },
  Strict,
);
export type CounterInputT = Static<typeof CounterInput>;

export const PriorityInput = Type.Object(
  {
    code: Code,
    name: Text(120, 1),
    nameEn: Text(120),
    // 0 would make it a normal ticket: a category always outranks normal tickets.
    weight: Type.Integer({ minimum: 1, maximum: 100 }),
    icon: Text(40),
    active: Type.Boolean(),
    sortOrder: Type.Integer({ minimum: 0, maximum: 9999 }),
  },
  Strict,
);
export type PriorityInputT = Static<typeof PriorityInput>;

const RoleSchema = Type.Union([Type.Literal('staff'), Type.Literal('director'), Type.Literal('admin')]);

export const StaffCreate = Type.Object(
  {
    username: Type.String({ minLength: 3, maxLength: 32, pattern: '^[a-z0-9._-]+$' }),
    displayName: Text(120, 1),
    role: RoleSchema,
  },
  Strict,
);
export type StaffCreateT = Static<typeof StaffCreate>;

export const StaffUpdate = Type.Object({ displayName: Text(120, 1), role: RoleSchema, active: Type.Boolean() }, Strict);
export type StaffUpdateT = Static<typeof StaffUpdate>;

export const SettingsInput = Type.Object(
  {
    recallsBeforeNoShow: Type.Integer({ minimum: 0, maximum: 10 }),
    callNextWhileServing: Type.Union([Type.Literal('complete'), Type.Literal('refuse')]),
    routing: Type.Union(ROUTING_MODES.map((mode) => Type.Literal(mode))),
    maxPriorityStreak: Type.Integer({ minimum: 1, maximum: 50 }),
    numberDigits: Type.Integer({ minimum: 1, maximum: 5 }),
    voiceVariant: Type.Union([Type.Literal('north'), Type.Literal('south')]),
    voiceDigitByDigit: Type.Boolean(),
    announceEnglish: Type.Boolean(),
    // Optional so older clients keep saving; absent = unchanged (defaults for a center that never set them).
    kioskVoice: Type.Optional(Type.Boolean()),
    kioskVolume: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
    kioskLayout: Type.Optional(Type.Union(KIOSK_LAYOUTS.map((layout) => Type.Literal(layout)))),
  },
  Strict,
);

export const CenterInput = Type.Object(
  { name: Text(200, 1), nameEn: Text(200), address: Text(300), timeZone: Text(64, 1), settings: SettingsInput },
  Strict,
);
export type CenterInputT = Static<typeof CenterInput>;

export const NoticeInput = Type.Object({ noticeLine: Text(500), noticeLineEn: Text(500) }, Strict);

export const ImportBody = Type.Object(
  { format: Type.Union([Type.Literal('csv'), Type.Literal('json')]), content: Type.String({ minLength: 1, maxLength: 4_000_000 }) },
  Strict,
);

export const ExportQuery = Type.Object({ format: Type.Union([Type.Literal('csv'), Type.Literal('json')], { default: 'json' }) });

export const AuditQuery = Type.Object({
  limit: Type.Integer({ minimum: 1, maximum: 500, default: 100 }),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  action: Type.Optional(Type.String({ maxLength: 64, pattern: '^[a-z.-]+$' })),
});
