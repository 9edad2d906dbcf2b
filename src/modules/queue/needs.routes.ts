import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { idParam } from '../../lib/params.js';
import { findEventForStaff } from '../events/events.staff.repository.js';
import { staffBase } from '../../web/staff-guard.js';
import { familiesToPhone, needsOfEvent } from '../booking/needs.repository.js';
import { needsByHour, needsHelpers } from './needs.view.js';

/**
 * The needs of an event's families at a glance, so that coordinators and the front desk can book
 * interpreters and childcare per hour; and the families without an e-mail address, with their phone.
 */
export default async function needsRoutes(scope: FastifyInstance, { db }: { db: Db }) {
  scope.get('/events/:eventId/needs', { config: { roles: ['coordinator', 'desk'] } }, async (request, reply) => {
    const event = await findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));
    if (!event) return reply.callNotFound();
    const [families, toPhone] = await Promise.all([
      needsOfEvent(db, event.id),
      familiesToPhone(db, event.id, event.status === 'cancelled' ? 'cancelled' : 'confirmed'),
    ]);
    const base = `${staffBase(request)}/events/${event.id}`;
    return reply.page('frontdesk/needs.eta', {
      title: request.t('frontDesk.needsSummary.title'), event, table: needsByHour(families), familyCount: families.length, toPhone,
      boardUrl: `${base}/board`, eventUrl: request.staff.role === 'coordinator' ? base : undefined, ...needsHelpers(request),
    });
  });
}
