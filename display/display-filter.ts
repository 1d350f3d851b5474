/**
 * Which calls and services one hall display shows. A center with two floors
 * hangs one screen per floor (?area=Tầng 2); a land-registry room shows only
 * its services (?services=svc-datdai,svc-xaydung). Filters combine (AND).
 */
import type { Service } from '../protocol/domain';
import type { CallRecord, CounterView, ServiceQueueStats } from '../protocol/realtime';
import type { DisplayParams } from './display-params';

export interface DisplayFilter {
  /** Null = no restriction. */
  serviceIds: ReadonlySet<string> | null;
  counterIds: ReadonlySet<string> | null;
}

const fold = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');

export function buildFilter(params: Pick<DisplayParams, 'services' | 'area' | 'counters'>, services: readonly Service[], counters: readonly CounterView[]): DisplayFilter {
  let serviceIds: Set<string> | null = null;
  if (params.services.length > 0) {
    const wanted = new Set(params.services.map(fold));
    serviceIds = new Set(services.filter((s) => wanted.has(fold(s.id)) || wanted.has(fold(s.code))).map((s) => s.id));
  }
  let counterIds: Set<string> | null = null;
  if (params.area !== '' || params.counters.length > 0) {
    const area = fold(params.area);
    counterIds = new Set(
      counters
        .filter((c) => (area === '' || fold(c.area) === area) && (params.counters.length === 0 || params.counters.includes(c.number)))
        .map((c) => c.id),
    );
  }
  return { serviceIds, counterIds };
}

export function callMatches(filter: DisplayFilter, call: CallRecord): boolean {
  return (filter.serviceIds === null || filter.serviceIds.has(call.ticket.serviceId)) && (filter.counterIds === null || filter.counterIds.has(call.counter.id));
}

/** Services whose waiting counts the display lists: the chosen ones, else those served in the chosen area. */
export function visibleServices(filter: DisplayFilter, services: readonly Service[], counters: readonly CounterView[]): Service[] {
  let servedHere: Set<string> | null = null;
  if (filter.counterIds !== null) {
    servedHere = new Set(counters.filter((c) => filter.counterIds!.has(c.id)).flatMap((c) => c.serviceIds));
  }
  return services.filter((s) => s.active && (filter.serviceIds === null || filter.serviceIds.has(s.id)) && (servedHere === null || servedHere.has(s.id)));
}

export interface WaitingRow {
  service: Service;
  waiting: number;
  waitingPriority: number;
}

export function waitingRows(filter: DisplayFilter, services: readonly Service[], counters: readonly CounterView[], stats: readonly ServiceQueueStats[]): WaitingRow[] {
  const byService = new Map(stats.map((s) => [s.serviceId, s]));
  return visibleServices(filter, services, counters).map((service) => ({
    service,
    waiting: byService.get(service.id)?.waiting ?? 0,
    waitingPriority: byService.get(service.id)?.waitingPriority ?? 0,
  }));
}
