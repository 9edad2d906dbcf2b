import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { idParam } from '../../lib/params.js';
import { berlinDate, formatDate, formatLocalTime } from '../../lib/dates.js';
import { pick } from '../../lib/localized.js';
import { findPublicEvent, listPublicEvents, topicsAtEvent } from '../events/events.repository.js';
import { bookingAvailability } from '../events/events.rules.js';
import { freeSlotCounts } from './availability.js';

/** An event's opening hours as the language writes times (its own clock and digits), for `event.hours`. */
const hoursOf = (event: { localDate: string; startsLocal: string; endsLocal: string }, lang: string) => ({
  from: formatLocalTime(event.localDate, event.startsLocal, lang),
  to: formatLocalTime(event.localDate, event.endsLocal, lang),
});

/** The organisation's start page and one page per event, with how many times are still free. */
export default async function eventPagesRoutes(scope: FastifyInstance, { db, clock }: { db: Db; clock: Clock }) {
  scope.get('/', async (request, reply) => {
    const now = clock();
    const today = berlinDate(now);
    const upcoming = await listPublicEvents(db, request.organisation.id, today);
    const free = await freeSlotCounts(db, upcoming.map((e) => e.id), now);
    const events = upcoming.map((event) => ({
      ...event,
      hours: hoursOf(event, request.lang),
      availability: bookingAvailability(event, now),
      freeSlots: free.get(event.id) ?? 0,
    }));
    return reply.page('events/start.eta', {
      title: request.organisation.name,
      organisation: request.organisation,
      events,
    });
  });

  scope.get('/events/:eventId', async (request, reply) => {
    const event = await findPublicEvent(db, request.organisation.id, idParam(request.params, 'eventId'));
    if (!event) return reply.callNotFound();
    const now = clock();
    const [topics, free] = await Promise.all([topicsAtEvent(db, event.id), freeSlotCounts(db, [event.id], now)]);
    return reply.page('events/event.eta', {
      title: `${pick(request.organisation.eventTitle, request.lang)} – ${formatDate(event.localDate, request.lang)}`,
      organisation: request.organisation,
      event,
      hours: hoursOf(event, request.lang),
      topics,
      availability: bookingAvailability(event, now),
      freeSlots: free.get(event.id) ?? 0,
      opensOn: formatDate(berlinDate(event.bookingOpensAt), request.lang),
    });
  });
}
