import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { idParam } from '../../lib/params.js';
import { parseForm } from '../../lib/forms.js';
import { clearFormState, formStateFor, rejectForm } from '../../lib/form-state.js';
import { localDeskLabel } from '../../lib/desk-label.js';
import { formatList } from '../../lib/lists.js';
import { parseId } from '../../lib/text.js';
import { INTERPRETER_LANGUAGES, availableLanguages, languageName, nativeLanguageName } from '../../lib/i18n.js';
import { pick } from '../../lib/localized.js';
import { type EventWithVenue, findPublicEvent, topicsAtEvent } from '../events/events.repository.js';
import { bookingAvailability } from '../events/events.rules.js';
import { topicsByIds } from '../organisations/organisations.repository.js';
import {
  type BookingDraft, STEPS, type Step, bookedFor, finishDraft, firstOpenStep, isStepReachable, readDraft, saveDraft,
} from './booking.draft.js';
import { PHONE_MAX_LENGTH, confirmForm, contactForm, itineraryForm, needsForm, topicsForm } from './booking.forms.js';
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
  const confirmationUrl = (request: FastifyRequest, manageToken: string) =>
    `/${request.lang}/${request.organisation.slug}/booking/${manageToken}?confirmed=1`;
  const isChanging = (request: FastifyRequest) =>
    (request.query as { change?: string }).change === '1' || (request.body as { change?: string } | undefined)?.change === '1';

  /** A rejected answer goes back to its own page (Post/Redirect/Get), keeping "change" mode. */
  const reject = (request: FastifyRequest, reply: FastifyReply, step: Step, state: Parameters<typeof rejectForm>[3]) =>
    rejectForm(request, reply, stepUrl(request, step) + (isChanging(request) ? '?change=1' : ''), state);

  /** Going back is always allowed; skipping ahead sends the family to the first unanswered question. */
  const reachable = (step: Step) => ({
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      if (!isStepReachable(request.draft, step)) return reply.redirect(stepUrl(request, firstOpenStep(request.draft)), 303);
    },
  });

  const afterAnswer = (request: FastifyRequest, reply: FastifyReply, draft: BookingDraft, next: Step) => {
    saveDraft(request, draft);
    clearFormState(request);
    const target = isChanging(request) && firstOpenStep(draft) === 'check' ? 'check' : next;
    return reply.redirect(stepUrl(request, isStepReachable(draft, target) ? target : firstOpenStep(draft)), 303);
  };

  const common = (request: FastifyRequest, step: Step, extra: Record<string, unknown>) => ({
    event: request.bookingEvent,
    organisation: request.organisation,
    step,
    action: stepUrl(request, step),
    backUrl: backUrl(request, step),
    change: isChanging(request),
    ...extra,
  });

  const backUrl = (request: FastifyRequest, step: Step) => {
    const index = STEPS.indexOf(step);
    return index === 0
      ? `/${request.lang}/${request.organisation.slug}/events/${request.bookingEvent.id}`
      : stepUrl(request, STEPS[index - 1]!);
  };

  // 1. Topics. After a booking, an empty draft means "Back" from the confirmation: say it is booked.
  scope.get('/topics', async (request, reply) => {
    const { draft } = request;
    const state = formStateFor(request);
    const booked = bookedFor(request, request.bookingEvent.id);
    if (booked && !draft.topicIds?.length && !state && (request.query as { again?: string }).again !== '1') {
      return reply.page('booking/already-booked.eta', {
        title: request.t('booking.alreadyBooked.heading'),
        organisation: request.organisation,
        event: request.bookingEvent,
        bookingUrl: confirmationUrl(request, booked.manageToken).split('?')[0],
        againUrl: `${stepUrl(request, 'topics')}?again=1`,
      });
    }
    const topics = await topicsAtEvent(db, request.bookingEvent.id);
    const selected = state ? asIds(state.values.topics) : draft.topicIds ?? [];
    return reply.page('booking/topics.eta', common(request, 'topics', {
      title: request.t('booking.topics.heading'), topics, selected, errors: state?.errors ?? {}, maxTopics: MAX_TOPICS_PER_BOOKING,
    }));
  });
  scope.post('/topics', async (request, reply) => {
    const { draft } = request;
    const form = parseForm(topicsForm, request.body);
    const offered = new Set((await topicsAtEvent(db, request.bookingEvent.id)).map((t) => t.id));
    const ticked = { topics: asIds((request.body as { topics?: unknown } | undefined)?.topics).filter((id) => offered.has(id)) };
    if (!form.ok) return reject(request, reply, 'topics', { errors: form.errors, values: ticked });
    const topicIds = [...new Set(form.data.topics)].filter((id) => offered.has(id));
    if (topicIds.length === 0) return reject(request, reply, 'topics', { errors: { topics: 'booking.topics.errors.required' } });
    const unchanged = draft.topicIds?.slice().sort().join() === topicIds.slice().sort().join();
    return afterAnswer(request, reply, { ...draft, topicIds, stops: unchanged ? draft.stops : undefined }, 'time');
  });

  // 2. Time (for several topics: a back-to-back itinerary). "Just taken" is a variant of this page.
  scope.get('/time', reachable('time'), async (request, reply) => {
    const { draft } = request;
    const state = formStateFor(request);
    const taken = state?.notice === 'taken';
    const topicIds = draft.topicIds ?? [];
    const topics = await topicsByIds(db, request.organisation.id, topicIds);
    const { itineraries, noFit } = await planVisit(db, request.bookingEvent.id, topicIds, clock());
    const choices = (await describeItineraries(db, request.bookingEvent.id, itineraries, topics, request.lang))
      .map((choice) => ({ ...choice, stops: choice.stops.map((stop) => ({ ...stop, desk: localDeskLabel(stop.desk, request.lang) })) }));
    const topicNames = [...topics.values()].map((t) => pick(t.name, request.lang));
    return reply.page(taken ? 'booking/taken.eta' : 'booking/time.eta', common(request, 'time', {
      title: request.t(taken ? 'booking.taken.heading' : 'booking.time.heading'),
      choices,
      selected: draft.stops && stopsValue(draft.stops),
      errors: state?.errors ?? {},
      topicNames,
      topicList: formatList(topicNames, request.lang),
      noFit: noFit && describeNoFit(noFit, topicIds, topics, request.lang),
      topicsUrl: stepUrl(request, 'topics'),
    }));
  });
  scope.post('/time', reachable('time'), async (request, reply) => {
    const { draft } = request;
    const form = parseForm(itineraryForm, request.body);
    if (!form.ok) return reject(request, reply, 'time', { errors: form.errors });
    const offered = await itinerariesFor(db, request.bookingEvent.id, draft.topicIds!, clock());
    const chosen = stopsValue(form.data.itinerary);
    if (!offered.some((itinerary) => stopsValue(itinerary.stops) === chosen)) {
      saveDraft(request, { ...draft, stops: undefined });
      return rejectForm(request, reply, `${stepUrl(request, 'time')}?change=1`, { notice: 'taken' });
    }
    return afterAnswer(request, reply, { ...draft, stops: form.data.itinerary }, 'contact');
  });

  // 3. Contact: a name (or initials), optionally e-mail and phone
  scope.get('/contact', reachable('contact'), async (request, reply) => {
    const state = formStateFor(request);
    return reply.page('booking/contact.eta', common(request, 'contact', {
      title: request.t('booking.contact.heading'),
      values: state?.values ?? request.draft.contact ?? {},
      errors: state?.errors ?? {},
      phoneMaxLength: PHONE_MAX_LENGTH,
    }));
  });
  scope.post('/contact', reachable('contact'), async (request, reply) => {
    const form = parseForm(contactForm, request.body);
    if (!form.ok) return reject(request, reply, 'contact', { errors: form.errors, values: submitted(request.body, ['name', 'email', 'phone']) });
    return afterAnswer(request, reply, { ...request.draft, contact: form.data }, 'needs');
  });

  // 4. Language and needs
  scope.get('/needs', reachable('needs'), async (request, reply) => {
    const { draft } = request;
    const state = formStateFor(request);
    const values = state
      ? { ...state.values, childcare: state.values.childcare === 'yes', stepFree: state.values.stepFree === 'yes' }
      : draft.needs ?? { language: request.lang, interpreter: 'none' };
    return reply.page('booking/needs.eta', common(request, 'needs', {
      title: request.t('booking.needs.heading'),
      values,
      errors: state?.errors ?? {},
      writesMail: Boolean(draft.contact?.email),
      venueStepFree: request.bookingEvent.venue.stepFree,
      languages: availableLanguages().map((code) => ({ code, label: nativeLanguageName(code) })),
      interpreterLanguages: INTERPRETER_LANGUAGES.map((code) => ({ code, label: languageName(code, request.lang) }))
        .sort((a, b) => a.label.localeCompare(b.label, request.lang)),
    }));
  });
  scope.post('/needs', reachable('needs'), async (request, reply) => {
    const form = parseForm(needsForm, request.body);
    if (!form.ok) return reject(request, reply, 'needs', { errors: form.errors, values: submitted(request.body, ['language', 'interpreter', 'childcare', 'stepFree']) });
    return afterAnswer(request, reply, { ...request.draft, needs: form.data }, 'check');
  });

  // 5. Check answers, privacy notice (and consent for a health-related need), confirm
  scope.get('/check', reachable('check'), async (request, reply) => {
    const { draft } = request;
    const state = formStateFor(request);
    const topics = await topicsByIds(db, request.organisation.id, draft.topicIds!);
    const stops = (await describeChosenStops(db, request.bookingEvent.id, draft.stops!, topics, request.lang))
      .map((stop) => ({ ...stop, desk: localDeskLabel(stop.desk, request.lang) }));
    return reply.page('booking/check.eta', common(request, 'check', {
      title: request.t('booking.check.heading'),
      draft, stops,
      errors: state?.errors ?? {},
      values: state?.values ?? {},
      stepFreeMissing: draft.needs!.stepFree && !request.bookingEvent.venue.stepFree,
      languageLabel: nativeLanguageName(draft.needs!.language),
      interpreterLabel: draft.needs!.interpreter === 'none' ? null : languageName(draft.needs!.interpreter, request.lang),
      privacyUrl: `/${request.lang}/${request.organisation.slug}/privacy`,
      stepUrls: Object.fromEntries((['topics', 'time', 'contact', 'needs'] as Step[]).map((s) => [s, `${stepUrl(request, s)}?change=1`])),
    }));
  });
  scope.post('/check', {
    // A second tap after the booking was made (its draft is gone) is led to the booking.
    preHandler: async (request: FastifyRequest, reply: FastifyReply) => {
      const booked = bookedFor(request, request.bookingEvent.id);
      if (booked && !request.draft.topicIds?.length) return reply.redirect(confirmationUrl(request, booked.manageToken), 303);
      return reachable('check').preHandler(request, reply);
    },
    // Only confirmed bookings (the redirect to the new manage page) use up the address's allowance:
    // a slot just taken, a typo or an expired draft sent back to the start do not.
    config: { limits: [{ name: 'booking', max: config.rateLimits.bookingsPerHour, windowMs: 3_600_000, counts: isConfirmation }] },
  }, async (request, reply) => {
    const { draft } = request;
    const form = parseForm(confirmForm(draft.needs!.stepFree), request.body);
    if (!form.ok) return reject(request, reply, 'check', { errors: form.errors, values: submitted(request.body, ['consent', 'healthConsent']) });
    try {
      const booking = await confirmBooking(db, {
        event: request.bookingEvent,
        topicIds: draft.topicIds!,
        stops: draft.stops!,
        contact: draft.contact!,
        needs: draft.needs!,
        now: clock(),
        bookingsPerEmail: config.bookingsPerEmailPerEvent,
        manageToken: draft.manageToken,
      });
      finishDraft(request, request.bookingEvent.id, booking.manageToken);
      clearFormState(request);
      return reply.redirect(confirmationUrl(request, booking.manageToken), 303);
    } catch (error) {
      if (error instanceof SlotTakenError) {
        saveDraft(request, { ...draft, stops: undefined });
        return rejectForm(request, reply, `${stepUrl(request, 'time')}?change=1`, { notice: 'taken' });
      }
      // The page itself explains why booking stopped (its preHandler finds the event closed).
      if (error instanceof BookingClosedError) return reply.redirect(stepUrl(request, 'check'), 303);
      if (error instanceof EmailLimitError) {
        return reject(request, reply, 'check', { errors: { email: 'booking.check.errors.emailLimit' } });
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

const asIds = (value: unknown): number[] =>
  (value === undefined ? [] : [value].flat()).map(parseId).filter((id) => id > 0);

/** The raw values a family typed, to show them again next to the error: nothing they entered is lost. */
function submitted(body: unknown, fields: string[]): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.map((f) => [f, typeof source[f] === 'string' ? (source[f] as string).slice(0, 300) : '']));
}
