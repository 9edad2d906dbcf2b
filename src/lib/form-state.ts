import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FieldErrors } from '../plugins/view.js';

/**
 * Post/Redirect/Get for rejected forms. A rejected post keeps its errors and what the person typed in
 * the encrypted session and answers 303 to the form's own page, which shows them. So no page is ever
 * the answer to a POST: Back and reload never ask to send the form again, and the errors survive both.
 * The state belongs to one page (its path) and stays until that form is accepted or another one is rejected.
 */
export type FormState = {
  path: string;
  errors: FieldErrors;
  values: Record<string, unknown>;
  /** Which variant of the page to show, e.g. 'taken' when the chosen time went to someone else meanwhile. */
  notice?: string;
};

declare module '@fastify/secure-session' {
  interface SessionData {
    form: FormState;
  }
}

/** Longest stored text per field: enough for any real answer, small enough for the cookie. */
const MAX_VALUE_LENGTH = 300;

const pathOf = (url: string) => url.split('?')[0]!;

export function rejectForm(
  request: FastifyRequest,
  reply: FastifyReply,
  target: string,
  state: { errors?: FieldErrors; values?: Record<string, unknown>; notice?: string },
) {
  request.session.set('form', {
    path: pathOf(target),
    errors: state.errors ?? {},
    values: trimValues(state.values ?? {}),
    ...(state.notice ? { notice: state.notice } : {}),
  });
  return reply.redirect(target, 303);
}

/** The kept errors and input of the page being shown, if its form was the one rejected last. */
export function formStateFor(request: FastifyRequest): FormState | undefined {
  const state = request.session.get('form');
  return state && state.path === pathOf(request.url) ? state : undefined;
}

/** Called when a form is accepted: its old errors must not come back. */
export function clearFormState(request: FastifyRequest): void {
  if (request.session.get('form')) request.session.set('form', undefined);
}

function trimValues(values: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(values)) {
    if (name === '_csrf') continue;
    if (typeof value === 'string') kept[name] = value.slice(0, MAX_VALUE_LENGTH);
    else if (typeof value === 'boolean' || typeof value === 'number') kept[name] = value;
    else if (Array.isArray(value)) kept[name] = value.slice(0, 20).map((v) => String(v).slice(0, 20));
  }
  return kept;
}
