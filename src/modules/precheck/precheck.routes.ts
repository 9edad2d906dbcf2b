import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { berlinDate } from '../../lib/dates.js';
import { setFlash, takeFlash } from '../../lib/flash.js';
import { clearFormState, formStateFor, rejectForm } from '../../lib/form-state.js';
import { formatEuros } from '../../lib/money.js';
import { pick } from '../../lib/localized.js';
import { verifiedAmount } from '../benefits/rules.js';
import { bandField, childField, parseAnswer } from './precheck.forms.js';
import { nextBookingOffer } from './precheck.offer.js';
import {
  AGE_BANDS, BAND_KEYS, CHOICES, type ChoiceQuestion, MAINTENANCE, MAX_CHILDREN_PER_BAND, QUESTIONS, type Question, RENT_BAND_EUROS, type StoredAnswers, firstOpenQuestion,
  isAsked, isChoiceQuestion, isQuestion, maintenanceChildren, nextQuestion, previousQuestion, withoutUnasked,
} from './precheck.questions.js';
import { describeResult } from './precheck.result.js';
import { answerSummary } from './precheck.summary.js';
import { forgetAnswers, readAnswers, saveAnswers } from './precheck.session.js';

/**
 * "What could we be entitled to?": one question per page, the answers only in the encrypted session cookie,
 * then the benefits that may apply and a button that starts the booking with their topics chosen.
 */
export default async function precheckRoutes(scope: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  const base = (request: FastifyRequest) => `/${request.lang}/${request.organisation.slug}/check`;
  const questionUrl = (request: FastifyRequest, question: Question) => `${base(request)}/${question}`;
  const resultUrl = (request: FastifyRequest) => `${base(request)}/result`;
  const isChanging = (request: FastifyRequest) =>
    (request.query as { change?: string }).change === '1' || (request.body as { change?: string } | undefined)?.change === '1';

  scope.get('/check', async (request, reply) => {
    const answers = readAnswers(request);
    return reply.page('precheck/start.eta', {
      title: request.t('precheck.start.heading'),
      firstUrl: questionUrl(request, 'household'),
      resultUrl: firstOpenQuestion(answers) === undefined ? resultUrl(request) : undefined,
      startUrl: `/${request.lang}/${request.organisation.slug}`,
      flash: takeFlash(request),
    });
  });

  scope.get<{ Params: { question: string } }>('/check/:question', async (request, reply) => {
    const { question } = request.params;
    if (question === 'result') return showResult(request, reply);
    if (!isQuestion(question)) return reply.callNotFound();
    const answers = readAnswers(request);
    if (!isAsked(question, answers)) return reply.redirect(openOrResult(request, answers), 303);
    const state = formStateFor(request);
    const previous = previousQuestion(question, answers);
    return reply.page(`precheck/${isChoiceQuestion(question) ? 'choice' : question}.eta`, {
      title: request.t(`precheck.questions.${question}.heading`),
      question,
      action: questionUrl(request, question),
      backUrl: isChanging(request) ? resultUrl(request) : previous ? questionUrl(request, previous) : base(request),
      change: isChanging(request),
      errors: state?.errors ?? {},
      values: state?.values ?? storedValues(question, answers),
      ...questionData(request, question, answers),
    });
  });

  scope.post<{ Params: { question: string } }>('/check/:question', async (request, reply) => {
    const { question } = request.params;
    if (!isQuestion(question)) return reply.callNotFound();
    const answers = readAnswers(request);
    if (!isAsked(question, answers)) return reply.redirect(openOrResult(request, answers), 303);
    const parsed = parseAnswer(question, request.body, answers);
    const target = questionUrl(request, question) + (isChanging(request) ? '?change=1' : '');
    if (!parsed.ok) return rejectForm(request, reply, target, { errors: parsed.errors, values: request.body as Record<string, unknown> });
    const kept = withoutUnasked(parsed.answers);
    saveAnswers(request, kept);
    clearFormState(request);
    // A changed answer can open a question not asked before (a couple becomes a single parent): ask it first.
    const next = isChanging(request) ? firstOpenQuestion(kept) : nextQuestion(question, kept) ?? firstOpenQuestion(kept);
    return reply.redirect(next ? questionUrl(request, next) + (isChanging(request) ? '?change=1' : '') : resultUrl(request), 303);
  });

  scope.post('/check/forget', async (request, reply) => {
    forgetAnswers(request);
    setFlash(request, 'precheck.forgotten');
    return reply.redirect(base(request), 303);
  });

  const openOrResult = (request: FastifyRequest, answers: StoredAnswers) => {
    const open = firstOpenQuestion(answers);
    return open ? questionUrl(request, open) : resultUrl(request);
  };

  async function showResult(request: FastifyRequest, reply: FastifyReply) {
    const answers = readAnswers(request);
    const open = firstOpenQuestion(answers);
    if (open) return reply.redirect(questionUrl(request, open), 303);
    const now = clock();
    const { suggestions, notes } = describeResult(answers, berlinDate(now), request.t, request.lang);
    const toBook = suggestions.filter((s) => !s.excluded).map((s) => s.benefit);
    const offer = await nextBookingOffer(db, request.organisation.id, now, toBook);
    const eventBase = offer && `/${request.lang}/${request.organisation.slug}/events/${offer.event.id}`;
    return reply.page('precheck/result.eta', {
      title: request.t('precheck.result.heading'),
      suggestions,
      notes,
      offer: offer && {
        ...offer,
        title: pick(request.organisation.eventTitle, request.lang),
        missingNames: offer.missing.map((b) => request.t(`benefits.names.${b}`)),
        eventUrl: eventBase,
        bookUrl: `${eventBase}/book/topics`,
      },
      action: offer?.matching.length ? `${eventBase}/book/topics` : `${base(request)}/forget`,
      forgetUrl: `${base(request)}/forget`,
      startUrl: `/${request.lang}/${request.organisation.slug}`,
      backUrl: questionUrl(request, lastAsked(answers)),
      summary: answerSummary(answers, request.t, (q) => `${questionUrl(request, q)}?change=1`, (q, value) => choiceLabel(request, q, value)),
    });
  }

  /** A choice's words; the income bands name the Kinderzuschlag thresholds of today's rules row, or no amount without one. */
  function choiceLabel(request: FastifyRequest, question: ChoiceQuestion, value: string): string {
    const today = berlinDate(clock());
    const euros = (key: string) => {
      const amount = verifiedAmount('kinderzuschlag', key, today);
      return amount === undefined ? undefined : formatEuros(amount, request.lang);
    };
    const values = { low: euros('minIncomeSingle'), high: euros('minIncomeCouple'), rent: formatEuros(RENT_BAND_EUROS, request.lang) };
    const withoutAmounts = question === 'income' && value !== 'unknown' && (!values.low || !values.high);
    return request.t(`precheck.questions.${question}.options.${withoutAmounts ? `${value}Unknown` : value}`, values);
  }

  /** What each question page shows besides its heading: the choices, and the amounts from the rules table. */
  function questionData(request: FastifyRequest, question: Question, answers: StoredAnswers) {
    const t = request.t;
    const today = berlinDate(clock());
    if (isChoiceQuestion(question)) {
      return {
        choices: CHOICES[question].map((value) => ({ value, label: choiceLabel(request, question, value) })),
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
        const key = band && band !== '18-24' ? BAND_KEYS[band] : undefined;
        const amount = key ? verifiedAmount('unterhaltsvorschuss', key, today) : undefined;
        return {
          field: childField(index),
          legend: band ? t('precheck.questions.maintenance.child', { number: index + 1, band: t(`precheck.bands.${BAND_KEYS[band]}`) }) : t('precheck.questions.maintenance.allChildren'),
          choices: MAINTENANCE.map((value) => ({
            value,
            label: value === 'belowUvg' || value === 'aboveUvg'
              ? t(`precheck.questions.maintenance.options.${value}${amount === undefined ? '' : 'Amount'}`, amount === undefined ? {} : { amount: formatEuros(amount, request.lang) })
              : t(`precheck.questions.maintenance.options.${value}`),
          })),
        };
      }),
    };
  }
}

/** The form values a question page shows for an answer given before. */
function storedValues(question: Question, answers: StoredAnswers): Record<string, unknown> {
  const answer = answers[question];
  if (answer === undefined) return {};
  if (question === 'children') {
    return answer === 'unknown' ? {} : Object.fromEntries(AGE_BANDS.map((band) => [bandField(band), String((answer as Record<string, number>)[band])]));
  }
  if (question === 'maintenance') return Array.isArray(answer) ? Object.fromEntries(answer.map((value, i) => [childField(i), value])) : {};
  return { answer };
}

const lastAsked = (answers: StoredAnswers): Question => [...QUESTIONS].reverse().find((q) => isAsked(q, answers)) ?? 'rent';
