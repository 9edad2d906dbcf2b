import { and, count, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { type BookableSlot, bookableSlots } from '../events/events.repository.js';
import { bookingItems, bookings } from './booking.table.js';
import type { FreeSlot } from './itinerary.rules.js';

/** The slots among these that a family holds (an active booking item). */
export async function heldSlotIds(db: Db, slotIds: number[]): Promise<Set<number>> {
  if (slotIds.length === 0) return new Set();
  const rows = await db.select({ slotId: bookingItems.slotId }).from(bookingItems)
    .where(and(inArray(bookingItems.slotId, slotIds), eq(bookingItems.active, true)));
  return new Set(rows.map((row) => row.slotId));
}

/** Slots a family can still book online: not kept for walk-ins, not yet begun, not held. */
export async function listFreeSlots(db: Db, eventIds: number[], now: Date): Promise<Array<FreeSlot & BookableSlot>> {
  const offered = await bookableSlots(db, eventIds, now);
  const held = await heldSlotIds(db, offered.map((slot) => slot.slotId));
  return offered.filter((slot) => !held.has(slot.slotId));
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
