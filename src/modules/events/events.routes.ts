import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { idParam } from '../../lib/params.js';
import { ZONE, berlinInstant, formatDate, formatTime } from '../../lib/dates.js';
import { pick } from '../../lib/localized.js';
import { findPublicEvent, listFreeSlots, listPublicEvents, topicsAtEvent } from './events.repository.js';
import { eventsFeed } from './events.feed.js';
import { bookingAvailability } from './events.rules.js';

/** The organisation's start page and one page per event. */
export default async function eventsRoutes(scope: FastifyInstance, { db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) {
  scope.get('/', async (request, reply) => {
    const now = clock();
    const today = DateTime.fromJSDate(now).setZone(ZONE).toISODate()!;
    const upcoming = await listPublicEvents(db, request.organisation.id, today);
    const free = await listFreeSlots(db, upcoming.map((e) => e.id), now);
    const events = upcoming.map((event) => ({
      ...event,
      availability: bookingAvailability(event, now),
      freeSlots: free.filter((s) => s.eventId === event.id).length,
    }));
    return reply.page('events/start.eta', {
      title: request.organisation.name,
      organisation: request.organisation,
      events,
    });
  });

  scope.get('/events.ics', async (request, reply) => {
    const today = DateTime.fromJSDate(clock()).setZone(ZONE).toISODate()!;
    const title = pick(request.organisation.eventTitle, request.lang);
    const feed = eventsFeed({
      title,
      cancelledNote: request.t('event.cancelledShort'),
      eventUrl: (id) => `${publicUrl}/${request.lang}/${request.organisation.slug}/events/${id}`,
      events: await listPublicEvents(db, request.organisation.id, DateTime.fromISO(today).minus({ days: 30 }).toISODate()!),
    });
    return reply.type('text/calendar; charset=utf-8').header('cache-control', 'public, max-age=900').send(feed);
  });

  scope.get('/easy-read', async (request, reply) =>
    reply.page('events/easy-read.eta', { title: request.t('easyRead.heading'), organisation: request.organisation }));

  scope.get('/events/:eventId', async (request, reply) => {
    const event = await findPublicEvent(db, request.organisation.id, idParam(request.params, 'eventId'));
    if (!event) return reply.callNotFound();
    const now = clock();
    const [topics, free] = await Promise.all([topicsAtEvent(db, event.id), listFreeSlots(db, [event.id], now)]);
    return reply.page('events/event.eta', {
      title: `${pick(request.organisation.eventTitle, request.lang)} – ${formatDate(event.localDate, request.lang)}`,
      organisation: request.organisation,
      event,
      hours: {
        from: formatTime(berlinInstant(event.localDate, event.startsLocal), request.lang),
        to: formatTime(berlinInstant(event.localDate, event.endsLocal), request.lang),
      },
      topics,
      availability: bookingAvailability(event, now),
      freeSlots: free.length,
      opensOn: formatDate(DateTime.fromJSDate(event.bookingOpensAt).setZone(ZONE).toISODate()!, request.lang),
    });
  });
}
