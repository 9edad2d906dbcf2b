import type { FastifyRequest } from 'fastify';
import { databaseCause, pgError } from '../db/errors.js';

/** Private manage links carry a token in the path; it must never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/\/booking\/[^/?#]+/g, '/booking/[token]').replace(/\?.*$/, '?[query]');
}

export const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
});

/**
 * What of an error may be logged. Database errors carry the query's parameters (names, e-mail
 * addresses) in their message and properties, so only the SQL text, SQLSTATE and stack are kept.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error };
  const database = pgError(error);
  const cause = databaseCause(error);
  return {
    type: error.name,
    message: error.message.split('\nparams:')[0],
    ...(database ? { sqlstate: database.code, constraint: database.constraint } : {}),
    // The driver's own error (ECONNREFUSED, CONNECTION_CLOSED, a SQLSTATE) sits under drizzle's wrapper.
    ...(cause ? { cause } : {}),
    stack: error.stack?.split('\n').filter((line) => line.trimStart().startsWith('at ')).join('\n'),
  };
}
