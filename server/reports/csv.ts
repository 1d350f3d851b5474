/**
 * CSV for Excel users in Vietnam: UTF-8 with a BOM (without it Excel shows "Há»™ tá»‹ch"),
 * comma separated, CRLF line ends, RFC 4180 quoting. Text cells that start like a formula
 * get a leading apostrophe so a name typed as "=HYPERLINK(…)" cannot run in Excel (server/csv/formula-cells.ts).
 */
import { defuseFormula } from '../csv/formula-cells';

export const BOM = '\uFEFF';

export type Cell = string | number | null | undefined;

export interface Column<R> {
  /** Stable English key (for scripts: `?header=keys`). */
  key: string;
  /** Vietnamese header (the default header row). */
  label: string;
  value: (row: R) => Cell;
}

export type HeaderStyle = 'vi' | 'keys';

export function cell(v: Cell): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  const s = defuseFormula(v.normalize('NFC'));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function line(cells: readonly Cell[]): string {
  return cells.map(cell).join(',') + '\r\n';
}

export function headerLine<R>(columns: readonly Column<R>[], style: HeaderStyle): string {
  return line(columns.map((c) => (style === 'keys' ? c.key : c.label)));
}

export function rowLine<R>(columns: readonly Column<R>[], row: R): string {
  return line(columns.map((c) => c.value(row)));
}

/** `attachment` with an ASCII name (plus the RFC 5987 form) so every browser saves it as given. */
export function attachment(filename: string): string {
  return `attachment; filename="${filename}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
