/**
 * The ticket rows as each commit left them, rebuilt from the event log.
 *
 * The store writes a commit's events and its tickets' new rows in one transaction, but keeps only the newest row
 * of a ticket (an upsert). The events carry everything that changes, and the fields that never change after issue
 * (business day, number, seqNo, priority weight, kiosk) are on the current row, so folding a ticket's events from
 * its issue gives its row after every commit, by the same rules as server/queue/decide.ts. The fold is checked:
 * folding ALL of a ticket's events must give its current row exactly. A ticket whose fold does not (a row written
 * by something other than the queue writer, an event kind this fold does not know) is sent as its current row in
 * every commit that touched it, and counted as inexact.
 */
import { UNTOUCHED_TICKET } from '../../protocol/ticket-lifecycle';
import type { Ticket } from '../../protocol/domain';

export interface StoredEvent {
  seq: number;
  at: number;
  type: string;
  ticketId: string | null;
  counterId: string | null;
  staffId: string | null;
  data: Record<string, unknown>;
}

type Image = Ticket;

/** One event applied to a ticket's row; null when the event kind is unknown here. */
export function foldEvent(before: Image | null, e: StoredEvent, current: Ticket): Image | null {
  const d = e.data;
  if (e.type === 'ticket.issued') {
    return {
      ...current,
      serviceId: (d.serviceId as string | undefined) ?? current.serviceId,
      status: 'waiting',
      issuedAt: e.at,
      queuedAt: e.at,
      ...UNTOUCHED_TICKET,
      note: null,
    };
  }
  if (!before) return null;
  switch (e.type) {
    case 'ticket.called':
      return {
        ...before,
        status: 'called',
        calledAt: e.at,
        firstCalledAt: before.firstCalledAt ?? e.at,
        counterId: e.counterId,
        staffId: e.staffId,
        targetCounterId: null,
        recallCount: 0,
      };
    case 'ticket.recalled':
      return { ...before, recallCount: (d.recallCount as number | undefined) ?? before.recallCount + 1, calledAt: e.at };
    case 'ticket.started':
      return { ...before, status: 'serving', startedAt: e.at };
    case 'ticket.completed':
      return { ...before, status: 'done', startedAt: before.startedAt ?? before.calledAt ?? e.at, completedAt: e.at, targetCounterId: null };
    case 'ticket.no-show':
      return { ...before, status: 'no-show', completedAt: e.at };
    case 'ticket.requeued':
      return { ...before, status: 'waiting', queuedAt: e.at, calledAt: null, counterId: null, staffId: null };
    case 'ticket.transferred':
      return {
        ...before,
        status: 'waiting',
        serviceId: (d.toServiceId as string | undefined) ?? before.serviceId,
        targetCounterId: (d.toCounterId as string | null | undefined) ?? null,
        counterId: null,
        staffId: null,
        calledAt: null,
        startedAt: null,
        recallCount: 0,
        transferCount: before.transferCount + 1,
        note: (d.note as string | null | undefined) ?? before.note,
      };
    case 'ticket.cancelled':
      return { ...before, status: 'cancelled', completedAt: e.at };
    default:
      return null;
  }
}

export interface TicketImages {
  /** seq → ticket id → the row after that commit. */
  bySeq: Map<number, Map<string, Ticket>>;
  /** Tickets sent as their current row because the fold did not reproduce it. */
  inexact: Set<string>;
}

const sameTicket = (a: Ticket, b: Ticket) => (Object.keys(b) as (keyof Ticket)[]).every((k) => a[k] === b[k]);

/**
 * @param history every event of each ticket, in commit order (seq, then write order)
 * @param current each ticket's row as it stands
 */
export function ticketImages(history: Map<string, StoredEvent[]>, current: Map<string, Ticket>): TicketImages {
  const bySeq = new Map<number, Map<string, Ticket>>();
  const inexact = new Set<string>();
  const put = (seq: number, t: Ticket) => {
    let m = bySeq.get(seq);
    if (!m) bySeq.set(seq, (m = new Map()));
    m.set(t.id, t);
  };
  for (const [ticketId, events] of history) {
    const row = current.get(ticketId);
    if (!row) continue;
    const images: { seq: number; image: Ticket }[] = [];
    let image: Ticket | null = null;
    let ok = true;
    for (const e of events) {
      image = foldEvent(image, e, row);
      if (!image) {
        ok = false;
        break;
      }
      // Several events of one ticket in one commit: the last one is the row the commit left.
      if (images.length > 0 && images[images.length - 1].seq === e.seq) images[images.length - 1].image = image;
      else images.push({ seq: e.seq, image });
    }
    if (ok && image && sameTicket(image, row)) {
      for (const i of images) put(i.seq, i.image);
    } else {
      inexact.add(ticketId);
      for (const seq of new Set(events.map((e) => e.seq))) put(seq, row);
    }
  }
  return { bySeq, inexact };
}
