import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { activeItemsWithSlots } from './booking.repository.js';
import { bookings } from './booking.table.js';

/** The booked families of an event with their needs and the start of each of their appointments. */
export async function needsOfEvent(db: Db, eventId: number) {
  const confirmed = await db
    .select({
      bookingId: bookings.id, interpreterLanguage: bookings.interpreterLanguage, childcare: bookings.childcare, stepFree: bookings.stepFree,
    })
    .from(bookings)
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')));
  const byId = new Map(confirmed.map((booking) => [booking.bookingId, booking]));
  const items = (await activeItemsWithSlots(db, [...byId.keys()]))
    .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.bookingId - b.bookingId);
  const families = new Map<number, { interpreterLanguage: string | null; childcare: boolean; stepFree: boolean; times: Date[] }>();
  for (const item of items) {
    const booking = byId.get(item.bookingId)!;
    const family = families.get(item.bookingId)
      ?? { interpreterLanguage: booking.interpreterLanguage, childcare: booking.childcare, stepFree: booking.stepFree, times: [] };
    family.times.push(item.startsAt);
    families.set(item.bookingId, family);
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
