/**
 * Warnings of the admin API: the change was saved, and here is something the admin should check.
 * Answers carry them as `warnings: [{ code, message, params }]`, the message translated like errors.
 */
import { format, type Lang } from './i18n';
import { warningsEn } from './i18n/warnings.en';
import { warningsVi } from './i18n/warnings.vi';
import { ALPHABET_READINGS, letterKey, prefixClashes, VI_LETTER_READINGS, type PrefixHolder, type VoiceRegion } from './letter-names';

export type WarningCode = 'PREFIX_SOUNDS_ALIKE' | 'PREFIX_NAMES_SOUND_ALIKE';

export interface AdminWarning {
  code: WarningCode;
  message: string;
  params: Record<string, string>;
}

type CatalogKey = keyof typeof warningsVi;

function text(key: CatalogKey, lang: Lang, params: Record<string, string> = {}): string {
  return format(lang === 'en' ? warningsEn[key] : warningsVi[key], params);
}

export function warning(code: WarningCode, lang: Lang, params: Record<string, string>): AdminWarning {
  return { code, message: text(code, lang, params), params };
}

const read = (prefix: string, region: VoiceRegion, readings: typeof VI_LETTER_READINGS) =>
  [...prefix.normalize('NFC')]
    .map((char) => {
      const key = letterKey(char);
      return key ? readings[region][key] : char;
    })
    .join(' ');

/**
 * A service saved with a prefix that would sound like another active service's prefix in the center's voice
 * region (protocol/letter-names.ts): one warning per such service. An inactive service issues nothing: no warning.
 */
export function prefixWarnings<T extends PrefixHolder & { name: string }>(candidate: T, services: Iterable<T>, region: VoiceRegion, lang: Lang): AdminWarning[] {
  if (!candidate.active || candidate.prefix === '') return [];
  return prefixClashes(candidate, services, region).map(({ service, voice }) =>
    warning(voice ? 'PREFIX_SOUNDS_ALIKE' : 'PREFIX_NAMES_SOUND_ALIKE', lang, {
      prefix: candidate.prefix,
      other: service.prefix,
      service: service.name,
      region: text(`region.${region}`, lang),
      reading: read(candidate.prefix, region, VI_LETTER_READINGS),
      otherReading: read(service.prefix, region, VI_LETTER_READINGS),
      name: read(candidate.prefix, region, ALPHABET_READINGS),
      otherName: read(service.prefix, region, ALPHABET_READINGS),
    }),
  );
}
