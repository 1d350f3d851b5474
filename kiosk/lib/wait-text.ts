/**
 * The estimated wait in the kiosk's and the phone page's words. Which wording fits (none, soon, minutes, a
 * range) is decided once for every surface in protocol/wait-estimate.ts; here each place picks its phrasing.
 */
import { waitWording, type EtaRange } from '../../protocol/wait-estimate';
import { t, type Lang, type MessageKey } from './i18n';

/** Keys for each wording, per place: the home tiles, the ticket screen, the phone page. */
const PHRASES = {
  tile: { none: 'etaNone', soon: 'etaSoon', minutes: 'eta', range: 'etaRange' },
  ticket: { none: 'etaNone', soon: 'etaSoon', minutes: 'minutes', range: 'minutesRange' },
  phone: { none: null, soon: 'phoneEtaSoon', minutes: 'phoneEta', range: 'phoneEtaRange' },
} as const satisfies Record<string, Record<'none' | 'soon' | 'minutes' | 'range', MessageKey | null>>;

/** The wait as text, or null when there is nothing to say (no estimate; on the phone, no wait). */
export function waitText(lang: Lang, place: keyof typeof PHRASES, etaMinutes: number | null | undefined, etaRange?: EtaRange | null): string | null {
  const w = waitWording(etaMinutes, etaRange);
  if (w.kind === 'unknown') return null;
  const key = PHRASES[place][w.kind];
  if (key === null) return null;
  if (w.kind === 'range') return t(lang, key, { low: w.low, high: w.high });
  if (w.kind === 'minutes') return t(lang, key, { n: w.minutes });
  return t(lang, key);
}
