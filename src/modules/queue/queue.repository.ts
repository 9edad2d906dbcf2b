import { and, asc, desc, eq, inArray, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activeBookingsAtSlots } from '../booking/booking.repository.js';
import { type Desk, deskLabels, desksWithIds, futureSlotsOfDesk } from '../events/events.repository.js';
import { type PlannedTurn, type QueueEntry, planQueue } from './queue.rules.js';
import { tickets, visits } from './queue.table.js';

type Visit = typeof visits.$inferSelect;
export type QueueVisit = QueueEntry & { visit?: Visit; ticketNumber?: number };

/** Whether the day has begun: someone has a ticket. */
export async function hasTickets(db: Db, eventId: number): Promise<boolean> {
  const [row] = await db.select({ id: tickets.id }).from(tickets).where(eq(tickets.eventId, eventId)).limit(1);
  return row !== undefined;
}

/** Whether anyone has queued at a desk today. */
export async function hasVisitsAtDesk(db: Db, deskId: number): Promise<boolean> {
  const [row] = await db.select({ id: visits.id }).from(visits).where(eq(visits.deskId, deskId)).limit(1);
  return row !== undefined;
}

/** Tickets whose family is at some desk right now and so cannot be called to another. */
export async function busyTicketIds(db: Db, eventId: number): Promise<Set<number>> {
  const rows = await db
    .select({ ticketId: visits.ticketId })
    .from(visits)
    .where(and(eq(visits.eventId, eventId), inArray(visits.status, ['called', 'serving'])));
  return new Set(rows.map((r) => r.ticketId));
}

/**
 * Everyone a desk has to serve: families waiting here, and booked families still on their way
 * (they hold their time). The visit rows are attached for display.
 */
export async function deskQueue(db: Db, desk: Desk, now: Date): Promise<QueueVisit[]> {
  const waiting = await db
    .select({ visit: visits, ticketNumber: tickets.number })
    .from(visits)
    .innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .where(and(eq(visits.deskId, desk.id), eq(visits.status, 'waiting')));
  const onTheirWay = await bookedSlotsNotCheckedIn(db, desk.id, now);
  return [
    ...waiting.map(({ visit, ticketNumber }) => ({
      id: visit.id,
      ticketId: visit.ticketId,
      kind: visit.kind,
      dueAt: visit.dueAt,
      queuedAt: visit.queuedAt,
      arrived: true,
      visit,
      ticketNumber,
    })),
    ...onTheirWay.map((slot) => ({
      id: -slot.slotId, ticketId: -slot.slotId, kind: 'booked' as const, dueAt: slot.startsAt, queuedAt: now, arrived: false,
    })),
  ];
}

/** The desk's slots still to come whose family holds them with a confirmed booking but has no ticket yet. */
async function bookedSlotsNotCheckedIn(db: Db, deskId: number, now: Date) {
  const slots = await futureSlotsOfDesk(db, deskId, now);
  const held = (await activeBookingsAtSlots(db, slots.map((slot) => slot.id))).filter((item) => item.status === 'confirmed');
  const checkedIn = held.length
    ? new Set((await db.select({ bookingId: tickets.bookingId }).from(tickets)
      .where(inArray(tickets.bookingId, held.map((item) => item.bookingId)))).map((row) => row.bookingId))
    : new Set<number | null>();
  const startsAt = new Map(slots.map((slot) => [slot.id, slot.startsAt]));
  return held.filter((item) => !checkedIn.has(item.bookingId)).map((item) => ({ slotId: item.slotId, startsAt: startsAt.get(item.slotId)! }));
}

/** The visit a desk is busy with (called or in consultation), if any. */
export async function currentVisit(db: Db, deskId: number) {
  const [row] = await db
    .select({ visit: visits, ticketNumber: tickets.number, language: tickets.language })
    .from(visits)
    .innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .where(and(eq(visits.deskId, deskId), inArray(visits.status, ['called', 'serving'])))
    .orderBy(desc(visits.calledAt))
    .limit(1);
  return row;
}

/** Every visit of one desk today with its ticket number: for taking back the last step and for families who did not come. */
export async function visitsOfDesk(db: Db, deskId: number) {
  return db
    .select({ visit: visits, ticketNumber: tickets.number })
    .from(visits)
    .innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .where(eq(visits.deskId, deskId))
    .orderBy(desc(visits.finishedAt), asc(visits.id));
}

/** A desk's queue and when the desk is free for the next family (after the current one's slot). */
async function deskState(db: Db, desk: Desk, now: Date) {
  const queue = await deskQueue(db, desk, now);
  const current = await currentVisit(db, desk.id);
  const busySince = current ? current.visit.startedAt ?? current.visit.calledAt : null;
  const freeAt = busySince ? Math.max(now.getTime(), busySince.getTime() + desk.slotMinutes * 60_000) : now.getTime();
  return { queue, current, deskFreeAt: new Date(freeAt) };
}

/** The expected plan of a desk from now on: order, expected start and how many are ahead. */
export async function deskPlan(db: Db, desk: Desk, now: Date): Promise<Array<PlannedTurn<QueueVisit>>> {
  const { queue, deskFreeAt } = await deskState(db, desk, now);
  return planQueue(queue, { slotMinutes: desk.slotMinutes, now, deskFreeAt });
}

/** When a family joining this desk's walk-in queue now could expect its turn. */
export async function walkInStart(db: Db, desk: Desk, now: Date): Promise<Date | undefined> {
  const { queue, deskFreeAt } = await deskState(db, desk, now);
  const probe: QueueVisit = { id: Number.MAX_SAFE_INTEGER, ticketId: -1, kind: 'walk_in', dueAt: null, queuedAt: now, arrived: true };
  const plan = planQueue([...queue, probe], { slotMinutes: desk.slotMinutes, now, deskFreeAt });
  return plan.find((turn) => turn.entry === probe)?.startsAt;
}

export async function findVisit(db: Db, eventId: number, visitId: number) {
  const [row] = await db
    .select()
    .from(visits)
    .where(and(eq(visits.id, visitId), eq(visits.eventId, eventId)));
  return row;
}

/** What the waiting-room screen shows: the latest calls, numbers, desks and the ticket's language only. */
export async function latestCalls(db: Db, eventId: number, limit = 8) {
  const calls = await db
    .select({
      number: tickets.number, language: tickets.language, deskId: visits.deskId, calledAt: visits.calledAt, status: visits.status,
      callCount: visits.callCount,
    })
    .from(visits)
    .innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .where(and(eq(visits.eventId, eventId), inArray(visits.status, ['called', 'serving'])))
    .orderBy(desc(visits.calledAt))
    .limit(limit);
  const labels = await deskLabels(db, eventId);
  return calls.map(({ deskId, ...call }) => ({ ...call, deskLabel: labels.get(deskId)! }));
}

export async function findTicketByTokenHash(db: Db, tokenHash: string) {
  const [ticket] = await db.select().from(tickets).where(eq(tickets.tokenHash, tokenHash));
  return ticket;
}

export async function findTicket(db: Db, eventId: number, ticketId: number) {
  const [ticket] = await db.select().from(tickets).where(and(eq(tickets.id, ticketId), eq(tickets.eventId, eventId)));
  return ticket;
}

export async function visitsOfTicket(db: Db, ticketId: number) {
  const rows = await db
    .select()
    .from(visits)
    .where(and(eq(visits.ticketId, ticketId), ne(visits.status, 'sent_on')))
    .orderBy(sql`${visits.dueAt} nulls last`, asc(visits.id));
  const desks = await desksWithIds(db, rows.map((visit) => visit.deskId));
  return rows.map((visit) => ({ visit, desk: desks.get(visit.deskId)! }));
}
