import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { RETRY_AFTER_SECONDS, databaseCause, isDatabaseUnavailable } from '../db/errors.js';
import { loggableError, requestSerializer } from '../lib/logging.js';

const KNOWN = new Set([400, 403, 404, 405, 413, 415, 429]);

/**
 * One place for every error page: translated, without internals, with the status the client needs.
 * 404s are rate-limited because an attacker could otherwise probe for valid links cheaply.
 */
export default fp(
  async (app: FastifyInstance, { lookupsPerMinute }: { lookupsPerMinute: number }) => {
    app.setErrorHandler(async (error: FastifyError, request, reply) => {
      if (isDatabaseUnavailable(error)) return answerDatabaseOutage(error, request, reply);
      const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
      if (status >= 500) {
        request.log.error({ error: loggableError(error), req: requestSerializer(request) }, 'request failed');
      }
      const kind = status === 403 && error.code?.startsWith('FST_CSRF') ? 'csrf' : KNOWN.has(status) ? String(status) : '500';
      const retryAfterSeconds = status === 429 ? (error as { retryAfterSeconds?: number }).retryAfterSeconds : undefined;
      return reply.page('errors/error.eta', { kind, title: request.t(`errors.${kind}.title`), retryAfterSeconds }, KNOWN.has(status) ? status : 500);
    });

    app.setNotFoundHandler(
      { preHandler: app.rateLimit({ max: lookupsPerMinute, timeWindow: '1 minute' }) },
      async (request, reply) => reply.page('errors/error.eta', { kind: '404', title: request.t('errors.404.title') }, 404),
    );
  },
  { name: 'errors', dependencies: ['view', 'security'] },
);

/**
 * The database is restarting or unreachable: not a fault, so no 500. The family gets a translated
 * 503 page at once with Retry-After; nothing of theirs changes (a booking draft stays in its cookie),
 * so sending the same form again works once the database is back. The log keeps the driver's code.
 */
function answerDatabaseOutage(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  request.log.error({ cause: databaseCause(error), req: requestSerializer(request) }, 'database unavailable');
  reply.header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store');
  return reply.page('errors/unavailable.eta', {
    title: request.t('errors.503.title'),
    // A link back to the same page; never a protocol-relative "//host" address.
    retryUrl: request.method === 'GET' && !request.url.startsWith('//') ? request.url : undefined,
  }, 503);
}
