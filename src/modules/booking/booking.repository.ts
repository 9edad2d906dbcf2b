import { and, count, eq, ilike, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { rowsOf } from '../../db/rows.js';
import { normaliseBookingCode } from '../../lib/tokens.js';
import { findEventWithVenue, slotsWithIds } from '../events/events.repository.js';
import { topicsWithIds } from '../organisations/organisations.repository.js';
import { bookingItems, bookings } from './booking.table.js';

export type NewBooking = typeof bookings.$inferInsert;

/** Draws a booking's id ahead of its insert, so its appointments and mail can be written in the same round trip. */
export async function newBookingId(tx: Db): Promise<number> {
  const [row] = await tx.execute<{ id: number }>(sql`select nextval(pg_get_serial_sequence('bookings', 'id'))::integer as id`)
    .then(rowsOf<{ id: number }>);
  return Number(row!.id);
}

/**
 * A booking and its appointments in one statement. Its id was drawn before (`newBookingId`), so what else the
 * transaction writes for it (its mail) can be sent in the same round trip.
 */
export async function insertBookingWithItems(tx: Db, booking: NewBooking & { id: number }, stops: Array<{ topicId: number; slotId: number }>) {
  const items = stops.map((s) => ({ bookingId: booking.id, topicId: s.topicId, slotId: s.slotId }));
  await tx.execute(sql`with created as (${tx.insert(bookings).values(booking).getSQL()}) ${tx.insert(bookingItems).values(items).getSQL()}`);
}

export async function insertItems(tx: Db, bookingId: number, stops: Array<{ topicId: number; slotId: number }>) {
  await tx.insert(bookingItems).values(stops.map((s) => ({ bookingId, topicId: s.topicId, slotId: s.slotId })));
}

export async function releaseItems(tx: Db, bookingId: number, now: Date) {
  await tx.update(bookingItems).set({ active: false, releasedAt: now })
    .where(and(eq(bookingItems.bookingId, bookingId), eq(bookingItems.active, true)));
}

export async function findBooking(db: Db, bookingId: number) {
  const [booking] = await db.select().from(bookings).where(eq(bookings.id, bookingId));
  return booking;
}

export async function findBookingByTokenHash(db: Db, organisationId: number, tokenHash: string) {
  const [booking] = await db.select().from(bookings)
    .where(and(eq(bookings.manageTokenHash, tokenHash), eq(bookings.organisationId, organisationId)))
    .limit(1);
  const event = booking && await findEventWithVenue(db, booking.eventId);
  return booking && event ? { ...booking, event } : undefined;
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
  const items = await db
    .select({ topicId: bookingItems.topicId, slotId: bookingItems.slotId })
    .from(bookingItems)
    .where(and(eq(bookingItems.bookingId, bookingId), eq(bookingItems.active, active), active ? undefined : lastReleased));
  const slots = await slotsWithIds(db, items.map((item) => item.slotId));
  const topics = await topicsWithIds(db, items.map((item) => item.topicId));
  return items
    .flatMap((item) => {
      const slot = slots.get(item.slotId);
      const topic = topics.get(item.topicId);
      return slot && topic ? [{ topic, startsAt: slot.startsAt, endsAt: slot.endsAt, deskLabel: slot.deskLabel, slotId: slot.id }] : [];
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
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

/** A family's appointments in their active items, by time, with where (desk) each one is. */
export async function activeItemsWithSlots(db: Db, bookingIds: number[]) {
  if (bookingIds.length === 0) return [];
  const items = await db
    .select({ bookingId: bookingItems.bookingId, topicId: bookingItems.topicId, slotId: bookingItems.slotId })
    .from(bookingItems)
    .where(and(inArray(bookingItems.bookingId, bookingIds), eq(bookingItems.active, true)));
  const slots = await slotsWithIds(db, items.map((item) => item.slotId));
  return items
    .flatMap((item) => {
      const slot = slots.get(item.slotId);
      return slot ? [{ ...item, deskId: slot.deskId, startsAt: slot.startsAt, endsAt: slot.endsAt }] : [];
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
}

/** Active bookings holding any of these slots, with the topic booked there. */
export async function activeBookingsAtSlots(db: Db, slotIds: number[]) {
  if (slotIds.length === 0) return [];
  return db
    .select({ bookingId: bookings.id, code: bookings.code, status: bookings.status, slotId: bookingItems.slotId, topicId: bookingItems.topicId })
    .from(bookingItems)
    .innerJoin(bookings, eq(bookings.id, bookingItems.bookingId))
    .where(and(eq(bookingItems.active, true), inArray(bookingItems.slotId, slotIds)));
}

/** Released items keep pointing at their old slot for the record; when the slot goes, they go with it. */
export async function forgetReleasedItemsAt(tx: Db, slotIds: number[]) {
  if (slotIds.length === 0) return;
  await tx.delete(bookingItems).where(and(inArray(bookingItems.slotId, slotIds), eq(bookingItems.active, false)));
}

export async function findBookingOfEvent(db: Db, eventId: number, bookingId: number) {
  const [booking] = await db.select().from(bookings).where(and(eq(bookings.id, bookingId), eq(bookings.eventId, eventId)));
  return booking;
}

export async function findConfirmedBooking(db: Db, eventId: number, bookingId: number) {
  const [booking] = await db
    .select({ id: bookings.id, language: bookings.language })
    .from(bookings)
    .where(and(eq(bookings.id, bookingId), eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')));
  return booking;
}

export async function confirmedBookingIds(db: Db, eventId: number): Promise<number[]> {
  const rows = await db.select({ id: bookings.id }).from(bookings)
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')));
  return rows.map((row) => row.id);
}

/** The event is cancelled: so are its confirmed bookings, and their slots are freed. Returns their ids. */
export async function cancelBookingsOfEvent(tx: Db, eventId: number, now: Date): Promise<number[]> {
  const affected = await tx.update(bookings).set({ status: 'cancelled', cancelledAt: now })
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')))
    .returning({ id: bookings.id });
  if (affected.length) {
    await tx.update(bookingItems).set({ active: false }).where(inArray(bookingItems.bookingId, affected.map((b) => b.id)));
  }
  return affected.map((b) => b.id);
}

const escapeLike = (value: string) => value.replace(/[\\%_]/g, (c) => `\\${c}`);

export const isCodeSearch = (search: string) => /^[A-Z0-9]{6}$/.test(normaliseBookingCode(search));

/** A search on the front desk: the booking whose code it is, or those whose name contains it. */
function searchCondition(search: string) {
  if (isCodeSearch(search)) return eq(bookings.code, normaliseBookingCode(search));
  return ilike(bookings.name, `%${escapeLike(search.trim())}%`);
}

/**
 * The confirmed bookings of an event that hold appointments, with the first start and the last end,
 * by time; with a search, only those it finds.
 */
export async function bookedFamiliesOfEvent(db: Db, eventId: number, search?: string) {
  const booked = await db
    .select({
      bookingId: bookings.id, code: bookings.code, name: bookings.name, phone: bookings.phone,
      interpreterLanguage: bookings.interpreterLanguage, childcare: bookings.childcare, stepFree: bookings.stepFree,
    })
    .from(bookings)
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed'), search ? searchCondition(search) : undefined));
  const items = await activeItemsWithSlots(db, booked.map((b) => b.bookingId));
  return booked
    .flatMap((b) => {
      const own = items.filter((item) => item.bookingId === b.bookingId);
      if (own.length === 0) return [];
      const startsAt = new Date(Math.min(...own.map((item) => item.startsAt.getTime())));
      const endsAt = new Date(Math.max(...own.map((item) => item.endsAt.getTime())));
      return [{ ...b, startsAt, endsAt }];
    })
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.bookingId - b.bookingId);
}
