import type { TFunction } from 'i18next';
import { formatEuros } from '../../lib/money.js';
import type { IsoDate } from '../benefits/benefits.js';
import { verifiedAmount } from '../benefits/rules.js';
import { bandField, childField } from './precheck.forms.js';
import {
  AGE_BANDS, BAND_KEYS, CHOICES, type ChoiceQuestion, MAINTENANCE, MAX_CHILDREN_PER_BAND, type Question, RENT_BAND_EUROS,
  type StoredAnswers, isChoiceQuestion, maintenanceChildren,
} from './precheck.questions.js';

/** A choice's words; the income bands name the Kinderzuschlag thresholds of the day's rules row, or no amount without one. */
export function choiceLabel(t: TFunction, lang: string, today: IsoDate, question: ChoiceQuestion, value: string): string {
  const euros = (key: string) => {
    const amount = verifiedAmount('kinderzuschlag', key, today);
    return amount === undefined ? undefined : formatEuros(amount, lang);
  };
  const values = { low: euros('minIncomeSingle'), high: euros('minIncomeCouple'), rent: formatEuros(RENT_BAND_EUROS, lang) };
  const withoutAmounts = question === 'income' && value !== 'unknown' && (!values.low || !values.high);
  return t(`precheck.questions.${question}.options.${withoutAmounts ? `${value}Unknown` : value}`, values);
}

/** What each question page shows besides its heading: the choices, and the amounts from the rules table. */
export function questionData(t: TFunction, lang: string, today: IsoDate, question: Question, answers: StoredAnswers) {
  if (isChoiceQuestion(question)) {
    return {
      choices: CHOICES[question].map((value) => ({ value, label: choiceLabel(t, lang, today, question, value) })),
      hint: t(`precheck.questions.${question}.hint`, { defaultValue: '' }),
    };
  }
  if (question === 'children') {
    return {
      bands: AGE_BANDS.map((band) => ({ band, field: bandField(band), label: t(`precheck.bands.${BAND_KEYS[band]}`) })),
      counts: Array.from({ length: MAX_CHILDREN_PER_BAND + 1 }, (_, n) => n),
    };
  }
  return {
    children: maintenanceChildren(answers).map((band, index) => {
      const amount = band && band !== '18-24' ? verifiedAmount('unterhaltsvorschuss', BAND_KEYS[band], today) : undefined;
      const amountLabel = (value: 'belowUvg' | 'aboveUvg') => amount === undefined
        ? t(`precheck.questions.maintenance.options.${value}`)
        : t(`precheck.questions.maintenance.options.${value}Amount`, { amount: formatEuros(amount, lang) });
      return {
        field: childField(index),
        legend: band ? t('precheck.questions.maintenance.child', { number: index + 1, band: t(`precheck.bands.${BAND_KEYS[band]}`) }) : t('precheck.questions.maintenance.allChildren'),
        choices: MAINTENANCE.map((value) => ({
          value,
          label: value === 'belowUvg' || value === 'aboveUvg' ? amountLabel(value) : t(`precheck.questions.maintenance.options.${value}`),
        })),
      };
    }),
  };
}

/** The form values a question page shows for an answer given before. */
export function storedValues(question: Question, answers: StoredAnswers): Record<string, unknown> {
  const answer = answers[question];
  if (answer === undefined) return {};
  if (question === 'children') {
    return answer === 'unknown' ? {} : Object.fromEntries(AGE_BANDS.map((band) => [bandField(band), String((answer as Record<string, number>)[band])]));
  }
  if (question === 'maintenance') return Array.isArray(answer) ? Object.fromEntries(answer.map((value, i) => [childField(i), value])) : {};
  return { answer };
}
