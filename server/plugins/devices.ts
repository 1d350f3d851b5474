/**
 * Known devices (see protocol/devices.ts): `req.device` is the approved device the request
 * comes from (its `qm_device` cookie), or null for any other browser (a citizen's phone).
 * `app.devices` is the registry (server/devices/registry.ts) that routes, printing and the
 * socket handshake share. The cookie parser is registered by the auth plugin.
 */
import fp from 'fastify-plugin';
import type { FastifyRequest, onRequestHookHandler } from 'fastify';
import { DEVICE_COOKIE, type DeviceKind } from '../../protocol/devices';
import { DomainError } from '../../protocol/errors';
import { DeviceRegistry, type Device } from '../devices/registry';
import { contactOf } from '../devices/device-store';

export type { Device };

declare module 'fastify' {
  interface FastifyInstance {
    devices: DeviceRegistry;
    /** Guard: the request must come from an approved device of one of these kinds. */
    requireDevice: (...kinds: DeviceKind[]) => onRequestHookHandler;
  }
  interface FastifyRequest {
    device: Device | null;
  }
}

export default fp(async function devices(app) {
  const registry = new DeviceRegistry(app.db, app.log.child({ module: 'devices' }));
  app.decorate('devices', registry);
  app.decorateRequest('device', null);

  app.addHook('onRequest', async (req) => {
    const token = req.cookies[DEVICE_COOKIE];
    if (!token) return;
    req.device = registry.fromToken(token);
    if (req.device) registry.recordContact(req.device, contactOf(app.clock.now(), req.ip, req.headers['user-agent']));
  });

  app.decorate('requireDevice', (...kinds: DeviceKind[]): onRequestHookHandler => {
    return async (req: FastifyRequest) => {
      if (!req.device) throw new DomainError('DEVICE_NOT_PAIRED');
      if (!kinds.includes(req.device.kind)) throw new DomainError('DEVICE_KIND_MISMATCH');
    };
  });
}, { name: 'devices', dependencies: ['core', 'auth'] });
