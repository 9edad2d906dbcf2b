import { and, eq, gte, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { bookingItems, bookings } from './booking.table.js';
import { events, slots } from '../events/events.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { enqueueMail } from '../mail/outbox.js';

/**
 * Writes a reminder for every family whose first appointment is within the organisation's reminder time
 * (default 48 h). Families who booked inside that time already have their confirmation and get none.
 * The key carries the event's revision: after a move, the new date is reminded of once more.
 */
export async function queueDueReminders(db: Db, now: Date): Promise<number> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const due = await db
    .select({
      bookingId: bookings.id, organisationId: bookings.organisationId, email: bookings.email, language: bookings.language,
      revision: events.revision,
    })
    .from(bookings)
    .innerJoin(events, eq(events.id, bookings.eventId))
    .innerJoin(organisations, eq(organisations.id, bookings.organisationId))
    .innerJoin(bookingItems, and(eq(bookingItems.bookingId, bookings.id), eq(bookingItems.active, true)))
    .innerJoin(slots, eq(slots.id, bookingItems.slotId))
    .where(and(
      eq(bookings.status, 'confirmed'), eq(events.status, 'published'), isNotNull(bookings.email), isNull(bookings.anonymisedAt),
      gte(events.localDate, berlinDate(now)),
    ))
    .groupBy(bookings.id, events.revision, organisations.reminderHoursBefore)
    .having(sql`min(${slots.startsAt}) > ${at}
      and min(${slots.startsAt}) - make_interval(hours => ${organisations.reminderHoursBefore}) <= ${at}
      and ${bookings.createdAt} < min(${slots.startsAt}) - make_interval(hours => ${organisations.reminderHoursBefore})`);
  for (const family of due) {
    await enqueueMail(db, {
      organisationId: family.organisationId, bookingId: family.bookingId, kind: 'reminder',
      idempotencyKey: `reminder:${family.bookingId}:${family.revision}`, recipient: family.email!, language: family.language, now,
    });
  }
  return due.length;
}
