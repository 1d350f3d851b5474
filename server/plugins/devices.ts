/**
 * Known devices (see protocol/devices.ts): `req.device` is the approved device the request
 * comes from (its `qm_device` cookie), or null for any other browser (a citizen's phone).
 */
import fp from 'fastify-plugin';
import type { DeviceKind } from '../../protocol/devices';

/** An approved device, as routes see it. */
export interface Device {
  id: string;
  kind: DeviceKind;
  name: string;
  counterId: string | null;
  printerId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    device: Device | null;
  }
}

export default fp(async function devices(app) {
  app.decorateRequest('device', null);
}, { name: 'devices', dependencies: ['core'] });
