import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { DateTime } from 'luxon';
import type { Db } from '../../db/client.js';
import { berlinDate } from '../../lib/dates.js';
import { pruneAudit } from '../audit/audit.js';
import { eventIdsBefore } from '../events/events.repository.js';
import { dropMailOf, forgetDeliveredAddresses } from '../mail/outbox.js';
import { listOrganisations } from '../organisations/organisations.repository.js';
import { tallyNeedsBeforeAnonymising } from './booking.figures.js';
import { releaseItems } from './booking.repository.js';
import { bookings } from './booking.table.js';

/**
 * Removes what identifies a family from a booking: name, contact, needs and the manage link. What stays
 * (event, topics, times, status, language) counts for the statistics but names nobody.
 * Mails not yet sent to them are dropped. Pass the transaction when part of a larger change.
 */
async function anonymiseBookings(tx: Db, bookingIds: number[], now: Date): Promise<void> {
  if (bookingIds.length === 0) return;
  await tallyNeedsBeforeAnonymising(tx, bookingIds);
  await tx.update(bookings).set({
    name: '', email: null, phone: null, interpreterLanguage: null, childcare: false, stepFree: false, healthConsentAt: null,
    // The hash column is unique and required; a value that no token can ever hash to.
    manageTokenHash: sql`'deleted:' || ${bookings.id}`,
    anonymisedAt: now,
  }).where(inArray(bookings.id, bookingIds));
  await dropMailOf(tx, bookingIds);
}

/** A family deletes its data at once: the booking is cancelled (its times freed) and anonymised. */
export async function deleteBookingNow(db: Db, bookingId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await releaseItems(tx, bookingId, now);
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
    const expired: Array<{ id: number }> = [];
    for (const organisation of await listOrganisations(tx)) {
      const keptFrom = DateTime.fromISO(today).minus({ days: organisation.retentionDays }).toISODate()!;
      const eventIds = await eventIdsBefore(tx, organisation.id, keptFrom);
      if (eventIds.length === 0) continue;
      expired.push(...await tx.select({ id: bookings.id }).from(bookings).where(and(
        eq(bookings.organisationId, organisation.id), inArray(bookings.eventId, eventIds), isNull(bookings.anonymisedAt),
      )));
    }
    await anonymiseBookings(tx, expired.map((b) => b.id), now);
    const wipedMails = await forgetDeliveredAddresses(tx);
    const prunedAuditEntries = await pruneAudit(tx, new Date(now.getTime() - auditRetentionDays * 24 * 60 * 60 * 1000));
    return { anonymisedBookings: expired.length, wipedMails, prunedAuditEntries };
  });
}
