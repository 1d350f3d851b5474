/**
 * Spreadsheet formulas in CSV cells: the one rule for every CSV the server writes (reports, the procedure catalog).
 *
 * A text cell that starts like a formula (`=`, `+`, `-`, `@`, tab or CR) runs as one when Excel or LibreOffice
 * opens the file: a procedure named `=HYPERLINK("http://…")` would put a live link in an officer's sheet. Such a
 * cell is written with a leading apostrophe, which spreadsheets show as plain text. Apostrophes already in front
 * of a formula start count too (`'=x` is written `''=x`), so an import of our own file can take exactly one off
 * and get the original text back, whatever it was.
 */
const FORMULA_START = /^'*[=+\-@\t\r]/;

export function defuseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** The inverse of `defuseFormula`, for files the server exported and a person may import again. */
export function restoreFormula(text: string): string {
  return text.startsWith("'") && FORMULA_START.test(text) ? text.slice(1) : text;
}
