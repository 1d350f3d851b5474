/** The rating reason catalog: what the tablet may send, and how stored ids are shown. */
import { RATING_REASONS, type RatingReason } from '../../protocol/reports';
import { DomainError } from '../../protocol/errors';

const norm = (s: string) => s.normalize('NFC').trim().toLocaleLowerCase('vi');

const byId = new Map(RATING_REASONS.map((r) => [r.id, r]));
// The tablet may send the id or the chip text it showed, in either language.
const byText = new Map<string, RatingReason>();
for (const r of RATING_REASONS) for (const text of [r.id, r.label, r.labelEn]) byText.set(norm(text), r);

/** Input chips → distinct reason ids, in the order given; an unknown chip is refused (nothing is stored). */
export function resolveReasons(input: readonly string[]): string[] {
  const ids: string[] = [];
  for (const text of input) {
    const r = byText.get(norm(text));
    if (!r) throw new DomainError('RATING_REASON_UNKNOWN', { reason: text.slice(0, 60) });
    if (!ids.includes(r.id)) ids.push(r.id);
  }
  return ids;
}

/** A stored id as a catalog entry; ids no longer in the catalog are shown as they are. */
export function reasonInfo(id: string): RatingReason {
  return byId.get(id) ?? { id, label: id, labelEn: id, positive: false };
}

/** Stored column value → ids, tolerant of a hand-edited or empty column. */
export function parseStoredReasons(json: string | null): string[] {
  if (!json || json === '[]') return [];
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}
