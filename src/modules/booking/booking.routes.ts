import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { idParam } from '../../lib/params.js';
import { parseForm } from '../../lib/forms.js';
import { parseId } from '../../lib/text.js';
import { INTERPRETER_LANGUAGES, LANGUAGES, languageName, nativeLanguageName } from '../../lib/i18n.js';
import { pick } from '../../lib/localized.js';
import type { FieldErrors } from '../../plugins/view.js';
import { type EventWithVenue, findPublicEvent, topicsAtEvent } from '../events/events.repository.js';
import { bookingAvailability } from '../events/events.rules.js';
import { topicsByIds } from '../organisations/organisations.repository.js';
import { type BookingDraft, STEPS, type Step, clearDraft, firstOpenStep, isStepReachable, readDraft, saveDraft } from './booking.draft.js';
import { confirmForm, contactForm, itineraryForm, needsForm, topicsForm } from './booking.forms.js';
import { BookingClosedError, EmailLimitError, SlotTakenError, confirmBooking, itinerariesFor, planVisit } from './booking.service.js';
import { MAX_TOPICS_PER_BOOKING } from './itinerary.rules.js';
import { describeChosenStops, describeItineraries, describeNoFit, stopsValue } from './itinerary.view.js';

declare module 'fastify' {
  interface FastifyRequest {
    bookingEvent: EventWithVenue;
    /** The family's answers so far for this event (empty when they start). */
    draft: BookingDraft;
  }
}

type Deps = { db: Db; clock: Clock; config: Config };

/**
 * The families' booking flow, one question per page: topics → time → contact → needs → check.
 * Answers are kept in the encrypted session until the last step confirms them in one transaction.
 */
export default async function bookingRoutes(scope: FastifyInstance, { db, clock, config }: Deps) {
  scope.decorateRequest('bookingEvent', null as unknown as EventWithVenue);
  scope.decorateRequest('draft', null as unknown as BookingDraft);
  scope.addHook('preHandler', async (request, reply) => {
    const event = await findPublicEvent(db, request.organisation.id, idParam(request.params, 'eventId'));
    if (!event) return reply.callNotFound();
    const availability = bookingAvailability(event, clock());
    if (availability !== 'open') return renderUnavailable(reply, availability);
    request.bookingEvent = event;
    request.draft = readDraft(request, event.id);
  });

  const stepUrl = (request: FastifyRequest, step: Step) =>
    `/${request.lang}/${request.organisation.slug}/events/${request.bookingEvent.id}/book/${step}`;

  /** Going back is always allowed; skipping ahead sends the family to the first unanswered question. */
  const reachable = (step: Step) => ({
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isStepReachable(request.draft, step)) return reply.redirect(stepUrl(request, firstOpenStep(request.draft)), 303);
    },
  });

  const afterAnswer = (request: FastifyRequest, reply: FastifyReply, draft: BookingDraft, next: Step) => {
    saveDraft(request, draft);
    const changing = (request.body as { change?: string }).change === '1';
    const target = changing && firstOpenStep(draft) === 'check' ? 'check' : next;
    return reply.redirect(stepUrl(request, isStepReachable(draft, target) ? target : firstOpenStep(draft)), 303);
  };

  const common = (request: FastifyRequest, step: Step, extra: Record<string, unknown>) => ({
    event: request.bookingEvent,
    organisation: request.organisation,
    step,
    action: stepUrl(request, step),
    backUrl: backUrl(request, step),
    change: (request.query as { change?: string }).change === '1' || (request.body as { change?: string } | undefined)?.change === '1',
    ...extra,
  });

  const backUrl = (request: FastifyRequest, step: Step) => {
    const index = STEPS.indexOf(step);
    return index === 0
      ? `/${request.lang}/${request.organisation.slug}/events/${request.bookingEvent.id}`
      : stepUrl(request, STEPS[index - 1]!);
  };

  // 1. Topics
  const renderTopics = async (request: FastifyRequest, reply: FastifyReply, selected: number[], errors: FieldErrors = {}) => {
    const topics = await topicsAtEvent(db, request.bookingEvent.id);
    return reply.page('booking/topics.eta', common(request, 'topics', {
      title: request.t('booking.topics.heading'), topics, selected, errors, maxTopics: MAX_TOPICS_PER_BOOKING,
    }), hasErrors(errors) ? 422 : 200);
  };
  scope.get('/topics', async (request, reply) => {
    const { draft } = request;
    return renderTopics(request, reply, draft.topicIds ?? []);
  });
  scope.post('/topics', async (request, reply) => {
    const { draft } = request;
    const form = parseForm(topicsForm, request.body);
    const offered = new Set((await topicsAtEvent(db, request.bookingEvent.id)).map((t) => t.id));
    if (!form.ok) return renderTopics(request, reply, postedTopicIds(request.body), form.errors);
    const topicIds = [...new Set(form.data.topics)].filter((id) => offered.has(id));
    if (topicIds.length === 0) return renderTopics(request, reply, [], { topics: 'booking.topics.errors.required' });
    const unchanged = draft.topicIds?.slice().sort().join() === topicIds.slice().sort().join();
    return afterAnswer(request, reply, { ...draft, topicIds, stops: unchanged ? draft.stops : undefined }, 'time');
  });

  // 2. Time (for several topics: a back-to-back itinerary)
  const renderTime = async (request: FastifyRequest, reply: FastifyReply, draft: BookingDraft, errors: FieldErrors = {}, status?: number, view = 'booking/time.eta') => {
    const topicIds = draft.topicIds ?? [];
    const topics = await topicsByIds(db, request.organisation.id, topicIds);
    const { itineraries, noFit } = await planVisit(db, request.bookingEvent.id, topicIds, clock());
    const choices = await describeItineraries(db, request.bookingEvent.id, itineraries, topics, request.lang);
    const selected = draft.stops && stopsValue(draft.stops);
    return reply.page(view, common(request, 'time', {
      title: request.t(view === 'booking/time.eta' ? 'booking.time.heading' : 'booking.taken.heading'),
      choices, selected, errors, topicNames: [...topics.values()].map((t) => pick(t.name, request.lang)),
      noFit: noFit && describeNoFit(noFit, topicIds, topics, request.lang),
      topicsUrl: stepUrl(request, 'topics'),
      action: stepUrl(request, 'time'),
    }), status ?? (hasErrors(errors) ? 422 : 200));
  };
  scope.get('/time', reachable('time'), async (request, reply) => {
    const { draft } = request;
    return renderTime(request, reply, draft);
  });
  scope.post('/time', reachable('time'), async (request, reply) => {
    const { draft } = request;
    const form = parseForm(itineraryForm, request.body);
    if (!form.ok) return renderTime(request, reply, draft, form.errors);
    const offered = await itinerariesFor(db, request.bookingEvent.id, draft.topicIds!, clock());
    const chosen = stopsValue(form.data.itinerary);
    const stillFree = offered.some((itinerary) => stopsValue(itinerary.stops) === chosen);
    if (!stillFree) {
      return renderTime(request, reply, { ...draft, stops: undefined }, {}, 409, 'booking/taken.eta');
    }
    return afterAnswer(request, reply, { ...draft, stops: form.data.itinerary }, 'contact');
  });

  // 3. Contact: a name (or initials), optionally e-mail and phone
  const renderContact = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors: FieldErrors = {}) =>
    reply.page('booking/contact.eta', common(request, 'contact', {
      title: request.t('booking.contact.heading'), values, errors,
    }), hasErrors(errors) ? 422 : 200);
  scope.get('/contact', reachable('contact'), async (request, reply) => {
    const { draft } = request;
    return renderContact(request, reply, draft.contact ?? {});
  });
  scope.post('/contact', reachable('contact'), async (request, reply) => {
    const { draft } = request;
    const form = parseForm(contactForm, request.body);
    if (!form.ok) return renderContact(request, reply, submitted(request.body, ['name', 'email', 'phone']), form.errors);
    return afterAnswer(request, reply, { ...draft, contact: form.data }, 'needs');
  });

  // 4. Language and needs
  const renderNeeds = (request: FastifyRequest, reply: FastifyReply, values: Record<string, unknown>, errors: FieldErrors = {}) =>
    reply.page('booking/needs.eta', common(request, 'needs', {
      title: request.t('booking.needs.heading'),
      values,
      errors,
      languages: LANGUAGES.map((code) => ({ code, label: nativeLanguageName(code) })),
      interpreterLanguages: INTERPRETER_LANGUAGES.map((code) => ({ code, label: languageName(code, request.lang) }))
        .sort((a, b) => a.label.localeCompare(b.label, request.lang)),
    }), hasErrors(errors) ? 422 : 200);
  scope.get('/needs', reachable('needs'), async (request, reply) => {
    const { draft } = request;
    return renderNeeds(request, reply, draft.needs ?? { language: request.lang, interpreter: 'none' });
  });
  scope.post('/needs', reachable('needs'), async (request, reply) => {
    const { draft } = request;
    const form = parseForm(needsForm, request.body);
    if (!form.ok) {
      const values = submitted(request.body, ['language', 'interpreter', 'childcare', 'stepFree']);
      return renderNeeds(request, reply, { ...values, childcare: values.childcare === 'yes', stepFree: values.stepFree === 'yes' }, form.errors);
    }
    return afterAnswer(request, reply, { ...draft, needs: form.data }, 'check');
  });

  // 5. Check answers, consent, confirm
  const renderCheck = async (request: FastifyRequest, reply: FastifyReply, draft: BookingDraft, errors: FieldErrors = {}, status?: number) => {
    const topics = await topicsByIds(db, request.organisation.id, draft.topicIds!);
    const stops = await describeChosenStops(db, request.bookingEvent.id, draft.stops!, topics, request.lang);
    return reply.page('booking/check.eta', common(request, 'check', {
      title: request.t('booking.check.heading'),
      draft, stops, errors,
      languageLabel: nativeLanguageName(draft.needs!.language),
      interpreterLabel: draft.needs!.interpreter === 'none' ? null : languageName(draft.needs!.interpreter, request.lang),
      stepUrls: Object.fromEntries((['topics', 'time', 'contact', 'needs'] as Step[]).map((s) => [s, `${stepUrl(request, s)}?change=1`])),
    }), status ?? (hasErrors(errors) ? 422 : 200));
  };
  scope.get('/check', reachable('check'), async (request, reply) => {
    const { draft } = request;
    return renderCheck(request, reply, draft);
  });
  scope.post('/check', {
    ...reachable('check'),
    // Only confirmed bookings (the redirect to the new manage page) use up the address's allowance:
    // a slot just taken (409), a typo (422) or an expired draft sent back to the start do not.
    config: { limits: [{ name: 'booking', max: config.rateLimits.bookingsPerHour, windowMs: 3_600_000, counts: isConfirmation }] },
  }, async (request, reply) => {
    const { draft } = request;
    const form = parseForm(confirmForm, request.body);
    if (!form.ok) return renderCheck(request, reply, draft, form.errors);
    try {
      const booking = await confirmBooking(db, {
        event: request.bookingEvent,
        topicIds: draft.topicIds!,
        stops: draft.stops!,
        contact: draft.contact!,
        needs: draft.needs!,
        now: clock(),
        bookingsPerEmail: config.bookingsPerEmailPerEvent,
      });
      clearDraft(request);
      return reply.redirect(`/${request.lang}/${request.organisation.slug}/booking/${booking.manageToken}?confirmed=1`, 303);
    } catch (error) {
      if (error instanceof SlotTakenError) {
        const withoutTime = { ...draft, stops: undefined };
        saveDraft(request, withoutTime);
        return renderTime(request, reply, withoutTime, {}, 409, 'booking/taken.eta');
      }
      if (error instanceof BookingClosedError) return renderUnavailable(reply, error.reason);
      if (error instanceof EmailLimitError) {
        return renderCheck(request, reply, draft, { email: 'booking.check.errors.emailLimit' }, 429);
      }
      throw error;
    }
  });
}

const isConfirmation = (reply: FastifyReply) =>
  reply.statusCode === 303 && String(reply.getHeader('location') ?? '').includes('/booking/');

export function renderUnavailable(reply: FastifyReply, reason: string) {
  const request = reply.request;
  return reply.page('booking/unavailable.eta', {
    title: request.t(`booking.unavailable.${reason}.title`),
    reason,
    organisation: request.organisation,
  }, 409);
}

const hasErrors = (errors: FieldErrors) => Object.keys(errors).length > 0;

/** The topics a family ticked, to tick them again next to an error. */
function postedTopicIds(body: unknown): number[] {
  const posted = (body as { topics?: unknown } | undefined)?.topics;
  return (Array.isArray(posted) ? posted : [posted]).map(parseId).filter((id) => id > 0);
}

/** The raw values a family typed, to show them again next to the error: nothing they entered is lost. */
function submitted(body: unknown, fields: string[]): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof source[f] === 'string' ? (source[f] as string).slice(0, 300) : '']));
}
