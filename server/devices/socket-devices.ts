/**
 * Known devices on Socket.IO: the handshake's device cookie names the device (`socket.data.deviceId`, null for
 * any other browser) and counts as its contact; revoking a device closes its open sockets at once.
 */
import type { Socket } from 'socket.io';
import type { DeviceRegistry } from './registry';
import { contactOf } from './device-store';

interface DeviceSocket {
  handshake: Socket['handshake'];
  data: { deviceId?: string | null };
  disconnect(close?: boolean): unknown;
}

export function socketDevice(devices: DeviceRegistry, now: () => number) {
  return (socket: DeviceSocket, next: (err?: Error) => void) => {
    const device = devices.fromCookieHeader(socket.handshake.headers.cookie);
    socket.data.deviceId = device?.id ?? null;
    if (device) devices.recordContact(device, contactOf(now(), socket.handshake.address, socket.handshake.headers['user-agent']));
    next();
  };
}

export function disconnectDevice(namespaces: { sockets: Map<string, DeviceSocket> }[], deviceId: string): void {
  for (const ns of namespaces) {
    for (const socket of ns.sockets.values()) if (socket.data.deviceId === deviceId) socket.disconnect(true);
  }
}
