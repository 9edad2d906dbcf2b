import type { TFunction } from 'i18next';
import { formatList } from '../../lib/lists.js';
import {
  AGE_BANDS, BAND_KEYS, type ChoiceQuestion, QUESTIONS, type Question, type StoredAnswers, isAsked, isChoiceQuestion,
} from './precheck.questions.js';

export type SummaryRow = { label: string; value: string; href: string };

/** The answers as the family gave them, each with a link to change it; "I don't know" reads as such. */
export function answerSummary(
  answers: StoredAnswers, t: TFunction, lang: string, changeUrl: (q: Question) => string, choiceLabel: (q: ChoiceQuestion, value: string) => string,
): SummaryRow[] {
  return QUESTIONS.filter((q) => isAsked(q, answers) && answers[q] !== undefined).map((q) => ({
    label: t(`precheck.questions.${q}.summary`),
    value: answerText(q, answers, t, lang, choiceLabel),
    href: changeUrl(q),
  }));
}

/** Several children's answers are joined the way the language joins a list (with "،" in Arabic and Persian). */
function answerText(question: Question, answers: StoredAnswers, t: TFunction, lang: string, choiceLabel: (q: ChoiceQuestion, value: string) => string): string {
  const answer = answers[question];
  if (answer === 'unknown') return t('precheck.unknown');
  if (question === 'children' && typeof answer === 'object' && !Array.isArray(answer)) {
    const counted = AGE_BANDS.filter((band) => answer[band] > 0)
      .map((band) => t('precheck.summary.childrenInBand', { count: answer[band], band: t(`precheck.bands.${BAND_KEYS[band]}`) }));
    return counted.length ? formatList(counted, lang) : t('precheck.summary.noChildren');
  }
  if (question === 'maintenance' && Array.isArray(answer)) {
    return formatList(answer.map((value, i) => t('precheck.summary.maintenanceOfChild', { number: i + 1, answer: t(`precheck.summary.maintenance.${value}`) })), lang);
  }
  return isChoiceQuestion(question) ? choiceLabel(question, String(answer)) : '';
}
