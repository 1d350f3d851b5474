/** Words of the rating tablet: Vietnamese first, English below in small type. */
import { RATING_REASONS, type RatingLevel, type RatingReason } from '../../protocol/reports';

export const LEVELS: { level: RatingLevel; vi: string; en: string; color: string }[] = [
  { level: 4, vi: 'Rất hài lòng', en: 'Very satisfied', color: '#137333' },
  { level: 3, vi: 'Hài lòng', en: 'Satisfied', color: '#5bb974' },
  { level: 2, vi: 'Bình thường', en: 'Neutral', color: '#e8a200' },
  { level: 1, vi: 'Không hài lòng', en: 'Not satisfied', color: '#d93025' },
];

/**
 * Chips for a level: positive reasons with 3–4, negative with 1–2, from the
 * server's list (GET /api/ratings/reasons) when it answered, else the shared catalog.
 */
export function reasonsFor(level: RatingLevel, fromServer: unknown): RatingReason[] {
  const positive = level >= 3;
  const server = fromServer as { positive?: unknown; negative?: unknown } | null;
  const list = server && Array.isArray(positive ? server.positive : server.negative) ? ((positive ? server.positive : server.negative) as RatingReason[]) : null;
  const valid = list?.filter((r) => r && typeof r.id === 'string' && typeof r.label === 'string');
  return valid && valid.length > 0 ? valid : RATING_REASONS.filter((r) => r.positive === positive);
}
