/** Pair a device through the real API (pairing request, then an admin's approval) and return its Cookie header value. */
import type { FastifyInstance } from 'fastify';
import type { DeviceKind, DeviceSelf } from '../../protocol/devices';
import { loginCookie } from './app';

/** Each pairing comes from its own address: pairing is rate limited per address, and a test may pair many devices. */
let nextAddress = 0;
const pairingAddress = () => `127.0.${10 + (Math.floor(nextAddress / 250) % 200)}.${(nextAddress++ % 250) + 1}`;

/** One admin session per app: sign-ins are rate limited too. */
const adminSessions = new WeakMap<FastifyInstance, Promise<string>>();
function adminCookie(app: FastifyInstance): Promise<string> {
  let cookie = adminSessions.get(app);
  if (!cookie) {
    cookie = loginCookie(app, 'admin');
    adminSessions.set(app, cookie);
  }
  return cookie;
}

export async function pairedDevice(app: FastifyInstance, kind: DeviceKind = 'kiosk', options: { counterNumber?: number; printerId?: string; name?: string } = {}): Promise<string> {
  const pair = await app.inject({
    method: 'POST',
    url: '/api/devices/pair',
    remoteAddress: pairingAddress(),
    payload: { kind, ...(options.counterNumber !== undefined ? { counterNumber: options.counterNumber } : {}) },
  });
  if (pair.statusCode !== 201) throw new Error(`pairing failed: ${pair.statusCode} ${pair.body}`);
  const token = pair.cookies.find((c) => c.name === 'qm_device');
  if (!token) throw new Error('no device cookie');
  const device = pair.json() as DeviceSelf;
  const admin = await adminCookie(app);
  const counterId = options.counterNumber !== undefined ? String(options.counterNumber) : undefined;
  const settings = { name: options.name ?? device.name, kind, ...(counterId ? { counterId } : {}), ...(options.printerId ? { printerId: options.printerId } : {}) };
  // The demo center approves by itself; the settings asked for are then given by editing the device.
  const decided =
    device.status === 'pending'
      ? await app.inject({ method: 'POST', url: '/api/devices/approve', headers: { cookie: admin }, payload: { code: device.code, ...settings } })
      : await app.inject({ method: 'PATCH', url: `/api/devices/${device.id}`, headers: { cookie: admin }, payload: settings });
  if (decided.statusCode !== 200) throw new Error(`approval failed: ${decided.statusCode} ${decided.body}`);
  return `qm_device=${token.value}`;
}

/** A paired device's cookie for a browser context (`context.addCookies`), so the page opens as that device. */
export function browserDeviceCookie(cookieHeader: string, pageUrl: string) {
  const eq = cookieHeader.indexOf('=');
  return { name: cookieHeader.slice(0, eq), value: cookieHeader.slice(eq + 1), url: pageUrl, httpOnly: true, sameSite: 'Strict' as const };
}
