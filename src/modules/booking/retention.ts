import { and, eq, inArray, isNull, lt, ne, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { auditLog } from '../audit/audit.table.js';
import { bookingItems, bookings } from './booking.table.js';
import { events } from '../events/events.table.js';
import { organisations } from '../organisations/organisations.table.js';
import { mailJobs } from '../mail/mail.table.js';

/**
 * Removes what identifies a family from a booking: name, contact, needs and the manage link. What stays
 * (event, topics, times, status, language) counts for the statistics but names nobody.
 * Mails not yet sent to them are dropped. Pass the transaction when part of a larger change.
 */
export async function anonymiseBookings(tx: Db, bookingIds: number[], now: Date): Promise<void> {
  if (bookingIds.length === 0) return;
  await tx.update(bookings).set({
    name: '', email: null, phone: null, interpreterLanguage: null, childcare: false, stepFree: false,
    // The hash column is unique and required; a value that no token can ever hash to.
    manageTokenHash: sql`'deleted:' || ${bookings.id}`,
    anonymisedAt: now,
  }).where(inArray(bookings.id, bookingIds));
  await tx.update(mailJobs).set({ status: 'skipped', recipient: null, manageToken: null, lockedUntil: null })
    .where(and(inArray(mailJobs.bookingId, bookingIds), eq(mailJobs.status, 'pending')));
  await tx.update(mailJobs).set({ recipient: null, manageToken: null }).where(inArray(mailJobs.bookingId, bookingIds));
}

/** A family deletes its data at once: the booking is cancelled (its times freed) and anonymised. */
export async function deleteBookingNow(db: Db, bookingId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.update(bookingItems).set({ active: false }).where(and(eq(bookingItems.bookingId, bookingId), eq(bookingItems.active, true)));
    await tx.update(bookings).set({ status: 'cancelled', cancelledAt: now })
      .where(and(eq(bookings.id, bookingId), eq(bookings.status, 'confirmed')));
    await anonymiseBookings(tx, [bookingId], now);
  });
}

export type RetentionResult = { anonymisedBookings: number; wipedMails: number; prunedAuditEntries: number };

/**
 * The daily clean-up: bookings lose their personal data the organisation's number of days after their
 * event; sent or given-up mails lose their address; audit entries older than the audit retention go.
 */
export async function runRetention(db: Db, now: Date, auditRetentionDays: number): Promise<RetentionResult> {
  const today = berlinDate(now);
  return db.transaction(async (tx) => {
    const expired = await tx.select({ id: bookings.id })
      .from(bookings)
      .innerJoin(events, eq(events.id, bookings.eventId))
      .innerJoin(organisations, eq(organisations.id, bookings.organisationId))
      .where(and(
        isNull(bookings.anonymisedAt),
        lt(events.localDate, sql`(${today}::date - make_interval(days => ${organisations.retentionDays}))::date`),
      ));
    await anonymiseBookings(tx, expired.map((b) => b.id), now);
    const wiped = await tx.update(mailJobs).set({ recipient: null, manageToken: null })
      .where(and(ne(mailJobs.status, 'pending'), sql`(${mailJobs.recipient} is not null or ${mailJobs.manageToken} is not null)`))
      .returning({ id: mailJobs.id });
    const pruned = await tx.delete(auditLog)
      .where(lt(auditLog.at, new Date(now.getTime() - auditRetentionDays * 24 * 60 * 60 * 1000)))
      .returning({ id: auditLog.id });
    return { anonymisedBookings: expired.length, wipedMails: wiped.length, prunedAuditEntries: pruned.length };
  });
}
