import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { formatDate, formatTime } from '../../lib/dates.js';
import { parseForm } from '../../lib/forms.js';
import { clearFormState, formStateFor, rejectForm } from '../../lib/form-state.js';
import { localDeskLabel } from '../../lib/desk-label.js';
import { formatList } from '../../lib/lists.js';
import { languageName, nativeLanguageName } from '../../lib/i18n.js';
import { pick } from '../../lib/localized.js';
import { hashToken, isManageTokenShape } from '../../lib/tokens.js';
import { bookingAvailability } from '../events/events.rules.js';
import { topicsByIds } from '../organisations/organisations.repository.js';
import { itineraryForm } from './booking.forms.js';
import { forgetBooked } from './booking.draft.js';
import { bookingCalendar } from './booking.ics.js';
import { bookingStops, findBookingByTokenHash } from './booking.repository.js';
import { renderUnavailable } from './booking.routes.js';
import { BookingClosedError, SlotTakenError, cancelBooking, itinerariesFor, rescheduleBooking } from './booking.service.js';
import { describeItineraries, stopsValue } from './itinerary.view.js';
import { deleteBookingNow } from './retention.js';
import { missedLookups } from '../../plugins/security.js';
import { qrSvg } from '../../lib/qr-svg.js';

type ManagedBooking = NonNullable<Awaited<ReturnType<typeof findBookingByTokenHash>>>;

declare module 'fastify' {
  interface FastifyRequest {
    managedBooking: ManagedBooking;
  }
}

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The private link this browser deleted last; it no longer finds a booking. */
    deletedBooking: string;
  }
}

type Deps = { db: Db; clock: Clock; config: Config };

/**
 * The family's private page, reached only by the link with its 128-bit token: confirmation,
 * documents to bring, calendar file, reschedule and cancel. Unknown links get the same 404 as any page.
 */
export default async function manageRoutes(scope: FastifyInstance, { db, clock, config }: Deps) {
  scope.decorateRequest('managedBooking', null as unknown as ManagedBooking);
  scope.addHook('preHandler', async (request, reply) => {
    const { token } = request.params as { token: string };
    const booking = isManageTokenShape(token)
      ? await findBookingByTokenHash(db, request.organisation.id, hashToken(token))
      : undefined;
    if (!booking) {
      // Deleting ends the link. In the browser that deleted it, Back or a second tap on "delete" lands where
      // the first one did; everyone else gets the same 404 as for any unknown link.
      if (request.session.get('deletedBooking') === token) return reply.redirect(`/${request.lang}/${request.organisation.slug}/data-deleted`, 303);
      return reply.callNotFound();
    }
    request.managedBooking = booking;
  });
  const lookupLimit = { limits: [missedLookups(config.rateLimits.lookupsPerMinute)] };
  const manageUrl = (request: FastifyRequest) =>
    `/${request.lang}/${request.organisation.slug}/booking/${(request.params as { token: string }).token}`;

  scope.get('/', { config: lookupLimit }, async (request, reply) => {
    const booking = request.managedBooking;
    const now = clock();
    const active = booking.status === 'confirmed';
    const stops = (await bookingStops(db, booking.id, active))
      .map((stop) => ({ ...stop, deskLabel: localDeskLabel(stop.deskLabel, request.lang) }));
    const topics = await topicsByIds(db, request.organisation.id, stops.map((s) => s.topic.id));
    const query = request.query as { confirmed?: string; rescheduled?: string; cancelled?: string };
    const url = manageUrl(request);
    return reply.page('booking/manage.eta', {
      title: request.t(query.confirmed ? 'booking.manage.confirmedHeading' : 'booking.manage.heading'),
      organisation: request.organisation,
      booking,
      event: booking.event,
      stops,
      topics: [...topics.values()],
      notice: query.confirmed ? 'confirmed' : query.rescheduled ? 'rescheduled' : query.cancelled ? 'cancelled' : null,
      qrSvg: active ? await qrSvg(booking.code) : null,
      canChange: active && bookingAvailability(booking.event, now) === 'open',
      canCancel: active && cancellable(booking, stops, now),
      stepFreeMissing: active && booking.stepFree && !booking.event.venue.stepFree,
      manageLink: `${config.publicUrl}${url}`,
      urls: { self: url, calendar: `${url}/calendar.ics`, cancel: `${url}/cancel`, reschedule: `${url}/reschedule`, event: `/${request.lang}/${request.organisation.slug}/events/${booking.eventId}` },
      languageLabel: nativeLanguageName(booking.language),
      interpreterLabel: booking.interpreterLanguage ? languageName(booking.interpreterLanguage, request.lang) : null,
    });
  });

  scope.get('/calendar.ics', { config: lookupLimit }, async (request, reply) => {
    const booking = request.managedBooking;
    if (booking.status !== 'confirmed') return reply.callNotFound();
    const stops = await bookingStops(db, booking.id, true);
    const venue = booking.event.venue;
    const calendar = bookingCalendar({
      uidPrefix: `booking-${booking.id}-${stops.map((s) => s.slotId).join('.')}`,
      title: pick(request.organisation.eventTitle, request.lang),
      location: `${venue.name}, ${venue.street}, ${venue.postcode} ${venue.town}`,
      note: request.t('booking.calendar.note'),
      stops: stops.map((s) => ({ topicName: pick(s.topic.name, request.lang), deskLabel: localDeskLabel(s.deskLabel, request.lang), startsAt: s.startsAt, endsAt: s.endsAt })),
    });
    return reply
      .type('text/calendar; charset=utf-8')
      .header('content-disposition', `attachment; filename="familientag-${booking.event.localDate}.ics"`)
      .send(calendar);
  });

  /** Whether the family may still cancel online: the booking stands, the day takes place and has not begun. */
  const canStillCancel = async (request: FastifyRequest) => {
    const booking = request.managedBooking;
    return booking.status === 'confirmed' && cancellable(booking, await bookingStops(db, booking.id, true), clock());
  };

  scope.get('/cancel', { config: lookupLimit }, async (request, reply) => {
    if (request.managedBooking.status !== 'confirmed') return reply.redirect(manageUrl(request), 303);
    return reply.page('booking/cancel.eta', {
      canCancel: await canStillCancel(request),
      title: request.t('booking.cancel.heading'),
      organisation: request.organisation,
      event: request.managedBooking.event,
      dateLabel: formatDate(request.managedBooking.event.localDate, request.lang),
      action: `${manageUrl(request)}/cancel`,
      backUrl: manageUrl(request),
    });
  });

  scope.post('/cancel', { config: lookupLimit }, async (request, reply) => {
    if (request.managedBooking.status !== 'confirmed') return reply.redirect(manageUrl(request), 303);
    // Too late to cancel online: the cancel page says so and gives the phone number.
    if (!await canStillCancel(request)) return reply.redirect(`${manageUrl(request)}/cancel`, 303);
    await cancelBooking(db, request.managedBooking.id, clock());
    forgetBooked(request, (request.params as { token: string }).token);
    return reply.redirect(`${manageUrl(request)}?cancelled=1`, 303);
  });

  scope.get('/delete', { config: lookupLimit }, async (request, reply) => reply.page('booking/delete.eta', {
    title: request.t('booking.delete.heading'),
    active: request.managedBooking.status === 'confirmed',
    dateLabel: formatDate(request.managedBooking.event.localDate, request.lang),
    action: `${manageUrl(request)}/delete`,
    backUrl: manageUrl(request),
  }));

  // Deleting also ends the private link, so the family lands on a page that needs no booking.
  scope.post('/delete', { config: lookupLimit }, async (request, reply) => {
    await deleteBookingNow(db, request.managedBooking.id, clock());
    forgetBooked(request, (request.params as { token: string }).token);
    request.session.set('deletedBooking', (request.params as { token: string }).token);
    return reply.redirect(`/${request.lang}/${request.organisation.slug}/data-deleted`, 303);
  });

  const renderReschedule = async (request: FastifyRequest, reply: FastifyReply) => {
    const booking = request.managedBooking;
    const state = formStateFor(request);
    const current = await bookingStops(db, booking.id, true);
    const topicIds = current.map((s) => s.topic.id);
    const topics = await topicsByIds(db, request.organisation.id, topicIds);
    const itineraries = await itinerariesFor(db, booking.eventId, topicIds, clock());
    const choices = (await describeItineraries(db, booking.eventId, itineraries, topics, request.lang))
      .map((choice) => ({ ...choice, stops: choice.stops.map((stop) => ({ ...stop, desk: localDeskLabel(stop.desk, request.lang) })) }));
    return reply.page('booking/reschedule.eta', {
      title: request.t('booking.reschedule.heading'),
      organisation: request.organisation,
      event: booking.event,
      choices,
      topicNames: [...topics.values()].map((t) => pick(t.name, request.lang)),
      currentList: formatList(current.map((s) => `${formatTime(s.startsAt, request.lang)} ${pick(s.topic.name, request.lang)}`), request.lang),
      action: `${manageUrl(request)}/reschedule`,
      backUrl: manageUrl(request),
      errors: state?.errors ?? {},
    });
  };

  /** On GET explains why nothing can change; a POST goes back to that GET (never a page as a POST's answer). */
  const ensureChangeable = (request: FastifyRequest, reply: FastifyReply) => {
    const booking = request.managedBooking;
    if (booking.status !== 'confirmed') return reply.redirect(manageUrl(request), 303);
    const availability = bookingAvailability(booking.event, clock());
    if (availability === 'open') return undefined;
    return request.method === 'GET' ? renderUnavailable(reply, availability) : reply.redirect(`${manageUrl(request)}/reschedule`, 303);
  };

  scope.get('/reschedule', { config: lookupLimit }, async (request, reply) => {
    return ensureChangeable(request, reply) ?? renderReschedule(request, reply);
  });

  scope.post('/reschedule', { config: lookupLimit }, async (request, reply) => {
    const blocked = ensureChangeable(request, reply);
    if (blocked) return blocked;
    const rescheduleUrl = `${manageUrl(request)}/reschedule`;
    const form = parseForm(itineraryForm, request.body);
    if (!form.ok) return rejectForm(request, reply, rescheduleUrl, { errors: form.errors });
    const booking = request.managedBooking;
    const done = () => {
      clearFormState(request);
      return reply.redirect(`${manageUrl(request)}?rescheduled=1`, 303);
    };
    // The same choice sent twice (a double tap, Back and send again): the booking already has these times.
    const holds = async () => stopsValue((await bookingStops(db, booking.id, true)).map((s) => ({ topicId: s.topic.id, slotId: s.slotId })))
      === stopsValue(form.data.itinerary);
    if (await holds()) return done();
    const current = await bookingStops(db, booking.id, true);
    try {
      await rescheduleBooking(db, {
        bookingId: booking.id,
        event: booking.event,
        topicIds: current.map((s) => s.topic.id),
        stops: form.data.itinerary,
        now: clock(),
      });
    } catch (error) {
      if (error instanceof SlotTakenError) {
        if (await holds()) return done();
        return rejectForm(request, reply, rescheduleUrl, { errors: { itinerary: 'booking.taken.lead' } });
      }
      if (error instanceof BookingClosedError) return reply.redirect(rescheduleUrl, 303);
      throw error;
    }
    return done();
  });
}

/** Online cancelling ends when the booking's first appointment begins, or when the day was called off. */
function cancellable(booking: ManagedBooking, activeStops: Array<{ startsAt: Date }>, now: Date): boolean {
  return booking.event.status !== 'cancelled' && (activeStops[0]?.startsAt ?? now) > now;
}
