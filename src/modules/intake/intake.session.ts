import { randomBytes } from 'node:crypto';
import type { FastifyRequest } from 'fastify';

/**
 * The checklist a desk owes, kept only in the staff browser's encrypted session cookie, never in the database.
 * The nonce makes each checklist count once (a second send of the form finds it gone); the visit id stays in
 * the cookie, so that the same consultation is not offered again after an undo, and never reaches the record.
 */
export type PendingChecklist = {
  nonce: string;
  eventId: number;
  deskId: number;
  topicId: number | null;
  visitId: number | null;
  durationBand: number | null;
  language: string;
};

type IntakeSession = { pending?: PendingChecklist; handledVisits: number[]; usedNonces: string[] };

declare module '@fastify/secure-session' {
  interface SessionData {
    intake: IntakeSession;
  }
}

/** How many handled visits and used nonces a browser remembers: a day at one desk, kept small for the cookie. */
const MEMORY = 40;

const read = (request: FastifyRequest): IntakeSession =>
  request.session.get('intake') ?? { handledVisits: [], usedNonces: [] };

export const pendingChecklist = (request: FastifyRequest, eventId: number, deskId: number) => {
  const pending = read(request).pending;
  return pending && pending.eventId === eventId && pending.deskId === deskId ? pending : undefined;
};

export const wasHandled = (request: FastifyRequest, visitId: number) => read(request).handledVisits.includes(visitId);
export const wasUsed = (request: FastifyRequest, nonce: string) => read(request).usedNonces.includes(nonce);

export function startChecklist(request: FastifyRequest, pending: Omit<PendingChecklist, 'nonce'>): void {
  const state = read(request);
  if (pending.visitId !== null && state.pending?.visitId === pending.visitId) return;
  request.session.set('intake', { ...state, pending: { ...pending, nonce: randomBytes(16).toString('base64url') } });
}

/** The checklist was saved, declined or skipped: it cannot be sent again. */
export function finishChecklist(request: FastifyRequest, pending: PendingChecklist): void {
  const state = read(request);
  request.session.set('intake', {
    handledVisits: pending.visitId === null ? state.handledVisits : [...state.handledVisits, pending.visitId].slice(-MEMORY),
    usedNonces: [...state.usedNonces, pending.nonce].slice(-MEMORY),
  });
}
