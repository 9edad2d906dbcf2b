import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { QueueError } from './checkin.service.js';
import { canUndo, nextInQueue } from './queue.rules.js';
import { findDesk, lockEvent } from '../events/events.repository.js';
import { busyTicketIds, deskQueue, findVisit } from './queue.repository.js';
import { type VisitStatus, visits } from './queue.table.js';

type DeskAction = { organisationId: number; eventId: number; deskId: number; now: Date };

export type CallResult =
  | { called: { visitId: number; ticketNumber: number } }
  | { called: undefined; heldUntil?: Date };

/**
 * Calls the next family to a desk. Everything happens under the event row's lock, so two experts
 * pressing the button at the same moment take turns and never get the same family. A family already
 * called to another desk is skipped until that desk is done with them.
 */
export async function callNext(db: Db, input: DeskAction): Promise<CallResult> {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    const desk = event && await findDesk(tx, event.id, input.deskId);
    if (!desk) throw new QueueError('notToday');
    // Whoever was called here and did not come goes back to waiting, keeping their count of calls.
    await tx.update(visits).set({ status: 'waiting' }).where(and(eq(visits.deskId, desk.id), eq(visits.status, 'called')));
    const serving = await tx.select({ id: visits.id }).from(visits).where(and(eq(visits.deskId, desk.id), eq(visits.status, 'serving')));
    if (serving.length) throw new QueueError('wrongState');
    const busy = await busyTicketIds(tx, event.id);
    const queue = (await deskQueue(tx, desk, input.now)).filter((entry) => !busy.has(entry.ticketId));
    const next = nextInQueue(queue, input.now, { slotMinutes: desk.slotMinutes });
    if (!next?.visit) {
      const held = queue.filter((e) => !e.arrived && e.dueAt! >= input.now).sort((a, b) => +a.dueAt! - +b.dueAt!)[0];
      const waitingOthers = queue.some((e) => e.arrived);
      return { called: undefined, heldUntil: waitingOthers ? held?.dueAt ?? undefined : undefined };
    }
    await tx
      .update(visits)
      .set({ status: 'called', callCount: next.visit.callCount + 1, calledAt: input.now })
      .where(eq(visits.id, next.visit.id));
    return { called: { visitId: next.visit.id, ticketNumber: next.ticketNumber! } };
  });
}

type VisitAction = DeskAction & { visitId: number };

/** Moves one visit of this desk from one state to the next; anything else is refused, not guessed. */
async function transition(
  db: Db,
  input: VisitAction,
  from: readonly VisitStatus[],
  change: (visit: typeof visits.$inferSelect) => Partial<typeof visits.$inferInsert>,
  check?: (visit: typeof visits.$inferSelect, callsBeforeNoShow: number) => void,
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    const visit = event && await findVisit(tx, event.id, input.visitId);
    if (!visit || visit.deskId !== input.deskId || !from.includes(visit.status)) throw new QueueError('wrongState');
    if (check) {
      const organisation = await findOrganisation(tx, input.organisationId);
      check(visit, organisation!.callsBeforeNoShow);
    }
    await tx.update(visits).set(change(visit)).where(and(eq(visits.id, visit.id), inArray(visits.status, [...from])));
    return visit;
  });
}

export const callAgain = (db: Db, input: VisitAction) =>
  transition(db, input, ['called'], (visit) => ({ callCount: visit.callCount + 1, calledAt: input.now }));

export const startConsultation = (db: Db, input: VisitAction) =>
  transition(db, input, ['called'], () => ({ status: 'serving', startedAt: input.now }));

export const finishConsultation = (db: Db, input: VisitAction) =>
  transition(db, input, ['serving'], () => ({ status: 'done', finishedAt: input.now }));

export const markNoShow = (db: Db, input: VisitAction) =>
  transition(db, input, ['called'], () => ({ status: 'no_show', finishedAt: input.now }), (visit, callsBeforeNoShow) => {
    if (visit.callCount < callsBeforeNoShow) throw new QueueError('tooFewCalls');
  });

/** Sends a family on to another desk of the same day, where they wait as someone who already waited once. */
export async function sendOn(db: Db, input: VisitAction & { toDeskId: number; topicId: number | null }) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    const visit = event && await findVisit(tx, event.id, input.visitId);
    const target = event && await findDesk(tx, event.id, input.toDeskId);
    if (!visit || !target || visit.deskId !== input.deskId || target.id === visit.deskId || !['called', 'serving'].includes(visit.status)) {
      throw new QueueError('wrongState');
    }
    await tx.update(visits).set({ status: 'sent_on', finishedAt: input.now }).where(eq(visits.id, visit.id));
    await tx.insert(visits).values({
      eventId: visit.eventId, ticketId: visit.ticketId, deskId: target.id, topicId: input.topicId, kind: 'sent_on', queuedAt: input.now,
    });
  });
}

/** Takes back the desk's last finish (back in consultation) or "did not come" (back to called). */
export async function undoLastStep(db: Db, input: VisitAction) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    const visit = event && await findVisit(tx, event.id, input.visitId);
    if (!visit || visit.deskId !== input.deskId) throw new QueueError('wrongState');
    const deskVisits = await tx.select().from(visits).where(eq(visits.deskId, visit.deskId));
    if (!canUndo(visit, deskVisits, input.now)) throw new QueueError('cannotUndo');
    // The family may have been called to another desk meanwhile; then they are not here to take back.
    if ((await busyTicketIds(tx, event.id)).has(visit.ticketId)) throw new QueueError('cannotUndo');
    await tx.update(visits)
      .set({ status: visit.status === 'done' ? 'serving' : 'called', finishedAt: null })
      .where(and(eq(visits.id, visit.id), eq(visits.status, visit.status)));
    return visit;
  });
}

/**
 * A family marked "did not come" turns up after all: they wait again, queued from now like a family
 * without a booking, so nobody who came on time waits longer because of them. Their booked time has passed.
 * The expert puts back one visit of their desk; the front desk every missed visit of the ticket.
 */
export async function backInQueue(
  db: Db,
  input: { organisationId: number; eventId: number; now: Date } & ({ ticketId: number } | { deskId: number; visitId: number }),
) {
  return db.transaction(async (tx) => {
    const event = await lockEvent(tx, input.organisationId, input.eventId);
    if (!event || event.status !== 'published') throw new QueueError('notToday');
    const missed = await tx.select().from(visits).where(and(
      eq(visits.eventId, event.id), eq(visits.status, 'no_show'),
      ...('ticketId' in input ? [eq(visits.ticketId, input.ticketId)] : [eq(visits.id, input.visitId), eq(visits.deskId, input.deskId)]),
    )).orderBy(visits.id);
    if (missed.length === 0) throw new QueueError('wrongState');
    for (const [index, visit] of missed.entries()) {
      await tx.update(visits).set({
        status: 'waiting', kind: visit.kind === 'booked' ? 'walk_in' : visit.kind, dueAt: null,
        queuedAt: new Date(input.now.getTime() + index), callCount: 0, calledAt: null, startedAt: null, finishedAt: null,
      }).where(eq(visits.id, visit.id));
    }
    return missed.length;
  });
}
