import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/client.js';
import type { Clock } from '../../lib/clock.js';
import { berlinDate } from '../../lib/dates.js';
import { setFlash } from '../../lib/flash.js';
import { clearFormState, formStateFor, rejectForm } from '../../lib/form-state.js';
import { idParam } from '../../lib/params.js';
import { parseId } from '../../lib/text.js';
import { desksWithTopics, findEventForStaff } from '../events/events.staff.repository.js';
import { listTopics } from '../organisations/topics.repository.js';
import { finishedVisit } from '../queue/queue.figures.js';
import { findDesk } from '../events/events.repository.js';
import { staffBase } from '../../web/staff-guard.js';
import { ACTIONS, type ChecklistAction, parseChecklist } from './intake.forms.js';
import {
  CHILDREN, CONSULTATION_LANGUAGES, DURATION_BANDS, FIRST_VISIT, HEARD_VIA, HOUSEHOLDS, OUTCOMES, REFERRAL_TARGETS, YOUNGEST_AGES,
  durationBand,
} from './intake.options.js';
import { saveIntakeRecord } from './intake.repository.js';
import { finishChecklist, pendingChecklist, startChecklist, wasHandled, wasUsed } from './intake.session.js';

type Options = { db: Db; clock: Clock };
const EXPERTS = ['coordinator', 'expert'] as const;

/**
 * The anonymous checklist after a consultation: an expert lands here after "finish" (the queue never waits
 * for it), or opens it for a family who came to the table without a ticket. Save, "did not want to answer"
 * and skip each count once.
 */
export default async function intakeRoutes(scope: FastifyInstance, { db, clock }: Options) {
  const base = (request: FastifyRequest) => `${staffBase(request)}/events/${idParam(request.params, 'eventId')}/desks/${idParam(request.params, 'deskId')}`;

  /** The event and desk, if this person may work at it; only on the event's own day can anything be recorded. */
  async function deskOf(request: FastifyRequest) {
    const event = await findEventForStaff(db, request.organisation.id, idParam(request.params, 'eventId'));
    const desk = event && await findDesk(db, event.id, idParam(request.params, 'deskId'));
    if (!event || !desk) return undefined;
    if (request.staff.role === 'expert' && desk.expertId !== request.staff.id) {
      throw Object.assign(new Error('not your desk'), { statusCode: 403 });
    }
    const topics = (await desksWithTopics(db, event.id)).find((d) => d.id === desk.id)?.topics ?? [];
    const today = event.status === 'published' && event.localDate === berlinDate(clock());
    return { event, desk, topics, today };
  }

  const backToQueue = (request: FastifyRequest, reply: FastifyReply, flash?: string, tone: 'success' | 'danger' = 'success') => {
    if (flash) setFlash(request, flash, {}, tone);
    return reply.redirect(`${base(request)}/queue`, 303);
  };

  scope.get('/events/:eventId/desks/:deskId/checklist', { config: { roles: EXPERTS } }, async (request, reply) => {
    const found = await deskOf(request);
    if (!found) return reply.callNotFound();
    const after = (request.query as { after?: unknown }).after;
    if (after !== undefined) {
      // Straight from "finish": the visit id is read here and kept only in the session cookie.
      const visitId = parseId(after);
      const visit = found.today && visitId > 0 ? await finishedVisit(db, found.event.id, found.desk.id, visitId) : undefined;
      if (!visit) return backToQueue(request, reply);
      if (wasHandled(request, visitId)) return backToQueue(request, reply, 'intake.notices.alreadyRecorded');
      const minutes = visit.startedAt && visit.finishedAt ? (visit.finishedAt.getTime() - visit.startedAt.getTime()) / 60_000 : null;
      startChecklist(request, {
        eventId: found.event.id, deskId: found.desk.id, visitId, topicId: visit.topicId,
        durationBand: minutes === null ? null : durationBand(minutes),
        language: (CONSULTATION_LANGUAGES as readonly string[]).includes(visit.language) ? visit.language : 'de',
      });
      return reply.redirect(`${base(request)}/checklist`, 303);
    }
    const pending = pendingChecklist(request, found.event.id, found.desk.id);
    if (!pending || !found.today) return backToQueue(request, reply, 'intake.notices.nothingPending');
    return checklistPage(request, reply, found, pending);
  });

  scope.get('/events/:eventId/desks/:deskId/checklist/without-ticket', { config: { roles: EXPERTS } }, async (request, reply) => {
    const found = await deskOf(request);
    if (!found) return reply.callNotFound();
    if (!found.today) return backToQueue(request, reply, 'intake.notices.notToday', 'danger');
    startChecklist(request, {
      eventId: found.event.id, deskId: found.desk.id, visitId: null, topicId: found.topics[0]?.id ?? null, durationBand: null, language: 'de',
    });
    return reply.redirect(`${base(request)}/checklist`, 303);
  });

  async function checklistPage(
    request: FastifyRequest, reply: FastifyReply, found: NonNullable<Awaited<ReturnType<typeof deskOf>>>,
    pending: NonNullable<ReturnType<typeof pendingChecklist>>,
  ) {
    const kept = formStateFor(request);
    const benefits = await benefitsFor(found.topics.map((t) => t.id), request.organisation.id);
    return reply.page('intake/checklist.eta', {
      title: request.t('intake.title', { desk: found.desk.label }),
      action: `${base(request)}/checklist`,
      queueUrl: `${base(request)}/queue`,
      event: found.event, desk: found.desk, deskTopics: found.topics, benefits, pending,
      withoutTicket: pending.visitId === null,
      errors: kept?.errors ?? {},
      values: kept?.values ?? {},
      options: {
        outcomes: OUTCOMES, referralTargets: REFERRAL_TARGETS, households: HOUSEHOLDS, children: CHILDREN, youngestAges: YOUNGEST_AGES,
        heardVia: HEARD_VIA, firstVisit: FIRST_VISIT, languages: CONSULTATION_LANGUAGES, durationBands: DURATION_BANDS,
      },
    });
  }

  /** Every topic of the organisation is a benefit that can come up; the desk's own come first. */
  async function benefitsFor(deskTopicIds: number[], organisationId: number) {
    const all = await listTopics(db, organisationId);
    return [...all.filter((t) => deskTopicIds.includes(t.id)), ...all.filter((t) => !deskTopicIds.includes(t.id))];
  }

  scope.post('/events/:eventId/desks/:deskId/checklist', { config: { roles: EXPERTS } }, async (request, reply) => {
    const found = await deskOf(request);
    if (!found) return reply.callNotFound();
    const body = (request.body ?? {}) as Record<string, unknown>;
    const nonce = String(body.nonce ?? '');
    const pending = pendingChecklist(request, found.event.id, found.desk.id);
    if (!pending || pending.nonce !== nonce) {
      return backToQueue(request, reply, wasUsed(request, nonce) ? 'intake.notices.alreadyRecorded' : 'intake.notices.nothingPending');
    }
    if (!found.today) return backToQueue(request, reply, 'intake.notices.notToday', 'danger');
    const action: ChecklistAction = (ACTIONS as readonly string[]).includes(String(body.action)) ? body.action as ChecklistAction : 'save';
    const topicIds = found.topics.map((t) => t.id);
    const chosenTopic = pending.topicId !== null && topicIds.includes(pending.topicId) ? pending.topicId : topicIds[0];
    if (chosenTopic === undefined) return backToQueue(request, reply, 'intake.notices.nothingPending');
    const withoutTicket = pending.visitId === null;
    if (action !== 'save') {
      await saveIntakeRecord(db, { eventId: found.event.id, topicId: chosenTopic, kind: action === 'skip' ? 'skipped' : 'declined', withoutTicket }, []);
    } else {
      const benefits = await benefitsFor(topicIds, request.organisation.id);
      const parsed = parseChecklist(body, {
        benefitIds: benefits.map((b) => b.id), topicIds: topicIds.length > 1 ? topicIds : [chosenTopic], withoutTicket,
      });
      if (!parsed.ok) return rejectForm(request, reply, `${base(request)}/checklist`, { errors: parsed.errors, values: body });
      const { answers } = parsed;
      await saveIntakeRecord(db, {
        eventId: found.event.id, topicId: parsed.topicId, kind: 'recorded', withoutTicket,
        durationBand: withoutTicket ? parsed.durationBand : pending.durationBand,
        household: answers.household, children: answers.children, youngestAge: answers.youngestAge, heardVia: answers.heardVia,
        firstVisit: answers.firstVisit, language: answers.language, interpreter: answers.interpreter === 'yes',
      }, parsed.outcomes);
    }
    clearFormState(request);
    finishChecklist(request, pending);
    return backToQueue(request, reply, `intake.notices.${action}`);
  });
}
