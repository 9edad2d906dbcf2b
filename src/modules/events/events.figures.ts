import { and, asc, eq, gte, inArray, lte, min, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deskTopics, desks, events, slots } from './events.table.js';

/** An event that took place (published, not cancelled), with the topics its desks offered. */
export type HeldEvent = { id: number; venueId: number; localDate: string; topicIds: number[] };

/** The date of the organisation's first event that has taken place by `today`, if any. */
export async function firstHeldEventDate(db: Db, organisationId: number, today: string): Promise<string | undefined> {
  const [row] = await db.select({ first: min(events.localDate) }).from(events)
    .where(and(eq(events.organisationId, organisationId), eq(events.status, 'published'), lte(events.localDate, today)));
  return row?.first ?? undefined;
}

export async function heldEventsBetween(db: Db, organisationId: number, fromDate: string, toDate: string): Promise<HeldEvent[]> {
  const rows = await db.select({ id: events.id, venueId: events.venueId, localDate: events.localDate }).from(events)
    .where(and(eq(events.organisationId, organisationId), eq(events.status, 'published'), gte(events.localDate, fromDate), lte(events.localDate, toDate)))
    .orderBy(asc(events.localDate), asc(events.id));
  if (rows.length === 0) return [];
  const offered = await db.selectDistinct({ eventId: desks.eventId, topicId: deskTopics.topicId }).from(deskTopics)
    .innerJoin(desks, eq(desks.id, deskTopics.deskId)).where(inArray(desks.eventId, rows.map((r) => r.id)));
  return rows.map((row) => ({ ...row, topicIds: offered.filter((o) => o.eventId === row.id).map((o) => o.topicId).sort((a, b) => a - b) }));
}

/**
 * Slots offered online (not kept for walk-ins) per event and topic; a desk serving two topics offers its
 * slots to both. `topicId` null is the event's distinct slots, whatever the topic.
 */
export async function offeredSlots(db: Db, eventIds: number[]): Promise<Array<{ eventId: number; topicId: number | null; slots: number }>> {
  if (eventIds.length === 0) return [];
  const online = and(inArray(slots.eventId, eventIds), eq(slots.walkInOnly, false));
  const perTopic = await db.select({ eventId: slots.eventId, topicId: deskTopics.topicId, slots: sql<number>`count(*)`.mapWith(Number) })
    .from(slots).innerJoin(deskTopics, eq(deskTopics.deskId, slots.deskId)).where(online).groupBy(slots.eventId, deskTopics.topicId);
  const perEvent = await db.select({ eventId: slots.eventId, slots: sql<number>`count(*)`.mapWith(Number) })
    .from(slots).where(online).groupBy(slots.eventId);
  return [...perTopic, ...perEvent.map((r) => ({ ...r, topicId: null }))];
}

/** The first topic (lowest id) of each desk: what a family sent on without a topic counts for. */
export async function firstTopicOfDesks(db: Db, deskIds: number[]): Promise<Map<number, number>> {
  if (deskIds.length === 0) return new Map();
  const rows = await db.select({ deskId: deskTopics.deskId, topicId: sql<number>`min(${deskTopics.topicId})`.mapWith(Number) })
    .from(deskTopics).where(inArray(deskTopics.deskId, deskIds)).groupBy(deskTopics.deskId);
  return new Map(rows.map((row) => [row.deskId, row.topicId]));
}
