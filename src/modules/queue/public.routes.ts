import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { localDeskLabel } from '../../lib/desk-label.js';
import { type Language, availableLanguages, directionOf, translatorFor } from '../../lib/i18n.js';
import { idParam } from '../../lib/params.js';
import { hashToken, isManageTokenShape } from '../../lib/tokens.js';
import { findPublicEvent } from '../events/events.repository.js';
import type { LiveUpdates } from './live.js';
import { streamChanges } from './live.routes.js';
import { deskPlan, findTicketByTokenHash, latestCalls, visitsOfTicket } from './queue.repository.js';
import { missedLookups } from '../../plugins/security.js';

/**
 * The waiting room reads many languages: the display's heading in every other offered language beside its own,
 * and each call's desk, labelled as staff wrote it, also in the language of the family whose number it is.
 */
const headingsInFamilyLanguages = (lang: string) => availableLanguages().filter((other) => other !== lang)
  .map((other) => ({ lang: other, dir: directionOf(other), text: translatorFor(other)('display.heading') }));

function familyDeskLabel(call: { language: string; deskLabel: string }) {
  // Also when the display itself is in the family's language: the label beside it is still the staff's (German).
  if (!availableLanguages().includes(call.language as Language)) return undefined;
  const text = localDeskLabel(call.deskLabel, call.language);
  return text === call.deskLabel ? undefined : { lang: call.language, dir: directionOf(call.language), text };
}

type Options = { db: Db; clock: Clock; live: LiveUpdates; lookupsPerMinute: number };

/**
 * The two public screens of the day, both without personal data: the waiting-room display with the
 * latest ticket numbers called, and each family's own ticket page behind the QR code of their slip.
 */
export default async function publicQueueRoutes(scope: FastifyInstance, { db, clock, live, lookupsPerMinute }: Options) {
  const lookupLimit = { limits: [missedLookups(lookupsPerMinute)] };

  scope.get('/events/:eventId/display', async (request, reply) => {
    const event = await findPublicEvent(db, request.organisation.id, idParam(request.params, 'eventId'));
    if (!event) return reply.callNotFound();
    const calls = (await latestCalls(db, event.id)).map((call) => ({ ...call, familyDesk: familyDeskLabel(call) }));
    return reply.page('queue/display.eta', {
      title: request.t('display.title'), event, calls, otherHeadings: headingsInFamilyLanguages(request.lang), fullScreen: true, refreshSeconds: 15,
      liveUrl: `${request.url.split('?')[0]}/live`,
    });
  });

  scope.get('/events/:eventId/display/live', { sse: 'only', compress: false }, async (request, reply) => {
    const event = await findPublicEvent(db, request.organisation.id, idParam(request.params, 'eventId'));
    if (!event) return reply.code(404).send();
    await streamChanges(reply, live, event.id);
  });

  async function ticketOf(token: string) {
    return isManageTokenShape(token) ? findTicketByTokenHash(db, hashToken(token)) : undefined;
  }

  scope.get('/ticket/:token', { config: lookupLimit }, async (request, reply) => {
    const { token } = request.params as { token: string };
    const ticket = await ticketOf(token);
    if (!ticket || ticket.organisationId !== request.organisation.id) return reply.callNotFound();
    const now = clock();
    const visits = await visitsOfTicket(db, ticket.id);
    const turns = await Promise.all(visits.map(async ({ visit, desk: stored }) => {
      const desk = { ...stored, label: localDeskLabel(stored.label, request.lang) };
      if (visit.status !== 'waiting') return { visit, desk, turn: undefined };
      const plan = await deskPlan(db, desk, now);
      const turn = plan.find((t) => t.entry.id === visit.id);
      return { visit, desk, turn: turn && { ahead: turn.ahead, minutes: Math.max(0, Math.round((turn.startsAt.getTime() - now.getTime()) / 60_000)) } };
    }));
    const autoRefresh = (request.query as { refresh?: string }).refresh !== 'off';
    return reply.page('queue/ticket.eta', {
      title: request.t('ticket.title', { number: ticket.number }), ticket, turns,
      refreshSeconds: autoRefresh ? 30 : undefined, autoRefresh,
      liveUrl: `${request.url.split('?')[0]}/live`,
    });
  });

  scope.get('/ticket/:token/live', { sse: 'only', compress: false, config: lookupLimit }, async (request, reply) => {
    const ticket = await ticketOf((request.params as { token: string }).token);
    if (!ticket || ticket.organisationId !== request.organisation.id) return reply.code(404).send();
    await streamChanges(reply, live, ticket.eventId);
  });
}
