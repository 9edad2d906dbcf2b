import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { desks, events, slots } from '../events/events.table.js';
import { topics, venues } from '../organisations/organisations.table.js';
import { bookingItems, bookings } from './booking.table.js';

export type Booking = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

export async function insertBooking(tx: Db, booking: NewBooking): Promise<number> {
  const [created] = await tx.insert(bookings).values(booking).returning({ id: bookings.id });
  return created!.id;
}

export async function insertItems(tx: Db, bookingId: number, stops: Array<{ topicId: number; slotId: number }>) {
  await tx.insert(bookingItems).values(stops.map((s) => ({ bookingId, topicId: s.topicId, slotId: s.slotId })));
}

export async function releaseItems(tx: Db, bookingId: number, now: Date) {
  await tx.update(bookingItems).set({ active: false, releasedAt: now })
    .where(and(eq(bookingItems.bookingId, bookingId), eq(bookingItems.active, true)));
}

export async function findBookingByTokenHash(db: Db, organisationId: number, tokenHash: string) {
  const [row] = await db
    .select({ booking: bookings, event: events, venue: venues })
    .from(bookings)
    .innerJoin(events, eq(events.id, bookings.eventId))
    .innerJoin(venues, eq(venues.id, events.venueId))
    .where(and(eq(bookings.manageTokenHash, tokenHash), eq(bookings.organisationId, organisationId)))
    .limit(1);
  return row ? { ...row.booking, event: { ...row.event, venue: row.venue } } : undefined;
}

/** The id and code of the booking behind a private link's hash, whatever its organisation or status. */
export async function findBookingIdentityByTokenHash(db: Db, tokenHash: string) {
  const [row] = await db.select({ id: bookings.id, code: bookings.code }).from(bookings)
    .where(eq(bookings.manageTokenHash, tokenHash)).limit(1);
  return row;
}

/**
 * The booking's appointments in visiting order: the active ones, or (active = false) those it held last,
 * i.e. the ones released together most recently, so a cancelled booking does not list times it had
 * already given up by rescheduling.
 */
export async function bookingStops(db: Db, bookingId: number, active: boolean) {
  const lastReleased = sql`${bookingItems.releasedAt} is not distinct from (
    select max(released.released_at) from booking_items released where released.booking_id = ${bookingId} and not released.active)`;
  return db
    .select({ topic: topics, startsAt: slots.startsAt, endsAt: slots.endsAt, deskLabel: desks.label, slotId: slots.id })
    .from(bookingItems)
    .innerJoin(topics, eq(topics.id, bookingItems.topicId))
    .innerJoin(slots, eq(slots.id, bookingItems.slotId))
    .innerJoin(desks, eq(desks.id, slots.deskId))
    .where(and(eq(bookingItems.bookingId, bookingId), eq(bookingItems.active, active), active ? undefined : lastReleased))
    .orderBy(asc(slots.startsAt));
}

export async function markCancelled(tx: Db, bookingId: number, now: Date) {
  await tx.update(bookings).set({ status: 'cancelled', cancelledAt: now }).where(eq(bookings.id, bookingId));
}

export async function countActiveBookingsByEmail(db: Db, eventId: number, email: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed'), sql`lower(${bookings.email}) = lower(${email})`));
  return row?.n ?? 0;
}
