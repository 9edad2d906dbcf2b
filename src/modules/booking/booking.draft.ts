import type { FastifyRequest } from 'fastify';
import type { ChosenStops, ContactAnswers, NeedsAnswers } from './booking.forms.js';

/** What a family has answered so far, kept in their encrypted session cookie, never in the database. */
export type BookingDraft = {
  eventId: number;
  topicIds?: number[];
  stops?: ChosenStops;
  contact?: ContactAnswers;
  needs?: NeedsAnswers;
};

export const STEPS = ['topics', 'time', 'contact', 'needs', 'check'] as const;
export type Step = (typeof STEPS)[number];

declare module '@fastify/secure-session' {
  interface SessionData {
    draft: BookingDraft;
  }
}

export function readDraft(request: FastifyRequest, eventId: number): BookingDraft {
  const draft = request.session.get('draft');
  return draft && draft.eventId === eventId ? draft : { eventId };
}

export function saveDraft(request: FastifyRequest, draft: BookingDraft): void {
  request.session.set('draft', draft);
}

export function clearDraft(request: FastifyRequest): void {
  request.session.set('draft', undefined);
}

/** The first step still unanswered: steps happen in order, a later one is never reached early. */
export function firstOpenStep(draft: BookingDraft): Step {
  if (!draft.topicIds?.length) return 'topics';
  if (!draft.stops?.length) return 'time';
  if (!draft.contact) return 'contact';
  if (!draft.needs) return 'needs';
  return 'check';
}

export const isStepReachable = (draft: BookingDraft, step: Step) =>
  STEPS.indexOf(step) <= STEPS.indexOf(firstOpenStep(draft));
