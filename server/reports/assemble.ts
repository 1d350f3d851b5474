/**
 * The summary's shape from its accumulated groups, one place for both ways a summary is counted: ticket by ticket
 * (summary.ts) and from per-day rollups (rollup-summary.ts). Groups are sorted for reading; reasons most given
 * first.
 */
import type { ReportGroup, ReportSummary, ReportSummaryExtras, SatisfactionGroup } from '../../protocol/reports';
import type { ReportRange } from './dates';
import type { Labels } from './labels';
import type { ReportFilters } from './query';
import { reasonInfo } from './reasons';

type Result<T> = { key: string; label: string; result(): T };

export interface SummaryParts {
  centerId: string;
  range: ReportRange;
  timeZone: string;
  now: number;
  filters: ReportFilters;
  totals: Result<ReportGroup>;
  byService: Result<ReportGroup>[];
  byCounter: Result<ReportGroup>[];
  byStaff: Result<ReportGroup>[];
  /** Indexed by local hour; hours without tickets are absent. */
  byHour: (Result<ReportGroup> | undefined)[];
  byDay: Result<ReportGroup>[];
  satisfaction: { totals: Result<SatisfactionGroup>; byStaff: Result<SatisfactionGroup>[]; byService: Result<SatisfactionGroup>[] };
  /** [reason id, times given]. */
  reasons: Iterable<[string, number]>;
}

/** Services in the center's kiosk order, counters by number, staff by name (Vietnamese collation). */
export function sortGroups<T extends { key: string; label: string }>(groups: T[], labels: Labels, kind: 'service' | 'counter' | 'staff'): T[] {
  if (kind === 'service') return groups.sort((a, b) => labels.serviceOrder(a.key) - labels.serviceOrder(b.key) || a.key.localeCompare(b.key));
  if (kind === 'counter') return groups.sort((a, b) => labels.counterOrder(a.key) - labels.counterOrder(b.key) || a.key.localeCompare(b.key));
  return groups.sort((a, b) => a.label.localeCompare(b.label, 'vi') || a.key.localeCompare(b.key));
}

export function assembleSummary(p: SummaryParts, labels: Labels): ReportSummary & ReportSummaryExtras {
  const reasonDetails = [...p.reasons]
    .filter(([, n]) => n > 0)
    .map(([id, count]) => ({ ...reasonInfo(id), count }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label, 'vi'));
  return {
    centerId: p.centerId,
    from: p.range.from,
    to: p.range.to,
    timeZone: p.timeZone,
    generatedAt: p.now,
    totals: p.totals.result(),
    byService: sortGroups(p.byService, labels, 'service').map((g) => g.result()),
    byCounter: sortGroups(p.byCounter, labels, 'counter').map((g) => g.result()),
    byStaff: sortGroups(p.byStaff, labels, 'staff').map((g) => g.result()),
    byHour: p.byHour.filter((g) => g !== undefined).map((g) => g.result()),
    byDay: p.byDay.sort((a, b) => a.key.localeCompare(b.key)).map((g) => g.result()),
    satisfaction: {
      totals: p.satisfaction.totals.result(),
      byStaff: sortGroups(p.satisfaction.byStaff, labels, 'staff').map((g) => g.result()),
      byService: sortGroups(p.satisfaction.byService, labels, 'service').map((g) => g.result()),
      reasons: Object.fromEntries(reasonDetails.map((r) => [r.label, r.count])),
    },
    filters: { serviceId: p.filters.serviceId ?? null, counterId: p.filters.counterId ?? null, staffId: p.filters.staffId ?? null },
    reasonDetails,
  };
}
