import { and, asc, eq, gte, lte } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { topics, venues } from '../organisations/organisations.table.js';
import { deskTopics, desks, events } from './events.table.js';

/** Any event of the organisation, whatever its status, for staff. */
export async function findEventForStaff(db: Db, organisationId: number, eventId: number) {
  const [row] = await db
    .select({ event: events, venue: venues })
    .from(events)
    .innerJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(events.id, eventId), eq(events.organisationId, organisationId)));
  return row ? { ...row.event, venue: row.venue } : undefined;
}

export async function listEventsBetween(db: Db, organisationId: number, fromDate: string, toDate: string) {
  const rows = await db
    .select({ event: events, venue: venues })
    .from(events)
    .innerJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(events.organisationId, organisationId), gte(events.localDate, fromDate), lte(events.localDate, toDate)))
    .orderBy(asc(events.localDate), asc(events.id));
  return rows.map((r) => ({ ...r.event, venue: r.venue }));
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
    .select({ deskId: deskTopics.deskId, topic: topics })
    .from(deskTopics)
    .innerJoin(desks, eq(desks.id, deskTopics.deskId))
    .innerJoin(topics, eq(topics.id, deskTopics.topicId))
    .where(eq(desks.eventId, eventId))
    .orderBy(asc(topics.sortOrder));
  return rows.map((desk) => ({ ...desk, topics: links.filter((l) => l.deskId === desk.id).map((l) => l.topic) }));
}
