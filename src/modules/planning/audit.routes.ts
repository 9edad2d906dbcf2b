import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { recentAudit } from '../audit/audit.js';

/** The latest staff actions on personal data, for the coordinator: who did what and when, never whose data. */
export default async function auditRoutes(scope: FastifyInstance, { db }: { db: Db }) {
  scope.get('/audit', { config: { roles: ['coordinator'] } }, async (request, reply) => reply.page('staff/audit.eta', {
    title: request.t('staff.audit.title'), entries: await recentAudit(db, request.organisation.id), localDate: berlinDate,
  }));
}
