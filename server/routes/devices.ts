/**
 * Known devices: a kiosk, display, rating tablet or counter PC asks to pair (public), shows its code, and an
 * admin approves that code, names it, binds it to a counter and (for a kiosk) a printer; later edits or revokes it.
 * The rules live in server/devices/; this file is the HTTP surface and the audit of each admin change.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { COUNTER_DEVICE_KINDS, DEVICE_COOKIE } from '../../protocol/devices';
import { ErrorSchema } from '../../protocol/schemas';
import { ADMINS } from '../plugins/auth';
import { appendAudit } from '../store/config-store';
import { resolveCounterId } from './counters';
import { defaultDeviceName } from '../devices/names';
import { resolveSettings, type SettingsContext } from '../devices/settings';
import { deviceAdminView, deviceSelf } from '../devices/views';
import type { Audit } from '../devices/registry';
import { contactOf } from '../devices/device-store';
import { ApproveBody, AutoApproveBody, DeviceAdminViewSchema, DeviceIdParam, DeviceListReplySchema, DeviceMeReplySchema, DeviceSelfSchema, DeviceSettingsSchema, PairBody } from '../devices/schemas';

const tags = ['devices'];
/** The device keeps its token for years: re-pairing a kiosk is a trip for the admin. */
const COOKIE_MAX_AGE_S = 5 * 365 * 24 * 3600;
const errors = { 400: ErrorSchema, 401: ErrorSchema, 403: ErrorSchema, 404: ErrorSchema, 429: ErrorSchema };

const routes: FastifyPluginAsyncTypebox = async (app) => {
  const admin = app.requireRole(...ADMINS);
  const state = () => app.queue.state();
  const settingsContext = (): SettingsContext => ({
    resolveCounter: (idOrNumber) => resolveCounterId(state(), idOrNumber),
    printerIds: new Set(app.printing.printerList().map((p) => p.id)),
  });
  const audit = (req: FastifyRequest, action: string): Audit => (before, after) =>
    appendAudit(app.db, { centerId: req.staff!.centerId, at: app.clock.now(), staffId: req.staff!.id, action, target: after.id, data: { before, after } });

  app.post(
    '/api/devices/pair',
    {
      // A kiosk pairs once in its life; ten an hour per address leaves room for a hall being set up, not for a flood.
      config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
      schema: { tags, summary: 'Ask to pair this browser as a device (public): sets the device cookie; the device shows its code until an admin approves it', body: PairBody, response: { 201: DeviceSelfSchema, ...errors } },
    },
    async (req, reply) => {
      const centerId = app.queue.defaultCenterId;
      const s = state();
      const { kind } = req.body;
      const counterId = COUNTER_DEVICE_KINDS.includes(kind) && req.body.counterNumber !== undefined ? resolveCounterId(s, String(req.body.counterNumber)) : null;
      const counterNumber = counterId ? s.counters.get(counterId)!.number : null;
      const name = defaultDeviceName(kind, counterNumber, app.devices.countOfKind(centerId, kind) + 1);
      const ctx = settingsContext();
      // An old kiosk page says its kiosk id: its KIOSK_PRINTERS printer is the one to suggest.
      const legacyPrinter = kind === 'kiosk' && req.body.kioskId ? `kiosk-${req.body.kioskId}` : null;
      const printerId = legacyPrinter && ctx.printerIds.has(legacyPrinter) ? legacyPrinter : null;
      // Auto-approval cannot guess a counter: a counter device that did not say its own waits for an admin.
      const autoApproved = app.devices.autoApprove(centerId) && (counterId !== null || !COUNTER_DEVICE_KINDS.includes(kind));
      const { token, device } = app.devices.pair({
        centerId,
        kind,
        counterId,
        printerId,
        name,
        replacing: req.cookies[DEVICE_COOKIE],
        contact: contactOf(app.clock.now(), req.ip, req.headers['user-agent']),
        approve: autoApproved ? (pending) => resolveSettings({ name, kind }, pending, ctx) : null,
        // No admin approved it: the audit log still says when the center let a device in by itself.
        audit: (before, after) => appendAudit(app.db, { centerId, at: app.clock.now(), staffId: null, action: 'device.auto-approved', target: after.id, data: { before, after } }),
      });
      reply.setCookie(DEVICE_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'strict', secure: app.config.COOKIE_SECURE, maxAge: COOKIE_MAX_AGE_S });
      req.log.info({ deviceId: device.id, kind, status: device.status }, 'device pairing');
      return reply.status(201).send(deviceSelf(device, s));
    },
  );

  app.get(
    '/api/devices/me',
    { schema: { tags, summary: 'This browser as a device: null when unknown, its code while pending, revoked once revoked', response: { 200: DeviceMeReplySchema } } },
    async (req) => {
      const record = app.devices.self(req.cookies[DEVICE_COOKIE], app.clock.now());
      return { device: record ? deviceSelf(record, state()) : null, autoApprove: app.devices.autoApprove(app.queue.defaultCenterId) };
    },
  );

  app.get(
    '/api/devices',
    { onRequest: admin, schema: { tags, summary: "The center's devices (pending, active, revoked) with their last contact, and the printers a kiosk can be given", response: { 200: DeviceListReplySchema, ...errors } } },
    async (req) => {
      const centerId = req.staff!.centerId;
      const s = state();
      return {
        devices: app.devices.list(centerId, app.clock.now()).map((d) => deviceAdminView(d, s)),
        autoApprove: app.devices.autoApprove(centerId),
        printers: app.printing.printerList(),
      };
    },
  );

  app.post(
    '/api/devices/approve',
    { onRequest: admin, schema: { tags, summary: 'Approve the pending device showing this code, with its name, kind, counter and printer', body: ApproveBody, response: { 200: DeviceAdminViewSchema, ...errors } } },
    async (req) => {
      const { code, ...settings } = req.body;
      const ctx = settingsContext();
      const device = app.devices.approve(
        req.staff!.centerId,
        code.replace(/\s/g, ''),
        (pending) => resolveSettings(settings, pending, ctx),
        { staffId: req.staff!.id, at: app.clock.now() },
        audit(req, 'device.approve'),
      );
      return deviceAdminView(device, state());
    },
  );

  app.patch(
    '/api/devices/:id',
    { onRequest: admin, schema: { tags, summary: "Change an approved device's name, kind, counter or printer", params: DeviceIdParam, body: DeviceSettingsSchema, response: { 200: DeviceAdminViewSchema, ...errors } } },
    async (req) => {
      const ctx = settingsContext();
      const device = app.devices.update(req.staff!.centerId, req.params.id, (current) => resolveSettings(req.body, current, ctx), audit(req, 'device.update'));
      return deviceAdminView(device, state());
    },
  );

  app.post(
    '/api/devices/:id/revoke',
    { onRequest: admin, schema: { tags, summary: 'Revoke a device (or refuse a pending one): its token stops working and its live connections close at once', params: DeviceIdParam, response: { 200: DeviceAdminViewSchema, ...errors } } },
    async (req) => {
      const device = app.devices.revoke(req.staff!.centerId, req.params.id, app.clock.now(), audit(req, 'device.revoke'));
      return deviceAdminView(device, state());
    },
  );

  app.put(
    '/api/devices/auto-approve',
    { onRequest: admin, schema: { tags, summary: 'Approve new devices without an admin (demo and set-up days only)', body: AutoApproveBody, response: { 200: AutoApproveBody, ...errors } } },
    async (req) => {
      const centerId = req.staff!.centerId;
      const { autoApprove } = req.body;
      app.devices.setAutoApprove(centerId, autoApprove, (before) =>
        appendAudit(app.db, { centerId, at: app.clock.now(), staffId: req.staff!.id, action: 'device.auto-approve', target: centerId, data: { before: { autoApprove: before }, after: { autoApprove } } }),
      );
      return { autoApprove };
    },
  );
};

export default routes;
