import type { FastifyRequest } from 'fastify';
import { newManageToken } from '../../lib/tokens.js';
import type { ChosenStops, ContactAnswers, NeedsAnswers } from './booking.forms.js';

/** What a family has answered so far, kept in their encrypted session cookie, never in the database. */
export type BookingDraft = {
  eventId: number;
  /**
   * The private link's token of the booking this draft becomes, drawn when the draft starts. It makes
   * confirming idempotent: the same draft sent twice finds its booking instead of making a second one.
   */
  manageToken?: string;
  topicIds?: number[];
  stops?: ChosenStops;
  contact?: ContactAnswers;
  needs?: NeedsAnswers;
};

export const STEPS = ['topics', 'time', 'contact', 'needs', 'check'] as const;
export type Step = (typeof STEPS)[number];

/** The booking a draft became: after confirming, Back or a second tap lead to it, not to an empty form. */
export type BookedMarker = { eventId: number; manageToken: string };

declare module '@fastify/secure-session' {
  interface SessionData {
    draft: BookingDraft;
    booked: BookedMarker;
  }
}

export function readDraft(request: FastifyRequest, eventId: number): BookingDraft {
  const draft = request.session.get('draft');
  return draft && draft.eventId === eventId ? draft : { eventId };
}

export function saveDraft(request: FastifyRequest, draft: BookingDraft): void {
  request.session.set('draft', { ...draft, manageToken: draft.manageToken ?? newManageToken() });
}

/** The draft is done: it became the booking behind `manageToken`. */
export function finishDraft(request: FastifyRequest, eventId: number, manageToken: string): void {
  request.session.set('draft', undefined);
  request.session.set('booked', { eventId, manageToken });
}

/** After a cancellation or deletion, Back to the question pages offers a new booking again. */
export function forgetBooked(request: FastifyRequest, manageToken: string): void {
  if (request.session.get('booked')?.manageToken === manageToken) request.session.set('booked', undefined);
}

/** The booking this browser made last for the event, if any. */
export function bookedFor(request: FastifyRequest, eventId: number): BookedMarker | undefined {
  const booked = request.session.get('booked');
  return booked && booked.eventId === eventId ? booked : undefined;
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
