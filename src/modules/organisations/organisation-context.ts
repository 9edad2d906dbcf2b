import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { isLanguage } from '../../lib/i18n.js';
import type { OrganisationDirectory } from './organisations.directory.js';
import type { Organisation } from './organisations.repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    organisation: Organisation;
  }
}

/**
 * Every public URL starts with /:lang/:org. This resolves the organisation (tenant) once per request;
 * everything below it only ever sees that organisation's data.
 */
export default fp(
  async (scope: FastifyInstance, { organisations }: { organisations: OrganisationDirectory }) => {
    scope.decorateRequest('organisation', null as unknown as Organisation);
    scope.addHook('preHandler', async (request, reply) => {
      const { lang, org } = request.params as { lang?: string; org?: string };
      const organisation = isLanguage(lang) && org && org.length <= 64 ? await organisations.bySlug(org) : undefined;
      if (!organisation) return reply.callNotFound();
      request.organisation = organisation;
    });
  },
  { name: 'organisation-context' },
);
