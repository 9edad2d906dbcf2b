import { DateTime } from 'luxon';
import { availableLanguages, translatorFor } from '../../lib/i18n.js';
import { formatList } from '../../lib/lists.js';
import type { LocalizedList } from '../../lib/localized.js';
import { AMOUNTS, type AmountRow } from './amounts.data.js';
import { type BenefitKey, type IsoDate, covers } from './benefits.js';
import { type Condition, DOCUMENTS, type DocumentRule, type FamilyFact } from './documents.data.js';
import { RETROACTIVITY, type RetroactivityRow } from './retroactivity.data.js';

/**
 * What the rules know about a family: the facts its answers made true, the facts it was asked about at all
 * (a fact never asked is unknown, not false), and each child's age (undefined: no child's birth date known).
 */
export type FamilyFacts = { facts: ReadonlySet<FamilyFact>; answered: ReadonlySet<FamilyFact>; childAges?: readonly number[] };

/** A family nobody has asked about: every condition is open. */
export const UNKNOWN_FAMILY: FamilyFacts = { facts: new Set(), answered: new Set() };

export type RulesOn =
  | { covered: true; amounts: AmountRow; retroactivity: RetroactivityRow }
  | { covered: false };

/** The amounts and retroactivity rule in force on a date, or "not entered yet": never last year's row. */
export function rulesOn(benefit: BenefitKey, date: IsoDate): RulesOn {
  const amounts = AMOUNTS.find((row) => row.benefit === benefit && covers(row, date));
  const retroactivity = RETROACTIVITY.find((row) => row.benefit === benefit && covers(row, date));
  return amounts && retroactivity ? { covered: true, amounts, retroactivity } : { covered: false };
}

/** An amount on a date, unless no row covers the date or §10 could not verify it. */
export function verifiedAmount(benefit: BenefitKey, key: string, date: IsoDate): number | undefined {
  const row = AMOUNTS.find((r) => r.benefit === benefit && covers(r, date));
  if (!row || row.unverified?.includes(key)) return undefined;
  return row.values[key];
}

/** true or false when the answers decide it, undefined while they do not. */
export function conditionHolds(condition: Condition, family: FamilyFacts): boolean | undefined {
  switch (condition.kind) {
    case 'fact':
      if (family.facts.has(condition.fact)) return true;
      return family.answered.has(condition.fact) ? false : undefined;
    case 'childAge':
      if (!family.childAges) return undefined;
      return family.childAges.some((a) => a >= condition.from && (condition.to === undefined || a <= condition.to));
    case 'all': {
      const results = condition.of.map((c) => conditionHolds(c, family));
      if (results.includes(false)) return false;
      return results.includes(undefined) ? undefined : true;
    }
  }
}

function conditionLabelKeys(condition: Condition): string[] {
  switch (condition.kind) {
    case 'fact': return [condition.fact];
    case 'childAge': return [`age${condition.from}`];
    case 'all': return condition.of.flatMap(conditionLabelKeys);
  }
}

/** "Für Kinder ab 12 Jahren" for one condition, joined as the language joins a list ("… und …") for several. */
function conditionLabel(condition: Condition, lang: string): string {
  const t = translatorFor(lang);
  const labels = conditionLabelKeys(condition).map((key) => t(`documentConditions.${key}`));
  return formatList(labels.map((label, i) => (i === 0 ? label : label.charAt(0).toLocaleLowerCase(lang) + label.slice(1))), lang);
}

export type ChecklistItem = { id: string; text: string };

/**
 * The documents to bring for a benefit, in one language: those whose condition holds as they are, those whose
 * condition is still open introduced by it ("Für Kinder ab 12 Jahren: …"), those ruled out left away.
 */
export function documentChecklist(benefit: BenefitKey, family: FamilyFacts, lang: string): ChecklistItem[] {
  const t = translatorFor(lang);
  return DOCUMENTS[benefit].flatMap((doc: DocumentRule) => {
    const text = t(doc.text);
    const holds = doc.when ? conditionHolds(doc.when, family) : true;
    if (holds === false) return [];
    return [{ id: doc.id, text: holds ? text : `${conditionLabel(doc.when!, lang)}: ${text}` }];
  });
}

/** The list for a topic or booking, where nothing is known about the family; in every language offered. */
export function generalDocumentList(benefit: BenefitKey): LocalizedList {
  const list = (lang: string) => documentChecklist(benefit, UNKNOWN_FAMILY, lang).map((item) => item.text);
  return { ...Object.fromEntries(availableLanguages().map((lang) => [lang, list(lang)])), de: list('de') };
}

/** Whole years between a birth date and a day. */
export function ageOn(birthDate: IsoDate, date: IsoDate): number {
  return Math.floor(DateTime.fromISO(date).diff(DateTime.fromISO(birthDate), 'years').years);
}
