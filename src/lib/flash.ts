import type { FastifyRequest } from 'fastify';
import { parseId } from './text.js';

/** A message for the next page after a redirect: a translation key and its values. */
export type Flash = { key: string; values?: Record<string, string | number>; tone?: 'success' | 'danger' };

declare module '@fastify/secure-session' {
  interface SessionData {
    flash: Flash;
  }
}

export function setFlash(request: FastifyRequest, key: string, values?: Flash['values'], tone: Flash['tone'] = 'success'): void {
  request.session.set('flash', { key, values, tone });
}

/** Reads the message once; a reload does not show it again. */
export function takeFlash(request: FastifyRequest): Flash | undefined {
  const flash = request.session.get('flash');
  if (flash) request.session.set('flash', undefined);
  return flash;
}

/** The posted fields as strings, for putting a rejected form back on the page as the person typed it. */
export function postedValues(body: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    if (name !== '_csrf' && typeof value === 'string') values[name] = value.slice(0, 2000);
  }
  return values;
}

/** Posted multi-value fields (checkboxes, ordered selects) as numbers. */
export function postedIds(body: unknown, name: string): number[] {
  const raw = ((body ?? {}) as Record<string, unknown>)[name];
  return (raw === undefined ? [] : [raw].flat()).map(parseId).filter((id) => id > 0);
}
