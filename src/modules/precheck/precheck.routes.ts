import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { berlinDate } from '../../lib/dates.js';
import { setFlash, takeFlash } from '../../lib/flash.js';
import { clearFormState, formStateFor, rejectForm } from '../../lib/form-state.js';
import { formatList } from '../../lib/lists.js';
import { pick } from '../../lib/localized.js';
import { parseAnswer } from './precheck.forms.js';
import { nextBookingOffer } from './precheck.offer.js';
import {
  type Question, type StoredAnswers, firstOpenQuestion, isAsked, isChoiceQuestion, isQuestion, lastQuestion, nextQuestion, previousQuestion,
  withoutUnasked,
} from './precheck.questions.js';
import { choiceLabel, questionData, storedValues } from './precheck.pages.js';
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
      ...questionData(request.t, request.lang, berlinDate(clock()), question, answers),
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
        missingList: offer.missing.length ? formatList(offer.missing.map((b) => request.t(`benefits.names.${b}`)), request.lang) : undefined,
        eventUrl: eventBase,
        bookUrl: `${eventBase}/book/topics`,
      },
      // The forget form is always there; its action also asks the layout for a CSRF token, which the book form shares.
      action: `${base(request)}/forget`,
      startUrl: `/${request.lang}/${request.organisation.slug}`,
      backUrl: questionUrl(request, lastQuestion(answers)),
      summary: answerSummary(answers, request.t, request.lang, (q) => `${questionUrl(request, q)}?change=1`, (q, value) => choiceLabel(request.t, request.lang, berlinDate(now), q, value)),
    });
  }
}

