import { and, asc, eq, gt, gte, inArray, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type Venue, topicsWithIds, venuesToJoin } from '../organisations/organisations.repository.js';
import { deskTopics, desks, events, slots } from './events.table.js';

export type Event = typeof events.$inferSelect;
export type EventWithVenue = Event & { venue: Venue };
export type Desk = typeof desks.$inferSelect;
export type Slot = typeof slots.$inferSelect;

/** Events with their venue, in one query: add where, order and limit, and pass the rows to `withVenue`. */
export function selectEventsWithVenue(db: Db) {
  const { venue, columns } = venuesToJoin(db);
  return db.select({ event: events, venue: columns }).from(events).innerJoin(venue, eq(venue.id, events.venueId));
}

export const withVenue = (rows: Array<{ event: Event; venue: Venue }>): EventWithVenue[] => rows.map(({ event, venue }) => ({ ...event, venue }));

/** Published or cancelled events from a local date on, with their venue (drafts are never public). */
export async function listPublicEvents(db: Db, organisationId: number, fromLocalDate: string): Promise<EventWithVenue[]> {
  return withVenue(await selectEventsWithVenue(db)
    .where(and(
      eq(events.organisationId, organisationId),
      gte(events.localDate, fromLocalDate),
      inArray(events.status, ['published', 'cancelled']),
    ))
    .orderBy(asc(events.localDate)));
}

export async function findPublicEvent(db: Db, organisationId: number, eventId: number): Promise<EventWithVenue | undefined> {
  const rows = await selectEventsWithVenue(db)
    .where(and(
      eq(events.id, eventId),
      eq(events.organisationId, organisationId),
      inArray(events.status, ['published', 'cancelled']),
    ))
    .limit(1);
  return withVenue(rows)[0];
}

/** Any event with its venue, whatever its organisation or status: for what a booking or a mail shows of it. */
export async function findEventWithVenue(db: Db, eventId: number): Promise<EventWithVenue | undefined> {
  return withVenue(await selectEventsWithVenue(db).where(eq(events.id, eventId)))[0];
}

/** The topics experts advise on at an event, in the organisation's order. */
export async function topicsAtEvent(db: Db, eventId: number) {
  const links = await db
    .selectDistinct({ topicId: deskTopics.topicId })
    .from(deskTopics)
    .innerJoin(desks, eq(desks.id, deskTopics.deskId))
    .where(eq(desks.eventId, eventId));
  const topics = await topicsWithIds(db, links.map((link) => link.topicId));
  return [...topics.values()].sort((a, b) => a.sortOrder - b.sortOrder);
}

export type BookableSlot = { slotId: number; eventId: number; deskId: number; startsAt: Date; endsAt: Date; topicIds: number[] };

/**
 * Slots that may be offered online: not kept for walk-ins, not yet begun, with the topics of their desk
 * (optionally only the given ones). Whether a family holds one is the booking module's business: it gets
 * the query itself, not its rows, to join what it owns in the same statement.
 */
export function bookableSlotsQuery(db: Db, eventIds: number[], now: Date, onlySlotIds?: number[]) {
  return db
    .select({
      slotId: slots.id,
      eventId: slots.eventId,
      deskId: slots.deskId,
      startsAt: slots.startsAt,
      endsAt: slots.endsAt,
      // Spelled out: drizzle leaves columns unqualified in a query without joins, and inside the subquery a bare
      // "desk_id" would be desk_topics' own.
      topicIds: sql<number[]>`array(select ${deskTopics.topicId} from ${deskTopics} where ${deskTopics.deskId} = "slots"."desk_id")`
        .as('topic_ids'),
    })
    .from(slots)
    .where(and(
      inArray(slots.eventId, eventIds),
      eq(slots.walkInOnly, false),
      gt(slots.startsAt, now),
      onlySlotIds ? inArray(slots.id, onlySlotIds) : undefined,
    ));
}

export async function bookableSlots(db: Db, eventIds: number[], now: Date): Promise<BookableSlot[]> {
  if (eventIds.length === 0) return [];
  const rows = await bookableSlotsQuery(db, eventIds, now).orderBy(asc(slots.startsAt), asc(slots.deskId));
  return rows.map((r) => ({ ...r, topicIds: r.topicIds.map(Number) }));
}

export async function deskLabels(db: Db, eventId: number): Promise<Map<number, string>> {
  const rows = await db.select({ id: desks.id, label: desks.label }).from(desks).where(eq(desks.eventId, eventId));
  return new Map(rows.map((r) => [r.id, r.label]));
}

export async function slotsByIds(db: Db, eventId: number, ids: number[]) {
  if (ids.length === 0) return new Map<number, Slot>();
  const rows = await db.select().from(slots).where(and(eq(slots.eventId, eventId), inArray(slots.id, ids)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Slots by id, whatever their event, with their desk's label. */
export async function slotsWithIds(db: Db, ids: number[]): Promise<Map<number, Slot & { deskLabel: string }>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ slot: slots, deskLabel: desks.label }).from(slots)
    .innerJoin(desks, eq(desks.id, slots.deskId))
    .where(inArray(slots.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.slot.id, { ...r.slot, deskLabel: r.deskLabel }]));
}

/** Every slot of an event: for counting what is bookable, kept for walk-ins and booked. */
export async function slotsOfEvent(db: Db, eventId: number) {
  return db.select({ id: slots.id, deskId: slots.deskId, walkInOnly: slots.walkInOnly }).from(slots).where(eq(slots.eventId, eventId));
}

/** A desk's slots that have not begun yet. */
export async function futureSlotsOfDesk(db: Db, deskId: number, now: Date) {
  return db.select({ id: slots.id, startsAt: slots.startsAt }).from(slots).where(and(eq(slots.deskId, deskId), gt(slots.startsAt, now)));
}

/**
 * A shared lock on an event row for the rest of the transaction, and the event as it is now: bookings run
 * side by side, but wait for a coordinator's desk change, move or cancellation (which lock it exclusively).
 */
export async function shareLockEvent(tx: Db, eventId: number): Promise<Event | undefined> {
  const [event] = await tx.select().from(events).where(eq(events.id, eventId)).for('share');
  return event;
}

/** Locks an event row of the organisation exclusively for the rest of the transaction. */
export async function lockEvent(tx: Db, organisationId: number, eventId: number): Promise<Event | undefined> {
  const [event] = await tx
    .select()
    .from(events)
    .where(and(eq(events.id, eventId), eq(events.organisationId, organisationId)))
    .for('update');
  return event;
}

/** The next ticket number of the day. The caller holds the event row's lock, so no number is given twice. */
export async function drawTicketNumber(tx: Db, eventId: number, last: number): Promise<number> {
  await tx.update(events).set({ lastTicketNumber: last + 1 }).where(eq(events.id, eventId));
  return last + 1;
}

export async function findDesk(db: Db, eventId: number, deskId: number): Promise<Desk | undefined> {
  const [desk] = await db.select().from(desks).where(and(eq(desks.id, deskId), eq(desks.eventId, eventId)));
  return desk;
}

export async function desksOfEvent(db: Db, eventId: number): Promise<Desk[]> {
  return db.select().from(desks).where(eq(desks.eventId, eventId)).orderBy(asc(desks.label), asc(desks.id));
}

export async function desksWithIds(db: Db, ids: number[]): Promise<Map<number, Desk>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(desks).where(inArray(desks.id, [...new Set(ids)]));
  return new Map(rows.map((desk) => [desk.id, desk]));
}

/** Which desk serves which topic, for the given desks. */
export async function deskTopicLinks(db: Db, deskIds: number[]) {
  if (deskIds.length === 0) return [];
  return db.select().from(deskTopics).where(inArray(deskTopics.deskId, deskIds));
}

/** Published events from a date on, for the reminders. */
export async function publishedEventsFrom(db: Db, fromLocalDate: string) {
  return db.select({ id: events.id, organisationId: events.organisationId, revision: events.revision }).from(events)
    .where(and(eq(events.status, 'published'), gte(events.localDate, fromLocalDate)));
}

/** The organisation's events before a date, for the deletion of personal data after them. */
export async function eventIdsBefore(db: Db, organisationId: number, localDate: string): Promise<number[]> {
  const rows = await db.select({ id: events.id }).from(events)
    .where(and(eq(events.organisationId, organisationId), lt(events.localDate, localDate)));
  return rows.map((row) => row.id);
}
