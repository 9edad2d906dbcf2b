import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { idParam } from '../../lib/params.js';
import { findEventForStaff } from '../events/events.staff.repository.js';
import { EVERYONE } from '../../web/staff-guard.js';
import type { LiveUpdates } from './live.js';
import { streamChanges } from './live.routes.js';

/** The change stream behind the front-desk board and the expert's queue. */
export default async function staffLiveRoutes(scope: FastifyInstance, { db, live }: { db: Db; live: LiveUpdates }) {
  scope.get('/events/:eventId/live', { sse: 'only', compress: false, config: { roles: EVERYONE } }, async (request, reply) => {
    const event = await findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));
    if (!event) return reply.code(404).send();
    await streamChanges(reply, live, event.id);
  });
}
