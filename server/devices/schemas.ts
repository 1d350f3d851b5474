/** TypeBox schemas of the devices API, the shapes of protocol/devices.ts (validated and published at /docs). */
import { Type } from 'typebox';
import { DEVICE_KINDS } from '../../protocol/devices';

const Strict = { additionalProperties: false } as const;
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

const Kind = Type.Union(DEVICE_KINDS.map((k) => Type.Literal(k)), { description: DEVICE_KINDS.join(' | ') });
const RefId = Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9_.-]+$' });

export const DeviceSelfSchema = Type.Object({
  id: Type.String(),
  status: Type.String({ description: 'pending | active | revoked' }),
  kind: Type.String({ description: DEVICE_KINDS.join(' | ') }),
  name: Type.String(),
  code: Nullable(Type.String({ description: 'Six digits while pending, shown on the device; null once decided' })),
  counterId: Nullable(Type.String()),
  counterNumber: Nullable(Type.Integer()),
  printerId: Nullable(Type.String()),
});

export const DeviceAdminViewSchema = Type.Object({
  ...DeviceSelfSchema.properties,
  createdAt: Type.Integer(),
  approvedAt: Nullable(Type.Integer()),
  /** Staff id of the admin who approved it ('auto-approve' when the center approved it by itself). */
  approvedBy: Nullable(Type.String({ description: "Staff id of the approving admin, or 'auto-approve'" })),
  revokedAt: Nullable(Type.Integer()),
  lastSeenAt: Nullable(Type.Integer()),
  lastAddress: Nullable(Type.String()),
  userAgent: Nullable(Type.String()),
  printerUrl: Nullable(Type.String({ description: "The kiosk's own printer address, when it has one (printer `device-<id>`)" })),
});

export const DeviceMeReplySchema = Type.Object({
  device: Nullable(DeviceSelfSchema),
  autoApprove: Type.Boolean({ description: 'The center approves new devices by itself' }),
});

export const DeviceListReplySchema = Type.Object({
  devices: Type.Array(DeviceAdminViewSchema),
  autoApprove: Type.Boolean(),
  printers: Type.Array(Type.Object({ id: Type.String(), url: Type.String() }), { description: 'Printers a kiosk can be given' }),
});

export const PairBody = Type.Object(
  {
    kind: Kind,
    /** The counter a counter display, rating tablet or counter PC stands at, when the page knows it. */
    counterNumber: Type.Optional(Type.Integer({ minimum: 0, maximum: 9999 })),
    kioskId: Type.Optional(RefId),
  },
  Strict,
);

const settingsProperties = {
  name: Type.String({ minLength: 1, maxLength: 80, pattern: '\\S' }),
  kind: Kind,
  counterId: Type.Optional(Nullable(RefId)),
  printerId: Type.Optional(Nullable(RefId)),
  printerUrl: Type.Optional(Nullable(Type.String({ maxLength: 300, description: 'sim, serial:/dev/ttyUSB0?baud=19200 or tcp://host:9100' }))),
};

export const DeviceSettingsSchema = Type.Object(settingsProperties, Strict);

export const ApproveBody = Type.Object(
  { code: Type.String({ pattern: '^\\s*\\d{3}\\s?\\d{3}\\s*$', description: 'The six digits the device shows ("123 456" or "123456")' }), ...settingsProperties },
  Strict,
);

export const DeviceIdParam = Type.Object({ id: RefId });

export const AutoApproveBody = Type.Object({ autoApprove: Type.Boolean() }, Strict);
