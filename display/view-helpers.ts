/** Small lookups the display components share. */
import type { PriorityCategory, Service } from '../protocol/domain';
import type { CallRecord, CounterView } from '../protocol/realtime';
import type { QueueView } from './lib/queue-reducer';

export function serviceOf(view: QueueView, serviceId: string): Service | undefined {
  return view.services.find((s) => s.id === serviceId);
}

export function priorityOf(view: QueueView, priorityId: string | null): PriorityCategory | undefined {
  return priorityId === null ? undefined : view.priorities.find((p) => p.id === priorityId);
}

export function counterByNumber(view: QueueView, number: number): CounterView | undefined {
  return view.counters.find((c) => c.number === number);
}

/**
 * "Quầy 3 – Đất đai, Xây dựng" under a big "3" only needs "Đất đai, Xây dựng".
 * Names that do not start with the counter's own label are kept whole.
 */
export function counterSubtitle(name: string, number: number): string {
  const match = new RegExp(`^\\s*quầy\\s*(số\\s*)?${number}\\s*[-–—:]?\\s*`, 'iu').exec(name.normalize('NFC'));
  const rest = match ? name.normalize('NFC').slice(match[0].length) : name;
  return rest.trim();
}

/** Stable identity of a call for keyed rendering (replays the highlight on a recall too). */
export function callRenderKey(call: CallRecord): string {
  return `${call.ticket.ref}@${call.at}`;
}
