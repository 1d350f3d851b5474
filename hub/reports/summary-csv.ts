/**
 * The province summary as one CSV table, in the center's summary CSV's columns (server/reports/summary-csv.ts,
 * the same formula-cell rule through server/reports/csv.ts): the center's groupings plus a row per center
 * ("Trung tâm") and per procedure field ("Lĩnh vực"), after the total.
 */
import { BOM, headerLine, rowLine, type HeaderStyle } from '../../server/reports/csv';
import { SUMMARY_COLUMNS, summaryRows, type SummaryRow } from '../../server/reports/summary-csv';
import type { FullSummary } from '../../server/reports/summary';
import type { ProvinceSummary } from './summary';

export function provinceSummaryCsv(s: ProvinceSummary, header: HeaderStyle): string {
  const base = summaryRows({ ...s, filters: { serviceId: null, counterId: null, staffId: null } } as FullSummary);
  const satField = new Map(s.satisfactionByField.map((g) => [g.key, g]));
  const centers: SummaryRow[] = s.byCenter.map((c) => ({ kind: 'Trung tâm', key: c.code, label: c.name, group: c, sat: c.satisfaction }));
  const fields: SummaryRow[] = s.byField.map((g) => ({ kind: 'Lĩnh vực', key: g.key, label: g.label, group: g, sat: satField.get(g.key) ?? null }));
  const rows = [base[0], ...centers, ...fields, ...base.slice(1)];
  return BOM + headerLine(SUMMARY_COLUMNS, header) + rows.map((r) => rowLine(SUMMARY_COLUMNS, r)).join('');
}
