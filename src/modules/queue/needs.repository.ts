import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookingItems, bookings } from '../booking/booking.table.js';
import { slots } from '../events/events.table.js';

/** The booked families of an event with their needs and the start of each of their appointments. */
export async function needsOfEvent(db: Db, eventId: number) {
  const rows = await db
    .select({
      bookingId: bookings.id, interpreterLanguage: bookings.interpreterLanguage, childcare: bookings.childcare,
      stepFree: bookings.stepFree, startsAt: slots.startsAt,
    })
    .from(bookings)
    .innerJoin(bookingItems, and(eq(bookingItems.bookingId, bookings.id), eq(bookingItems.active, true)))
    .innerJoin(slots, eq(slots.id, bookingItems.slotId))
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')))
    .orderBy(asc(slots.startsAt), asc(bookings.id));
  const families = new Map<number, { interpreterLanguage: string | null; childcare: boolean; stepFree: boolean; times: Date[] }>();
  for (const row of rows) {
    const family = families.get(row.bookingId)
      ?? { interpreterLanguage: row.interpreterLanguage, childcare: row.childcare, stepFree: row.stepFree, times: [] };
    family.times.push(row.startsAt);
    families.set(row.bookingId, family);
  }
  return [...families.values()];
}

/**
 * Families who gave no e-mail address and so hear of a change only by phone. For a cancelled event
 * these are the cancelled bookings (the cancellation freed their slots), otherwise the confirmed ones.
 */
export async function familiesToPhone(db: Db, eventId: number, status: 'confirmed' | 'cancelled') {
  return db
    .select({ bookingId: bookings.id, code: bookings.code, name: bookings.name, phone: bookings.phone })
    .from(bookings)
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, status), isNull(bookings.email)))
    .orderBy(asc(bookings.name), asc(bookings.id));
}
