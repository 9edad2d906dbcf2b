import { and, count, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { bookings } from './booking.table.js';
import type { MailKind } from './family-mail.js';
import { enqueueMail, mailAbout } from '../mail/outbox.js';

/**
 * Writes one notice for each of the given bookings that gave an e-mail address, inside the transaction that
 * changed the event. The key names the cause (kind, event, revision) so a notice is never queued twice.
 * Returns how many of those families have no e-mail address and must be told another way.
 */
export async function queueEventNotices(
  tx: Db,
  input: { organisationId: number; eventId: number; revision: number; kind: MailKind; now: Date; bookingIds: number[] },
): Promise<{ queued: number; withoutEmail: number }> {
  if (input.bookingIds.length === 0) return { queued: 0, withoutEmail: 0 };
  const families = await tx
    .select({ id: bookings.id, email: bookings.email, language: bookings.language })
    .from(bookings)
    .where(and(eq(bookings.eventId, input.eventId), inArray(bookings.id, input.bookingIds)));
  const reachable = families.filter((family) => family.email);
  for (const family of reachable) {
    await enqueueMail(tx, {
      organisationId: input.organisationId, bookingId: family.id, kind: input.kind, recipient: family.email!, language: family.language,
      idempotencyKey: `${input.kind}:${input.eventId}:${family.id}:${input.revision}`, now: input.now,
    });
  }
  return { queued: reachable.length, withoutEmail: families.length - reachable.length };
}

/** The notices written for an event's families, newest first, without any address. */
export async function noticesOfEvent(db: Db, eventId: number) {
  const families = await db.select({ id: bookings.id, code: bookings.code }).from(bookings).where(eq(bookings.eventId, eventId));
  const codes = new Map(families.map((family) => [family.id, family.code]));
  return (await mailAbout(db, [...codes.keys()]))
    .map(({ bookingId, ...mail }) => ({ ...mail, bookingCode: codes.get(bookingId!)! }));
}

/** Families of an event who gave no e-mail address, by booking status. */
export async function familiesWithoutEmail(db: Db, eventId: number, status: 'confirmed' | 'cancelled') {
  const [row] = await db
    .select({ n: count() })
    .from(bookings)
    .where(and(eq(bookings.eventId, eventId), eq(bookings.status, status), isNull(bookings.email)));
  return row?.n ?? 0;
}
