import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookedTopics } from '../booking/booking.figures.js';
import { firstTopicOfDesks } from '../events/events.figures.js';
import { tickets, visits } from './queue.table.js';

type VisitWay = 'booked' | 'walk_in' | 'sent_on';
type VisitResult = 'seen' | 'no_show' | 'left';
export type VisitCount = { eventId: number; topicId: number; way: VisitWay; result: VisitResult; n: number };

/** A family sent on without a topic counts for the first topic of the desk they were sent to. */
async function withTopics<T extends { deskId: number; topicId: number | null }>(db: Db, rows: T[]): Promise<Array<T & { topicId: number }>> {
  const first = await firstTopicOfDesks(db, [...new Set(rows.filter((r) => r.topicId === null).map((r) => r.deskId))]);
  return rows.flatMap((row) => {
    const topicId = row.topicId ?? first.get(row.deskId);
    return topicId === undefined ? [] : [{ ...row, topicId }];
  });
}

/**
 * Consultations per event and topic, by how the family came and what became of it: seen (finished or sent
 * on), did not come (marked so at the desk, or booked and never checked in) or left before their turn.
 */
export async function visitCounts(db: Db, eventIds: number[]): Promise<VisitCount[]> {
  if (eventIds.length === 0) return [];
  const rows = await withTopics(db, await db.select({
    eventId: visits.eventId, deskId: visits.deskId, topicId: visits.topicId, kind: visits.kind, status: visits.status,
  }).from(visits).where(inArray(visits.eventId, eventIds)));
  const tally = new Map<string, VisitCount>();
  const add = (eventId: number, topicId: number, way: VisitWay, result: VisitResult) => {
    const key = `${eventId}|${topicId}|${way}|${result}`;
    const entry = tally.get(key) ?? { eventId, topicId, way, result, n: 0 };
    entry.n += 1;
    tally.set(key, entry);
  };
  for (const row of rows) {
    add(row.eventId, row.topicId, row.kind,
      row.status === 'done' || row.status === 'sent_on' ? 'seen' : row.status === 'no_show' ? 'no_show' : 'left');
  }
  // Booked and never checked in: each topic of the booking counts as not come.
  const checkedIn = new Set((await db.select({ bookingId: tickets.bookingId }).from(tickets)
    .where(and(inArray(tickets.eventId, eventIds), sql`${tickets.bookingId} is not null`))).map((row) => row.bookingId));
  for (const item of await bookedTopics(db, eventIds)) {
    if (!checkedIn.has(item.bookingId)) add(item.eventId, item.topicId, 'booked', 'no_show');
  }
  return [...tally.values()];
}

/** Minutes from joining a desk's queue (arrival, or being sent on) to the call, per served consultation. */
export async function waitingMinutes(db: Db, eventIds: number[]): Promise<Array<{ eventId: number; topicId: number; minutes: number }>> {
  if (eventIds.length === 0) return [];
  const rows = await withTopics(db, await db.select({
    eventId: visits.eventId, deskId: visits.deskId, topicId: visits.topicId,
    minutes: sql<number>`greatest(0, extract(epoch from (${visits.calledAt} - ${visits.queuedAt})) / 60)`.mapWith(Number),
  }).from(visits).where(and(inArray(visits.eventId, eventIds), inArray(visits.status, ['done', 'sent_on']), sql`${visits.calledAt} is not null`)));
  return rows.map(({ eventId, topicId, minutes }) => ({ eventId, topicId, minutes }));
}

/** A consultation this desk finished (for the checklist that follows): its topic, times and the family's language. */
export async function finishedVisit(db: Db, eventId: number, deskId: number, visitId: number) {
  const found = await db.select({
    deskId: visits.deskId, topicId: visits.topicId, startedAt: visits.startedAt, finishedAt: visits.finishedAt, language: tickets.language,
  }).from(visits).innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .where(and(eq(visits.id, visitId), eq(visits.eventId, eventId), eq(visits.deskId, deskId), eq(visits.status, 'done')));
  const [row] = await withTopics(db, found);
  return row && { topicId: row.topicId, startedAt: row.startedAt, finishedAt: row.finishedAt, language: row.language };
}
