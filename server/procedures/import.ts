/**
 * Catalog import and export, JSON or CSV. All or nothing: a catalog with one bad
 * row is rejected whole with every problem listed, because a half-imported
 * catalog would silently drop procedures from the kiosk.
 *
 * Row numbers are what the person sees: for JSON the position in the array
 * (1 = first record); for CSV the spreadsheet row (1 = header, 2 = first
 * procedure). Row 0 means the file as a whole.
 */
import { parse } from 'csv-parse/sync';
import type { Procedure } from '../../protocol/procedure';
import {
  CSV_COLUMNS,
  OPTIONAL_CSV_COLUMNS,
  recordToRow,
  rowToCandidate,
  toCsvLine,
  type CsvColumn,
} from './csv-format';
import { FIELD_LABELS, schemaProblems } from './validation-messages';

export interface ImportError {
  row: number;
  /** Property / CSV column; '' when the problem is not in one field. */
  field: string;
  /** Vietnamese, ready to show. */
  message: string;
}

export type ImportResult = { ok: Procedure[] } | { errors: ImportError[] };

export type CatalogFormat = 'json' | 'csv';

export function importCatalog(text: string, format: CatalogFormat): ImportResult {
  return format === 'json' ? parseCatalogJson(text) : parseCatalogCsv(text);
}

export function parseCatalogJson(text: string): ImportResult {
  let data: unknown;
  try {
    data = JSON.parse(stripBom(text));
  } catch (error) {
    return fileError(`Tệp JSON không đúng cú pháp (${(error as Error).message}).`);
  }
  if (!Array.isArray(data)) return fileError('Tệp JSON phải là một danh sách (mảng) các thủ tục.');
  // Checked before anything walks the records: the text normalizer recurses, and a few thousand nested
  // brackets (JSON.parse takes millions) used to overflow the stack and answer 500.
  if (nestedDeeperThan(data, MAX_JSON_DEPTH)) return fileError(`Tệp JSON lồng quá sâu (quá ${MAX_JSON_DEPTH} cấp): một thủ tục chỉ có danh sách và giấy tờ bên trong.`);
  return validateCandidates(data.map((candidate, i) => ({ row: i + 1, candidate, problems: [] })));
}

/** The catalog is a list of records holding lists of documents (depth 4); twice that leaves room and no more. */
const MAX_JSON_DEPTH = 8;

/** Without recursion, so no depth of input can overflow the stack. */
function nestedDeeperThan(value: unknown, max: number): boolean {
  const pending: { value: unknown; depth: number }[] = [{ value, depth: 1 }];
  for (let next = pending.pop(); next; next = pending.pop()) {
    if (next.value === null || typeof next.value !== 'object') continue;
    if (next.depth > max) return true;
    for (const child of Object.values(next.value)) pending.push({ value: child, depth: next.depth + 1 });
  }
  return false;
}

export function parseCatalogCsv(text: string): ImportResult {
  let table: string[][];
  try {
    table = parse(stripBom(text), {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
    }) as string[][];
  } catch (error) {
    const { lines } = error as { lines?: number };
    return fileError(`Tệp CSV không đúng định dạng${lines ? ` gần dòng ${lines} của tệp` : ''}: kiểm tra dấu ngoặc kép trong các ô.`);
  }
  if (table.length === 0) return fileError('Tệp CSV trống.');

  const header = table[0].map((h) => h.trim());
  const headerErrors = checkHeader(header);
  if (headerErrors.length > 0) return { errors: headerErrors };

  const rows = table.slice(1).map((cells, i) => {
    const row = i + 2;
    if (cells.length !== header.length) {
      return { row, candidate: null, problems: [{ field: '', message: `Dòng có ${cells.length} ô, trong khi dòng tiêu đề có ${header.length} cột.` }] };
    }
    const byColumn = Object.fromEntries(header.map((column, c) => [column, cells[c]])) as Partial<Record<CsvColumn, string>>;
    return { row, ...rowToCandidate(byColumn) };
  });
  return validateCandidates(rows);
}

export function exportJson(records: readonly Procedure[]): string {
  return `${JSON.stringify(records, null, 2)}\n`;
}

/**
 * UTF-8 with a byte-order mark and CRLF rows: without the BOM, Excel on Windows
 * opens the file as ANSI and shows Vietnamese as mojibake. Import strips it.
 */
export function exportCsv(records: readonly Procedure[]): string {
  const lines = [toCsvLine(CSV_COLUMNS), ...records.map((r) => toCsvLine(recordToRow(r)))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

interface RowCandidate {
  row: number;
  candidate: unknown;
  problems: { field: string; message: string }[];
}

function validateCandidates(rows: readonly RowCandidate[]): ImportResult {
  const errors: ImportError[] = [];
  const records: Procedure[] = [];
  for (const { row, candidate, problems } of rows) {
    for (const p of problems) errors.push({ row, ...p });
    if (candidate === null) continue;
    const normalized = normalizeText(candidate);
    const schemaErrors = schemaProblems(normalized);
    for (const p of schemaErrors) errors.push({ row, ...p });
    if (problems.length === 0 && schemaErrors.length === 0) records.push(canonical(normalized as Procedure));
  }
  errors.push(...duplicateErrors(rows));
  errors.sort((a, b) => a.row - b.row);
  return errors.length > 0 ? { errors } : { ok: records };
}

/** id and code must each be unique: the store keys on id, staff look procedures up by code. */
function duplicateErrors(rows: readonly RowCandidate[]): ImportError[] {
  const errors: ImportError[] = [];
  for (const key of ['id', 'code'] as const) {
    const firstRow = new Map<string, number>();
    for (const { row, candidate } of rows) {
      const value = (candidate as Record<string, unknown> | null)?.[key];
      if (typeof value !== 'string' || value.trim() === '') continue;
      const normalized = value.trim();
      const earlier = firstRow.get(normalized);
      if (earlier === undefined) firstRow.set(normalized, row);
      else errors.push({ row, field: key, message: `${FIELD_LABELS[key]}: "${normalized}" trùng với dòng ${earlier}.` });
    }
  }
  return errors;
}

function checkHeader(header: readonly string[]): ImportError[] {
  const known = new Set<string>(CSV_COLUMNS);
  const errors: ImportError[] = [];
  for (const column of header) {
    if (!known.has(column)) errors.push({ row: 1, field: column, message: `Cột "${column}" không có trong mẫu thủ tục.` });
  }
  for (const column of CSV_COLUMNS) {
    if (!OPTIONAL_CSV_COLUMNS.has(column) && !header.includes(column)) {
      errors.push({ row: 1, field: column, message: `Thiếu cột "${column}" (${FIELD_LABELS[column]}).` });
    }
  }
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) errors.push({ row: 1, field: column, message: `Cột "${column}" bị lặp lại.` });
    seen.add(column);
  }
  return errors;
}

/**
 * Spreadsheets saved with a Vietnamese regional setting use ";" as the list
 * separator; the header row tells which one this file uses.
 */
function detectDelimiter(text: string): string {
  const headerLine = stripBom(text).split(/\r?\n/, 1)[0] ?? '';
  const semicolons = headerLine.split(';').length;
  const commas = headerLine.split(',').length;
  return semicolons > commas ? ';' : ',';
}

/**
 * NFC and trimmed: macOS and some copy-pastes produce NFD, which looks identical
 * but breaks equality, sorting and the printer's code page mapping.
 */
function normalizeText(value: unknown): unknown {
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (Array.isArray(value)) return value.map(normalizeText);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, normalizeText(v)]));
  }
  return value;
}

/** Properties in the interface's order, so stored and exported JSON does not depend on the source's column order. */
function canonical(p: Procedure): Procedure {
  const record: Procedure = {
    id: p.id,
    code: p.code,
    name: p.name,
    field: p.field,
    level: p.level,
    agency: p.agency,
    steps: p.steps,
    submissionMethods: p.submissionMethods,
    documents: p.documents.map((d) => (d.note === undefined ? { name: d.name, copies: d.copies } : { name: d.name, copies: d.copies, note: d.note })),
    timeLimit: p.timeLimit,
    fees: p.fees,
    legalBasis: p.legalBasis,
    result: p.result,
    conditions: p.conditions,
    online: p.online,
    onlineUrl: p.onlineUrl,
    serviceId: p.serviceId,
  };
  if (p.keywords !== undefined) record.keywords = p.keywords;
  return record;
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function fileError(message: string): ImportResult {
  return { errors: [{ row: 0, field: '', message }] };
}
