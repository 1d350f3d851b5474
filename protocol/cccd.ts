/**
 * The QR code of the chip-based citizen ID card (CCCD), as a 2D scanner types it:
 *
 *   ID (12 digits) | old ID (9 digits, may be empty) | full name | birth date ddMMyyyy | gender | address | issue date ddMMyyyy
 *
 * Pure, and shared by the server and pages. It returns only what the rules need — the ID number (to be hashed
 * with the center's key, never kept) and the birth date (to read an age on a given day) — and never the name,
 * the old ID, the gender or the address. Whoever calls it must not keep or log the text it was given.
 */

export interface CccdFacts {
  /** 12 digits: hash it (server/appointments/person-key.ts) before keeping anything. */
  idNumber: string;
  /** 'YYYY-MM-DD'. */
  birthDate: string;
}

export type CccdParse = { ok: true; facts: CccdFacts } | { ok: false; reason: CccdProblem };

export type CccdProblem = 'empty' | 'fields' | 'id-number' | 'old-id' | 'birth-date' | 'issue-date';

/** A CCCD number: 12 digits (province, century-and-sex, year, serial). */
export const ID_NUMBER_PATTERN = /^\d{12}$/;

export function isIdNumber(value: string): boolean {
  return ID_NUMBER_PATTERN.test(value);
}

/** 'ddMMyyyy' → 'YYYY-MM-DD', or null when it is not a real calendar date. */
export function parseDdMMyyyy(value: string): string | null {
  const m = /^(\d{2})(\d{2})(\d{4})$/.exec(value);
  if (!m) return null;
  const [, dd, mm, yyyy] = m;
  const d = Number(dd);
  const mo = Number(mm);
  const y = Number(yyyy);
  if (y < 1900 || mo < 1 || mo > 12 || d < 1) return null;
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return null;
  return `${yyyy}-${mm}-${dd}`;
}

/** Read the scanned text. Bad input is a refusal with a reason, never an exception. */
export function parseCccd(text: string): CccdParse {
  // Scanners end the text with Enter (CR, LF or both) and sometimes pad it.
  const trimmed = (text ?? '').replace(/[\r\n]+$/g, '').trim();
  if (trimmed === '') return { ok: false, reason: 'empty' };
  const fields = trimmed.split('|');
  // Seven fields; some cards add an eighth (empty or a check value) at the end, which nothing here needs.
  if (fields.length < 7 || fields.length > 8) return { ok: false, reason: 'fields' };
  const [id, oldId, , birth, , , issued] = fields.map((f) => f.trim());
  if (!isIdNumber(id)) return { ok: false, reason: 'id-number' };
  if (oldId !== '' && !/^\d{9}$/.test(oldId)) return { ok: false, reason: 'old-id' };
  const birthDate = parseDdMMyyyy(birth);
  if (!birthDate) return { ok: false, reason: 'birth-date' };
  const issueDate = parseDdMMyyyy(issued);
  if (!issueDate || issueDate < birthDate) return { ok: false, reason: 'issue-date' };
  return { ok: true, facts: { idNumber: id, birthDate } };
}

/** Whole years of age on `day` ('YYYY-MM-DD'); someone born on 29 February turns a year older on 1 March. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  let age = y - by;
  if (m < bm || (m === bm && d < bd)) age--;
  return age;
}
