import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import { postedIds, postedValues, setFlash } from '../../lib/flash.js';
import { parseForm } from '../../lib/forms.js';
import { idParam } from '../../lib/params.js';
import { listTopics } from '../organisations/topics.repository.js';
import { staffBase } from '../../web/staff-guard.js';
import { listExperts } from '../staff/staff.repository.js';
import {
  type AffectedBooking, DeskChangeRefused, copyDesksIn, deleteDesk, saveDesk,
} from './desks.service.js';
import { desksWithTopics, findEventForStaff } from '../events/events.staff.repository.js';
import type { DeskBreak } from '../events/desks.repository.js';
import { confirmForm, deskForm, formatBreaks } from './planning.forms.js';

const config = { roles: ['coordinator'] as const };
type Values = Record<string, string>;
type StaffEvent = NonNullable<Awaited<ReturnType<typeof findEventForStaff>>>;
type Problem = { reason: string; bookings: AffectedBooking[] };

/**
 * Staffing an event's desks: topics, expert, hours, slot length, breaks and the share kept for walk-ins.
 * A change that would take a booked slot or topic away is refused, naming each booking it would hit.
 */
export default async function deskRoutes(scope: FastifyInstance, { db }: { db: Db }) {
  const eventUrl = (request: FastifyRequest, eventId: number) => `${staffBase(request)}/events/${eventId}`;
  const eventOf = (request: FastifyRequest) => findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));
  const deskOf = async (event: StaffEvent, request: FastifyRequest) =>
    (await desksWithTopics(db, event.id)).find((desk) => desk.id === idParam(request.params, 'deskId'));

  scope.get('/events/:eventId/desks/new', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const count = (await desksWithTopics(db, event.id)).length;
    const values = {
      label: request.t('planning.desk.defaultLabel', { number: count + 1 }), startsLocal: event.startsLocal, endsLocal: event.endsLocal,
      slotMinutes: '30', breaks: '', walkInPercent: '25', expertId: '',
    };
    return deskPage(request, reply, event, undefined, values, [], {});
  });

  scope.get('/events/:eventId/desks/:deskId', { config }, async (request, reply) => {
    const event = await eventOf(request);
    const desk = event && await deskOf(event, request);
    if (!event || !desk) return reply.callNotFound();
    return deskPage(request, reply, event, desk.id, deskValues(desk), desk.topics.map((t) => t.id), {});
  });

  for (const url of ['/events/:eventId/desks/new', '/events/:eventId/desks/:deskId']) {
    scope.post(url, { config }, async (request, reply) => {
      const event = await eventOf(request);
      const desk = event && url.endsWith(':deskId') ? await deskOf(event, request) : undefined;
      if (!event || (url.endsWith(':deskId') && !desk)) return reply.callNotFound();
      const values = postedValues(request.body);
      const topicIds = postedIds(request.body, 'topicIds');
      const form = parseForm(deskForm, request.body);
      if (!form.ok) return deskPage(request, reply, event, desk?.id, values, topicIds, form.errors, undefined, 400);
      try {
        await saveDesk(db, { organisationId: request.organisation.id, eventId: event.id, localDate: event.localDate }, desk?.id, form.data);
        setFlash(request, 'planning.flash.deskSaved', { desk: form.data.label });
        return reply.redirect(eventUrl(request, event.id), 303);
      } catch (error) {
        if (!(error instanceof DeskChangeRefused)) throw error;
        const field = error.reason === 'expertBusy' || error.reason === 'notExpert' ? 'expertId' : error.reason === 'unknownTopic' ? 'topicIds' : 'form';
        return deskPage(request, reply, event, desk?.id, values, topicIds, { [field]: `planning.errors.${error.reason}` }, error, 409);
      }
    });
  }

  scope.post('/events/:eventId/desks/copy', { config }, async (request, reply) => {
    const event = await eventOf(request);
    if (!event) return reply.callNotFound();
    const target = { organisationId: request.organisation.id, eventId: event.id, localDate: event.localDate };
    try {
      const count = await db.transaction((tx) => copyDesksIn(tx, target, idParam(request.body, 'fromEventId')));
      setFlash(request, 'planning.copy.done', { count });
    } catch (error) {
      if (!(error instanceof DeskChangeRefused)) throw error;
      setFlash(request, `planning.errors.${error.reason}`, undefined, 'danger');
    }
    return reply.redirect(eventUrl(request, event.id), 303);
  });

  scope.post('/events/:eventId/desks/:deskId/delete', { config }, async (request, reply) => {
    const event = await eventOf(request);
    const desk = event && await deskOf(event, request);
    if (!event || !desk) return reply.callNotFound();
    const values = deskValues(desk);
    const topicIds = desk.topics.map((t) => t.id);
    const form = parseForm(confirmForm, request.body);
    if (!form.ok) return deskPage(request, reply, event, desk.id, values, topicIds, { confirm: 'planning.errors.confirmDelete' }, undefined, 400);
    try {
      await deleteDesk(db, event.id, desk.id);
      setFlash(request, 'planning.flash.deskDeleted', { desk: desk.label });
      return reply.redirect(eventUrl(request, event.id), 303);
    } catch (error) {
      if (!(error instanceof DeskChangeRefused)) throw error;
      return deskPage(request, reply, event, desk.id, values, topicIds, { confirm: `planning.errors.${error.reason}` }, error, 409);
    }
  });

  async function deskPage(
    request: FastifyRequest, reply: FastifyReply, event: StaffEvent, deskId: number | undefined, values: Values, topicIds: number[],
    errors: Values, problem?: Problem, status = 200,
  ) {
    return reply.page('planning/desk.eta', {
      title: request.t(deskId ? 'planning.desk.edit' : 'planning.desk.new'), event, deskId, values, topicIds, errors,
      affected: problem?.bookings ?? [], topics: await listTopics(db, request.organisation.id),
      experts: await listExperts(db, request.organisation.id),
      action: `${eventUrl(request, event.id)}/desks/${deskId ?? 'new'}`, eventUrl: eventUrl(request, event.id),
    }, status);
  }
}

/** A saved desk as the form shows it. */
function deskValues(desk: { label: string; startsLocal: string; endsLocal: string; slotMinutes: number; breaks: DeskBreak[]; walkInPercent: number; expertId: number | null }) {
  return {
    label: desk.label, startsLocal: desk.startsLocal, endsLocal: desk.endsLocal, slotMinutes: String(desk.slotMinutes),
    breaks: formatBreaks(desk.breaks), walkInPercent: String(desk.walkInPercent), expertId: desk.expertId ? String(desk.expertId) : '',
  };
}
