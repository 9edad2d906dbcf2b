import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { deskLabels, slotsByIds } from '../events/events.repository.js';
import { type Topic, topicsWithIds } from '../organisations/organisations.repository.js';
import { bookingItems, bookings } from './booking.table.js';

export type ExpectedFamily = {
  bookingId: number;
  code: string;
  phone: string | null;
  interpreterLanguage: string | null;
  childcare: boolean;
  stepFree: boolean;
  stops: Array<{ startsAt: Date; topicName: Topic['name']; deskLabel: string }>;
};

/** The confirmed bookings of an event with their appointments, by first appointment: the front desk's day list. */
export async function expectedFamilies(db: Db, eventId: number): Promise<ExpectedFamily[]> {
  const rows = await db
    .select({
      bookingId: bookings.id, code: bookings.code, phone: bookings.phone, interpreterLanguage: bookings.interpreterLanguage,
      childcare: bookings.childcare, stepFree: bookings.stepFree, slotId: bookingItems.slotId, topicId: bookingItems.topicId,
    })
    .from(bookings)
    .innerJoin(bookingItems, and(eq(bookingItems.bookingId, bookings.id), eq(bookingItems.active, true)))
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, 'confirmed')));
  const [slots, labels, topics] = await Promise.all([
    slotsByIds(db, eventId, rows.map((row) => row.slotId)),
    deskLabels(db, eventId),
    topicsWithIds(db, [...new Set(rows.map((row) => row.topicId))]),
  ]);
  const stops = rows.flatMap((row) => {
    const slot = slots.get(row.slotId);
    const topic = topics.get(row.topicId);
    return slot && topic ? [{ row, startsAt: slot.startsAt, topicName: topic.name, deskLabel: labels.get(slot.deskId) ?? '' }] : [];
  }).sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.row.bookingId - b.row.bookingId);
  const families = new Map<number, ExpectedFamily>();
  for (const { row, ...stop } of stops) {
    const family = families.get(row.bookingId) ?? {
      bookingId: row.bookingId, code: row.code, phone: row.phone, interpreterLanguage: row.interpreterLanguage,
      childcare: row.childcare, stepFree: row.stepFree, stops: [],
    };
    family.stops.push(stop);
    families.set(row.bookingId, family);
  }
  return [...families.values()];
}
