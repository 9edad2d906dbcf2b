import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { recentAudit } from '../audit/audit.js';
import { staffNames } from '../staff/staff.repository.js';

/** The latest staff actions on personal data, for the coordinator: who did what and when, never whose data. */
export default async function auditRoutes(scope: FastifyInstance, { db }: { db: Db }) {
  scope.get('/audit', { config: { roles: ['coordinator'] } }, async (request, reply) => {
    const entries = await recentAudit(db, request.organisation.id);
    const names = await staffNames(db, entries.flatMap((entry) => entry.staffId ?? []));
    return reply.page('staff/audit.eta', {
      title: request.t('staff.audit.title'), localDate: berlinDate,
      entries: entries.map(({ staffId, ...entry }) => ({ ...entry, staffName: staffId === null ? null : names.get(staffId) ?? null })),
    });
  });
}
