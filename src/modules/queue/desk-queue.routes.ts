import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { formatTime } from '../../lib/dates.js';
import { takeFlash } from '../../lib/flash.js';
import { idParam } from '../../lib/params.js';
import { desksWithTopics, findEventForStaff } from '../events/events.staff.repository.js';
import { staffBase } from '../../web/staff-guard.js';
import {
  backInQueue, callAgain, callNext, finishConsultation, markNoShow, sendOn, startConsultation, undoLastStep,
} from './calling.service.js';
import { QueueError } from './checkin.service.js';
import type { LiveUpdates } from './live.js';
import { findDesk } from '../events/events.repository.js';
import { currentVisit, deskPlan, visitsOfDesk } from './queue.repository.js';
import { UNDO_MINUTES, canUndo } from './queue.rules.js';

type Options = { db: Db; clock: Clock; live: LiveUpdates };

const EXPERTS = ['coordinator', 'expert'] as const;

/**
 * An expert's screen for one desk: who is waiting (ticket numbers, never names), call next, call again,
 * start, finish, not there, send on. Experts open their own desks; coordinators any desk.
 */
export default async function deskQueueRoutes(scope: FastifyInstance, { db, clock, live }: Options) {
  const deskUrl = (request: FastifyRequest, eventId: number, deskId: number) =>
    `${staffBase(request)}/events/${eventId}/desks/${deskId}/queue`;

  async function deskOf(request: FastifyRequest) {
    const event = await findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));
    const desk = event && await findDesk(db, event.id, idParam(request.params, 'deskId'));
    if (!event || !desk) return undefined;
    if (request.staff.role === 'expert' && desk.expertId !== request.staff.id) {
      throw Object.assign(new Error('not your desk'), { statusCode: 403 });
    }
    return { event, desk };
  }

  scope.get('/events/:eventId/desks/:deskId/queue', { config: { roles: EXPERTS } }, async (request, reply) => {
    const found = await deskOf(request);
    if (!found) return reply.callNotFound();
    return queuePage(request, reply, found);
  });

  async function queuePage(
    request: FastifyRequest, reply: FastifyReply, { event, desk }: NonNullable<Awaited<ReturnType<typeof deskOf>>>,
    notice?: { key: string; values?: Record<string, string> }, status = 200,
  ) {
    const now = clock();
    const [plan, current, desks, seen] = await Promise.all([
      deskPlan(db, desk, now), currentVisit(db, desk.id), desksWithTopics(db, event.id), visitsOfDesk(db, desk.id),
    ]);
    const lastStep = seen
      .filter((row) => row.visit.finishedAt && ['done', 'no_show'].includes(row.visit.status))
      .sort((a, b) => +b.visit.finishedAt! - +a.visit.finishedAt!)[0];
    const undoable = lastStep && canUndo(lastStep.visit, seen.map((row) => row.visit), now) ? lastStep : undefined;
    // The application aids for this desk's topics, in the family's language (linked by URL: aids sit above the queue).
    const deskTopics = desks.find((d) => d.id === desk.id)?.topics ?? [];
    const aidsUrl = current
      ? `${staffBase(request)}/aids?${new URLSearchParams([...deskTopics.map((t) => ['for', t.key]), ['lang', current.language]])}`
      : undefined;
    return reply.page('queue/desk.eta', {
      title: request.t('queue.title', { desk: desk.label }), event, desk, plan, current, now, notice, undoable, undoMinutes: UNDO_MINUTES,
      flash: takeFlash(request), checklistUrl: `${staffBase(request)}/events/${event.id}/desks/${desk.id}/checklist/without-ticket`,
      missed: seen.filter((row) => row.visit.status === 'no_show').sort((a, b) => a.ticketNumber - b.ticketNumber),
      otherDesks: desks.filter((d) => d.id !== desk.id),
      callsBeforeNoShow: request.organisation.callsBeforeNoShow,
      aidsUrl,
      action: deskUrl(request, event.id, desk.id),
      liveUrl: `${staffBase(request)}/events/${event.id}/live`,
    }, status);
  }

  const visitActions = {
    'call-again': callAgain,
    start: startConsultation,
    finish: finishConsultation,
    'no-show': markNoShow,
    undo: undoLastStep,
    'back-in-queue': (database: Db, input: Parameters<typeof undoLastStep>[1]) => backInQueue(database, input),
  } as const;

  scope.post('/events/:eventId/desks/:deskId/call-next', { config: { roles: EXPERTS } }, async (request, reply) => {
    const found = await deskOf(request);
    if (!found) return reply.callNotFound();
    const input = { organisationId: request.organisation.id, eventId: found.event.id, deskId: found.desk.id, now: clock() };
    try {
      const result = await callNext(db, input);
      if (!result.called) {
        const notice = result.heldUntil
          ? { key: 'queue.notices.held', values: { time: formatTime(result.heldUntil, request.lang) } }
          : { key: 'queue.notices.nobody' };
        await live.changed(found.event.id);
        return queuePage(request, reply, found, notice, 200);
      }
      await live.changed(found.event.id);
      return reply.redirect(deskUrl(request, found.event.id, found.desk.id), 303);
    } catch (error) {
      if (error instanceof QueueError) return queuePage(request, reply, found, { key: `queue.errors.${error.reason}` }, 409);
      throw error;
    }
  });

  for (const [name, act] of Object.entries(visitActions)) {
    scope.post(`/events/:eventId/desks/:deskId/visits/:visitId/${name}`, { config: { roles: EXPERTS } }, async (request, reply) => {
      const found = await deskOf(request);
      if (!found) return reply.callNotFound();
      try {
        await act(db, {
          organisationId: request.organisation.id, eventId: found.event.id, deskId: found.desk.id,
          visitId: idParam(request.params, 'visitId'), now: clock(),
        });
      } catch (error) {
        if (error instanceof QueueError) return queuePage(request, reply, found, { key: `queue.errors.${error.reason}` }, 409);
        throw error;
      }
      await live.changed(found.event.id);
      // After a finish the expert lands on the anonymous checklist (intake module); the id stays out of what it stores.
      if (name === 'finish') return reply.redirect(`${staffBase(request)}/events/${found.event.id}/desks/${found.desk.id}/checklist?after=${idParam(request.params, 'visitId')}`, 303);
      return reply.redirect(deskUrl(request, found.event.id, found.desk.id), 303);
    });
  }

  scope.post('/events/:eventId/desks/:deskId/visits/:visitId/send-on', { config: { roles: EXPERTS } }, async (request, reply) => {
    const found = await deskOf(request);
    if (!found) return reply.callNotFound();
    const toDeskId = idParam(request.body, 'toDeskId');
    try {
      await sendOn(db, {
        organisationId: request.organisation.id, eventId: found.event.id, deskId: found.desk.id,
        visitId: idParam(request.params, 'visitId'), toDeskId, topicId: null, now: clock(),
      });
    } catch (error) {
      if (error instanceof QueueError) return queuePage(request, reply, found, { key: `queue.errors.${error.reason}` }, 409);
      throw error;
    }
    await live.changed(found.event.id);
    return reply.redirect(deskUrl(request, found.event.id, found.desk.id), 303);
  });
}
