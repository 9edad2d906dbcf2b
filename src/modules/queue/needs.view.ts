import type { FastifyRequest } from 'fastify';
import { inBerlin } from '../../lib/dates.js';
import { languageName } from '../../lib/i18n.js';

export type FamilyNeeds = { interpreterLanguage: string | null; childcare: boolean; stepFree: boolean };

/** A family's needs as staff read them, languages by their name in the page's language: "Dolmetschen: Arabisch · Kinderbetreuung". */
function describeNeeds(request: FastifyRequest, needs: FamilyNeeds | null): string {
  if (!needs) return '';
  return [
    needs.interpreterLanguage
      ? request.t('frontDesk.needs.interpreterFor', { language: languageName(needs.interpreterLanguage, request.lang) })
      : '',
    needs.childcare ? request.t('frontDesk.needs.childcare') : '',
    needs.stepFree ? request.t('frontDesk.needs.stepFree') : '',
  ].filter(Boolean).join(' · ');
}

/** Helpers the front desk's pages use to show languages and needs. */
export const needsHelpers = (request: FastifyRequest) => ({
  needsText: (needs: FamilyNeeds | null) => describeNeeds(request, needs),
  languageName: (code: string) => languageName(code, request.lang),
});

export type NeedsTable = {
  /** Berlin hours with at least one appointment, "14" for 14:00–14:59. */
  hours: string[];
  rows: Array<{ need: 'interpreter' | 'childcare' | 'stepFree'; language?: string; byHour: number[]; families: number }>;
};

/**
 * Counts the families with each need per hour of the day, an interpreter per language: a family
 * counts once in every hour in which one of its appointments starts, and once in the total.
 */
export function needsByHour(families: ReadonlyArray<FamilyNeeds & { times: Date[] }>): NeedsTable {
  const hourOf = (instant: Date) => inBerlin(instant).toFormat('HH');
  const hours = [...new Set(families.flatMap((f) => f.times.map(hourOf)))].sort();
  const row = (need: NeedsTable['rows'][number]['need'], members: typeof families, language?: string) => ({
    need, language, families: members.length,
    byHour: hours.map((hour) => members.filter((f) => f.times.some((t) => hourOf(t) === hour)).length),
  });
  const languages = [...new Set(families.map((f) => f.interpreterLanguage).filter((l): l is string => Boolean(l)))].sort();
  return {
    hours,
    rows: [
      ...languages.map((language) => row('interpreter', families.filter((f) => f.interpreterLanguage === language), language)),
      row('childcare', families.filter((f) => f.childcare)),
      row('stepFree', families.filter((f) => f.stepFree)),
    ],
  };
}
