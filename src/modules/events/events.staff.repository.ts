import { and, asc, count, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingItems, bookings } from '../booking/booking.table.js';
import { topics, venues } from '../organisations/organisations.table.js';
import { deskTopics, desks, events, slots } from './events.table.js';

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

/** Events from a date on, with how many desks, bookable slots and confirmed bookings each has. */
export async function eventsOverview(db: Db, organisationId: number, fromDate: string, toDate = '9999-12-31') {
  const rows = await listEventsBetween(db, organisationId, fromDate, toDate);
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const deskCounts = await db.select({ eventId: desks.eventId, n: count() }).from(desks).where(inArray(desks.eventId, ids)).groupBy(desks.eventId);
  const bookingCounts = await db.select({ eventId: bookings.eventId, n: count() }).from(bookings)
    .where(and(inArray(bookings.eventId, ids), eq(bookings.status, 'confirmed'))).groupBy(bookings.eventId);
  const of = (list: Array<{ eventId: number; n: number }>, id: number) => list.find((c) => c.eventId === id)?.n ?? 0;
  return rows.map((event) => ({ ...event, deskCount: of(deskCounts, event.id), bookingCount: of(bookingCounts, event.id) }));
}

/** Per desk: its expert's name and how many slots are bookable, kept for walk-ins and booked. */
export async function deskSlotCounts(db: Db, eventId: number) {
  const rows = await db
    .select({
      deskId: slots.deskId,
      total: count(),
      walkIn: sql<number>`count(*) filter (where ${slots.walkInOnly})`.mapWith(Number),
      booked: sql<number>`count(${bookingItems.id})`.mapWith(Number),
    })
    .from(slots)
    .leftJoin(bookingItems, and(eq(bookingItems.slotId, slots.id), eq(bookingItems.active, true)))
    .where(eq(slots.eventId, eventId))
    .groupBy(slots.deskId);
  return new Map(rows.map((r) => [r.deskId, r]));
}

export async function countConfirmedBookings(db: Db, eventId: number) {
  const [row] = await db.select({ n: count() }).from(bookings).where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')));
  return row?.n ?? 0;
}
