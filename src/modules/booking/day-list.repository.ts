import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { desks, slots } from '../events/events.table.js';
import { topics } from '../organisations/organisations.table.js';
import { bookingItems, bookings } from './booking.table.js';

export type ExpectedFamily = {
  bookingId: number;
  code: string;
  phone: string | null;
  interpreterLanguage: string | null;
  childcare: boolean;
  stepFree: boolean;
  stops: Array<{ startsAt: Date; topicName: typeof topics.$inferSelect.name; deskLabel: string }>;
};

/** The confirmed bookings of an event with their appointments, by first appointment: the front desk's day list. */
export async function expectedFamilies(db: Db, eventId: number): Promise<ExpectedFamily[]> {
  const rows = await db
    .select({
      bookingId: bookings.id, code: bookings.code, phone: bookings.phone, interpreterLanguage: bookings.interpreterLanguage,
      childcare: bookings.childcare, stepFree: bookings.stepFree, startsAt: slots.startsAt, topicName: topics.name, deskLabel: desks.label,
    })
    .from(bookings)
    .innerJoin(bookingItems, and(eq(bookingItems.bookingId, bookings.id), eq(bookingItems.active, true)))
    .innerJoin(slots, eq(slots.id, bookingItems.slotId))
    .innerJoin(desks, eq(desks.id, slots.deskId))
    .innerJoin(topics, eq(topics.id, bookingItems.topicId))
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')))
    .orderBy(asc(slots.startsAt), asc(bookings.id));
  const families = new Map<number, ExpectedFamily>();
  for (const row of rows) {
    const family = families.get(row.bookingId) ?? {
      bookingId: row.bookingId, code: row.code, phone: row.phone, interpreterLanguage: row.interpreterLanguage,
      childcare: row.childcare, stepFree: row.stepFree, stops: [],
    };
    family.stops.push({ startsAt: row.startsAt, topicName: row.topicName, deskLabel: row.deskLabel });
    families.set(row.bookingId, family);
  }
  return [...families.values()];
}
