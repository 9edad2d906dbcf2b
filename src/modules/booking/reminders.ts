import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { publishedEventsFrom } from '../events/events.repository.js';
import { enqueueMail } from '../mail/outbox.js';
import { listOrganisations } from '../organisations/organisations.repository.js';
import { activeItemsWithSlots } from './booking.repository.js';
import { bookings } from './booking.table.js';

const HOUR_MS = 60 * 60 * 1000;

/**
 * Writes a reminder for every family whose first appointment is within the organisation's reminder time
 * (default 48 h). Families who booked inside that time already have their confirmation and get none.
 * The key carries the event's revision: after a move, the new date is reminded of once more.
 */
export async function queueDueReminders(db: Db, now: Date): Promise<number> {
  const upcoming = await publishedEventsFrom(db, berlinDate(now));
  if (upcoming.length === 0) return 0;
  const eventOf = new Map(upcoming.map((event) => [event.id, event]));
  const hoursBefore = new Map((await listOrganisations(db)).map((organisation) => [organisation.id, organisation.reminderHoursBefore]));
  const families = await db
    .select({
      bookingId: bookings.id, eventId: bookings.eventId, organisationId: bookings.organisationId, email: bookings.email,
      language: bookings.language, createdAt: bookings.createdAt,
    })
    .from(bookings)
    .where(and(
      inArray(bookings.eventId, [...eventOf.keys()]), eq(bookings.status, 'confirmed'), isNotNull(bookings.email), isNull(bookings.anonymisedAt),
    ));
  const firstStart = new Map<number, number>();
  for (const item of await activeItemsWithSlots(db, families.map((family) => family.bookingId))) {
    firstStart.set(item.bookingId, Math.min(firstStart.get(item.bookingId) ?? Infinity, item.startsAt.getTime()));
  }
  const due = families.filter((family) => {
    const first = firstStart.get(family.bookingId);
    const hours = hoursBefore.get(family.organisationId);
    if (first === undefined || hours === undefined) return false;
    const remindFrom = first - hours * HOUR_MS;
    return first > now.getTime() && remindFrom <= now.getTime() && family.createdAt.getTime() < remindFrom;
  });
  for (const family of due) {
    await enqueueMail(db, {
      organisationId: family.organisationId, bookingId: family.bookingId, kind: 'reminder',
      idempotencyKey: `reminder:${family.bookingId}:${eventOf.get(family.eventId)!.revision}`, recipient: family.email!, language: family.language, now,
    });
  }
  return due.length;
}
