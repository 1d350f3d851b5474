/** Pair a device through the real API (pairing request, then an admin's approval) and return its Cookie header value. */
import type { FastifyInstance } from 'fastify';
import type { DeviceKind } from '../../protocol/devices';

export async function pairedDevice(_app: FastifyInstance, _kind: DeviceKind = 'kiosk', _options: { counterNumber?: number; printerId?: string; name?: string } = {}): Promise<string> {
  throw new Error('pairedDevice: not built yet');
}
