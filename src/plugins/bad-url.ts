import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { directionOf, isLanguage, languageFromHeader, translatorFor } from '../lib/i18n.js';

/**
 * Fastify's `frameworkErrors`: a path that is not valid UTF-8 (400) or holds a segment longer than any id,
 * slug or token (404). Fastify answers these before routing and hooks, with a bare reply that lacks our
 * decorators, so the error page is rendered through the instance here.
 */
export async function badUrlPage(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const app = request.server;
  const first = request.url.split('/')[1]?.split('?')[0];
  const lang = isLanguage(first) ? first : languageFromHeader(request.headers['accept-language']);
  const t = translatorFor(lang);
  const kind = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? '404' : '400';
  const html = await app.view('errors/error.eta', {
    kind, title: t(`errors.${kind}.title`), t, lang, dir: directionOf(lang), switcher: [], errors: {}, assetVersion: app.assetVersion,
  });
  // helmet's hooks do not run for these replies: the page's own strict headers.
  return reply.code(Number(kind)).type('text/html; charset=utf-8')
    .header('content-security-policy', "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
    .header('x-content-type-options', 'nosniff')
    .send(html);
}
