import type { FastifyInstance } from 'fastify';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { ZONE } from '../../lib/dates.js';
import { pick } from '../../lib/localized.js';
import { listPublicEvents } from './events.repository.js';
import { eventsFeed } from './events.feed.js';

/** The organisation's calendar feed and its explanation in easy-read language. */
export default async function eventsRoutes(scope: FastifyInstance, { db, clock, publicUrl }: { db: Db; clock: Clock; publicUrl: string }) {
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
}
