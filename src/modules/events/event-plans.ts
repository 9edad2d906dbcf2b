import { and, count, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { berlinDate, berlinInstant, inBerlin } from '../../lib/dates.js';
import type { Organisation } from '../organisations/organisations.repository.js';
import { events, slots } from './events.table.js';

export class PlanningError extends Error {
  constructor(readonly reason: 'past' | 'started' | 'cancelled' | 'noSlots' | 'unchanged' | 'taken') {
    super(reason);
  }
}

type Place = { localDate: string; venueId: number; startsLocal: string; endsLocal: string };
type BookingRules = Pick<Organisation, 'id' | 'bookingOpensDaysBefore' | 'bookingClosesHoursBefore'>;

/** When booking opens and closes for an event, from the organisation's settings. */
function bookingWindow(
  organisation: Pick<Organisation, 'bookingOpensDaysBefore' | 'bookingClosesHoursBefore'>,
  place: Pick<Place, 'localDate' | 'startsLocal'>,
) {
  const start = berlinInstant(place.localDate, place.startsLocal);
  return {
    bookingOpensAt: start.minus({ days: organisation.bookingOpensDaysBefore }).toJSDate(),
    bookingClosesAt: start.minus({ hours: organisation.bookingClosesHoursBefore }).toJSDate(),
  };
}

/** Writes a draft event; pass the transaction it belongs to. */
export async function insertDraftEvent(tx: Db, organisation: BookingRules, place: Place): Promise<number> {
  const [created] = await tx
    .insert(events)
    .values({ organisationId: organisation.id, ...place, ...bookingWindow(organisation, place), status: 'draft' })
    .returning({ id: events.id });
  return created!.id;
}

/** Writes a published event (the demo's). */
export async function insertPublishedEvent(tx: Db, organisation: BookingRules, place: Place): Promise<number> {
  const [created] = await tx
    .insert(events)
    .values({ organisationId: organisation.id, ...place, ...bookingWindow(organisation, place), status: 'published' })
    .returning({ id: events.id });
  return created!.id;
}

export async function createDraftEvent(db: Db, organisation: Organisation, place: Place, now: Date): Promise<number> {
  if (place.localDate < berlinDate(now)) throw new PlanningError('past');
  return insertDraftEvent(db, organisation, place);
}

/** Which of these dates already have an event of the organisation. */
export async function datesWithEvents(tx: Db, organisationId: number, dates: string[]): Promise<Set<string>> {
  if (dates.length === 0) return new Set();
  const existing = await tx.select({ localDate: events.localDate }).from(events)
    .where(and(eq(events.organisationId, organisationId), inArray(events.localDate, dates)));
  return new Set(existing.map((e) => e.localDate));
}

async function slotCount(tx: Db, eventId: number) {
  const [row] = await tx.select({ n: count() }).from(slots).where(and(eq(slots.eventId, eventId), eq(slots.walkInOnly, false)));
  return row?.n ?? 0;
}

/** Locks an event that may still be changed (not cancelled) for the rest of the transaction. */
export async function lockPlannedEvent(tx: Db, organisationId: number, eventId: number) {
  const [event] = await tx.select().from(events)
    .where(and(eq(events.id, eventId), eq(events.organisationId, organisationId))).for('update');
  if (!event) throw new PlanningError('unchanged');
  if (event.status === 'cancelled') throw new PlanningError('cancelled');
  return event;
}

/** Makes a draft visible and bookable. An event without bookable slots cannot be published. */
export async function publishEvent(db: Db, organisationId: number, eventId: number) {
  await db.transaction(async (tx) => {
    const event = await lockPlannedEvent(tx, organisationId, eventId);
    if (event.status !== 'draft') throw new PlanningError('unchanged');
    if ((await slotCount(tx, eventId)) === 0) throw new PlanningError('noSlots');
    await tx.update(events).set({ status: 'published' }).where(eq(events.id, eventId));
  });
}

export async function changeEventHours(db: Db, organisation: Organisation, eventId: number, hours: { startsLocal: string; endsLocal: string }) {
  await db.transaction(async (tx) => {
    const event = await lockPlannedEvent(tx, organisation.id, eventId);
    await tx.update(events).set({ ...hours, ...bookingWindow(organisation, { ...event, ...hours }) }).where(eq(events.id, eventId));
  });
}

type PlannedEvent = Awaited<ReturnType<typeof lockPlannedEvent>>;

/**
 * Moves a locked event to another date and/or venue and counts the change in its revision, which it returns.
 * Every slot keeps its wall-clock time (14:30 stays 14:30, also across a change to or from summer time).
 */
export async function moveEventTo(tx: Db, organisation: Organisation, event: PlannedEvent, to: { localDate: string; venueId: number }) {
  const [clash] = await tx.select({ id: events.id }).from(events).where(and(
    eq(events.organisationId, organisation.id), eq(events.localDate, to.localDate),
    eq(events.venueId, to.venueId), sql`${events.id} <> ${event.id}`, sql`${events.status} <> 'cancelled'`,
  ));
  if (clash) throw new PlanningError('taken');
  const eventSlots = await tx.select().from(slots).where(eq(slots.eventId, event.id));
  const shift = (instant: Date) => {
    const local = inBerlin(instant).toFormat('HH:mm');
    return berlinInstant(to.localDate, local).toJSDate();
  };
  // Two passes, so that moving by whole days never collides with the unique (desk, start) index midway.
  if (eventSlots.length) {
    await tx.update(slots).set({ startsAt: sql`${slots.startsAt} + interval '100 years'` }).where(eq(slots.eventId, event.id));
    for (const slot of eventSlots) {
      await tx.update(slots).set({ startsAt: shift(slot.startsAt), endsAt: shift(slot.endsAt) }).where(eq(slots.id, slot.id));
    }
  }
  const revision = event.revision + 1;
  const place = { localDate: to.localDate, venueId: to.venueId, startsLocal: event.startsLocal, endsLocal: event.endsLocal };
  await tx.update(events).set({ ...place, ...bookingWindow(organisation, place), revision }).where(eq(events.id, event.id));
  return revision;
}

/** Marks a locked event cancelled and counts the change in its revision, which it returns. */
export async function markEventCancelled(tx: Db, event: PlannedEvent): Promise<number> {
  const revision = event.revision + 1;
  await tx.update(events).set({ status: 'cancelled', revision }).where(eq(events.id, event.id));
  return revision;
}
