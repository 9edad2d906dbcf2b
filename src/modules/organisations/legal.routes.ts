import type { FastifyInstance } from 'fastify';

/**
 * The pages every public service owes its users, filled from the organisation's settings:
 * privacy notice, imprint and accessibility statement; and the page after a family deleted its data.
 */
export default async function legalRoutes(scope: FastifyInstance) {
  for (const page of ['privacy', 'imprint', 'accessibility', 'data-deleted'] as const) {
    scope.get(`/${page}`, async (request, reply) => reply.page(`legal/${page}.eta`, {
      title: request.t(`legal.${page === 'data-deleted' ? 'deleted' : page}.title`),
    }));
  }
}
