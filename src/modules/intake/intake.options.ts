/**
 * The closed answer lists of the intake checklist. Every answer is one of these codes: the record holds
 * no free text, and each list ends in "not asked" so that no default makes up an answer.
 */
export const RECORD_KINDS = ['recorded', 'declined', 'skipped'] as const;
export const OUTCOMES = ['completed', 'started', 'documents_missing', 'not_eligible', 'already_receiving', 'referred'] as const;
export const REFERRAL_TARGETS = [
  'jobcenter', 'familienkasse', 'wohngeldstelle', 'jugendamt', 'schuldnerberatung', 'migrationsberatung', 'fruehe_hilfen', 'other',
] as const;
export const HOUSEHOLDS = ['single_parent', 'couple', 'other', 'not_asked'] as const;
export const CHILDREN = ['1', '2', '3', '4_plus', 'not_asked'] as const;
export const YOUNGEST_AGES = ['0_2', '3_5', '6_9', '10_14', '15_17', '18_24', 'not_asked'] as const;
export const HEARD_VIA = [
  'flyer', 'qr_code', 'social_media', 'press', 'kita_school', 'jobcenter', 'family_centre', 'word_of_mouth', 'other', 'not_asked',
] as const;
export const FIRST_VISIT = ['yes', 'no', 'not_asked'] as const;
export const CONSULTATION_LANGUAGES = ['de', 'en', 'ar', 'fa', 'tr', 'uk', 'ru', 'ro', 'pl', 'ku', 'other'] as const;
/** Lower bounds of the 5-minute bands a consultation's length is stored in; 60 stands for an hour or more. */
export const DURATION_BANDS = [0, 5, 10, 15, 20, 25, 30, 35, 40, 45, 50, 55, 60] as const;

/** The band of a consultation that lasted so many minutes (rounded down to 5, capped at 60). */
export function durationBand(minutes: number): number {
  if (!Number.isFinite(minutes) || minutes < 0) return 0;
  return Math.min(60, Math.floor(minutes / 5) * 5);
}
