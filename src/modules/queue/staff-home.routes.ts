import type { FastifyInstance } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { berlinDate } from '../../lib/dates.js';
import { desksOfExpertOn, listEventsOn } from '../events/events.staff.repository.js';
import { writesMailFiles } from '../mail/dev-mail.routes.js';
import { EVERYONE } from '../../web/staff-guard.js';

/** The home page of each role: today's events with the day's pages, and an expert's own desks. */
export default async function staffHomeRoutes(scope: FastifyInstance, { db, clock, config }: { db: Db; clock: Clock; config: Config }) {
  scope.get('/', { config: { roles: EVERYONE } }, async (request, reply) => {
    const today = berlinDate(clock());
    const events = await listEventsOn(db, request.organisation.id, today);
    const desks = request.staff.role === 'expert' ? await desksOfExpertOn(db, request.staff.id, today) : [];
    const devMail = request.staff.role === 'coordinator' && writesMailFiles(config);
    return reply.page('staff/home.eta', { title: request.t('staff.home.title'), today, events, desks, devMail });
  });
}
