import { and, asc, count, eq, inArray, notExists, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type BookableSlot, bookableSlotsQuery } from '../events/events.repository.js';
import { bookingItems, bookings } from './booking.table.js';
import type { FreeSlot } from './itinerary.rules.js';

/** The slots among these that a family holds (an active booking item). */
export async function heldSlotIds(db: Db, slotIds: number[]): Promise<Set<number>> {
  if (slotIds.length === 0) return new Set();
  const rows = await db.select({ slotId: bookingItems.slotId }).from(bookingItems)
    .where(and(inArray(bookingItems.slotId, slotIds), eq(bookingItems.active, true)));
  return new Set(rows.map((row) => row.slotId));
}

/** The bookable slots of these events that nobody holds, as one subquery (see events' bookableSlotsQuery). */
function freeSlotsQuery(db: Db, eventIds: number[], now: Date, onlySlotIds?: number[]) {
  const offered = bookableSlotsQuery(db, eventIds, now, onlySlotIds).as('offered');
  const held = db.select({ one: sql`1` }).from(bookingItems)
    .where(and(eq(bookingItems.slotId, offered.slotId), eq(bookingItems.active, true)));
  return { offered, held };
}

/**
 * Slots a family can still book online: not kept for walk-ins, not yet begun, not held; one statement.
 * `onlySlotIds`: just these (the confirmation checks the chosen slots, not every free one).
 */
export async function listFreeSlots(db: Db, eventIds: number[], now: Date, onlySlotIds?: number[]): Promise<Array<FreeSlot & BookableSlot>> {
  if (eventIds.length === 0 || onlySlotIds?.length === 0) return [];
  const { offered, held } = freeSlotsQuery(db, eventIds, now, onlySlotIds);
  const rows = await db.select().from(offered).where(notExists(held)).orderBy(asc(offered.startsAt), asc(offered.deskId));
  return rows.map((r) => ({ ...r, topicIds: r.topicIds.map(Number) }));
}

/** How many slots of each event a family can still book online, counted in the database. */
export async function freeSlotCounts(db: Db, eventIds: number[], now: Date): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const { offered, held } = freeSlotsQuery(db, eventIds, now);
  const rows = await db.select({ eventId: offered.eventId, n: count() }).from(offered).where(notExists(held)).groupBy(offered.eventId);
  return new Map(rows.map((row) => [row.eventId, row.n]));
}

/** How many confirmed bookings each of these events has. */
export async function confirmedBookingCounts(db: Db, eventIds: number[]): Promise<Map<number, number>> {
  if (eventIds.length === 0) return new Map();
  const rows = await db.select({ eventId: bookings.eventId, n: count() }).from(bookings)
    .where(and(inArray(bookings.eventId, eventIds), eq(bookings.status, 'confirmed'))).groupBy(bookings.eventId);
  return new Map(rows.map((row) => [row.eventId, row.n]));
}

export async function countConfirmedBookings(db: Db, eventId: number): Promise<number> {
  return (await confirmedBookingCounts(db, [eventId])).get(eventId) ?? 0;
}
