/**
 * The logged days a what-if replays: each ticket as the log has it (issued service, times, counter), and the
 * hours each counter worked, inferred from what it did — the log has no shift table.
 */
import type { Db } from '../store/db';
import type { LoggedTicket } from '../sim/learn';

export interface WhatIfTicket extends LoggedTicket {
  /** The counter that served it last (null: never called). */
  counterId: string | null;
}

/**
 * Tickets of business days `fromDay` … `toDay`, by the report index. The citizen is replayed for the service
 * they queued for (the issued service): their wait was spent in that line.
 */
export function readWhatIfTickets(db: Db, centerId: string, fromDay: string, toDay: string): WhatIfTicket[] {
  const rows = db
    .prepare(
      `SELECT issued_service_id, business_day, priority_id, status, issued_at, first_called_at, started_at, completed_at, recall_count, counter_id
       FROM tickets WHERE center_id = ? AND business_day BETWEEN ? AND ? ORDER BY issued_at`,
    )
    .raw()
    .all(centerId, fromDay, toDay) as [string, string, string | null, LoggedTicket['status'], number, number | null, number | null, number | null, number, string | null][];
  return rows.map(([serviceId, businessDay, priorityId, status, issuedAt, firstCalledAt, startedAt, completedAt, recallCount, counterId]) => ({
    serviceId,
    businessDay,
    priorityId,
    status,
    issuedAt,
    firstCalledAt,
    startedAt,
    completedAt,
    recallCount,
    counterId,
  }));
}

/** Idle this long while one of its citizens waited the whole time: the counter was closed (lunch, a meeting). */
const AWAY_MS = 10 * 60_000;

/**
 * When a counter worked on a logged day, as [start, end) instants: the center's working day (`span`), less the
 * stretches it stayed idle while a citizen of its services waited over 10 minutes — before its first call,
 * between two tickets, after its last finish. Null when it did nothing that day.
 */
export function workedWindows(tickets: WhatIfTicket[], counterId: string, serviceIds: string[], span: [number, number]): [number, number][] | null {
  const busy = tickets
    .filter((t) => t.counterId === counterId && t.firstCalledAt !== null)
    .map((t): [number, number] => [t.firstCalledAt!, t.completedAt ?? t.startedAt ?? t.firstCalledAt!])
    .sort((a, b) => a[0] - b[0]);
  if (busy.length === 0) return null;
  const mine = new Set(serviceIds);
  // Idle from `from` to `to` while one of its citizens waited over 10 minutes of it, to be called at `to` or later:
  // nobody was at the counter (a counter calls as soon as it is free). The whole stretch counts as away — a lunch
  // break starts before the first citizen comes to wait through it.
  const away = (from: number, to: number) =>
    tickets.some((t) => mine.has(t.serviceId) && to - Math.max(from, t.issuedAt) > AWAY_MS && (t.firstCalledAt ?? Infinity) >= to);
  const windows: [number, number][] = [];
  let [start, end] = busy[0];
  if (!away(span[0], start)) start = Math.min(start, span[0]);
  for (const [a, b] of busy.slice(1)) {
    if (away(end, a)) {
      windows.push([start, end]);
      start = a;
    }
    end = Math.max(end, b);
  }
  windows.push([start, away(end, span[1]) ? end : Math.max(end, span[1])]);
  return windows;
}

/**
 * The officer's own pace: after finishing a citizen while another already waited, how long the counter took
 * to call the next one (up to 10 minutes; longer, it was away: see `workedWindows`). The replay's counters
 * call at once, so this time is added to the finished citizen's service: the calls then come when they came.
 * One figure per ticket, in the order of `tickets`.
 */
export function turnaroundsMs(tickets: WhatIfTicket[]): number[] {
  const turnaround = new Array<number>(tickets.length).fill(0);
  const byCounter = new Map<string, number[]>();
  tickets.forEach((t, i) => {
    if (t.counterId === null || t.firstCalledAt === null) return;
    const list = byCounter.get(t.counterId);
    if (list) list.push(i);
    else byCounter.set(t.counterId, [i]);
  });
  for (const list of byCounter.values()) {
    list.sort((a, b) => tickets[a].firstCalledAt! - tickets[b].firstCalledAt!);
    for (let k = 1; k < list.length; k++) {
      const done = tickets[list[k - 1]];
      const next = tickets[list[k]];
      if (done.completedAt === null || next.issuedAt > done.completedAt) continue;
      const gap = next.firstCalledAt! - done.completedAt;
      if (gap > 0 && gap <= AWAY_MS) turnaround[list[k - 1]] = gap;
    }
  }
  return turnaround;
}

/** The center's working day when a counter has no log of its own: the span of every counter's work. */
export function daySpan(tickets: WhatIfTicket[]): [number, number] | null {
  let from = Infinity;
  let to = -Infinity;
  for (const t of tickets) {
    if (t.firstCalledAt === null) continue;
    from = Math.min(from, t.firstCalledAt);
    to = Math.max(to, t.completedAt ?? t.startedAt ?? t.firstCalledAt);
  }
  return from <= to ? [from, to] : null;
}
