/**
 * One center's floor as the hub knows it: the tickets of the center's latest business day as its newest commits
 * left them (`center_tickets`), named by its configuration changes (`center_labels`). Per service: waiting and the
 * longest wait; per counter: serving / called (with the number) / idle, and how many it served that day.
 *
 * Waits are measured at `asOf`: now while the center is online, else when it was last heard from (the hub knows
 * nothing newer, and a wait that keeps growing on a center that may have closed would mislead).
 */
import { businessDay } from '../../server/queue/calendar';
import type { Queryable } from '../db/db';

export interface FloorService {
  id: string;
  name: string;
  waiting: number;
  longestWaitSeconds: number;
  inService: number;
  served: number;
}

export interface FloorCounter {
  id: string;
  name: string;
  /** 'serving' or 'called' with the ticket's number; 'idle' otherwise (the hub sees no pauses). */
  state: 'serving' | 'called' | 'idle';
  number: string | null;
  serviceId: string | null;
  since: number | null;
  served: number;
}

export interface CenterFloor {
  centerId: string;
  code: string;
  name: string;
  businessDay: string;
  asOf: number;
  online: boolean;
  lastSeenAt: number | null;
  services: FloorService[];
  counters: FloorCounter[];
}

interface TicketRow {
  status?: string;
  serviceId?: string;
  counterId?: string | null;
  number?: string;
  issuedAt?: number;
  queuedAt?: number;
  calledAt?: number | null;
  startedAt?: number | null;
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export async function centerFloor(
  db: Queryable,
  center: { id: string; code: string; name: string; timeZone: string; online: boolean; lastSeenAt: number | null; liveAt: number | null },
  now: number,
): Promise<CenterFloor> {
  const asOf = center.online ? now : (center.lastSeenAt ?? now);
  // The center's own day at its last report: an offline center shows the day it went quiet.
  const day = businessDay(center.liveAt ?? center.lastSeenAt ?? now, center.timeZone);
  const [tickets, labels] = await Promise.all([
    db.query<{ row: TicketRow }>('SELECT row FROM center_tickets WHERE center_id = $1 AND business_day = $2', [center.id, day]),
    db.query<{ kind: string; id: string; label: string; sort_key: number | null }>('SELECT kind, id, label, sort_key FROM center_labels WHERE center_id = $1', [center.id]),
  ]);
  const label = new Map(labels.rows.map((l) => [`${l.kind}\u0000${l.id}`, l]));
  const services = new Map<string, FloorService>();
  const counters = new Map<string, FloorCounter>();
  const service = (id: string) => {
    let s = services.get(id);
    if (!s) services.set(id, (s = { id, name: label.get(`service\u0000${id}`)?.label ?? id, waiting: 0, longestWaitSeconds: 0, inService: 0, served: 0 }));
    return s;
  };
  const counter = (id: string) => {
    let c = counters.get(id);
    if (!c) counters.set(id, (c = { id, name: label.get(`counter\u0000${id}`)?.label ?? id, state: 'idle', number: null, serviceId: null, since: null, served: 0 }));
    return c;
  };
  for (const l of labels.rows) {
    if (l.kind === 'service') service(l.id);
    if (l.kind === 'counter') counter(l.id);
  }
  for (const { row: t } of tickets.rows) {
    if (typeof t.serviceId !== 'string') continue;
    const s = service(t.serviceId);
    const c = typeof t.counterId === 'string' && t.counterId ? counter(t.counterId) : null;
    if (t.status === 'waiting') {
      s.waiting++;
      const since = num(t.queuedAt) ?? num(t.issuedAt);
      if (since !== null) s.longestWaitSeconds = Math.max(s.longestWaitSeconds, Math.max(0, Math.round((asOf - since) / 1000)));
    } else if (t.status === 'called' || t.status === 'serving') {
      s.inService++;
      if (c) {
        const since = t.status === 'serving' ? num(t.startedAt) : num(t.calledAt);
        // A counter holds one ticket; if two rows say so (a commit not seen yet), the newest wins.
        if (c.since === null || (since ?? 0) >= c.since) Object.assign(c, { state: t.status, number: t.number ?? null, serviceId: t.serviceId, since });
      }
    } else if (t.status === 'done') {
      s.served++;
      if (c) c.served++;
    }
  }
  const sortOf = (kind: string, id: string) => label.get(`${kind}\u0000${id}`)?.sort_key ?? 1e9;
  return {
    centerId: center.id,
    code: center.code,
    name: center.name,
    businessDay: day,
    asOf,
    online: center.online,
    lastSeenAt: center.lastSeenAt,
    services: [...services.values()].sort((a, b) => sortOf('service', a.id) - sortOf('service', b.id) || a.name.localeCompare(b.name, 'vi')),
    counters: [...counters.values()].sort((a, b) => sortOf('counter', a.id) - sortOf('counter', b.id) || a.name.localeCompare(b.name, 'vi', { numeric: true })),
  };
}
