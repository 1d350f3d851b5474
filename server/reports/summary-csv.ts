/**
 * The summary as one flat table (Excel pivots it easily): one row per group, the first column
 * says which grouping the row belongs to. Satisfaction columns are filled where ratings exist
 * for that grouping (totals, service, staff); reason chips follow as their own rows.
 */
import type { DurationStats, ReportGroup, SatisfactionGroup } from '../../protocol/reports';
import { BOM, headerLine, rowLine, type Column, type HeaderStyle } from './csv';
import type { FullSummary } from './summary';

export interface SummaryRow {
  kind: string;
  key: string;
  label: string;
  group: ReportGroup | null;
  sat: SatisfactionGroup | null;
  reasonCount?: number;
}

const pct = (share: number | null | undefined) => (share === null || share === undefined ? null : Math.round(share * 1000) / 10);
const stat = (pick: (g: ReportGroup) => DurationStats, f: keyof DurationStats) => (r: SummaryRow) => (r.group ? pick(r.group)[f] : null);

export const SUMMARY_COLUMNS: Column<SummaryRow>[] = [
  { key: 'grouping', label: 'Phân loại', value: (r) => r.kind },
  { key: 'key', label: 'Mã', value: (r) => r.key },
  { key: 'label', label: 'Tên', value: (r) => r.label },
  { key: 'issued', label: 'Số phiếu đã cấp', value: (r) => r.group?.issued },
  { key: 'served', label: 'Đã giải quyết', value: (r) => r.group?.served },
  { key: 'noShow', label: 'Vắng mặt', value: (r) => r.group?.noShow },
  { key: 'cancelled', label: 'Đã hủy', value: (r) => r.group?.cancelled },
  { key: 'open', label: 'Đang xử lý', value: (r) => r.group?.open },
  { key: 'waitCount', label: 'Số lượt chờ được gọi', value: stat((g) => g.wait, 'count') },
  { key: 'waitMean', label: 'Chờ trung bình (giây)', value: stat((g) => g.wait, 'mean') },
  { key: 'waitMedian', label: 'Chờ trung vị (giây)', value: stat((g) => g.wait, 'median') },
  { key: 'waitP90', label: 'Chờ P90 (giây)', value: stat((g) => g.wait, 'p90') },
  { key: 'waitMax', label: 'Chờ lâu nhất (giây)', value: stat((g) => g.wait, 'max') },
  { key: 'serviceCount', label: 'Số lượt phục vụ', value: stat((g) => g.service, 'count') },
  { key: 'serviceMean', label: 'Phục vụ trung bình (giây)', value: stat((g) => g.service, 'mean') },
  { key: 'serviceMedian', label: 'Phục vụ trung vị (giây)', value: stat((g) => g.service, 'median') },
  { key: 'serviceP90', label: 'Phục vụ P90 (giây)', value: stat((g) => g.service, 'p90') },
  { key: 'serviceMax', label: 'Phục vụ lâu nhất (giây)', value: stat((g) => g.service, 'max') },
  { key: 'slaPercent', label: 'Tỷ lệ chờ trong chỉ tiêu (%)', value: (r) => pct(r.group?.slaShare) },
  { key: 'ratings', label: 'Số lượt đánh giá', value: (r) => r.sat?.total ?? r.reasonCount },
  { key: 'level4', label: 'Rất hài lòng', value: (r) => r.sat?.levels['4'] },
  { key: 'level3', label: 'Hài lòng', value: (r) => r.sat?.levels['3'] },
  { key: 'level2', label: 'Bình thường', value: (r) => r.sat?.levels['2'] },
  { key: 'level1', label: 'Không hài lòng', value: (r) => r.sat?.levels['1'] },
  { key: 'satisfiedPercent', label: 'Tỷ lệ hài lòng (%)', value: (r) => pct(r.sat?.satisfiedShare) },
];

export function summaryRows(s: FullSummary): SummaryRow[] {
  const satStaff = new Map(s.satisfaction.byStaff.map((g) => [g.key, g]));
  const satService = new Map(s.satisfaction.byService.map((g) => [g.key, g]));
  const rows: SummaryRow[] = [{ kind: 'Tổng', key: 'all', label: 'Tất cả', group: s.totals, sat: s.satisfaction.totals }];
  for (const g of s.byService) rows.push({ kind: 'Dịch vụ', key: g.key, label: g.label, group: g, sat: satService.get(g.key) ?? null });
  for (const g of s.byCounter) rows.push({ kind: 'Quầy', key: g.key, label: g.label, group: g, sat: null });
  for (const g of s.byStaff) rows.push({ kind: 'Cán bộ', key: g.key, label: g.label, group: g, sat: satStaff.get(g.key) ?? null });
  for (const g of s.byHour) rows.push({ kind: 'Giờ lấy số', key: g.key, label: g.label, group: g, sat: null });
  for (const g of s.byDay) rows.push({ kind: 'Ngày', key: g.key, label: g.label, group: g, sat: null });
  for (const r of s.reasonDetails) rows.push({ kind: r.positive ? 'Lý do hài lòng' : 'Lý do chưa hài lòng', key: r.id, label: r.label, group: null, sat: null, reasonCount: r.count });
  return rows;
}

export function summaryCsv(s: FullSummary, header: HeaderStyle): string {
  return BOM + headerLine(SUMMARY_COLUMNS, header) + summaryRows(s).map((r) => rowLine(SUMMARY_COLUMNS, r)).join('');
}
