import type { FastifyRequest } from 'fastify';
import type { StoredAnswers } from './precheck.questions.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The pre-check's answers live only here, in the encrypted cookie: never in the database or the logs. */
    precheck: StoredAnswers;
  }
}

export const readAnswers = (request: FastifyRequest): StoredAnswers => request.session.get('precheck') ?? {};

export function saveAnswers(request: FastifyRequest, answers: StoredAnswers): void {
  request.session.set('precheck', answers);
}

export function forgetAnswers(request: FastifyRequest): void {
  request.session.set('precheck', undefined);
}
