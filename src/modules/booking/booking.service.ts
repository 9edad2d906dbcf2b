import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { isUniqueViolation } from '../../db/errors.js';
import { hashToken, newBookingCode, newManageToken } from '../../lib/tokens.js';
import { listFreeSlots } from './availability.js';
import { bookingAvailability, type EventWindow } from '../events/events.rules.js';
import { shareLockEvent } from '../events/events.repository.js';
import { enqueueMail } from '../mail/outbox.js';
import * as repository from './booking.repository.js';
import type { MailKind } from './family-mail.js';
import { bookings } from './booking.table.js';
import type { ChosenStops, ContactAnswers, NeedsAnswers } from './booking.forms.js';
import { buildItineraries, explainNoFit, type Itinerary, type NoFit } from './itinerary.rules.js';

/**
 * Waits between two appointments: up to 15 minutes counts as back to back; a start time without such a plan
 * is offered with waits of up to an hour (shown on the page), e.g. across the slots every desk keeps for walk-ins.
 */
const ITINERARY_OPTIONS = { shortGapMinutes: 15, longestGapMinutes: 60, maxProposals: 12 } as const;

export class SlotTakenError extends Error {
  constructor() {
    super('A chosen slot is no longer free');
  }
}

export class EmailLimitError extends Error {
  constructor() {
    super('This e-mail address already holds the allowed number of bookings for the event');
  }
}

export class BookingClosedError extends Error {
  constructor(readonly reason: ReturnType<typeof bookingAvailability>) {
    super(`Booking is not possible: ${reason}`);
  }
}

type BookableEvent = EventWindow & { id: number; organisationId: number };

export async function itinerariesFor(db: Db, eventId: number, topicIds: number[], now: Date): Promise<Itinerary[]> {
  const free = await listFreeSlots(db, [eventId], now);
  return buildItineraries(topicIds, free, ITINERARY_OPTIONS);
}

/** The proposals for the time page and, when none covers every topic, what does fit instead. */
export async function planVisit(db: Db, eventId: number, topicIds: number[], now: Date): Promise<{ itineraries: Itinerary[]; noFit?: NoFit }> {
  const free = await listFreeSlots(db, [eventId], now);
  const itineraries = buildItineraries(topicIds, free, ITINERARY_OPTIONS);
  return itineraries.length ? { itineraries } : { itineraries, noFit: explainNoFit(topicIds, free, ITINERARY_OPTIONS) };
}

/**
 * Checks the family's choice against what is free now: every topic exactly once, each at a free slot of
 * a desk that serves it, one after another. A slot taken meanwhile is the expected race, not an error.
 */
async function assertBookable(tx: Db, event: BookableEvent, topicIds: number[], stops: ChosenStops, now: Date) {
  // A shared lock on the event: bookings run side by side, but wait for a coordinator's desk change, move or
  // cancellation (which lock it exclusively), and then see the event as it is now.
  const current = await shareLockEvent(tx, event.id);
  const availability = bookingAvailability(current ?? event, now);
  if (availability !== 'open') throw new BookingClosedError(availability);
  const wanted = [...new Set(topicIds)].sort();
  const chosen = stops.map((s) => s.topicId).sort();
  if (wanted.join() !== chosen.join()) throw new SlotTakenError();
  const free = new Map((await listFreeSlots(tx, [event.id], now, stops.map((s) => s.slotId))).map((s) => [s.slotId, s]));
  let previousEnd = 0;
  for (const stop of stops) {
    const slot = free.get(stop.slotId);
    if (!slot || !slot.topicIds.includes(stop.topicId) || slot.startsAt.getTime() < previousEnd) {
      throw new SlotTakenError();
    }
    previousEnd = slot.endsAt.getTime();
  }
}

/** `existing`: this draft had already been booked (a double tap, or the form sent again); nothing new was made. */
export type ConfirmedBooking = { bookingId: number; code: string; manageToken: string; existing: boolean };

/**
 * Books a family's draft. Idempotent per draft: the draft carries the private link's token from its start,
 * and the token's hash is unique, so the same draft confirmed twice (at once or one after the other) makes
 * one booking, and the second confirmation is led to it.
 */
export async function confirmBooking(
  db: Db,
  input: {
    event: BookableEvent; topicIds: number[]; stops: ChosenStops; contact: ContactAnswers; needs: NeedsAnswers; now: Date;
    bookingsPerEmail: number;
    /** The draft's token; a new one when the caller has no draft (fixtures, demo). */
    manageToken?: string;
  },
): Promise<ConfirmedBooking> {
  const manageToken = input.manageToken ?? newManageToken();
  const manageTokenHash = hashToken(manageToken);
  const alreadyBooked = async (): Promise<ConfirmedBooking | undefined> => {
    const found = await repository.findBookingIdentityByTokenHash(db, manageTokenHash);
    return found && { bookingId: found.id, code: found.code, manageToken, existing: true };
  };
  // A new code is drawn if it happens to exist already; three collisions in a row do not happen.
  for (let attempt = 1; ; attempt++) {
    const code = newBookingCode();
    try {
      const outcome = await db.transaction(async (tx) => {
        const earlier = await repository.findBookingIdentityByTokenHash(tx, manageTokenHash);
        if (earlier) return { id: earlier.id, earlierCode: earlier.code };
        await assertBookable(tx, input.event, input.topicIds, input.stops, input.now);
        if (input.contact.email && await repository.countActiveBookingsByEmail(tx, input.event.id, input.contact.email) >= input.bookingsPerEmail) {
          throw new EmailLimitError();
        }
        const id = await repository.insertBooking(tx, {
          organisationId: input.event.organisationId,
          eventId: input.event.id,
          code,
          manageTokenHash,
          name: input.contact.name,
          email: input.contact.email || null,
          phone: input.contact.phone || null,
          language: input.needs.language,
          interpreterLanguage: input.needs.interpreter === 'none' ? null : input.needs.interpreter,
          childcare: input.needs.childcare,
          stepFree: input.needs.stepFree,
          consentedAt: input.now,
          // The check page asks explicit consent for a health-related need before it confirms.
          healthConsentAt: input.needs.stepFree ? input.now : null,
        });
        await repository.insertItems(tx, id, input.stops);
        if (input.contact.email) {
          await enqueueMail(tx, {
            organisationId: input.event.organisationId, bookingId: id, kind: 'booking_confirmed', idempotencyKey: `booking_confirmed:${id}`,
            recipient: input.contact.email, language: input.needs.language, manageToken, now: input.now,
          });
        }
        return { id, earlierCode: undefined };
      });
      if (outcome.earlierCode) return { bookingId: outcome.id, code: outcome.earlierCode, manageToken, existing: true };
      return { bookingId: outcome.id, code, manageToken, existing: false };
    } catch (error) {
      // The same draft confirmed at the same moment: the other request made the booking (or took its slot).
      const taken = error instanceof SlotTakenError || isUniqueViolation(error, 'booking_items_active_slot_uq');
      if (taken || isUniqueViolation(error, 'bookings_manage_token_hash_uq')) {
        const existing = await alreadyBooked();
        if (existing) return existing;
      }
      if (taken) throw new SlotTakenError();
      if (isUniqueViolation(error, 'bookings_code_uq') && attempt < 3) continue;
      throw error;
    }
  }
}

/** Moves a booking to new slots: the new ones are taken and the old ones freed together, or nothing changes. */
export async function rescheduleBooking(
  db: Db,
  input: { bookingId: number; event: BookableEvent; topicIds: number[]; stops: ChosenStops; now: Date },
): Promise<void> {
  try {
    await db.transaction(async (tx) => {
      await repository.releaseItems(tx, input.bookingId, input.now);
      await assertBookable(tx, input.event, input.topicIds, input.stops, input.now);
      await repository.insertItems(tx, input.bookingId, input.stops);
      await notifyFamily(tx, input.bookingId, 'booking_rescheduled', `booking_rescheduled:${input.bookingId}:${input.now.getTime()}`, input.now);
    });
  } catch (error) {
    if (isUniqueViolation(error, 'booking_items_active_slot_uq')) throw new SlotTakenError();
    throw error;
  }
}

export async function cancelBooking(db: Db, bookingId: number, now: Date): Promise<void> {
  await db.transaction(async (tx) => {
    await repository.releaseItems(tx, bookingId, now);
    await repository.markCancelled(tx, bookingId, now);
    await notifyFamily(tx, bookingId, 'booking_cancelled', `booking_cancelled:${bookingId}`, now);
  });
}

/** Writes a mail to the family about its booking, if it gave an address; inside the change's transaction. */
async function notifyFamily(tx: Db, bookingId: number, kind: MailKind, idempotencyKey: string, now: Date) {
  const [family] = await tx.select({ organisationId: bookings.organisationId, email: bookings.email, language: bookings.language })
    .from(bookings).where(eq(bookings.id, bookingId));
  if (!family?.email) return;
  await enqueueMail(tx, { organisationId: family.organisationId, bookingId, kind, idempotencyKey, recipient: family.email, language: family.language, now });
}
