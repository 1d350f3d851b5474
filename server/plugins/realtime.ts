/**
 * Socket.IO on Fastify's HTTP server. /public: displays, kiosks, phones (read-only,
 * no login). /staff: consoles (session cookie). One `queue:update` per commit to each
 * center room, carrying the commit's seq; clients resync on a gap.
 */
import fp from 'fastify-plugin';
import { Server, type Namespace } from 'socket.io';
import type {
  PublicClientToServer,
  PublicServerToClient,
  StaffClientToServer,
  StaffServerToClient,
} from '../../protocol/realtime';
import { errorMessage } from '../../protocol/i18n';
import { publicCall, publicSnapshot, queueUpdate, staffSnapshot, ticketUpdate, serviceStats } from '../queue/read-model';
import { SESSION_COOKIE, cookieFromHeader } from '../auth/sessions';
import { handshakeOriginRefusal, staffHandshakeAllowed } from '../realtime/handshake-origin';
import { parseOrigins } from './embedding';
import type { ErrorCode } from '../../protocol/errors';
import type { Committed } from '../core/queue-service';
import type { StaffAccount } from '../store/rows';
import { AddressCap } from '../realtime/address-cap';
import { disconnectDevice, socketDevice } from '../devices/socket-devices';

declare module 'fastify' {
  interface FastifyInstance {
    io: Server;
    /** Tell every client of a center to refetch its snapshot (after a configuration change). */
    broadcastConfigChanged: (centerId: string) => void;
  }
}

type PublicNs = Namespace<PublicClientToServer, PublicServerToClient>;
/** A /staff socket lives as long as the session it was opened with: kept by the token's hash, never the token. */
interface StaffSocketData {
  staff: StaffAccount;
  tokenHash: string;
  expiresAt: number;
  /** The known device it comes from (devices/socket-devices.ts), else null. */
  deviceId?: string | null;
}
type StaffNs = Namespace<StaffClientToServer, StaffServerToClient, Record<string, never>, StaffSocketData>;
type StaffSocket = Parameters<Parameters<StaffNs['on']>[1]>[0];

/** A refused handshake: the client reads the code in `err.message`, the Vietnamese text in `err.data`. */
const refusal = (code: ErrorCode) => Object.assign(new Error(code), { data: { code, message: errorMessage(code, 'vi') } });
/** setTimeout's longest delay; a later expiry is checked again when it fires. */
const MAX_TIMER_MS = 2 ** 31 - 1;

const centerRoom = (centerId: string) => `center:${centerId}`;
const ticketRoom = (ticketId: string) => `ticket:${ticketId}`;
const TICKET_ID = /^[A-Za-z0-9_-]{1,64}$/;

export default fp(async function realtime(app) {
  const embedOrigins = parseOrigins(app.config.KIOSK_EMBED_ORIGINS);
  const perAddress = new AddressCap(app.config.SOCKETS_PER_ADDRESS);
  const io = new Server(app.server, {
    serveClient: false,
    // Missed packets are replayed to a client back within 2 minutes; others get a snapshot.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
    maxHttpBufferSize: 16_384,
    // Before any namespace, each check on its own: a page of another origin gets no socket at all
    // (realtime/handshake-origin.ts), nor an address that holds its share already (realtime/address-cap.ts).
    allowRequest: (req, callback) => {
      const refused = handshakeOriginRefusal(req, embedOrigins) ?? perAddress.refusal(req);
      callback(refused, refused === null);
    },
  });
  app.decorate('io', io);
  perAddress.follow(io.engine);

  const publicNs: PublicNs = io.of('/public');
  const staffNs = io.of('/staff') as unknown as StaffNs;
  const centerId = () => app.queue.defaultCenterId;
  // Rooms of followed tickets, kept by the adapter's events: a commit need not scan every socket's own room.
  const watchedTickets = new Set<string>();
  publicNs.adapter.on('create-room', (room: string) => room.startsWith('ticket:') && watchedTickets.add(room.slice(7)));
  publicNs.adapter.on('delete-room', (room: string) => room.startsWith('ticket:') && watchedTickets.delete(room.slice(7)));

  publicNs.on('connection', (socket) => {
    socket.join(centerRoom(centerId()));
    if (!socket.recovered) socket.emit('queue:snapshot', publicSnapshot(app.queue.state(), app.clock.now(), app.printing.statuses()));

    socket.on('queue:resync', (ack) => {
      if (typeof ack !== 'function') return;
      ack({ ok: true, data: publicSnapshot(app.queue.state(), app.clock.now(), app.printing.statuses()) });
    });

    socket.on('ticket:watch', (ticketId, ack) => {
      if (typeof ack !== 'function') return;
      const ticket = typeof ticketId === 'string' && TICKET_ID.test(ticketId) ? app.queue.findTicket(ticketId) : null;
      if (!ticket) return ack({ ok: false, code: 'TICKET_NOT_FOUND', message: errorMessage('TICKET_NOT_FOUND', 'vi') });
      socket.join(ticketRoom(ticket.id));
      const state = app.queue.state(ticket.centerId);
      ack({ ok: true, data: ticketUpdate(state, ticket, state.seq, app.clock.now()) });
    });
  });

  staffNs.use((socket, next) => {
    if (!staffHandshakeAllowed(socket.handshake.headers)) return next(refusal('CROSS_ORIGIN'));
    const session = app.sessions.findSession(cookieFromHeader(socket.handshake.headers.cookie, SESSION_COOKIE), app.clock.now());
    if (!session) return next(refusal('UNAUTHENTICATED'));
    // A one-time password opens only the page that replaces it, never the live queue.
    if (session.staff.mustChangePassword) return next(refusal('PASSWORD_CHANGE_REQUIRED'));
    socket.data = { staff: session.staff, tokenHash: session.tokenHash, expiresAt: session.expiresAt };
    next();
  });

  /** Whether the session the socket was opened with still stands (not ended, not expired, account active). */
  const stillSignedIn = (socket: StaffSocket): boolean => {
    const session = app.sessions.findByHash(socket.data.tokenHash, app.clock.now());
    return session !== null && !session.staff.mustChangePassword;
  };

  const closeAtExpiry = (socket: StaffSocket) => {
    const timer = setTimeout(
      () => (stillSignedIn(socket) ? closeAtExpiry(socket) : socket.disconnect(true)),
      Math.min(MAX_TIMER_MS, Math.max(0, socket.data.expiresAt - app.clock.now())),
    );
    socket.once('disconnect', () => clearTimeout(timer));
  };

  staffNs.on('connection', (socket) => {
    socket.join(centerRoom(socket.data.staff.centerId));
    closeAtExpiry(socket);
    if (!socket.recovered) socket.emit('queue:snapshot', staffSnapshot(app.queue.state(socket.data.staff.centerId), app.clock.now(), app.printing.statuses()));
    socket.emit('printer:unprinted', app.printing.unprinted());
    socket.on('queue:resync', (ack) => {
      if (typeof ack !== 'function') return;
      if (!stillSignedIn(socket)) {
        ack({ ok: false, code: 'UNAUTHENTICATED', message: errorMessage('UNAUTHENTICATED', 'vi') });
        socket.disconnect(true);
        return;
      }
      ack({ ok: true, data: staffSnapshot(app.queue.state(socket.data.staff.centerId), app.clock.now(), app.printing.statuses()) });
    });
  });

  // Logout, password change, reset, role change, deactivation: the sockets of those sessions close now.
  const unsubscribeSessions = app.sessions.onEnded(({ tokenHashes }) => {
    const ended = new Set(tokenHashes);
    for (const socket of staffNs.sockets.values()) if (ended.has(socket.data.tokenHash)) socket.disconnect(true);
  });

  // Known devices: each socket carries its device's id (null for a phone), and revoking a device closes its
  // sockets at once (devices/socket-devices.ts). Registered after the /staff check, which sets socket.data.
  const deviceOfSocket = socketDevice(app.devices, () => app.clock.now());
  publicNs.use(deviceOfSocket);
  staffNs.use(deviceOfSocket);
  const unsubscribeDevices = app.devices.onRevoked((deviceId) => disconnectDevice([publicNs, staffNs], deviceId));

  const unsubscribe = app.queue.onCommitted((c: Committed) => {
    const state = app.queue.state(c.centerId);
    const room = centerRoom(c.centerId);
    // Calls first: they are what a hall is waiting to see and hear.
    for (const call of c.calls) {
      publicNs.to(room).emit('ticket:called', publicCall(call));
      staffNs.to(room).emit('ticket:called', call);
    }
    const now = app.clock.now();
    const stats = serviceStats(state, now);
    publicNs.to(room).emit('queue:update', queueUpdate(state, c, 'public', stats));
    staffNs.to(room).emit('queue:update', queueUpdate(state, c, 'staff', stats));
    // Phones following a ticket: its own change, and every waiting ticket whose position may have moved.
    for (const ticketId of watchedTickets) {
      const roomName = ticketRoom(ticketId);
      const changed = c.decision.tickets.find((t) => t.id === ticketId);
      const live = state.active.get(ticketId);
      if (changed || live?.status === 'waiting') publicNs.to(roomName).emit('ticket:updated', ticketUpdate(state, changed ?? live!, c.seq, now));
    }
  });

  const unsubscribePrinters = app.printing.onStatus((printers) => {
    publicNs.emit('printer:status', printers);
    staffNs.emit('printer:status', printers);
  });
  const unsubscribeUnprinted = app.printing.onUnprinted((tickets) => staffNs.emit('printer:unprinted', tickets));

  app.decorate('broadcastConfigChanged', (id: string) => {
    const seq = app.queue.state(id).seq;
    publicNs.to(centerRoom(id)).emit('config:changed', { seq });
    staffNs.to(centerRoom(id)).emit('config:changed', { seq });
  });

  app.addHook('preClose', async () => {
    unsubscribe();
    unsubscribeSessions();
    unsubscribeDevices();
    unsubscribePrinters();
    unsubscribeUnprinted();
    // Not io.close(): it would close Fastify's HTTP server under Fastify's feet.
    io.disconnectSockets(true);
    io.engine.close();
  });
}, { name: 'realtime', dependencies: ['core', 'auth', 'devices', 'printing'] });
