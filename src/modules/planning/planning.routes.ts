import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { berlinDate, inBerlin } from '../../lib/dates.js';
import { postedIds, postedValues, setFlash, takeFlash } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { idParam } from '../../lib/params.js';
import { familiesWithoutEmail, noticesOfEvent } from '../booking/event-notices.js';
import { listVenues } from '../organisations/venues.repository.js';
import { staffBase } from '../../web/staff-guard.js';
import { listExperts } from '../staff/staff.repository.js';
import { countConfirmedBookings } from '../booking/availability.js';
import { desksWithTopics, findEventForStaff } from '../events/events.staff.repository.js';
import { deskSlotCounts, eventsOverview } from './overview.js';
import { MAX_ROTATION_VENUES, confirmForm, eventForm, eventHoursForm, moveForm, rotationForm } from './planning.forms.js';
import { PlanningError, changeEventHours, createDraftEvent, publishEvent } from '../events/event-plans.js';
import { cancelEvent, moveEvent, planRotation } from './planning.service.js';

type Options = { db: Db; clock: Clock };
const COORDINATOR = ['coordinator'] as const;
const config = { roles: COORDINATOR };
type StaffEvent = NonNullable<Awaited<ReturnType<typeof findEventForStaff>>>;

/** The coordinator's calendar: single events, a year from a rotation rule, and each event's page. */
export default async function planningRoutes(scope: FastifyInstance, { db, clock }: Options) {
  const eventsUrl = (request: FastifyRequest) => `${staffBase(request)}/events`;
  const eventUrl = (request: FastifyRequest, eventId: number) => `${eventsUrl(request)}/${eventId}`;
  const eventOf = (request: FastifyRequest) => findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));

  scope.get('/events', { config }, async (request, reply) => {
    const past = (request.query as { past?: string }).past === '1';
    const today = berlinDate(clock());
    const from = past ? DateTime.fromISO(today).minus({ years: 2 }).toISODate()! : today;
    const rows = await eventsOverview(db, request.organisation.id, from, past ? today : undefined);
    return reply.page('planning/events.eta', {
      title: request.t('planning.events.title'), events: past ? rows.reverse() : rows, past, flash: takeFlash(request),
    });
  });

  scope.get('/events/new', { config }, async (request, reply) => newEventPage(request, reply, {}, {}));

  scope.post('/events/new', { config }, async (request, reply) => {
    const values = postedValues(request.body);
    const form = parseForm(eventForm, request.body);
    if (!form.ok) return newEventPage(request, reply, values, form.errors, 400);
    if (!(await venueOfOrganisation(request, form.data.venueId))) return newEventPage(request, reply, values, { venueId: 'planning.errors.venue' }, 400);
    try {
      const id = await createDraftEvent(db, request.organisation, form.data, clock());
      setFlash(request, 'planning.flash.created');
      return reply.redirect(eventUrl(request, id), 303);
    } catch (error) {
      if (error instanceof PlanningError) return newEventPage(request, reply, values, { localDate: `planning.errors.${error.reason}` }, 409);
      throw error;
    }
  });

  scope.get('/events/plan', { config }, async (request, reply) => {
    const nextMonth = inBerlin(clock()).plus({ months: 1 }).toFormat('yyyy-MM');
    return rotationPage(request, reply, { week: '2', weekday: '3', startsLocal: '14:00', endsLocal: '18:00', firstMonth: nextMonth, months: '12' }, [], {});
  });

  scope.post('/events/plan', { config }, async (request, reply) => {
    const values = postedValues(request.body);
    const venueIds = postedIds(request.body, 'venueIds');
    const form = parseForm(rotationForm, request.body);
    if (!form.ok) return rotationPage(request, reply, values, venueIds, form.errors, 400);
    const known = new Set((await listVenues(db, request.organisation.id)).map((v) => v.id));
    if (!form.data.venueIds.every((id) => known.has(id))) return rotationPage(request, reply, values, venueIds, { venueIds: 'planning.errors.venue' }, 400);
    const copyFrom = idParam(request.body, 'copyDesksFrom');
    if (copyFrom > 0 && !(await eventsWithDesks(request)).some((e) => e.id === copyFrom)) {
      return rotationPage(request, reply, values, venueIds, { copyDesksFrom: 'planning.errors.copySource' }, 400);
    }
    const result = await planRotation(db, request.organisation, { ...form.data, copyDesksFrom: copyFrom > 0 ? copyFrom : undefined }, clock());
    setFlash(request, 'planning.flash.planned', { created: result.created.length, skipped: result.skipped.length });
    return reply.redirect(eventsUrl(request), 303);
  });

  scope.get('/events/:eventId', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    return eventPage(request, reply, event, { flash: takeFlash(request) });
  });

  scope.post('/events/:eventId', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const form = parseForm(eventHoursForm, request.body);
    if (!form.ok) return eventPage(request, reply, event, { errors: form.errors, hoursValues: postedValues(request.body) }, 400);
    return attempt(request, reply, event, 'planning.flash.hoursChanged', () => changeEventHours(db, request.organisation, event.id, form.data));
  });

  scope.post('/events/:eventId/publish', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    return attempt(request, reply, event, 'planning.flash.published', () => publishEvent(db, request.organisation.id, event.id));
  });

  scope.get('/events/:eventId/move', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    return movePage(request, reply, event, { localDate: event.localDate, venueId: String(event.venueId) }, {});
  });

  scope.post('/events/:eventId/move', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const values = postedValues(request.body);
    const form = parseForm(moveForm, request.body);
    if (!form.ok) return movePage(request, reply, event, values, form.errors, 400);
    if (!(await venueOfOrganisation(request, form.data.venueId))) return movePage(request, reply, event, values, { venueId: 'planning.errors.venue' }, 400);
    try {
      const notices = await moveEvent(db, {
        organisation: request.organisation, eventId: event.id, ...form.data, staffId: request.staff.id, now: clock(),
      });
      setFlash(request, 'planning.flash.moved', notices);
      return reply.redirect(eventUrl(request, event.id), 303);
    } catch (error) {
      if (error instanceof PlanningError) return movePage(request, reply, event, values, { localDate: `planning.errors.${error.reason}` }, 409);
      throw error;
    }
  });

  scope.get('/events/:eventId/cancel', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    return cancelPage(request, reply, event, {});
  });

  scope.post('/events/:eventId/cancel', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const form = parseForm(confirmForm, request.body);
    if (!form.ok) return cancelPage(request, reply, event, form.errors, 400);
    try {
      const notices = await cancelEvent(db, { organisationId: request.organisation.id, eventId: event.id, staffId: request.staff.id, now: clock() });
      setFlash(request, 'planning.flash.cancelled', notices);
      return reply.redirect(eventUrl(request, event.id), 303);
    } catch (error) {
      if (error instanceof PlanningError) return cancelPage(request, reply, event, { confirm: `planning.errors.${error.reason}` }, 409);
      throw error;
    }
  });

  /** Events of the last year and the coming ones that have desks to copy, newest first. */
  async function eventsWithDesks(request: FastifyRequest) {
    const from = DateTime.fromISO(berlinDate(clock())).minus({ years: 1 }).toISODate()!;
    return (await eventsOverview(db, request.organisation.id, from)).filter((e) => e.deskCount > 0).reverse();
  }

  async function venueOfOrganisation(request: FastifyRequest, venueId: number) {
    return (await listVenues(db, request.organisation.id)).some((venue) => venue.id === venueId);
  }

  async function attempt(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, flashKey: string, change: () => Promise<unknown>) {
    try {
      await change();
      setFlash(request, flashKey);
      return reply.redirect(eventUrl(request, event.id), 303);
    } catch (error) {
      if (error instanceof PlanningError) return eventPage(request, reply, event, { problem: `planning.errors.${error.reason}` }, 409);
      throw error;
    }
  }

  async function eventPage(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, extra: Record<string, unknown>, status = 200) {
    const desks = await desksWithTopics(db, event.id);
    const slotCounts = await deskSlotCounts(db, event.id);
    const experts = await listExperts(db, request.organisation.id);
    const bookingCount = await countConfirmedBookings(db, event.id);
    const notices = await noticesOfEvent(db, event.id);
    const withoutEmail = await familiesWithoutEmail(db, event.id, event.status === 'cancelled' ? 'cancelled' : 'confirmed');
    const copySources = desks.length ? [] : (await eventsWithDesks(request)).filter((other) => other.id !== event.id);
    return reply.page('planning/event.eta', {
      title: request.t('planning.event.title', { date: event.localDate }), event, desks, slotCounts, bookingCount, notices, withoutEmail, copySources,
      expertName: (id: number | null) => experts.find((e) => e.id === id)?.name,
      opensOn: berlinDate(event.bookingOpensAt), closesOn: berlinDate(event.bookingClosesAt),
      action: eventUrl(request, event.id), hoursValues: { startsLocal: event.startsLocal, endsLocal: event.endsLocal }, ...extra,
    }, status);
  }

  async function newEventPage(request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors: Record<string, string>, status = 200) {
    return reply.page('planning/new-event.eta', {
      title: request.t('planning.newEvent.title'), values, errors, venues: await listVenues(db, request.organisation.id),
      action: `${eventsUrl(request)}/new`,
    }, status);
  }

  async function rotationPage(
    request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, venueIds: number[], errors: Record<string, string>, status = 200,
  ) {
    const venues = await listVenues(db, request.organisation.id);
    return reply.page('planning/rotation.eta', {
      title: request.t('planning.rotation.title'), values, venueIds, errors, venues, copySources: await eventsWithDesks(request),
      positions: Array.from({ length: Math.min(MAX_ROTATION_VENUES, Math.max(venues.length, 1)) }, (_, i) => i),
      action: `${eventsUrl(request)}/plan`,
    }, status);
  }

  async function movePage(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, values: Record<string, string>, errors: Record<string, string>, status = 200) {
    return reply.page('planning/move.eta', {
      title: request.t('planning.move.title'), event, values, errors, venues: await listVenues(db, request.organisation.id),
      bookingCount: await countConfirmedBookings(db, event.id), withoutEmail: await familiesWithoutEmail(db, event.id, 'confirmed'),
      action: `${eventUrl(request, event.id)}/move`,
    }, status);
  }

  async function cancelPage(request: FastifyRequest, reply: FastifyReply, event: StaffEvent, errors: Record<string, string>, status = 200) {
    return reply.page('planning/cancel.eta', {
      title: request.t('planning.cancel.title'), event, errors,
      bookingCount: await countConfirmedBookings(db, event.id), withoutEmail: await familiesWithoutEmail(db, event.id, 'confirmed'),
      action: `${eventUrl(request, event.id)}/cancel`,
    }, status);
  }
}
