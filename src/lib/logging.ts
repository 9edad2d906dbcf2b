import type { FastifyRequest } from 'fastify';

/** Private manage links carry a token in the path; it must never reach a log line. */
export function redactUrl(url: string): string {
  return url.replace(/\/booking\/[^/?#]+/g, '/booking/[token]').replace(/\?.*$/, '?[query]');
}

export const requestSerializer = (request: FastifyRequest) => ({
  method: request.method,
  url: redactUrl(request.url),
});
