import type { warningsVi } from './warnings.vi';

/** English texts of the admin API's warnings: the same keys as the Vietnamese catalog. */
export const warningsEn: Record<keyof typeof warningsVi, string> = {
  PREFIX_SOUNDS_ALIKE:
    'Warning: the announcements read prefix “{prefix}” (“{reading}”) like prefix “{other}” (“{otherReading}”) of the service “{service}” in the {region} accent. Citizens will hardly tell the two numbers apart; consider another letter.',
  PREFIX_NAMES_SOUND_ALIKE:
    'Note: prefix “{prefix}” and prefix “{other}” of the service “{service}” sound the same in the {region} accent when the letters are named (“{name}” – “{otherName}”). The announcements read them differently (“{reading}” – “{otherReading}”), but citizens and staff saying the number themselves may still confuse them; consider another letter.',
  'region.north': 'Northern',
  'region.south': 'Southern',
};
