import type { FastifyRequest } from 'fastify';
import { databaseCause, pgError } from '../db/errors.js';

/**
 * Manage links (/booking/<token>) and ticket pages (/ticket/<token>) carry a secret in the path; it must never
 * reach a log line. Any other path segment that looks like a token (16+ URL-safe characters with a digit or
 * mixed case) goes too, whatever route it was typed under; so does the query string.
 */
export function redactUrl(url: string): string {
  const [path = ''] = url.split('?');
  const redacted = path
    .split('/')
    .map((segment, i, all) => (isSecretSegment(segment, all[i - 1]) ? '[token]' : segment))
    .join('/');
  return url.includes('?') ? `${redacted}?[query]` : redacted;
}

function isSecretSegment(segment: string, previous: string | undefined): boolean {
  if (segment === '') return false;
  if (previous && /^(booking|ticket)$/i.test(decodeSafely(previous))) return true;
  const value = decodeSafely(segment);
  return value.length >= 16 && /^[A-Za-z0-9_%=-]+$/.test(segment) && (/\d/.test(value) || (/[a-z]/.test(value) && /[A-Z]/.test(value)));
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
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
