import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { isLanguage, languageFromHeader } from '../../lib/i18n.js';
import type { OrganisationDirectory } from './organisations.directory.js';
import type { Organisation } from './organisations.repository.js';

declare module 'fastify' {
  interface FastifyRequest {
    organisation: Organisation;
  }
}

/**
 * A county's address without its language (a flyer's QR code, word of mouth): the same page in the browser's
 * language. Anything else that does not start with a language is not found.
 */
export async function inBrowserLanguage(organisations: OrganisationDirectory, request: FastifyRequest, reply: FastifyReply, slug: string) {
  const readable = request.method === 'GET' || request.method === 'HEAD';
  const organisation = readable && !isLanguage(slug) && slug.length <= 64 && /^[a-z0-9-]+$/.test(slug) ? await organisations.bySlug(slug) : undefined;
  return organisation ? reply.redirect(`/${languageFromHeader(request.headers['accept-language'])}${request.url}`, 303) : reply.callNotFound();
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
      if (!isLanguage(lang)) return inBrowserLanguage(organisations, request, reply, lang ?? '');
      const organisation = org && org.length <= 64 ? await organisations.bySlug(org) : undefined;
      if (!organisation) return reply.callNotFound();
      request.organisation = organisation;
    });
  },
  { name: 'organisation-context' },
);
