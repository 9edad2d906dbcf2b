import { DateTime } from 'luxon';
import { inLanguage } from '../../lib/dates.js';
import type { BenefitKey, IsoDate } from './benefits.js';
import { type FamilyFacts, rulesOn } from './rules.js';

/** A sentence of the locales (`benefits.deadlines.*`) with its values already formatted in the reader's language. */
export type Sentence = { key: string; values: Record<string, string | number> };

const month = (d: DateTime, lang: string) => inLanguage(d, lang).toLocaleString({ month: 'long', year: 'numeric' });
const day = (d: DateTime, lang: string) => inLanguage(d, lang).toLocaleString(DateTime.DATE_FULL);

/**
 * The deadline that matters, counted from today and the retroactivity rule in force today: how long the family
 * may wait without losing a month. Without a rule for today, it says the rules for this date are not entered yet.
 */
export function deadlineFor(
  benefit: BenefitKey, today: IsoDate, family: FamilyFacts & { birthDates?: readonly IsoDate[] }, lang: string,
): Sentence {
  const rules = rulesOn(benefit, today);
  if (!rules.covered) return { key: 'benefits.notEntered', values: { date: day(DateTime.fromISO(today), lang) } };
  const { retroactivity } = rules;
  const thisMonth = DateTime.fromISO(today).startOf('month');
  const endOfThisMonth = thisMonth.endOf('month');
  switch (benefit) {
    case 'kindergeld': {
      // Paid for the months before the application month, at most `monthsBack` of them: a child born since then
      // loses nothing until `monthsBack` months after its birth month.
      const windowStart = thisMonth.minus({ months: retroactivity.monthsBack });
      const births = (family.birthDates ?? []).map((d) => DateTime.fromISO(d).startOf('month')).filter((d) => d.isValid);
      const earliestBirth = births.length ? DateTime.min(...births) : undefined;
      const from = earliestBirth && earliestBirth > windowStart ? earliestBirth : windowStart;
      const by = from.plus({ months: retroactivity.monthsBack }).endOf('month');
      return { key: 'benefits.deadlines.kindergeld', values: { by: day(by, lang), from: month(from, lang), count: retroactivity.monthsBack } };
    }
    case 'kinderzuschlag':
      return { key: 'benefits.deadlines.kinderzuschlag', values: { month: month(thisMonth, lang), by: day(endOfThisMonth, lang), count: retroactivity.grantMonths ?? 0 } };
    case 'wohngeld':
      return { key: 'benefits.deadlines.wohngeld', values: { month: month(thisMonth, lang), by: day(endOfThisMonth, lang), count: retroactivity.grantMonths ?? 0 } };
    case 'unterhaltsvorschuss': {
      const back = thisMonth.minus({ months: retroactivity.monthsBack });
      const key = family.facts.has('maintenanceEfforts') ? 'benefits.deadlines.unterhaltsvorschussEfforts' : 'benefits.deadlines.unterhaltsvorschuss';
      return { key, values: { by: day(endOfThisMonth, lang), from: month(back, lang), month: month(thisMonth, lang) } };
    }
    case 'buergergeld':
      return { key: 'benefits.deadlines.buergergeld', values: { month: month(thisMonth, lang), by: day(endOfThisMonth, lang) } };
    case 'but':
      return { key: 'benefits.deadlines.but', values: { from: month(thisMonth.minus({ months: retroactivity.lapseMonths ?? 12 }), lang), count: retroactivity.lapseMonths ?? 12 } };
  }
}
