import { and, asc, eq, gt, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingItems } from '../booking/booking.table.js';
import { topics, venues } from '../organisations/organisations.table.js';
import type { FreeSlot } from '../booking/itinerary.rules.js';
import { deskTopics, desks, events, slots } from './events.table.js';

export type Event = typeof events.$inferSelect;
export type Venue = typeof venues.$inferSelect;
export type EventWithVenue = Event & { venue: Venue };

/** Published or cancelled events from a local date on, with their venue (drafts are never public). */
export async function listPublicEvents(db: Db, organisationId: number, fromLocalDate: string): Promise<EventWithVenue[]> {
  const rows = await db
    .select({ event: events, venue: venues })
    .from(events)
    .innerJoin(venues, eq(venues.id, events.venueId))
    .where(and(
      eq(events.organisationId, organisationId),
      gte(events.localDate, fromLocalDate),
      inArray(events.status, ['published', 'cancelled']),
    ))
    .orderBy(asc(events.localDate));
  return rows.map((r) => ({ ...r.event, venue: r.venue }));
}

export async function findPublicEvent(db: Db, organisationId: number, eventId: number): Promise<EventWithVenue | undefined> {
  const [row] = await db
    .select({ event: events, venue: venues })
    .from(events)
    .innerJoin(venues, eq(venues.id, events.venueId))
    .where(and(
      eq(events.id, eventId),
      eq(events.organisationId, organisationId),
      inArray(events.status, ['published', 'cancelled']),
    ))
    .limit(1);
  return row ? { ...row.event, venue: row.venue } : undefined;
}

/** The topics experts advise on at an event, in the organisation's order. */
export async function topicsAtEvent(db: Db, eventId: number) {
  return db
    .selectDistinct({ topic: topics })
    .from(deskTopics)
    .innerJoin(desks, eq(desks.id, deskTopics.deskId))
    .innerJoin(topics, eq(topics.id, deskTopics.topicId))
    .where(eq(desks.eventId, eventId))
    .orderBy(asc(topics.sortOrder))
    .then((rows) => rows.map((r) => r.topic));
}

/** Slots a family can still book online: not kept for walk-ins, not yet begun, not held. */
export async function listFreeSlots(db: Db, eventIds: number[], now: Date): Promise<Array<FreeSlot & { eventId: number }>> {
  if (eventIds.length === 0) return [];
  const rows = await db
    .select({
      slotId: slots.id,
      eventId: slots.eventId,
      deskId: slots.deskId,
      startsAt: slots.startsAt,
      endsAt: slots.endsAt,
      topicIds: sql<number[]>`array(select ${deskTopics.topicId} from ${deskTopics} where ${deskTopics.deskId} = ${slots.deskId})`,
    })
    .from(slots)
    .leftJoin(bookingItems, and(eq(bookingItems.slotId, slots.id), eq(bookingItems.active, true)))
    .where(and(
      inArray(slots.eventId, eventIds),
      eq(slots.walkInOnly, false),
      gt(slots.startsAt, now),
      isNull(bookingItems.id),
    ))
    .orderBy(asc(slots.startsAt), asc(slots.deskId));
  return rows.map((r) => ({ ...r, topicIds: r.topicIds.map(Number) }));
}

export async function deskLabels(db: Db, eventId: number): Promise<Map<number, string>> {
  const rows = await db.select({ id: desks.id, label: desks.label }).from(desks).where(eq(desks.eventId, eventId));
  return new Map(rows.map((r) => [r.id, r.label]));
}

export async function slotsByIds(db: Db, eventId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, typeof slots.$inferSelect>();
  const rows = await db.select().from(slots).where(and(eq(slots.eventId, eventId), inArray(slots.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}
