import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { formatTime } from '../../lib/dates.js';
import { localDeskLabel } from '../../lib/desk-label.js';
import { setFlash, takeFlash } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { LANGUAGES, availableLanguages, directionOf, isLanguage, nativeLanguageName, translatorFor } from '../../lib/i18n.js';
import { idParam } from '../../lib/params.js';
import { idField } from '../../lib/text.js';
import { hashToken, newManageToken } from '../../lib/tokens.js';
import { recordAudit } from '../audit/audit.js';
import { desksWithTopics, findEventForStaff } from '../events/events.staff.repository.js';
import { staffBase } from '../../web/staff-guard.js';
import { isCodeSearch } from '../booking/booking.repository.js';
import { type BoardStatus, bookingOfEvent, boardOfEvent } from './board.repository.js';
import { backInQueue } from './calling.service.js';
import { QueueError, checkIn, registerWalkIn } from './checkin.service.js';
import type { LiveUpdates } from './live.js';
import needsRoutes from './needs.routes.js';
import { needsHelpers } from './needs.view.js';
import { findTicket, visitsOfTicket } from './queue.repository.js';
import { tickets } from './queue.table.js';
import { qrSvg } from '../../lib/qr-svg.js';

declare module '@fastify/secure-session' {
  interface SessionData {
    /** The token of the slip last issued at this desk, shown as a QR code until the next slip. */
    slip: { ticketId: number; token: string };
  }
}

type Options = { db: Db; clock: Clock; config: Config; live: LiveUpdates };

const FRONT_DESK = ['coordinator', 'desk'] as const;

const walkInForm = z.object({
  topicIds: z.preprocess((v) => (v === undefined ? [] : [v].flat()), z.array(idField('frontDesk.walkIn.errors.topics')).min(1, 'frontDesk.walkIn.errors.topics').max(20)),
  language: z.enum(LANGUAGES, 'frontDesk.walkIn.errors.language').refine(isLanguage, 'frontDesk.walkIn.errors.language'),
});

/**
 * The front desk on the day: the board with search, check-in, walk-ins and the printed ticket slip.
 * The slip's QR code carries a fresh token, shown at the desk that issued it; a reprint elsewhere makes a new one.
 */
export default async function frontDeskRoutes(scope: FastifyInstance, { db, clock, config, live }: Options) {
  await scope.register(needsRoutes, { db });
  const eventOf = async (request: FastifyRequest) => findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));
  const slipUrl = (request: FastifyRequest, eventId: number, ticketId: number) =>
    `${staffBase(request)}/events/${eventId}/tickets/${ticketId}`;

  scope.get('/events/:eventId/board', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const search = String((request.query as { q?: unknown }).q ?? '').slice(0, 80).trim();
    const now = clock();
    const rows = await boardOfEvent(db, event.id, now, search || undefined);
    if (search) {
      const codeSearch = isCodeSearch(search);
      await recordAudit(db, {
        organisationId: request.organisation.id, staffId: request.staff.id, at: now,
        ...(codeSearch && rows.length === 1
          ? { action: 'open_booking', subjectType: 'booking', subjectId: rows[0]!.bookingId! }
          : { action: 'name_search', resultCount: rows.length }),
      });
    }
    return reply.page('frontdesk/board.eta', {
      title: request.t('frontDesk.board.title'), event, rows, search, now, flash: takeFlash(request), ...needsHelpers(request),
      counts: countByStatus(rows),
      liveUrl: `${staffBase(request)}/events/${event.id}/live`,
    });
  });

  scope.get('/events/:eventId/bookings/:bookingId', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    const found = event && await bookingOfEvent(db, event.id, idParam(request.params, 'bookingId'));
    if (!event || !found) return reply.callNotFound();
    await recordAudit(db, {
      organisationId: request.organisation.id, staffId: request.staff.id, action: 'open_booking', subjectType: 'booking',
      subjectId: found.booking.id, at: clock(),
    });
    const desks = await desksWithTopics(db, event.id);
    const seen = found.ticket ? await visitsOfTicket(db, found.ticket.id) : [];
    const missed = seen.some((row) => row.visit.status === 'no_show')
      && !seen.some((row) => ['waiting', 'called', 'serving'].includes(row.visit.status));
    return reply.page('frontdesk/booking.eta', {
      title: request.t('frontDesk.booking.title'), event, ...found, desks, missed, ...needsHelpers(request),
      action: `${staffBase(request)}/events/${event.id}/check-in`,
    });
  });

  scope.post('/events/:eventId/check-in', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const bookingId = idParam(request.body, 'bookingId');
    try {
      const ticket = await checkIn(db, {
        organisationId: request.organisation.id, staffId: request.staff.id, eventId: event.id, bookingId, now: clock(),
      });
      if (!ticket.alreadyCheckedIn) {
        request.session.set('slip', { ticketId: ticket.ticketId, token: ticket.token });
        await live.changed(event.id);
      }
      return reply.redirect(slipUrl(request, event.id, ticket.ticketId), 303);
    } catch (error) {
      if (error instanceof QueueError) return queueProblem(request, reply, event.id, error);
      throw error;
    }
  });

  scope.get('/events/:eventId/walk-in', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    return walkInPage(request, reply, event, { language: request.lang, topicIds: [] }, {});
  });

  scope.post('/events/:eventId/walk-in', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const form = parseForm(walkInForm, body);
    const values = { language: String(body.language ?? ''), topicIds: [body.topicIds ?? []].flat().map(Number) };
    if (!form.ok) return walkInPage(request, reply, event, values, form.errors, 400);
    try {
      const ticket = await registerWalkIn(db, {
        organisationId: request.organisation.id, staffId: request.staff.id, eventId: event.id, now: clock(), ...form.data,
      });
      request.session.set('slip', { ticketId: ticket.ticketId, token: ticket.token });
      await live.changed(event.id);
      return reply.redirect(slipUrl(request, event.id, ticket.ticketId), 303);
    } catch (error) {
      if (error instanceof QueueError) return walkInPage(request, reply, event, values, { topicIds: `frontDesk.errors.${error.reason}` }, 409);
      throw error;
    }
  });

  scope.get('/events/:eventId/tickets/:ticketId', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    const ticket = event && await findTicket(db, event.id, idParam(request.params, 'ticketId'));
    if (!event || !ticket) return reply.callNotFound();
    // The token exists only in this desk's session (the database keeps its hash): the slip can be printed
    // again from here until the next slip is issued; elsewhere a reprint makes a new token.
    const slip = request.session.get('slip');
    const token = slip?.ticketId === ticket.id ? slip.token : undefined;
    const ticketUrl = token ? `${config.publicUrl}/${ticket.language}/${request.organisation.slug}/ticket/${token}` : undefined;
    const visits = await visitsOfTicket(db, ticket.id);
    const slipLang = isLanguage(ticket.language) ? ticket.language : request.lang;
    return reply.page('frontdesk/slip.eta', {
      title: request.t('frontDesk.slip.title', { number: ticket.number }), event, ticket, visits, ticketUrl,
      qrSvg: ticketUrl ? await qrSvg(ticketUrl) : undefined,
      action: `${slipUrl(request, event.id, ticket.id)}/new-link`,
      // The slip is the family's: in their language, whatever the desk's screen is set to.
      slip: {
        lang: slipLang, dir: directionOf(slipLang), t: translatorFor(slipLang), time: (instant: Date) => formatTime(instant, slipLang),
        desk: (label: string) => localDeskLabel(label, slipLang),
      },
    });
  });

  scope.post('/events/:eventId/tickets/:ticketId/new-link', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    const ticket = event && await findTicket(db, event.id, idParam(request.params, 'ticketId'));
    if (!event || !ticket) return reply.callNotFound();
    // The old slip's link stops working: a lost slip cannot be used to follow someone else's turn.
    const token = newManageToken();
    await db.update(tickets).set({ tokenHash: hashToken(token) }).where(eq(tickets.id, ticket.id));
    await recordAudit(db, {
      organisationId: request.organisation.id, staffId: request.staff.id, action: 'print_slip', subjectType: 'ticket', subjectId: ticket.id, at: clock(),
    });
    request.session.set('slip', { ticketId: ticket.id, token });
    return reply.redirect(slipUrl(request, event.id, ticket.id), 303);
  });

  scope.post('/events/:eventId/tickets/:ticketId/back-in-queue', { config: { roles: FRONT_DESK } }, async (request, reply) => {
    const event = await eventOf(request);
    const ticket = event && await findTicket(db, event.id, idParam(request.params, 'ticketId'));
    if (!event || !ticket) return reply.callNotFound();
    try {
      await backInQueue(db, { organisationId: request.organisation.id, eventId: event.id, ticketId: ticket.id, now: clock() });
    } catch (error) {
      if (error instanceof QueueError) return queueProblem(request, reply, event.id, error);
      throw error;
    }
    await live.changed(event.id);
    setFlash(request, 'frontDesk.board.backInQueue', { number: ticket.number });
    return reply.redirect(`${staffBase(request)}/events/${event.id}/board`, 303);
  });

  async function walkInPage(
    request: FastifyRequest, reply: FastifyReply, event: NonNullable<Awaited<ReturnType<typeof eventOf>>>,
    values: { language: string; topicIds: number[] }, errors: Record<string, string>, status = 200,
  ) {
    const desks = await desksWithTopics(db, event.id);
    const topics = [...new Map(desks.flatMap((d) => d.topics).map((t) => [t.id, t])).values()].sort((a, b) => a.sortOrder - b.sortOrder);
    return reply.page('frontdesk/walk-in.eta', {
      title: request.t('frontDesk.walkIn.title'), event, topics, languages: availableLanguages().map((code) => ({ code, label: nativeLanguageName(code) })), values, errors,
      action: `${staffBase(request)}/events/${event.id}/walk-in`,
    }, status);
  }

  async function queueProblem(request: FastifyRequest, reply: FastifyReply, eventId: number, error: QueueError) {
    return reply.page('frontdesk/problem.eta', {
      title: request.t(`frontDesk.errors.${error.reason}`),
      backUrl: `${staffBase(request)}/events/${eventId}/board`,
    }, 409);
  }
}

/** The board's counts; "did not come" covers families who never arrived and those not there when called. */
function countByStatus(rows: Array<{ status: BoardStatus; bookingId: number | null }>) {
  const counts = { expected: 0, late: 0, missed: 0, arrived: 0, done: 0, walkIns: 0 };
  for (const row of rows) {
    counts[row.status === 'noShow' ? 'missed' : row.status] += 1;
    if (row.bookingId === null) counts.walkIns += 1;
  }
  return counts;
}
