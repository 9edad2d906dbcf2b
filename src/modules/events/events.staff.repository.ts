import { and, asc, count, eq, gte, inArray, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { topicsWithIds } from '../organisations/organisations.repository.js';
import { selectEventsWithVenue, withVenue } from './events.repository.js';
import { deskTopics, desks, events } from './events.table.js';

/** Any event of the organisation, whatever its status, for staff. */
export async function findEventForStaff(db: Db, organisationId: number, eventId: number) {
  return withVenue(await selectEventsWithVenue(db).where(and(eq(events.id, eventId), eq(events.organisationId, organisationId))))[0];
}

export async function listEventsBetween(db: Db, organisationId: number, fromDate: string, toDate: string) {
  return withVenue(await selectEventsWithVenue(db)
    .where(and(eq(events.organisationId, organisationId), gte(events.localDate, fromDate), lte(events.localDate, toDate)))
    .orderBy(asc(events.localDate), asc(events.id)));
}

export const listEventsOn = (db: Db, organisationId: number, localDate: string) =>
  listEventsBetween(db, organisationId, localDate, localDate);

/** The desks an expert staffs on a day. */
export async function desksOfExpertOn(db: Db, staffId: number, localDate: string) {
  return db
    .select({ desk: desks, event: events })
    .from(desks)
    .innerJoin(events, eq(events.id, desks.eventId))
    .where(and(eq(desks.expertId, staffId), eq(events.localDate, localDate)))
    .orderBy(asc(desks.label));
}

/** Desks of an event with their topics, for planning and the front desk. */
export async function desksWithTopics(db: Db, eventId: number) {
  const rows = await db.select().from(desks).where(eq(desks.eventId, eventId)).orderBy(asc(desks.label), asc(desks.id));
  const links = await db
    .select({ deskId: deskTopics.deskId, topicId: deskTopics.topicId })
    .from(deskTopics)
    .innerJoin(desks, eq(desks.id, deskTopics.deskId))
    .where(eq(desks.eventId, eventId));
  const topics = await topicsWithIds(db, links.map((link) => link.topicId));
  const ofDesk = (deskId: number) => links.filter((link) => link.deskId === deskId).flatMap((link) => topics.get(link.topicId) ?? [])
    .sort((a, b) => a.sortOrder - b.sortOrder);
  return rows.map((desk) => ({ ...desk, topics: ofDesk(desk.id) }));
}

/** How many desks each of these events has. */
export async function deskCounts(db: Db, eventIds: number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db.select({ eventId: desks.eventId, n: count() }).from(desks).where(inArray(desks.eventId, eventIds)).groupBy(desks.eventId);
  return new Map(rows.map((row) => [row.eventId, row.n]));
}
