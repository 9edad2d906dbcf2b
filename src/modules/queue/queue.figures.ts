import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingItems, bookings } from '../booking/booking.table.js';
import { deskTopics } from '../events/events.table.js';
import { tickets, visits } from './queue.table.js';

export type VisitWay = 'booked' | 'walk_in' | 'sent_on';
export type VisitResult = 'seen' | 'no_show' | 'left';
export type VisitCount = { eventId: number; topicId: number; way: VisitWay; result: VisitResult; n: number };

/** A family sent on without a topic counts for the first topic of the desk they were sent to. */
const topicOfVisit = sql<number>`coalesce("visits"."topic_id", (select min(dt.topic_id) from ${deskTopics} dt where dt.desk_id = "visits"."desk_id"))`;

/**
 * Consultations per event and topic, by how the family came and what became of it: seen (finished or sent
 * on), did not come (marked so at the desk, or booked and never checked in) or left before their turn.
 */
export async function visitCounts(db: Db, eventIds: number[]): Promise<VisitCount[]> {
  if (eventIds.length === 0) return [];
  const rows = await db.select({ eventId: visits.eventId, topicId: topicOfVisit.mapWith(Number), kind: visits.kind, status: visits.status })
    .from(visits).where(inArray(visits.eventId, eventIds));
  const tally = new Map<string, VisitCount>();
  for (const row of rows) {
    const result: VisitResult = row.status === 'done' || row.status === 'sent_on' ? 'seen' : row.status === 'no_show' ? 'no_show' : 'left';
    const key = `${row.eventId}|${row.topicId}|${row.kind}|${result}`;
    const entry = tally.get(key) ?? { eventId: row.eventId, topicId: row.topicId, way: row.kind, result, n: 0 };
    entry.n += 1;
    tally.set(key, entry);
  }
  const seen = [...tally.values()];
  const neverCame = await db.select({
    eventId: bookings.eventId, topicId: bookingItems.topicId, n: sql<number>`count(*)`.mapWith(Number),
  }).from(bookingItems)
    .innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .leftJoin(tickets, eq(tickets.bookingId, bookings.id))
    .where(and(inArray(bookings.eventId, eventIds), eq(bookings.status, 'confirmed'), eq(bookingItems.active, true), isNull(tickets.id)))
    .groupBy(bookings.eventId, bookingItems.topicId);
  return [...seen, ...neverCame.map((r) => ({ ...r, way: 'booked' as const, result: 'no_show' as const }))];
}

/** Minutes from joining a desk's queue (arrival, or being sent on) to the call, per served consultation. */
export async function waitingMinutes(db: Db, eventIds: number[]): Promise<Array<{ eventId: number; topicId: number; minutes: number }>> {
  if (eventIds.length === 0) return [];
  return db.select({
    eventId: visits.eventId, topicId: topicOfVisit.mapWith(Number),
    minutes: sql<number>`greatest(0, extract(epoch from (${visits.calledAt} - ${visits.queuedAt})) / 60)`.mapWith(Number),
  }).from(visits).where(and(inArray(visits.eventId, eventIds), inArray(visits.status, ['done', 'sent_on']), sql`${visits.calledAt} is not null`));
}

/** A consultation this desk finished (for the checklist that follows): its topic, times and the family's language. */
export async function finishedVisit(db: Db, eventId: number, deskId: number, visitId: number) {
  const [row] = await db.select({
    topicId: topicOfVisit.mapWith(Number), startedAt: visits.startedAt, finishedAt: visits.finishedAt, language: tickets.language,
  }).from(visits).innerJoin(tickets, eq(tickets.id, visits.ticketId))
    .where(and(eq(visits.id, visitId), eq(visits.eventId, eventId), eq(visits.deskId, deskId), eq(visits.status, 'done')));
  return row;
}
