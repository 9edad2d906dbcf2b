import type { TFunction } from 'i18next';
import { formatEuros } from '../../lib/money.js';
import type { BenefitKey, IsoDate } from '../benefits/benefits.js';
import { type FamilyFacts, documentChecklist, rulesOn, verifiedAmount } from '../benefits/rules.js';
import type { FamilyFact } from '../benefits/documents.data.js';
import { type StoredAnswers, toRuleAnswers } from './precheck.questions.js';
import { type Indicative, precheck } from './precheck.rules.js';

export type SuggestionView = {
  benefit: BenefitKey;
  name: string;
  reason: string;
  amount: string;
  precedence: string[];
  urgent?: string;
  documents: string[];
  /** The rules name it only to say it does not apply here (Wohngeld next to Bürgergeld): nothing to book or bring. */
  excluded: boolean;
};

/** "maxRent3" → the Wohngeld sentence for 3 persons; the other keys have a sentence of their own. */
function amountSentence(benefit: BenefitKey, key: string, euros: number, t: TFunction, lang: string): string {
  const amount = formatEuros(euros, lang);
  const persons = /^maxRent(\d)$/.exec(key)?.[1];
  if (persons) return t('precheck.amount.wohngeld', { amount, count: Number(persons) });
  return t(`precheck.amount.${benefit}.${key}`, { amount });
}

function amountText(benefit: BenefitKey, amount: Indicative, t: TFunction, lang: string): string {
  if (amount.kind === 'amount') return amountSentence(benefit, amount.key, amount.euros, t, lang);
  return t(amount.kind === 'atDesk' ? 'precheck.amountAtDesk' : 'precheck.notEnteredYet');
}

/**
 * Some sentences name a figure of the dated rules table: a threshold or how many months back a benefit is paid.
 * Without a row for the date they say so instead of naming last year's figure.
 */
function ruleSentence(key: string, date: IsoDate, t: TFunction, lang: string): string {
  const monthsBack = (benefit: BenefitKey, field: 'monthsBack' | 'lapseMonths') => {
    const rules = rulesOn(benefit, date);
    return rules.covered ? rules.retroactivity[field] : undefined;
  };
  const withCount = (count: number | undefined) => (count === undefined ? t('precheck.urgent.notEnteredYet') : t(`precheck.${key}`, { count }));
  switch (key) {
    case 'urgent.kindergeld': return withCount(monthsBack('kindergeld', 'monthsBack'));
    case 'urgent.uvgMonthsBack': return withCount(monthsBack('unterhaltsvorschuss', 'monthsBack'));
    case 'urgent.butLapse': return withCount(monthsBack('but', 'lapseMonths'));
    case 'precedence.uvgFrom12': {
      const amount = verifiedAmount('unterhaltsvorschuss', 'minIncomeFrom12', date);
      return amount === undefined ? t('precheck.precedence.uvgFrom12NoAmount') : t(`precheck.${key}`, { amount: formatEuros(amount, lang) });
    }
    default: return t(`precheck.${key}`);
  }
}

/** What the answers tell about the documents: only facts a question settled, everything else stays open. */
function familyFacts(answers: StoredAnswers): FamilyFacts {
  const facts = new Set<FamilyFact>();
  const answered = new Set<FamilyFact>();
  const settle = (fact: FamilyFact, holds: boolean | undefined) => {
    if (holds === undefined) return;
    answered.add(fact);
    if (holds) facts.add(fact);
  };
  settle('tenant', answers.rent === 'upTo400' || answers.rent === 'over400' ? true : undefined);
  settle('otherParentElsewhere', answers.household === 'single' ? true : answers.household === 'couple' ? false : undefined);
  settle('routeSgb2', answers.buergergeld === 'yes' ? true : answers.buergergeld === 'no' ? false : undefined);
  if (Array.isArray(answers.maintenance)) {
    const low = answers.maintenance.some((m) => m === 'none' || m === 'belowUvg');
    settle('lowMaintenance', low ? true : answers.maintenance.every((m) => m === 'aboveUvg') ? false : undefined);
  }
  return { facts, answered };
}

/** The result page's suggestions in the reader's language, amounts from the dated rules table for `date`. */
export function describeResult(answers: StoredAnswers, date: IsoDate, t: TFunction, lang: string): { suggestions: SuggestionView[]; notes: string[] } {
  const result = precheck(toRuleAnswers(answers), date);
  const facts = familyFacts(answers);
  return {
    suggestions: result.suggestions.map((s) => {
      const excluded = s.excluded === true;
      return {
        benefit: s.benefit,
        excluded,
        name: t(`benefits.names.${s.benefit}`),
        reason: t(`precheck.${s.reason}`),
        amount: excluded ? '' : amountText(s.benefit, s.amount, t, lang),
        precedence: s.precedence.map((key) => ruleSentence(key, date, t, lang)),
        ...(s.urgent ? { urgent: ruleSentence(s.urgent, date, t, lang) } : {}),
        documents: excluded ? [] : documentChecklist(s.benefit, facts, lang).map((item) => item.text),
      };
    }),
    notes: result.notes.map((key) => t(`precheck.${key}`)),
  };
}
