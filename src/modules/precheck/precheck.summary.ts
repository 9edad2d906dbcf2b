import type { TFunction } from 'i18next';
import {
  AGE_BANDS, BAND_KEYS, type ChoiceQuestion, QUESTIONS, type Question, type StoredAnswers, isAsked, isChoiceQuestion,
} from './precheck.questions.js';

export type SummaryRow = { label: string; value: string; href: string };

/** The answers as the family gave them, each with a link to change it; "I don't know" reads as such. */
export function answerSummary(
  answers: StoredAnswers, t: TFunction, changeUrl: (q: Question) => string, choiceLabel: (q: ChoiceQuestion, value: string) => string,
): SummaryRow[] {
  return QUESTIONS.filter((q) => isAsked(q, answers) && answers[q] !== undefined).map((q) => ({
    label: t(`precheck.questions.${q}.summary`),
    value: answerText(q, answers, t, choiceLabel),
    href: changeUrl(q),
  }));
}

function answerText(question: Question, answers: StoredAnswers, t: TFunction, choiceLabel: (q: ChoiceQuestion, value: string) => string): string {
  const answer = answers[question];
  if (answer === 'unknown') return t('precheck.unknown');
  if (question === 'children' && typeof answer === 'object' && !Array.isArray(answer)) {
    const counted = AGE_BANDS.filter((band) => answer[band] > 0)
      .map((band) => t('precheck.summary.childrenInBand', { count: answer[band], band: t(`precheck.bands.${BAND_KEYS[band]}`) }));
    return counted.length ? counted.join(', ') : t('precheck.summary.noChildren');
  }
  if (question === 'maintenance' && Array.isArray(answer)) {
    return answer.map((value, i) => t('precheck.summary.maintenanceOfChild', { number: i + 1, answer: t(`precheck.summary.maintenance.${value}`) })).join(', ');
  }
  return isChoiceQuestion(question) ? choiceLabel(question, String(answer)) : '';
}
