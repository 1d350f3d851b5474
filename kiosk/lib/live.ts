/**
 * The kiosk's and phone page's link to the /public Socket.IO namespace.
 * Reports connection changes plainly (the page must say when it is offline),
 * asks for a full snapshot when a `seq` was skipped, and reconnects even after
 * the server said goodbye (a restart), which Socket.IO alone does not do.
 */
import { io, type Socket } from 'socket.io-client';
import type { PublicClientToServer, PublicServerToClient, PublicSnapshot, QueueUpdate, PrinterStatusView } from '../../protocol/realtime';

export type PublicSocket = Socket<PublicServerToClient, PublicClientToServer>;

export interface LiveHandlers {
  onConnection?: (connected: boolean) => void;
  onSnapshot?: (snapshot: PublicSnapshot) => void;
  onUpdate?: (update: QueueUpdate) => void;
  onPrinters?: (printers: PrinterStatusView[]) => void;
  onConfigChanged?: () => void;
  /** Called on every (re)connection, after the socket is usable. */
  onConnect?: (socket: PublicSocket) => void;
}

export interface LiveLink {
  socket: PublicSocket;
  close(): void;
}

export function connectPublic(base: string, handlers: LiveHandlers): LiveLink {
  const socket: PublicSocket = io(`${base}/public`, {
    reconnectionDelay: 1000,
    reconnectionDelayMax: 3000,
    timeout: 5000,
  });
  let seq = -1;
  let closed = false;
  let restartTimer: ReturnType<typeof setTimeout> | undefined;

  const resync = () =>
    socket.timeout(5000).emit('queue:resync', (err, reply) => {
      if (err || !reply.ok) return;
      seq = reply.data.seq;
      handlers.onSnapshot?.(reply.data);
    });

  // After a server-side close socket.io-client does not retry by itself: keep trying, jittered, until back.
  const retryUntilConnected = () => {
    clearTimeout(restartTimer);
    restartTimer = setTimeout(() => {
      if (closed || socket.connected) return;
      socket.connect();
      retryUntilConnected();
    }, 1000 + Math.random() * 1500);
  };

  socket.on('connect', () => {
    clearTimeout(restartTimer);
    handlers.onConnection?.(true);
    handlers.onConnect?.(socket);
    // A recovered connection got the missed packets; a fresh one gets queue:snapshot.
  });
  socket.on('disconnect', (reason) => {
    handlers.onConnection?.(false);
    // "io server disconnect" (server closing or restarting) disables automatic reconnection.
    if (reason === 'io server disconnect' && !closed) retryUntilConnected();
  });
  socket.on('queue:snapshot', (snapshot) => {
    seq = snapshot.seq;
    handlers.onSnapshot?.(snapshot);
  });
  socket.on('queue:update', (update) => {
    const gap = seq >= 0 && update.seq > seq + 1;
    if (update.seq <= seq) return;
    seq = update.seq;
    if (gap) resync();
    else handlers.onUpdate?.(update);
  });
  socket.on('printer:status', (printers) => handlers.onPrinters?.(printers));
  socket.on('config:changed', () => handlers.onConfigChanged?.());

  return {
    socket,
    close() {
      closed = true;
      clearTimeout(restartTimer);
      socket.removeAllListeners();
      socket.close();
    },
  };
}
