/** One-shot Socket.IO reads, as a console or display would do on connect. */
import { io } from 'socket.io-client';
import type { PublicSnapshot, StaffSnapshot } from '../../../protocol/realtime';

function snapshotFrom<T>(url: string, namespace: '/public' | '/staff', cookie?: string): Promise<T> {
  const socket = io(`${url}${namespace}`, {
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
    extraHeaders: cookie ? { cookie } : {},
  });
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.close();
      reject(new Error(`no snapshot from ${namespace}`));
    }, 30_000);
    socket.once('queue:snapshot', (snapshot: T) => {
      clearTimeout(timer);
      socket.close();
      resolve(snapshot);
    });
    socket.once('connect_error', (err) => {
      clearTimeout(timer);
      socket.close();
      reject(err);
    });
  });
}

export const staffSnapshot = (url: string, cookie: string) => snapshotFrom<StaffSnapshot>(url, '/staff', cookie);
export const publicSnapshot = (url: string) => snapshotFrom<PublicSnapshot>(url, '/public');

/** A snapshot without what legitimately differs between two reads of the same state. */
/**
 * What must survive a restart unchanged. The wait estimates are left out: they are computed at the moment of
 * asking (a held ticket's remaining time shrinks as the restart takes its seconds), not stored.
 */
export function comparable<T extends PublicSnapshot>(s: T): Omit<T, 'serverTime' | 'printers'> {
  const { serverTime: _t, printers: _p, ...rest } = s;
  return { ...rest, stats: rest.stats.map(({ etaMinutes: _m, etaRange: _r, ...stat }) => stat) };
}
