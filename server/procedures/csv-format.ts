/**
 * The catalog's CSV layout: one row per procedure, headers are the record's
 * property names. A cell holding a list (steps, documents…) has one item per
 * line, i.e. Alt+Enter inside a spreadsheet cell, because every delimiter a
 * person could type (",", ";", "|") already occurs in Vietnamese legal text.
 * A document is written "Tên giấy tờ [01 bản chính]", optionally followed by
 * " — ghi chú".
 */
import type { Procedure, ProcedureDocument } from '../../protocol/procedure';
import { defuseFormula, restoreFormula } from '../csv/formula-cells';

export const CSV_COLUMNS = [
  'id',
  'code',
  'name',
  'field',
  'level',
  'agency',
  'online',
  'onlineUrl',
  'serviceId',
  'timeLimit',
  'fees',
  'result',
  'conditions',
  'submissionMethods',
  'steps',
  'documents',
  'legalBasis',
  'keywords',
] as const satisfies readonly (keyof Procedure)[];

export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Older sheets may lack keywords; every other column must be present. */
export const OPTIONAL_CSV_COLUMNS: ReadonlySet<CsvColumn> = new Set<CsvColumn>(['keywords']);

const LIST_COLUMNS = new Set<CsvColumn>(['submissionMethods', 'steps', 'legalBasis', 'keywords']);
const NULLABLE_COLUMNS = new Set<CsvColumn>(['onlineUrl', 'serviceId']);

/** "name [copies]" or "name [copies] — note"; a hyphen or en dash also separates the note. */
const DOCUMENT_LINE = /^([^[\]]+?)\s*\[([^[\]]+)\]\s*(?:[—–-]\s*(.+))?$/;
const NOTE_SEPARATOR = ' — ';

export interface CellProblem {
  field: CsvColumn;
  message: string;
}

export function splitLines(cell: string): string[] {
  return cell
    .split(/\r\n|\r|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

export function formatDocument(document: ProcedureDocument): string {
  const base = `${document.name} [${document.copies}]`;
  return document.note ? `${base}${NOTE_SEPARATOR}${document.note}` : base;
}

export function parseDocument(line: string): ProcedureDocument | null {
  const match = DOCUMENT_LINE.exec(line);
  if (!match) return null;
  const [, name, copies, note] = match;
  return note ? { name: name.trim(), copies: copies.trim(), note: note.trim() } : { name: name.trim(), copies: copies.trim() };
}

/**
 * A candidate record from one row (still to be validated against the schema),
 * plus problems the schema cannot see, such as a document line without copies.
 */
export function rowToCandidate(row: Partial<Record<CsvColumn, string>>): { candidate: Record<string, unknown>; problems: CellProblem[] } {
  const candidate: Record<string, unknown> = {};
  const problems: CellProblem[] = [];
  for (const column of CSV_COLUMNS) {
    const written = row[column];
    if (written === undefined) continue;
    const cell = restoreFormula(written);
    if (column === 'documents') {
      candidate.documents = splitLines(cell).flatMap((line, i) => {
        const document = parseDocument(line);
        if (!document) {
          problems.push({
            field: 'documents',
            message: `Thành phần hồ sơ, mục ${i + 1} ("${line}"): phải ghi theo dạng "Tên giấy tờ [01 bản chính]", có thể thêm " — ghi chú".`,
          });
          return [];
        }
        return [document];
      });
    } else if (LIST_COLUMNS.has(column)) {
      const items = splitLines(cell);
      // An empty keywords cell means "none", which the record spells by leaving the property out.
      if (column !== 'keywords' || items.length > 0) candidate[column] = items;
    } else if (NULLABLE_COLUMNS.has(column)) {
      candidate[column] = cell.trim() === '' ? null : cell.trim();
    } else {
      candidate[column] = cell.trim();
    }
  }
  return { candidate, problems };
}

export function recordToRow(record: Procedure): string[] {
  return CSV_COLUMNS.map((column) => {
    switch (column) {
      case 'documents':
        return record.documents.map(formatDocument).join('\n');
      case 'onlineUrl':
      case 'serviceId':
        return record[column] ?? '';
      case 'keywords':
        return (record.keywords ?? []).join('\n');
      case 'submissionMethods':
      case 'steps':
      case 'legalBasis':
        return record[column].join('\n');
      default:
        return record[column];
    }
  });
}

/**
 * RFC 4180 quoting: only cells that need it, so the file stays readable in a text editor. A cell that starts
 * like a formula is defused first, as in the reports (`rowToCandidate` restores it on import).
 */
export function toCsvLine(cells: readonly string[]): string {
  return cells
    .map(defuseFormula)
    .map((cell) => (/[",\r\n]|^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell))
    .join(',');
}
