import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingItems, bookings } from './booking.table.js';
import { bookingNeedsTallies } from './needs-tally.table.js';

/** Per event: confirmed bookings and what they asked for. `interpreters` maps a language to its count. */
export type EventNeeds = { eventId: number; bookings: number; childcare: number; stepFree: number; interpreters: Map<string, number> };

/**
 * Adds the needs of these bookings to their events' tallies, just before the retention job removes the needs
 * from the bookings. Only confirmed bookings that still hold their needs count, so nothing is counted twice.
 */
export async function tallyNeedsBeforeAnonymising(tx: Db, bookingIds: number[]): Promise<void> {
  if (bookingIds.length === 0) return;
  const rows = await tx.select({
    eventId: bookings.eventId,
    bookings: sql<number>`count(*)`.mapWith(Number),
    childcare: sql<number>`count(*) filter (where ${bookings.childcare})`.mapWith(Number),
    stepFree: sql<number>`count(*) filter (where ${bookings.stepFree})`.mapWith(Number),
  }).from(bookings)
    .where(and(inArray(bookings.id, bookingIds), eq(bookings.status, 'confirmed'), isNull(bookings.anonymisedAt)))
    .groupBy(bookings.eventId);
  const interpreters = await tx.select({
    eventId: bookings.eventId, language: bookings.interpreterLanguage, n: sql<number>`count(*)`.mapWith(Number),
  }).from(bookings)
    .where(and(inArray(bookings.id, bookingIds), eq(bookings.status, 'confirmed'), isNull(bookings.anonymisedAt), sql`${bookings.interpreterLanguage} is not null`))
    .groupBy(bookings.eventId, bookings.interpreterLanguage);
  const values = [
    ...rows.flatMap((r) => [
      { eventId: r.eventId, need: 'bookings' as const, language: '', count: r.bookings },
      { eventId: r.eventId, need: 'childcare' as const, language: '', count: r.childcare },
      { eventId: r.eventId, need: 'step_free' as const, language: '', count: r.stepFree },
    ]),
    ...interpreters.map((r) => ({ eventId: r.eventId, need: 'interpreter' as const, language: r.language!, count: r.n })),
  ];
  if (values.length === 0) return;
  await tx.insert(bookingNeedsTallies).values(values).onConflictDoUpdate({
    target: [bookingNeedsTallies.eventId, bookingNeedsTallies.need, bookingNeedsTallies.language],
    set: { count: sql`${bookingNeedsTallies.count} + excluded.count` },
  });
}

/** Needs per event: still on the bookings until the retention job, in the tallies afterwards. */
export async function needsOfEvents(db: Db, eventIds: number[]): Promise<Map<number, EventNeeds>> {
  const result = new Map<number, EventNeeds>(eventIds.map((id) => [id, { eventId: id, bookings: 0, childcare: 0, stepFree: 0, interpreters: new Map() }]));
  if (eventIds.length === 0) return result;
  const live = and(inArray(bookings.eventId, eventIds), eq(bookings.status, 'confirmed'), isNull(bookings.anonymisedAt));
  const counts = await db.select({
    eventId: bookings.eventId,
    bookings: sql<number>`count(*)`.mapWith(Number),
    childcare: sql<number>`count(*) filter (where ${bookings.childcare})`.mapWith(Number),
    stepFree: sql<number>`count(*) filter (where ${bookings.stepFree})`.mapWith(Number),
  }).from(bookings).where(live).groupBy(bookings.eventId);
  for (const row of counts) Object.assign(result.get(row.eventId)!, { bookings: row.bookings, childcare: row.childcare, stepFree: row.stepFree });
  const languages = await db.select({ eventId: bookings.eventId, language: bookings.interpreterLanguage, n: sql<number>`count(*)`.mapWith(Number) })
    .from(bookings).where(and(live, sql`${bookings.interpreterLanguage} is not null`)).groupBy(bookings.eventId, bookings.interpreterLanguage);
  for (const row of languages) result.get(row.eventId)!.interpreters.set(row.language!, row.n);
  const tallies = await db.select().from(bookingNeedsTallies).where(inArray(bookingNeedsTallies.eventId, eventIds));
  for (const tally of tallies) {
    const needs = result.get(tally.eventId)!;
    if (tally.need === 'bookings') needs.bookings += tally.count;
    else if (tally.need === 'childcare') needs.childcare += tally.count;
    else if (tally.need === 'step_free') needs.stepFree += tally.count;
    else needs.interpreters.set(tally.language, (needs.interpreters.get(tally.language) ?? 0) + tally.count);
  }
  return result;
}

/** Each topic a confirmed booking of these events still holds: one row per booking and topic. */
export async function bookedTopics(db: Db, eventIds: number[]): Promise<Array<{ bookingId: number; eventId: number; topicId: number }>> {
  if (eventIds.length === 0) return [];
  return db.select({ bookingId: bookings.id, eventId: bookings.eventId, topicId: bookingItems.topicId })
    .from(bookingItems).innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .where(and(inArray(bookings.eventId, eventIds), eq(bookings.status, 'confirmed'), eq(bookingItems.active, true)));
}
